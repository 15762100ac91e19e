import type { App, BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import type { Runtime } from '../../../../app/runtime.js';
import { MIN_REASON_LENGTH, approveEvidence, rejectEvidence } from '../../../../core/use-cases/review-evidence.js';
import { mention } from '../../blocks/common.js';
import { inputModal } from '../../blocks/input-modal.js';
import { REASON_BLOCK, REASON_INPUT } from '../../blocks/not-applicable.js';
import { pressButton, submitModal } from '../acting-user.js';
import { ACTIONS, VIEWS, isFromHome, parseEvidenceRef } from '../../ids.js';

const REFERENCE_BLOCK = 'filing_reference';
const REFERENCE_INPUT = 'filing_reference_input';

/**
 * Approve and Reject on a "ready for your review" reply. Every rule (role, segregation of
 * duties, stale version, a decision already taken) is core's; the buttons only show its answer.
 */
export function registerReview(app: App, runtime: Runtime): void {
  app.action<BlockButtonAction>(ACTIONS.approveEvidence, async (args) => {
    await args.ack();
    await pressButton(runtime, args, (unit, actor) => approveEvidence(unit, actor, parseEvidenceRef(args.action.value), runtime.clock.now()),
      (result) => `:white_check_mark: Version ${result.evidence.version} approved by ${mention(args.body.user.id)}${result.late ? ' (filed late)' : ''}. The evidence is now frozen.`);
  });

  app.action<BlockButtonAction>(ACTIONS.approveWithReference, async ({ ack, body, action, client }) => {
    await ack();
    await client.views.open({
      trigger_id: body.trigger_id,
      view: inputModal({
        callbackId: VIEWS.approveWithReference, privateMetadata: action.value ?? '', title: 'Approve evidence', submit: 'Approve',
        blockId: REFERENCE_BLOCK, actionId: REFERENCE_INPUT, label: 'Filing reference (ARN, challan or acknowledgement number)', optional: true, maxLength: 100,
      }),
    });
  });

  app.view<ViewSubmitAction>(VIEWS.approveWithReference, async (args) => {
    const filingReference = args.view.state.values[REFERENCE_BLOCK]?.[REFERENCE_INPUT]?.value ?? undefined;
    await submitModal(runtime, args, REFERENCE_BLOCK, (unit, actor) =>
      approveEvidence(unit, actor, { ...parseEvidenceRef(args.view.private_metadata), filingReference }, runtime.clock.now()),
    { republishHome: isFromHome(args.view.private_metadata) ? ':white_check_mark: Approved. The evidence is now frozen.' : undefined });
  });

  app.action<BlockButtonAction>(ACTIONS.rejectEvidence, async ({ ack, body, action, client }) => {
    await ack();
    await client.views.open({
      trigger_id: body.trigger_id,
      view: inputModal({
        callbackId: VIEWS.rejectEvidence, privateMetadata: action.value ?? '', title: 'Reject evidence', submit: 'Reject',
        blockId: REASON_BLOCK, actionId: REASON_INPUT, label: 'What needs fixing?', multiline: true, minLength: MIN_REASON_LENGTH,
      }),
    });
  });

  app.view<ViewSubmitAction>(VIEWS.rejectEvidence, async (args) => {
    const reason = args.view.state.values[REASON_BLOCK]?.[REASON_INPUT]?.value ?? '';
    await submitModal(runtime, args, REASON_BLOCK, (unit, actor) =>
      rejectEvidence(unit, actor, { ...parseEvidenceRef(args.view.private_metadata), reason }, runtime.clock.now()),
    { republishHome: isFromHome(args.view.private_metadata) ? ':x: Rejected. The preparer was told why in the thread.' : undefined });
  });
}
