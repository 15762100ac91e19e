import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
import { formatDate } from '../../../core/engine/dates.js';
import type { Rag } from '../../../core/engine/rag.js';
import type { ItemLine } from '../../../core/infra/engine/item-queries.js';

export const RAG_EMOJI: Record<Rag, string> = { red: ':red_circle:', amber: ':large_orange_circle:', green: ':large_green_circle:' };
const STATUS_WORD: Record<string, string> = {
  pending: 'pending', submitted: 'awaiting approval', approved: 'approved', rejected: 'rejected', not_applicable: 'not applicable',
};

/** Slack's limit: 3000 characters per section text. */
const LINES_PER_SECTION = 10;

export const header = (text: string): KnownBlock => ({ type: 'header', text: { type: 'plain_text', text: text.slice(0, 150), emoji: true } });
export const section = (markdown: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: markdown.slice(0, 3000) } });
export const context = (markdown: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: markdown.slice(0, 3000) }] });
export const divider = (): KnownBlock => ({ type: 'divider' });

/** Escapes text that goes into mrkdwn (names come from people). */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const itemLine = (i: ItemLine) =>
  `${RAG_EMOJI[i.rag]} *${esc(i.code)}* ${esc(i.periodKey)} · ${esc(i.entityName)} · due ${formatDate(i.dueDate)} · _${STATUS_WORD[i.status] ?? i.status}_`;

/** A titled list of items as sections of ten lines, with a note when the list was cut. */
export function itemList(title: string, items: ItemLine[], maxItems: number, empty: string): KnownBlock[] {
  if (items.length === 0) return [section(`*${esc(title)}*\n${empty}`)];
  const shown = items.slice(0, maxItems);
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < shown.length; i += LINES_PER_SECTION) {
    const lines = shown.slice(i, i + LINES_PER_SECTION).map(itemLine).join('\n');
    blocks.push(section(i === 0 ? `*${esc(title)}*\n${lines}` : lines));
  }
  if (items.length > shown.length) blocks.push(context(`…and ${items.length - shown.length} more. Narrow it down, e.g. \`/compliance status <entity>\`.`));
  return blocks;
}
