import type { types } from '@slack/bolt';
import { ACTION_LABEL } from '../../../core/chat/prompts.js';
import type { MessageContext } from '../../../core/notifications/message.js';
import { listedWork, moreLine, workAssignedHeadline, workAssignedIntro, workChatLine } from '../../../core/notifications/work-assigned.js';
import { ACTIONS } from '../ids.js';
import { context, esc, section } from './common.js';
import { md } from './text.js';

type KnownBlock = types.KnownBlock;

/**
 * New work, by direct message: the headline, one section per listed item (at most
 * NEW_WORK_LISTED, so a few blocks of a few hundred characters each: well inside Slack's
 * 50 blocks and 3000 characters a section), how many more, and a button to the list.
 */
export function workAssignedMessage(m: MessageContext): { text: string; blocks: KnownBlock[] } {
  const n = m.notification;
  if (n.kind !== 'work_assigned') throw new Error(`workAssignedMessage is for work_assigned notifications, not ${n.kind}`);
  const { listed, more } = listedWork(n.payload, m.items);
  const rest = moreLine(more);
  const text = esc(workAssignedHeadline(n.payload.count));
  return {
    text,
    blocks: [
      section(`:bust_in_silhouette: *${text}*\n${esc(workAssignedIntro(n.payload))}`),
      ...listed.map((w) => section(md(workChatLine(w)))),
      ...(rest ? [context(esc(rest))] : []),
      ...(m.links.item
        ? [{ type: 'actions' as const, elements: [{ type: 'button' as const, action_id: ACTIONS.openItemList, text: { type: 'plain_text' as const, text: ACTION_LABEL.openItemList }, url: m.links.item }] }]
        : []),
    ],
  };
}
