import type { App, ViewSubmitAction } from '@slack/bolt';
import { REJECTED_FROM_HOME, rejected } from '../../../../core/chat/confirmations.js';
import { rejectEvidence } from '../../../../core/use-cases/review-evidence.js';
import type { SlackDeps } from '../../deps.js';
import { FIELDS, VIEWS, isFromHome, parseEvidenceRef } from '../../ids.js';
import { fieldValue, viewSubmission } from '../../schemas.js';
import { submitModal } from '../acting-user.js';

/** What needs fixing: core checks the reason's length and the reviewer, the modal shows its answer. */
export function registerRejectEvidenceSubmit(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.rejectEvidence, async (args) => {
    const { view } = viewSubmission.parse(args.body);
    const reason = fieldValue(view, FIELDS.reason) ?? '';
    const ref = parseEvidenceRef(view.private_metadata);
    await submitModal(deps, args, FIELDS.reason, (unit, actor) => rejectEvidence(unit, actor, { ...ref, reason }, deps.clock.now()), {
      republishHome: isFromHome(view.private_metadata) ? REJECTED_FROM_HOME : undefined,
      // The reason as core kept it (trimmed), shown where the review was asked for.
      review: { ...ref, outcome: (result, by) => rejected(result, by, result.reason) },
    });
  });
}
