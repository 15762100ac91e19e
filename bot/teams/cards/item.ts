import type { IAdaptiveCard, IMention, ITextBlock } from '@microsoft/teams.cards';
import type { ItemCard } from '../../../core/chat/item-card.js';
import { PROOF_WAY } from '../../../core/chat/proof.js';
import { ACTION_LABEL } from '../../../core/chat/prompts.js';
import type { ItemChoices } from '../../../core/use-cases/item-choices.js';
import type { ChatText } from '../../../core/chat/text.js';
import type { Rag } from '../../../core/engine/rag.js';
import { chatNotification, escalationText } from '../../../core/notifications/chat.js';
import { escalationBatchText } from '../../../core/notifications/escalation-batch.js';
import type { MessageContext } from '../../../core/notifications/message.js';
import { CARD_ACTIONS } from '../ids.js';
import { card, execute, paragraph } from './message.js';
import { itemActions, reviewActions, type FormState } from './decisions.js';
import { isTeamsUserId, mentionOf, teamsText } from './text.js';

type Item = NonNullable<MessageContext['item']>;

/** The status line's colour: Teams' own words for red, amber and green. */
const RAG_COLOR: Record<Rag, ITextBlock['color']> = { red: 'Attention', amber: 'Warning', green: 'Good' };

/** Chat text as card paragraphs, gathering the mentions they make. */
const paragraphs = (mentions: IMention[], lines: ChatText[], extra: Partial<ITextBlock> = {}): ITextBlock[] =>
  lines.map((line) => paragraph(teamsText(line, mentions), extra));

/** What one person sees on an item's root card (its answer to their press, or their refresh). */
export interface RootView {
  /** The buttons core lets them press; none: the read-only card everyone else sees. */
  choices?: ItemChoices;
  /** What just happened, on top (a confirmation, or core's refusal). */
  notice?: ChatText;
  /** A form sent back to them, open with what they typed and why it was refused. */
  form?: FormState;
}

/** Organisation users' MRIs, as Teams names people in a card's refresh list. */
const mriOf = (aadObjectId: string) => `8:orgid:${aadObjectId}`;

/**
 * The item's root card in its entity's channel: kept current (updated in place on every change).
 * As posted it is read-only; its refresh asks the bot for each viewer's own view (the preparer's
 * Upload proof, the approver's Approve / Reject…), automatically for its preparer and approver
 * (and for everyone in a channel of 60 people or fewer, as Teams does).
 */
export function rootCard(c: ItemCard, view: RootView = {}): IAdaptiveCard {
  const mentions: IMention[] = [];
  const [where, due, status] = c.facts;
  return card(
    [
      ...(view.notice ? [paragraph(teamsText(view.notice, mentions), { weight: 'Bolder' })] : []),
      paragraph(teamsText([c.title]), { weight: 'Bolder', size: 'Medium' }),
      ...paragraphs(mentions, [where!, due!]),
      ...paragraphs(mentions, [status!], { color: RAG_COLOR[c.rag] }),
      ...paragraphs(mentions, [[...c.people, ` · ${PROOF_WAY.teams.card}`]], { isSubtle: true, size: 'Small' }),
    ],
    mentions,
    {
      fallbackText: teamsText(c.summary),
      refresh: {
        action: execute('Refresh', { action: CARD_ACTIONS.refresh, instanceId: c.instanceId }),
        userIds: c.accounts.filter(isTeamsUserId).map(mriOf),
      },
      actions: [
        { type: 'Action.OpenUrl', title: ACTION_LABEL.viewDetails, url: c.link },
        ...itemActions(c.instanceId, c.title, view.choices, view.form),
      ],
    },
  );
}

/** A reply in the item's reply chain, addressed to the person it is for (an @mention by their AAD object id). */
export function threadReplyCard(m: MessageContext): IAdaptiveCard {
  const n = chatNotification(m.notification, 'teams');
  const mentions: IMention[] = [];
  const to = m.recipient.teamsUserId ? mentionOf(m.recipient.teamsUserId, m.recipient.name) : undefined;
  if (to) mentions.push(to.entity);

  const review = n.review && m.item
    ? { instanceId: m.item.id, evidenceId: n.review.evidenceId, version: n.review.version }
    : undefined;
  return card(
    [paragraph(`${to ? `${to.text} ` : ''}${teamsText(n.lead, mentions)}`), ...paragraphs(mentions, n.details)],
    mentions,
    review ? { actions: reviewActions(review) } : {},
  );
}

/** A decision's outcome in place of the card it was taken on (a review request): its words, and no buttons left to press. */
export function decisionCard(outcome: ChatText, extra: ChatText[] = []): IAdaptiveCard {
  const mentions: IMention[] = [];
  return card([paragraph(teamsText(outcome, mentions)), ...paragraphs(mentions, extra, { isSubtle: true })], mentions);
}

/** Acknowledge on an escalation; in a batch (`batch`) its answer leaves the card, and the other items' buttons, as they are. */
const acknowledge = (item: Item, batch = false) =>
  execute(ACTION_LABEL.acknowledge, { action: CARD_ACTIONS.acknowledgeEscalation, instanceId: item.id, ...(batch ? { batch: 1 } : {}) }, 'destructive');

/** A CFO escalation, in their personal chat, with the button that stops the repeats. */
export function escalationCard(item: Item): IAdaptiveCard {
  const e = escalationText(item);
  return card([paragraph(teamsText(e.text)), paragraph(teamsText(e.note), { isSubtle: true })], [], { actions: [acknowledge(item)] });
}

/** A batch of escalations in personal chat: one block per item, each with its own Acknowledge. */
export function escalationBatchCard(items: Item[]): IAdaptiveCard {
  const batch = escalationBatchText(items);
  const more = batch.more > 0 ? [`…and ${batch.more} more overdue item${batch.more === 1 ? '' : 's'}: type status here to list them.`] : [];
  return card(
    [
      paragraph(teamsText(batch.lead), { size: 'Medium' }),
      ...batch.lines.map(({ item, text }) => ({
        type: 'Container' as const, id: `escalation:${item.id}`, separator: true,
        items: [paragraph(teamsText(text)), { type: 'ActionSet' as const, actions: [acknowledge(item, true)] }],
      })),
      paragraph([teamsText(batch.note), ...more].join(' '), { isSubtle: true }),
    ],
    [],
  );
}
