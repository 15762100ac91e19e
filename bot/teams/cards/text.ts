import type { IMention } from '@microsoft/teams.cards';
import type { Rag } from '../../../core/engine/rag.js';
import type { ChatText, Icon, Span } from '../../../core/chat/text.js';

const ICON: Record<Icon, string> = {
  done: '✅', refused: '❌', warning: '⚠️', wave: '👋', celebrate: '🎉',
  due_soon: '⏳', due_today: '⏰', review: '📥', calendar: '📅',
  not_applicable: '➖', reopened: '🔄', assigned: '👤', escalation: '🚨',
};
export const RAG_MARK: Record<Rag, string> = { red: '🔴', amber: '🟠', green: '🟢' };

/**
 * Escapes text from people for an Adaptive Card's markdown (CommonMark's backslash escapes):
 * names, reasons and references must not turn bold or into links, nor spell a mention (`<at>`
 * mentions only what the card's entities name, but a name could look like one).
 */
export const esc = (s: string) => s.replace(/[\\*_`[\]]/g, (c) => `\\${c}`).replace(/</g, '‹');

/** Teams accounts we keep are AAD object ids (GUIDs); anything else (mistyped in the portal) is shown as text, never mentioned. */
export const isTeamsUserId = (value: string | null | undefined): value is string => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value ?? '');

/** A mention of a Teams user by AAD object id: the `<at>` text in the card and the entity that makes it one (their texts must match). */
export function mentionOf(aadObjectId: string, name: string | null): { text: string; entity: IMention } {
  const text = `<at>${(name ?? 'you').replace(/[<>]/g, '')}</at>`;
  return { text, entity: { type: 'mention', text, mentioned: { id: aadObjectId, name: name ?? undefined } } };
}

/**
 * Chat text as an Adaptive Card's markdown. The mentions it makes are added to `mentions` (once
 * each), for the card's msteams.entities: a card gathers those of all its paragraphs.
 */
export function teamsText(text: ChatText, mentions: IMention[] = []): string {
  const mention = (id: string, name: string | null) => {
    const m = mentionOf(id, name);
    if (!mentions.some((e) => e.text === m.text && e.mentioned?.id === id)) mentions.push(m.entity);
    return m.text;
  };
  const span = (s: Span): string => {
    if (typeof s === 'string') return esc(s);
    if ('bold' in s) return `**${esc(s.bold)}**`;
    if ('italic' in s) return `_${esc(s.italic)}_`;
    if ('code' in s) return `\`${s.code.replace(/`/g, "'")}\``;
    if ('icon' in s) return ICON[s.icon];
    if ('rag' in s) return RAG_MARK[s.rag];
    if ('mention' in s) return isTeamsUserId(s.mention) ? mention(s.mention, null) : esc(s.mention);
    if ('person' in s) return isTeamsUserId(s.person.chatId) ? mention(s.person.chatId, s.person.name) : s.person.name ? esc(s.person.name) : `_${esc(s.nobody)}_`;
    // Our own command words (no slash commands in Teams: they are typed to the bot).
    if ('command' in s) return `\`${s.command}\``;
    return `**\`${s.usage}\`**`;
  };
  return text.map(span).join('');
}
