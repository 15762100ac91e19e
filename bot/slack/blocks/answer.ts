import type { types } from '@slack/bolt';
import type { AnswerPart, ApprovalsPart, ChatAnswer } from '../../../core/chat/answers.js';
import type { HomeView } from '../../../core/chat/home.js';
import type { ItemList } from '../../../core/chat/lists.js';
import { evidenceRef } from '../ids.js';
import { context, divider, esc, header, section } from './common.js';
import { reviewButtons } from './item.js';
import { md } from './text.js';

type KnownBlock = types.KnownBlock;

export interface SlackReply {
  text: string;
  blocks: KnownBlock[];
}

/** Slack's limit is 3000 characters per section text: ten item lines fit. */
const LINES_PER_SECTION = 10;

/** A titled list of items as sections of ten lines, with a note when the list was cut. */
function itemList(list: ItemList): KnownBlock[] {
  const title = `*${esc(list.title)}*`;
  if (list.lines.length === 0) return [section(`${title}\n${md(list.empty)}`)];
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < list.lines.length; i += LINES_PER_SECTION) {
    const lines = list.lines.slice(i, i + LINES_PER_SECTION).map(md).join('\n');
    blocks.push(section(i === 0 ? `${title}\n${lines}` : lines));
  }
  if (list.more) blocks.push(context(md(list.more)));
  return blocks;
}

/** Each item awaiting the person's approval with the same Approve / Reject buttons as its thread. */
function approvals(part: ApprovalsPart): KnownBlock[] {
  const title = `*${esc(part.title)}*`;
  if (part.items.length === 0) return [section(`${title}\n${md(part.empty)}`)];
  const blocks: KnownBlock[] = [section(title)];
  for (const item of part.items) {
    blocks.push(section(md(item.line)));
    if (item.review) blocks.push(reviewButtons(item.review.instanceId, evidenceRef(item.review.instanceId, item.review.evidenceId, 'home'), item.review.version));
  }
  if (part.more) blocks.push(context(md(part.more)));
  return blocks;
}

function blocksOf(part: AnswerPart): KnownBlock[] {
  switch (part.kind) {
    case 'title': return [header(part.text)];
    case 'note': return [context(md(part.text))];
    case 'paragraph': return [section(part.lines.map(md).join('\n'))];
    case 'divider': return [divider()];
    case 'list': return itemList(part.list);
    case 'approvals': return approvals(part);
  }
}

/** An answer as a Slack message (ephemeral reply, response_url). */
export const slackReply = (answer: ChatAnswer): SlackReply => ({ text: md(answer.summary), blocks: answer.parts.flatMap(blocksOf) });

/** A home as the App Home view. */
export const homeTab = (view: HomeView): { type: 'home'; blocks: KnownBlock[] } => ({ type: 'home', blocks: view.parts.flatMap(blocksOf) });
