import { refusal } from '../../../../core/chat/confirmations.js';
import type { ChatText } from '../../../../core/chat/text.js';
import type { Actor } from '../../../../core/engine/access.js';
import type { TenantUnit } from '../../../../core/ports/tenant-unit.js';
import { reviewActions } from '../../cards/decisions.js';
import { decisionCard } from '../../cards/item.js';
import { card, paragraph } from '../../cards/message.js';
import { teamsText } from '../../cards/text.js';
import { tellItemThread } from '../../item-thread.js';
import { actAsTeamsUser, cardAnswer, dataOf, rootCardFor, unknownPersonCard, whoActs, type CardActionDeps, type CardContext, type CardData } from './act.js';

/** One decision a card's button takes: core's use case, and what the thread and the person are told once it is taken. */
export interface Decision<T> {
  useCase: (data: CardData) => (unit: TenantUnit, actor: Actor) => Promise<T>;
  /** The outcome in words; `by` is the presser's AAD object id (mentioned). */
  outcome: (result: T, by: string) => ChatText;
  /** A review decision: its version's review requests in the thread become the outcome. */
  review?: boolean;
  /** The form's input the decision reads (its text is sent back when core refuses it). */
  input?: 'reason' | 'filingReference';
}

/** The refusal of a press on a review request: core's words, with the buttons again so a refused reason can be corrected. */
function reviewRefusal(notice: ChatText, data: CardData, input: Decision<unknown>['input']) {
  const body = [paragraph(teamsText(notice), { weight: 'Bolder', color: 'Attention' })];
  if (!data.evidenceId) return card(body, []);
  const form = { action: data.action, value: input ? data[input] : undefined, error: undefined };
  return card(body, [], { actions: reviewActions({ instanceId: data.instanceId, evidenceId: data.evidenceId, version: data.version }, {}, form) });
}

/**
 * A button's decision, answered within the invoke: core's use case as the person who pressed it
 * (every rule is core's: role, segregation of duties, stale version, reason, another tenant's
 * item); the answer is the card they pressed, updated: the root card as they may see it now, or
 * the review request turned into the outcome. A refusal changes nothing and says why, on the
 * card (a refused reason stays typed in its form). Once done, the item's root card and thread show
 * it to everyone, after the answer (the connector's calls do not delay it).
 */
export async function decide<T>(deps: CardActionDeps, ctx: CardContext, decision: Decision<T>) {
  const data = dataOf(ctx);
  const outcome = await actAsTeamsUser(deps, ctx, decision.useCase(data));
  if ('unknown' in outcome) return cardAnswer(unknownPersonCard(deps));
  const { binding, aadObjectId } = whoActs(deps, ctx);
  const notice = 'done' in outcome ? decision.outcome(outcome.done, aadObjectId!) : refusal(outcome.refused.message);
  if ('done' in outcome) {
    void tellItemThread(deps, binding, data.instanceId, notice, decision.review ? { evidenceId: data.evidenceId } : undefined);
  }
  const typed = decision.input ? data[decision.input] : undefined;
  if (data.card) {
    const form = 'refused' in outcome ? { action: data.action, value: typed, error: outcome.refused.message } : undefined;
    return cardAnswer(await rootCardFor(deps, binding.tenantId, outcome.userId, data.instanceId, { notice, form }));
  }
  return cardAnswer('done' in outcome ? decisionCard(notice) : reviewRefusal(notice, data, decision.input));
}
