import type { ChatText, Icon, Span } from '../../../core/chat/text.js';
import { SLASH_COMMAND } from '../ids.js';
import { RAG_EMOJI, esc, isSlackUserId, mention } from './common.js';

const ICON: Record<Icon, string> = {
  done: ':white_check_mark:', refused: ':x:', warning: ':warning:', wave: ':wave:', celebrate: ':tada:',
  due_soon: ':hourglass_flowing_sand:', due_today: ':alarm_clock:', review: ':inbox_tray:', calendar: ':calendar:',
  not_applicable: ':heavy_minus_sign:', reopened: ':arrows_counterclockwise:', assigned: ':bust_in_silhouette:', escalation: ':rotating_light:',
};

function span(s: Span): string {
  if (typeof s === 'string') return esc(s);
  if ('bold' in s) return `*${esc(s.bold)}*`;
  if ('italic' in s) return `_${esc(s.italic)}_`;
  if ('code' in s) return `\`${esc(s.code)}\``;
  if ('icon' in s) return ICON[s.icon];
  if ('rag' in s) return RAG_EMOJI[s.rag];
  if ('mention' in s) return mention(s.mention);
  if ('person' in s) return isSlackUserId(s.person.chatId) ? `<@${s.person.chatId}>` : s.person.name ? esc(s.person.name) : `_${esc(s.nobody)}_`;
  // Our own command words: no text from people in them.
  if ('command' in s) return `\`${SLASH_COMMAND} ${s.command}\``;
  return `*\`${SLASH_COMMAND} ${s.usage}\`*`;
}

/** Chat text as Slack mrkdwn: every plain string escaped, the markup Slack's. */
export const md = (text: ChatText): string => text.map(span).join('');
