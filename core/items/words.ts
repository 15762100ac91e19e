import { formatDate, isValidIsoDate } from '../engine/dates.js';

/*
 * Reading what an audit entry or a message's payload says, as text for people. Both are JSON
 * written by many versions of the product (and possibly by hand): a field may be missing or of
 * another type, and then it is left out of the sentence rather than shown raw.
 */

/** A field of a JSON object, or undefined when the value is not an object. */
export const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;

/** A non-empty string (trimmed), or undefined. */
export function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A version number as written (1, or "1"), or undefined. */
export function versionOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** "20 Nov 2026" for a calendar date; anything else that was written, as written. */
export function dayOf(value: unknown): string | undefined {
  const text = textOf(value);
  return text && isValidIsoDate(text) ? formatDate(text) : text;
}

const CHANNELS: Record<string, string> = { slack: 'Slack', teams: 'Teams', email: 'email', portal: 'the portal' };
/** A channel as a sentence names it: "Slack", "Teams", "email". */
export const channelWords = (channel: string): string => (Object.hasOwn(CHANNELS, channel) ? CHANNELS[channel]! : codeWords(channel));

/** The words of a code: "download_refused" → "download refused". */
export const codeWords = (code: string): string => code.replace(/[_.]+/g, ' ').trim();

export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A clause from text that may end a sentence of its own ("…not found." → "…not found"). */
export const clause = (text: string): string => text.trim().replace(/\.+$/, '');
