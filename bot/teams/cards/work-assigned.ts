import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { ACTION_LABEL } from '../../../core/chat/prompts.js';
import type { MessageContext } from '../../../core/notifications/message.js';
import { listedWork, moreLine, workAssignedHeadline, workAssignedIntro, workChatLine } from '../../../core/notifications/work-assigned.js';
import { card, paragraph } from './message.js';
import { esc, teamsText } from './text.js';

/** New work, in personal chat: the headline, one line per listed item (at most NEW_WORK_LISTED), how many more, and a button to the list. */
export function workAssignedCard(m: MessageContext): IAdaptiveCard {
  const n = m.notification;
  if (n.kind !== 'work_assigned') throw new Error(`workAssignedCard is for work_assigned notifications, not ${n.kind}`);
  const { listed, more } = listedWork(n.payload, m.items);
  const rest = moreLine(more);
  return card(
    [
      paragraph(`👤 **${esc(workAssignedHeadline(n.payload.count))}**`, { size: 'Medium' }),
      paragraph(esc(workAssignedIntro(n.payload))),
      ...listed.map((w) => paragraph(teamsText(workChatLine(w)))),
      ...(rest ? [paragraph(esc(rest), { isSubtle: true })] : []),
    ],
    [],
    m.links.item ? { actions: [{ type: 'Action.OpenUrl', title: ACTION_LABEL.openItemList, url: m.links.item }] } : {},
  );
}
