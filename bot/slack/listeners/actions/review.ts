import type { App, BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import type { Runtime } from '../../../../app/runtime.js';
import { runAsUser } from '../../../../app/use-case-runner.js';
import { AppError } from '../../../../core/errors.js';
import { MIN_REASON_LENGTH, approveEvidence, rejectEvidence } from '../../../../core/use-cases/review-evidence.js';
import { section } from '../../blocks/common.js';
import { respondRefusal, userForButton, userForModal } from '../acting-user.js';
import { ACTIONS, VIEWS, parseEvidenceRef } from '../../ids.js';

const REASON_BLOCK = 'reason';
const REASON_INPUT = 'reason_input';

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

  app.action<BlockButtonAction>(ACTIONS.rejectEvidence, async ({ ack, body, action, client }) => {
    await ack();
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: 'modal', callback_id: VIEWS.rejectEvidence, private_metadata: action.value ?? '',
        title: { type: 'plain_text', text: 'Reject evidence' }, submit: { type: 'plain_text', text: 'Reject' }, close: { type: 'plain_text', text: 'Cancel' },
        blocks: [{
          type: 'input', block_id: REASON_BLOCK, label: { type: 'plain_text', text: 'What needs fixing?' },
          element: { type: 'plain_text_input', action_id: REASON_INPUT, multiline: true, min_length: MIN_REASON_LENGTH },
        }],
      },
    });
  });

  app.view<ViewSubmitAction>(VIEWS.rejectEvidence, async ({ ack, body, view, context, client }) => {
    const tenantId = context.tenantId as string;
    const userId = await userForModal(runtime, client, tenantId, body.user.id, ack, REASON_BLOCK);
    if (!userId) return;
    try {
      const reason = view.state.values[REASON_BLOCK]?.[REASON_INPUT]?.value ?? '';
      await runAsUser(runtime.db, tenantId, userId, (unit, actor) =>
        rejectEvidence(unit, actor, { ...parseEvidenceRef(view.private_metadata), reason }, new Date()), { cache: runtime.services.cache });
      await ack();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await ack({ response_action: 'errors', errors: { [REASON_BLOCK]: error.message } });
    }
  });
}
