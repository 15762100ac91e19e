import type { IAdaptiveCardActionInvokeActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { z } from 'zod';
import { unknownPersonAnswer } from '../../../../core/chat/answers.js';
import { actAs, type ActOutcome } from '../../../../core/chat/act-as.js';
import { itemCard, itemPortalLink } from '../../../../core/chat/item-card.js';
import type { ChatText } from '../../../../core/chat/text.js';
import type { Actor } from '../../../../core/engine/access.js';
import { AppError } from '../../../../core/errors.js';
import type { TenantUnit } from '../../../../core/ports/tenant-unit.js';
import type { TeamsTenantBinding } from '../../../../core/ports/teams-tenants.js';
import { itemChoices, type ItemChoices } from '../../../../core/use-cases/item-choices.js';
import { decisionCard, rootCard, type RootView } from '../../cards/item.js';
import type { TeamsDeps, TenantOf } from '../../deps.js';
import { ROOT_CARD } from '../../ids.js';
import { teamsAccount, teamsRosterEmail } from '../../identity.js';
import type { ConnectorFor } from '../../item-thread.js';

export type CardContext = IActivityContext<IAdaptiveCardActionInvokeActivity>;
type UseCase<T> = (unit: TenantUnit, actor: Actor) => Promise<T>;

/** What the card-action listeners need. */
export interface CardActionDeps extends Pick<TeamsDeps, 'chat' | 'conversations' | 'clock' | 'logger' | 'uploadPrompts' | 'publicUrl'> {
  tenantOf: TenantOf;
  /** Connector clients as the tenant's app (the item's channel, a personal chat), like the outbox's. */
  connector: ConnectorFor;
  /** The bot's app id (the personal chats it opens name it). */
  appId: string;
}

/**
 * What a card's Action.Execute sends (ids.ts; the inputs of its form are added by Teams under
 * their ids). Everything here comes from a card anyone could have tampered with: ids are checked
 * by core (an item of another tenant is simply not found there).
 */
const cardData = z.object({
  action: z.string().max(100),
  instanceId: z.string().max(100).default(''),
  evidenceId: z.string().max(100).default(''),
  version: z.union([z.number(), z.string().max(20)]).optional(),
  reason: z.string().max(4000).optional(),
  filingReference: z.string().max(200).optional(),
  card: z.literal(ROOT_CARD).optional(),
  batch: z.unknown().optional(),
});
export type CardData = z.infer<typeof cardData>;

const rawData = (ctx: CardContext): unknown => ctx.activity.value?.action?.data ?? {};
/** Whether the pressed card's data is of the shape our cards send (checked once, before any listener). */
export const dataIsOurs = (ctx: CardContext): boolean => cardData.safeParse(rawData(ctx)).success;
export const dataOf = (ctx: CardContext): CardData => cardData.parse(rawData(ctx));

/** The invoke's answer: this card in place of the one pressed, for the person who pressed it. */
export const cardAnswer = (value: IAdaptiveCard) => ({ statusCode: 200 as const, type: 'application/vnd.microsoft.card.adaptive' as const, value });

/** The invoke's answer leaving the card as it is, with a short message to the person. */
export const messageAnswer = (value: string) => ({ statusCode: 200 as const, type: 'application/vnd.microsoft.activity.message' as const, value });

/** Someone the product does not know: nothing was done, and whom to ask. */
export function unknownPersonCard(deps: Pick<CardActionDeps, 'chat'>): IAdaptiveCard {
  const [first = [], ...more] = unknownPersonAnswer(deps.chat.platform).parts.flatMap((p): ChatText[] => (p.kind === 'paragraph' ? p.lines : []));
  return decisionCard(first, more);
}

/** The tenant of the activity, and the AAD object id of the person acting. */
export function whoActs(deps: Pick<CardActionDeps, 'tenantOf'>, ctx: CardContext): { binding: TeamsTenantBinding; aadObjectId: string | undefined } {
  return { binding: deps.tenantOf(ctx.activity), aadObjectId: ctx.activity.from.aadObjectId?.toLowerCase() };
}

/** Core's use case as the Teams user who pressed the button (by AAD object id, else roster email); a refusal is logged (its code, never its data). */
export async function actAsTeamsUser<T>(deps: CardActionDeps, ctx: CardContext, useCase: UseCase<T>): Promise<ActOutcome<T>> {
  const { binding, aadObjectId } = whoActs(deps, ctx);
  if (!aadObjectId) return { unknown: true };
  const outcome = await actAs(deps.chat, binding.tenantId, teamsAccount(aadObjectId), teamsRosterEmail(ctx.api, ctx.activity, deps.logger), useCase);
  if ('refused' in outcome) deps.logger.warn({ code: outcome.refused.code, action: dataOf(ctx).action }, 'Teams card action refused');
  return outcome;
}

/** This person's choices on the item, or none (not theirs to act on, or not found in their tenant). */
async function choicesOf(deps: CardActionDeps, tenantId: string, userId: string | null, instanceId: string): Promise<ItemChoices | undefined> {
  if (!userId) return undefined;
  try {
    return await deps.chat.runner.runAs(tenantId, userId, (unit, actor) => itemChoices(unit, actor, { instanceId }));
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The item's root card as this person may see it now (their buttons, `view`'s notice and form on
 * top), or, for an item their tenant does not have, the notice alone.
 */
export async function rootCardFor(deps: CardActionDeps, tenantId: string, userId: string | null, instanceId: string, view: Omit<RootView, 'choices'> = {}): Promise<IAdaptiveCard> {
  // A tampered id is no item (and never reaches the database as one).
  const facts = !UUID.test(instanceId) ? undefined : await deps.chat.threads.facts(tenantId, instanceId, 'teams');
  if (!facts) return decisionCard(view.notice ?? ['That compliance item does not exist in your organisation.']);
  const choices = await choicesOf(deps, tenantId, userId, instanceId);
  return rootCard(itemCard(facts, deps.clock.now(), itemPortalLink(deps.publicUrl, instanceId)), { ...view, choices });
}
