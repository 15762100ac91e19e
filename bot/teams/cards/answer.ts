import type { CardElement, IAdaptiveCard, IMention } from '@microsoft/teams.cards';
import type { AnswerPart, ApprovalsPart, ChatAnswer } from '../../../core/chat/answers.js';
import type { HomeView } from '../../../core/chat/home.js';
import type { ItemList } from '../../../core/chat/lists.js';
import type { ChatText } from '../../../core/chat/text.js';
import { reviewActions } from './decisions.js';
import { card, paragraph } from './message.js';
import { teamsText } from './text.js';

/*
 * Answers to commands and the home, as Adaptive Cards: the same parts Slack lays out as blocks.
 * A card's markdown takes no single line breaks, so each line is a TextBlock of its own, set
 * close under the one before.
 */

type Lines = (text: ChatText[], mentions: IMention[]) => CardElement[];
const lines: Lines = (text, mentions) => text.map((line, i) => paragraph(teamsText(line, mentions), i === 0 ? {} : { spacing: 'None' }));
const heading = (text: string, mentions: IMention[]) => paragraph(teamsText([{ bold: text }], mentions), { spacing: 'Medium' });
const smallPrint = (text: ChatText, mentions: IMention[]) => paragraph(teamsText(text, mentions), { isSubtle: true, size: 'Small' });

function list(l: ItemList, mentions: IMention[]): CardElement[] {
  return [
    heading(l.title, mentions),
    ...(l.lines.length === 0 ? lines([l.empty], mentions) : lines(l.lines, mentions)),
    ...(l.more ? [smallPrint(l.more, mentions)] : []),
  ];
}

/** What awaits the person's approval, each with the same buttons as its thread. */
function approvals(part: ApprovalsPart, mentions: IMention[]): CardElement[] {
  if (part.items.length === 0) return [heading(part.title, mentions), ...lines([part.empty], mentions)];
  return [
    heading(part.title, mentions),
    ...part.items.map((item): CardElement => ({
      type: 'Container',
      items: [paragraph(teamsText(item.line, mentions)), ...(item.review ? [{ type: 'ActionSet' as const, actions: reviewActions(item.review) }] : [])],
    })),
    ...(part.more ? [smallPrint(part.more, mentions)] : []),
  ];
}

function elementsOf(part: AnswerPart, mentions: IMention[]): CardElement[] {
  switch (part.kind) {
    case 'title': return [paragraph(teamsText([part.text], mentions), { weight: 'Bolder', size: 'Large' })];
    case 'note': return [smallPrint(part.text, mentions)];
    case 'paragraph': return lines(part.lines, mentions);
    case 'divider': return [];
    case 'list': return list(part.list, mentions);
    case 'approvals': return approvals(part, mentions);
  }
}

/** The parts as a card body; a divider draws a line above what follows it. */
function body(parts: AnswerPart[], mentions: IMention[]): CardElement[] {
  const elements: CardElement[] = [];
  let separate = false;
  for (const part of parts) {
    if (part.kind === 'divider') {
      separate = true;
      continue;
    }
    const [first, ...rest] = elementsOf(part, mentions);
    if (first) elements.push(separate ? { ...first, separator: true, spacing: 'Large' } as CardElement : first, ...rest);
    separate = false;
  }
  return elements;
}

/** An answer to a command, as the card the bot replies with. */
export function answerCard(answer: ChatAnswer): IAdaptiveCard {
  const mentions: IMention[] = [];
  return card(body(answer.parts, mentions), mentions, { fallbackText: teamsText(answer.summary) });
}

/** The person's home in their personal chat (Teams has no home tab for bots without a web tab). */
export function homeCard(view: HomeView): IAdaptiveCard {
  const mentions: IMention[] = [];
  return card(body(view.parts, mentions), mentions);
}
