import type { IAdaptiveCard, IExecuteAction, IMention, ITextBlock } from '@microsoft/teams.cards';
import type { ReviewRef } from '../../../core/chat/home.js';
import { HOW_TO_SUBMIT, type ItemCard } from '../../../core/chat/item-card.js';
import { ACTION_LABEL, approveLabel } from '../../../core/chat/prompts.js';
import type { ChatText } from '../../../core/chat/text.js';
import type { Rag } from '../../../core/engine/rag.js';
import { chatNotification, escalationText } from '../../../core/notifications/chat.js';
import { escalationBatchText } from '../../../core/notifications/escalation-batch.js';
import type { MessageContext } from '../../../core/notifications/message.js';
import { CARD_ACTIONS } from '../ids.js';
import { card, execute, paragraph } from './message.js';
import { mentionOf, teamsText } from './text.js';

type Item = NonNullable<MessageContext['item']>;

/** The status line's colour: Teams' own words for red, amber and green. */
const RAG_COLOR: Record<Rag, ITextBlock['color']> = { red: 'Attention', amber: 'Warning', green: 'Good' };

/** Chat text as card paragraphs, gathering the mentions they make. */
const paragraphs = (mentions: IMention[], lines: ChatText[], extra: Partial<ITextBlock> = {}): ITextBlock[] =>
  lines.map((line) => paragraph(teamsText(line, mentions), extra));

/** The item's root card in its entity's channel: kept current (updated in place on every change). */
export function rootCard(c: ItemCard): IAdaptiveCard {
  const mentions: IMention[] = [];
  const [where, due, status] = c.facts;
  return card(
    [
      paragraph(teamsText([c.title]), { weight: 'Bolder', size: 'Medium' }),
      ...paragraphs(mentions, [where!, due!]),
      ...paragraphs(mentions, [status!], { color: RAG_COLOR[c.rag] }),
      ...paragraphs(mentions, [[...c.people, ` · ${HOW_TO_SUBMIT.teams}`]], { isSubtle: true, size: 'Small' }),
    ],
    mentions,
    {
      fallbackText: teamsText(c.summary),
      actions: [
        { type: 'Action.OpenUrl', title: ACTION_LABEL.viewDetails, url: c.link },
        ...(c.actions.markNotApplicable ? [execute(ACTION_LABEL.markNotApplicable, { action: CARD_ACTIONS.markNotApplicable, instanceId: c.instanceId })] : []),
        ...(c.actions.reopen ? [execute(ACTION_LABEL.reopen, { action: CARD_ACTIONS.reopen, instanceId: c.instanceId })] : []),
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

/** Approve / Approve with reference / Reject for one evidence version, wherever it is offered (its thread, the home card). */
export const reviewActions = (review: Omit<ReviewRef, 'version'> & { version: number | string | undefined }): IExecuteAction[] => [
  execute(approveLabel(review.version), { action: CARD_ACTIONS.approveEvidence, ...review }, 'positive'),
  execute(ACTION_LABEL.approveWithReference, { action: CARD_ACTIONS.approveWithReference, ...review }),
  execute(ACTION_LABEL.reject, { action: CARD_ACTIONS.rejectEvidence, ...review }, 'destructive'),
];

const acknowledge = (item: Item) => execute(ACTION_LABEL.acknowledge, { action: CARD_ACTIONS.acknowledgeEscalation, instanceId: item.id }, 'destructive');

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
        items: [paragraph(teamsText(text)), { type: 'ActionSet' as const, actions: [acknowledge(item)] }],
      })),
      paragraph([teamsText(batch.note), ...more].join(' '), { isSubtle: true }),
    ],
    [],
  );
}
