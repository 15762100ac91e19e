import type { App, ViewSubmitAction } from '@slack/bolt';
import { APPROVED_FROM_HOME, approved } from '../../../../core/chat/confirmations.js';
import { approveEvidence } from '../../../../core/use-cases/review-evidence.js';
import type { SlackDeps } from '../../deps.js';
import { FIELDS, VIEWS, isFromHome, parseEvidenceRef } from '../../ids.js';
import { fieldValue, viewSubmission } from '../../schemas.js';
import { submitModal } from '../acting-user.js';

/** Approval with a filing reference (ARN, challan): the same use case as the Approve button. */
export function registerApproveWithReferenceSubmit(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.approveWithReference, async (args) => {
    const { view } = viewSubmission.parse(args.body);
    const filingReference = fieldValue(view, FIELDS.filingReference);
    const ref = parseEvidenceRef(view.private_metadata);
    await submitModal(deps, args, FIELDS.filingReference, (unit, actor) => approveEvidence(unit, actor, { ...ref, filingReference }, deps.clock.now()), {
      republishHome: isFromHome(view.private_metadata) ? APPROVED_FROM_HOME : undefined,
      review: { ...ref, outcome: approved },
    });
  });
}
