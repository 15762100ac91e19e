import type { types } from '@slack/bolt';
import { formatDate } from '../../../core/engine/dates.js';
import type { Rag } from '../../../core/engine/rag.js';
import { canTransition, type InstanceStatus } from '../../../core/engine/status.js';
import type { MessageContext } from '../../../core/notifications/message.js';
import { ACTIONS, evidenceRef } from '../ids.js';
import { RAG_EMOJI, context, esc, isSlackUserId, mention, section } from './common.js';

type KnownBlock = types.KnownBlock;

export interface ItemCard {
  instanceId: string;
  code: string;
  name: string;
  entityName: string;
  periodKey: string;
  statutoryDueDate: string;
  extendedDueDate: string | null;
  extensionReference: string | null;
  workingDueDate: string | null;
  dueDate: string;
  status: InstanceStatus;
  rag: Rag;
  ownerSlackId: string | null;
  ownerName: string | null;
  approverSlackId: string | null;
  approverName: string | null;
  approvedLate: boolean | null;
  filingReference: string | null;
  link: string;
}

const STATUS_LABEL: Record<string, string> = {
  pending: 'Pending', submitted: 'Submitted, awaiting approval', approved: 'Approved', rejected: 'Rejected', not_applicable: 'Not applicable',
};
const person = (slackId: string | null, name: string | null) => (isSlackUserId(slackId) ? `<@${slackId}>` : name ? esc(name) : '_nobody assigned_');

function dueText(c: ItemCard): string {
  const parts = [`*Due:* ${formatDate(c.dueDate)}`];
  if (c.extendedDueDate) parts.push(`extended from ${formatDate(c.statutoryDueDate)}${c.extensionReference ? ` (${esc(c.extensionReference)})` : ''}`);
  else if (c.workingDueDate) parts.push(`statutory ${formatDate(c.statutoryDueDate)}, next working day`);
  return parts.join(' · ');
}

/** The item's root message in its channel: kept current (updated in place on every change). */
export function rootMessage(c: ItemCard): { text: string; blocks: KnownBlock[] } {
  const status = `${c.status === 'approved' ? ':white_check_mark:' : RAG_EMOJI[c.rag]} *${STATUS_LABEL[c.status] ?? c.status}*${c.status === 'approved' && c.approvedLate ? ' (late)' : ''}`;
  return {
    text: `${esc(c.code)} ${esc(c.periodKey)} · ${esc(c.entityName)} · due ${formatDate(c.dueDate)} · ${STATUS_LABEL[c.status] ?? c.status}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `${c.name}`.slice(0, 150), emoji: true } },
      section(`*${esc(c.entityName)}* · ${esc(c.code)} · period *${esc(c.periodKey)}*\n${dueText(c)}\n${status}${c.filingReference ? ` · ref ${esc(c.filingReference)}` : ''}`),
      context(`Preparer: ${person(c.ownerSlackId, c.ownerName)} · Approver: ${person(c.approverSlackId, c.approverName)} · Drop the filing proof in this thread to submit it.`),
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: ACTIONS.viewDetails, text: { type: 'plain_text', text: 'View details' }, url: c.link },
          ...(canTransition(c.status, 'mark_not_applicable')
            ? [{ type: 'button' as const, action_id: ACTIONS.markNotApplicable, text: { type: 'plain_text' as const, text: 'Mark not applicable' }, value: c.instanceId }]
            : []),
        ],
      },
    ],
  };
}

const LEAD: Record<string, string> = {
  due_soon: ':hourglass_flowing_sand: Due in a few days: please prepare and drop the proof here.',
  due_today: ':alarm_clock: Due today.',
  review_requested: ':inbox_tray: Ready for your review.',
  approved: ':white_check_mark: Approved.',
  rejected: ':x: Rejected: please upload a corrected file here.',
  due_date_changed: ':calendar: The due date changed.',
  not_applicable: ':heavy_minus_sign: Marked not applicable.',
  reopened: ':arrows_counterclockwise: Reopened: it needs evidence again.',
  assigned: ':bust_in_silhouette: This item is now yours.',
};

/** A reply in the item's thread, addressed to the person it is for. */
export function threadReply(m: MessageContext): { text: string; blocks: KnownBlock[] } {
  const p = m.payload;
  const extra = [
    ['rejected', 'not_applicable', 'reopened'].includes(m.kind) && typeof p.reason === 'string' ? `Reason: ${esc(p.reason)}` : '',
    m.kind === 'assigned' ? `You are its ${esc(String(p.as ?? 'owner'))}.` : '',
    m.kind === 'due_date_changed' ? `${formatDate(String(p.oldDueDate))} → *${formatDate(String(p.newDueDate))}*${p.reference ? ` (${esc(String(p.reference))})` : ''}` : '',
    p.addressedTo && typeof p.addressedTo === 'object' && 'missing' in p.addressedTo ? `No ${esc(String((p.addressedTo as { missing: string }).missing))} is assigned: please assign one.` : '',
  ].filter(Boolean);
  const to = m.recipient.slackUserId ? `${mention(m.recipient.slackUserId)} ` : '';
  const lead = LEAD[m.kind] ?? m.kind.replace(/_/g, ' ');
  const text = `${to}${lead}${extra.length ? `\n${extra.join('\n')}` : ''}`;
  const blocks: KnownBlock[] = [section(text)];
  if (m.kind === 'review_requested' && m.item && typeof p.evidenceId === 'string') {
    blocks.push(reviewButtons(evidenceRef(m.item.id, p.evidenceId), p.version));
  }
  return { text, blocks };
}

/** A CFO escalation, by direct message, with the button that stops the repeats. */
export function escalationMessage(m: MessageContext): { text: string; blocks: KnownBlock[] } {
  const item = m.item!;
  const text = `:rotating_light: Overdue: *${esc(item.name)}* (${esc(item.code)} ${esc(item.periodKey)}) for *${esc(item.entityName)}* was due ${formatDate(item.dueDate)} and is still ${item.status.replace(/_/g, ' ')}.`;
  return {
    text,
    blocks: [
      section(text),
      context('This repeats until someone acknowledges it.'),
      { type: 'actions', elements: [{ type: 'button', style: 'danger', action_id: ACTIONS.acknowledgeEscalation, text: { type: 'plain_text', text: 'Acknowledge' }, value: item.id }] },
    ],
  };
}

/** Approve / Approve with a filing reference / Reject for one evidence version (thread reply and App Home). */
export function reviewButtons(ref: string, version: unknown): KnownBlock {
  return {
    type: 'actions',
    elements: [
      { type: 'button', style: 'primary', action_id: ACTIONS.approveEvidence, text: { type: 'plain_text', text: `Approve version ${String(version ?? '')}`.trim() }, value: ref },
      { type: 'button', action_id: ACTIONS.approveWithReference, text: { type: 'plain_text', text: 'Approve with ARN / challan no.…' }, value: ref },
      { type: 'button', style: 'danger', action_id: ACTIONS.rejectEvidence, text: { type: 'plain_text', text: 'Reject…' }, value: ref },
    ],
  };
}
