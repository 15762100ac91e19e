import type { types } from '@slack/bolt';
import type { ItemCard } from '../../../core/chat/item-card.js';
import { PROOF_WAY } from '../../../core/chat/proof.js';
import { ACTION_LABEL, approveLabel } from '../../../core/chat/prompts.js';
import { chatNotification, escalationText } from '../../../core/notifications/chat.js';
import { escalationBatchText } from '../../../core/notifications/escalation-batch.js';
import type { MessageContext } from '../../../core/notifications/message.js';
import { ACTIONS, actionId, evidenceRef } from '../ids.js';
import { context, mention, section } from './common.js';
import { md } from './text.js';

type KnownBlock = types.KnownBlock;

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** The item's root message in its channel: kept current (updated in place on every change). */
export function rootMessage(c: ItemCard): { text: string; blocks: KnownBlock[] } {
  return {
    text: md(c.summary),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `${c.title}`.slice(0, 150), emoji: true } },
      section(c.facts.map(md).join('\n')),
      context(md([...c.people, ` · ${PROOF_WAY.slack.card}`])),
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: actionId(ACTIONS.viewDetails, c.instanceId), text: plain(ACTION_LABEL.viewDetails), url: c.link },
          ...(c.actions.markNotApplicable
            ? [{ type: 'button' as const, action_id: actionId(ACTIONS.markNotApplicable, c.instanceId), text: plain(ACTION_LABEL.markNotApplicable), value: c.instanceId }]
            : []),
          ...(c.actions.reopen
            ? [{ type: 'button' as const, action_id: actionId(ACTIONS.reopen, c.instanceId), text: plain(ACTION_LABEL.reopen), value: c.instanceId }]
            : []),
        ],
      },
    ],
  };
}

/** A reply in the item's thread, addressed to the person it is for. */
export function threadReply(m: MessageContext): { text: string; blocks: KnownBlock[] } {
  const n = chatNotification(m.notification);
  const to = m.recipient.slackUserId ? `${mention(m.recipient.slackUserId)} ` : '';
  const text = `${to}${md(n.lead)}${n.details.length ? `\n${n.details.map(md).join('\n')}` : ''}`;
  const blocks: KnownBlock[] = [section(text)];
  if (n.review && m.item) blocks.push(reviewButtons(m.item.id, evidenceRef(m.item.id, n.review.evidenceId), n.review.version));
  return { text, blocks };
}

/** A CFO escalation, by direct message, with the button that stops the repeats. */
export function escalationMessage(item: NonNullable<MessageContext['item']>): { text: string; blocks: KnownBlock[] } {
  const escalation = escalationText(item);
  const text = md(escalation.text);
  return {
    text,
    blocks: [
      section(text),
      context(md(escalation.note)),
      { type: 'actions', elements: [{ type: 'button', style: 'danger', action_id: ACTIONS.acknowledgeEscalation, text: plain(ACTION_LABEL.acknowledge), value: item.id }] },
    ],
  };
}

/** The block of one item in a batch of escalations: where its acknowledgement is shown once pressed. */
export const escalationBlockId = (instanceId: string) => `escalation:${instanceId}`;

/** A batch of escalations by direct message: one section per item, each with its own Acknowledge. */
export function escalationBatchMessage(items: NonNullable<MessageContext['items']>): { text: string; blocks: KnownBlock[] } {
  const batch = escalationBatchText(items);
  const text = md(batch.lead);
  const more = batch.more > 0 ? [`…and ${batch.more} more overdue item${batch.more === 1 ? '' : 's'}: \`/compliance status\` lists them.`] : [];
  return {
    text,
    blocks: [
      section(text),
      ...batch.lines.map(({ item, text: line }): KnownBlock => ({
        type: 'section', block_id: escalationBlockId(item.id), text: { type: 'mrkdwn', text: md(line).slice(0, 3000) },
        accessory: { type: 'button', style: 'danger', action_id: actionId(ACTIONS.acknowledgeEscalation, item.id), text: plain(ACTION_LABEL.acknowledge), value: item.id },
      })),
      context([md(batch.note), ...more].join(' ')),
    ],
  };
}

/**
 * The escalation message once one item is acknowledged: that item keeps its name with who
 * acknowledged it (its button gone), the others keep theirs. Works on the blocks Slack sends back.
 */
export function acknowledgedEscalation(blocks: unknown[], instanceId: string, notice: string): KnownBlock[] {
  return blocks.map((raw) => {
    const block = raw as { type?: string; block_id?: string; text?: { text?: string }; elements?: { value?: string }[] };
    if (block.type === 'section' && block.block_id === escalationBlockId(instanceId)) {
      return { type: 'section', block_id: block.block_id, text: { type: 'mrkdwn', text: `${block.text?.text ?? ''}\n${notice}`.slice(0, 3000) } };
    }
    // A single-item escalation (sent before batches): its button row becomes the acknowledgement.
    if (block.type === 'actions' && block.elements?.some((e) => e.value === instanceId)) return context(notice);
    return raw as KnownBlock;
  });
}

/** Approve / Approve with a filing reference / Reject for one evidence version of an item (thread reply and App Home). */
export function reviewButtons(instanceId: string, ref: string, version: unknown): KnownBlock {
  return {
    type: 'actions',
    elements: [
      { type: 'button', style: 'primary', action_id: actionId(ACTIONS.approveEvidence, instanceId), text: plain(approveLabel(version)), value: ref },
      { type: 'button', action_id: actionId(ACTIONS.approveWithReference, instanceId), text: plain(ACTION_LABEL.approveWithReference), value: ref },
      { type: 'button', style: 'danger', action_id: actionId(ACTIONS.rejectEvidence, instanceId), text: plain(ACTION_LABEL.reject), value: ref },
    ],
  };
}
