import type { App } from '@microsoft/teams.apps';
import { registerAcknowledge } from './acknowledge.js';
import { refusal } from '../../../../core/chat/confirmations.js';
import { decisionCard } from '../../cards/item.js';
import { cardAnswer, dataIsOurs, type CardActionDeps } from './act.js';
import { registerDecisions } from './decisions.js';
import { registerRefresh } from './refresh.js';
import { registerUploadProof } from './upload-proof.js';

export type { CardActionDeps };

const NOT_OUR_CARD = 'That button did not come from a Compliance OS card as it was sent. Nothing was done: open the item from its link and try again.';

/** Card buttons (adaptiveCard/action invokes, routed on data.action), answered within the request. */
export function register(app: App, deps: CardActionDeps): void {
  // Data no card of ours sends (tampered, or from another app's card) is answered, and nothing runs.
  app.on('card.action', async (ctx) => {
    if (!dataIsOurs(ctx)) return cardAnswer(decisionCard(refusal(NOT_OUR_CARD)));
    await ctx.next();
    return undefined;
  });
  registerDecisions(app, deps);
  registerAcknowledge(app, deps);
  registerRefresh(app, deps);
  registerUploadProof(app, deps);
}
