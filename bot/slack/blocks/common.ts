import type { types } from '@slack/bolt';
import type { Rag } from '../../../core/engine/rag.js';

type KnownBlock = types.KnownBlock;

export const RAG_EMOJI: Record<Rag, string> = { red: ':red_circle:', amber: ':large_orange_circle:', green: ':large_green_circle:' };
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
