import type { App } from '@microsoft/teams.apps';
import { resolveTeamsUser } from '../../identity.js';
import { CARD_ACTIONS } from '../../ids.js';
import { cardAnswer, dataOf, rootCardFor, whoActs, type CardActionDeps } from './act.js';

/**
 * A root card's refresh (Teams asks for it as each viewer opens the card): the card as this person
 * may see it now, with the buttons core's checks allow them (itemChoices), so the approver sees
 * Approve / Reject on a submitted item, the preparer Upload proof, and anyone else a read-only card.
 */
export function registerRefresh(app: App, deps: CardActionDeps): void {
  app.on(`card.action.${CARD_ACTIONS.refresh}`, async (ctx) => {
    const { binding } = whoActs(deps, ctx);
    const userId = await resolveTeamsUser(deps.chat, ctx.api, ctx.activity, binding.tenantId, deps.logger);
    return cardAnswer(await rootCardFor(deps, binding.tenantId, userId, dataOf(ctx).instanceId));
  });
}
