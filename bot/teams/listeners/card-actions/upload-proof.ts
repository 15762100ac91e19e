import type { App } from '@microsoft/teams.apps';
import { refusal } from '../../../../core/chat/confirmations.js';
import { uploadProofPrompt } from '../../../../core/chat/prompts.js';
import type { ChatText } from '../../../../core/chat/text.js';
import { itemName } from '../../../../core/engine/labels.js';
import { checkSubmit } from '../../../../core/use-cases/submit-evidence.js';
import { decisionCard } from '../../cards/item.js';
import { cardMessage } from '../../cards/message.js';
import { CARD_ACTIONS } from '../../ids.js';
import { personalChat } from '../../personal-chat.js';
import { actAsTeamsUser, cardAnswer, dataOf, rootCardFor, unknownPersonCard, whoActs, type CardActionDeps } from './act.js';

/** How long "send the proof here" waits for the file. */
export const UPLOAD_PROMPT_HOURS = 24;

const ASKED: ChatText = [{ icon: 'review' }, ' I have asked you for the file in your chat with Compliance OS: send it there.'];

/**
 * Upload proof on an item's card: Teams hands bots no files posted in a channel, only those sent
 * in a personal chat (teams-notes §3). So, once core says this person may submit for the item,
 * the bot asks them there ("Send the filing proof for … here") and keeps the request until it
 * expires; the file they send is taken by evidence-upload.ts.
 */
export function registerUploadProof(app: App, deps: CardActionDeps): void {
  app.on(`card.action.${CARD_ACTIONS.uploadEvidence}`, async (ctx) => {
    const data = dataOf(ctx);
    const outcome = await actAsTeamsUser(deps, ctx, (unit, actor) => checkSubmit(unit, actor, { instanceId: data.instanceId }));
    if ('unknown' in outcome) return cardAnswer(unknownPersonCard(deps));
    const { binding, aadObjectId } = whoActs(deps, ctx);
    const answer = (notice: ChatText) => rootCardFor(deps, binding.tenantId, outcome.userId, data.instanceId, { notice }).then(cardAnswer);
    if ('refused' in outcome) return answer(refusal(outcome.refused.message));

    const facts = await deps.chat.threads.facts(binding.tenantId, data.instanceId, 'teams');
    if (!facts) return cardAnswer(decisionCard(refusal('That compliance item does not exist in your organisation.')));
    const chat = await personalChat(deps.conversations, (serviceUrl) => deps.connector(binding, serviceUrl), binding.tenantId,
      { userId: outcome.userId, aadObjectId: aadObjectId!, name: ctx.activity.from.name ?? null }, { appId: deps.appId, aadTenantId: binding.aadTenantId });
    const sent = await chat.client.conversations.createActivity(chat.conversationId, cardMessage(decisionCard(uploadProofPrompt(itemName(facts), UPLOAD_PROMPT_HOURS))));
    const now = deps.clock.now();
    await deps.uploadPrompts.add(binding.tenantId, {
      userId: outcome.userId, instanceId: data.instanceId, conversationId: chat.conversationId, activityId: sent.id,
      expiresAt: new Date(now.getTime() + UPLOAD_PROMPT_HOURS * 3_600_000),
    });
    return answer(ASKED);
  });
}
