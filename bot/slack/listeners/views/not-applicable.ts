import type { App, ViewSubmitAction } from '@slack/bolt';
import { markNotApplicable } from '../../../../core/use-cases/change-status.js';
import type { SlackDeps } from '../../deps.js';
import { FIELDS, VIEWS } from '../../ids.js';
import { fieldValue, viewSubmission } from '../../schemas.js';
import { submitModal } from '../acting-user.js';

/** The reason an item does not apply: core lets only an approver or admin mark it, and the modal shows why not. */
export function registerNotApplicableSubmit(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.notApplicable, async (args) => {
    const { view } = viewSubmission.parse(args.body);
    const reason = fieldValue(view, FIELDS.reason) ?? '';
    await submitModal(deps, args, FIELDS.reason, (unit, actor) =>
      markNotApplicable(unit, actor, { instanceId: view.private_metadata, reason }, deps.clock.now()));
  });
}
