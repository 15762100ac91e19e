import type { App, BlockButtonAction } from '@slack/bolt';
import { unknownPersonAnswer } from '../../../../core/chat/answers.js';
import { refusal } from '../../../../core/chat/confirmations.js';
import { reopenPrompt } from '../../../../core/chat/prompts.js';
import { checkReopen } from '../../../../core/use-cases/change-status.js';
import { slackReply } from '../../blocks/answer.js';
import { inputModal } from '../../blocks/input-modal.js';
import { databaseDownReply, type SlackReply } from '../../blocks/replies.js';
import { decisionMessage } from '../../review-requests.js';
import { answerWhenDatabaseDown } from '../../database-down.js';
import type { SlackDeps } from '../../deps.js';
import { ACTIONS, FIELDS, VIEWS, actionPattern } from '../../ids.js';
import { buttonPress, buttonValue, readContext } from '../../schemas.js';
import { actAsSlackUser } from '../acting-user.js';
import { itemLabel } from './mark-not-applicable.js';

/**
 * "Reopen…" on the root message of an approved (or not applicable) item: whoever may not reopen
 * it (not its approver nor a tenant admin, an item of another tenant, one not closed) is told so
 * privately at once and nothing opens; otherwise a modal asks why, and its submission reopens it.
 */
export function registerReopen(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(actionPattern(ACTIONS.reopen), async ({ ack, body, action, client, context, respond }) => {
    await ack();
    const { tenantId } = readContext(context);
    const press = buttonPress.parse(body);
    const instanceId = buttonValue.parse(action).value ?? '';
    const privately = (reply: SlackReply) => respond({ response_type: 'ephemeral', replace_original: false, ...reply });
    const outcome = await answerWhenDatabaseDown(deps, 'button', () => actAsSlackUser(deps, client, tenantId, press.user.id, (unit, actor) => checkReopen(unit, actor, { instanceId })),
      () => privately(databaseDownReply()));
    if (!outcome) return;
    if ('unknown' in outcome) return void (await privately(slackReply(unknownPersonAnswer(deps.chat.platform))));
    if ('refused' in outcome) return void (await privately(decisionMessage(refusal(outcome.refused.message))));
    await client.views.open({
      trigger_id: press.trigger_id,
      view: inputModal(reopenPrompt(itemLabel(body)), { callbackId: VIEWS.reopen, privateMetadata: instanceId, field: FIELDS.reason }),
    });
  });
}
