import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
import { formatDate } from '../../../core/engine/dates.js';
import type { Rag } from '../../../core/engine/rag.js';
import type { ItemLine } from '../../../infra/engine/item-queries.js';

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

/**
 * Escapes text that goes into mrkdwn or a message's fallback text: names, reasons, references
 * and file names come from people, and Slack would act on `<!channel>`, `<@U…>` or `<http…|…>`.
 */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The reverse, for text Slack hands back as it stores it (a message's text): plain again, to be escaped once. */
export const unesc = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Slack's user ids (U… or, on Enterprise Grid, W…): anything else (e.g. mistyped in the portal) is never put in a mention. */
export const isSlackUserId = (value: string | null | undefined): value is string => /^[UW][A-Z0-9]+$/.test(value ?? '');

/** A mention of a Slack user; what is not a Slack user id is shown as text. */
export const mention = (slackUserId: string) => (isSlackUserId(slackUserId) ? `<@${slackUserId}>` : esc(slackUserId));

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
