import type { App } from '@microsoft/teams.apps';
import { acknowledged, refusal } from '../../../../core/chat/confirmations.js';
import { acknowledgeEscalation } from '../../../../core/use-cases/change-status.js';
import { decisionCard } from '../../cards/item.js';
import { teamsText } from '../../cards/text.js';
import { CARD_ACTIONS } from '../../ids.js';
import { actAsTeamsUser, cardAnswer, dataOf, messageAnswer, unknownPersonCard, whoActs, type CardActionDeps } from './act.js';

/**
 * Acknowledge on a CFO escalation: the same use case as Slack's button and the email link (it
 * stops the repeats and goes on the audit trail), as the person who pressed it. A single
 * escalation's card becomes the outcome; in a batch the card stays (its other items keep their
 * buttons) and the outcome is a message.
 */
export function registerAcknowledge(app: App, deps: CardActionDeps): void {
  app.on(`card.action.${CARD_ACTIONS.acknowledgeEscalation}`, async (ctx) => {
    const data = dataOf(ctx);
    const outcome = await actAsTeamsUser(deps, ctx, (unit, actor) => acknowledgeEscalation(unit, actor, { instanceId: data.instanceId }, deps.clock.now()));
    if ('unknown' in outcome) return cardAnswer(unknownPersonCard(deps));
    const notice = 'done' in outcome ? acknowledged(outcome.done, whoActs(deps, ctx).aadObjectId!) : refusal(outcome.refused.message);
    // A message is plain text: a mention there is just the name ("you": the card spoke to the presser).
    return data.batch ? messageAnswer(teamsText(notice).replace(/<at>(.*?)<\/at>/g, '$1')) : cardAnswer(decisionCard(notice));
  });
}
