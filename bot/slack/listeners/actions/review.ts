import type { App, BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import type { Runtime } from '../../../../app/runtime.js';
import { runAsUser } from '../../../../app/use-case-runner.js';
import { MIN_REASON_LENGTH, approveEvidence, rejectEvidence } from '../../../../core/use-cases/review-evidence.js';
import { section } from '../../blocks/common.js';
import { inputModal } from '../../blocks/input-modal.js';
import { respondRefusal, submitModal, userForButton } from '../acting-user.js';
import { ACTIONS, VIEWS, parseEvidenceRef } from '../../ids.js';

const REASON_BLOCK = 'reason';
const REASON_INPUT = 'reason_input';
const REFERENCE_BLOCK = 'filing_reference';
const REFERENCE_INPUT = 'filing_reference_input';

/**
 * Approve and Reject on a "ready for your review" reply. Every rule (role, segregation of
 * duties, stale version, a decision already taken) is core's; the buttons only show its answer.
 */
export function registerReview(app: App, runtime: Runtime): void {
  app.action<BlockButtonAction>(ACTIONS.approveEvidence, async ({ ack, body, action, context, client, respond }) => {
    await ack();
    const tenantId = context.tenantId as string;
    const userId = await userForButton(runtime, client, tenantId, body.user.id, respond);
    if (!userId) return;
    try {
      const result = await runAsUser(runtime.db, tenantId, userId, (unit, actor) =>
        approveEvidence(unit, actor, parseEvidenceRef(action.value), new Date()), { cache: runtime.services.cache });
      const text = `:white_check_mark: Version ${result.evidence.version} approved by <@${body.user.id}>${result.late ? ' (filed late)' : ''}. The evidence is now frozen.`;
      await respond({ replace_original: true, text, blocks: [section(text)] });
    } catch (error) {
      await respondRefusal(respond, error);
    }
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
      approveEvidence(unit, actor, { ...parseEvidenceRef(args.view.private_metadata), filingReference }, new Date()));
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
      rejectEvidence(unit, actor, { ...parseEvidenceRef(args.view.private_metadata), reason }, new Date()));
  });
}
