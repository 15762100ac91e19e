import type { App, ViewSubmitAction } from '@slack/bolt';
import { reopened } from '../../../../core/chat/confirmations.js';
import { reopenInstance } from '../../../../core/use-cases/change-status.js';
import type { SlackDeps } from '../../deps.js';
import { FIELDS, VIEWS } from '../../ids.js';
import { tellItemThread } from '../../item-thread.js';
import { fieldValue, viewSubmission } from '../../schemas.js';
import { submitModal } from '../acting-user.js';

/** Why the item is reopened: core checks who and the reason; once reopened, its root shows it and its thread is told. */
export function registerReopenSubmit(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.reopen, async (args) => {
    const { view, user } = viewSubmission.parse(args.body);
    const instanceId = view.private_metadata;
    await submitModal(deps, args, FIELDS.reason, (unit, actor) => reopenInstance(unit, actor, { instanceId, reason: fieldValue(view, FIELDS.reason) ?? '' }, deps.clock.now()), {
      then: (result, tenantId) => tellItemThread(deps, args.client, tenantId, instanceId, reopened(user.id, result.reason)),
    });
  });
}
