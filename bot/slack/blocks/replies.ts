import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
import { formatDate } from '../../../core/engine/dates.js';
import type { ItemLine } from '../../../infra/engine/item-queries.js';
import type { StatusSummary } from '../../../infra/engine/status-summary.js';
import { DATABASE_DOWN } from '../database-down.js';
import { SLASH_COMMAND } from '../ids.js';
import { RAG_EMOJI, context, divider, esc, header, itemList, section } from './common.js';

export interface SlackReply {
  text: string;
  blocks: KnownBlock[];
}

export function statusReply(summary: StatusSummary, scope: string): SlackReply {
  const t = summary.totals;
  const perEntity = summary.entities.map((e) =>
    `*${esc(e.entityName)}*  ${RAG_EMOJI.red} ${e.red}  ${RAG_EMOJI.amber} ${e.amber}  ${RAG_EMOJI.green} ${e.green}`);
  return {
    text: `Compliance status on ${formatDate(summary.today)}: ${t.red} red, ${t.amber} amber, ${t.green} green`,
    blocks: [
      header(`Compliance status · ${scope}`),
      context(`On ${formatDate(summary.today)}  ·  ${RAG_EMOJI.red} ${t.red} overdue  ${RAG_EMOJI.amber} ${t.amber} due soon or rejected  ${RAG_EMOJI.green} ${t.green} on track or done`),
      ...(perEntity.length ? [section(perEntity.join('\n'))] : [section('No compliance items yet. Ask your admin to assign obligations to your entities.')]),
      divider(),
      ...itemList('Most urgent', summary.urgent, 10, 'Nothing open. :tada:'),
    ],
  };
}

export function dueReply(items: ItemLine[], days: number, today: string): SlackReply {
  return {
    text: `${items.length} open item(s) due by ${formatDate(today)} + ${days} days`,
    blocks: [header(`Due in the next ${days} day${days === 1 ? '' : 's'}`), ...itemList(`${items.length} open item(s), overdue first`, items, 30, 'Nothing due. :tada:')],
  };
}

export function mineReply(mine: { toPrepare: ItemLine[]; toApprove: ItemLine[] }): SlackReply {
  return {
    text: `You have ${mine.toPrepare.length} item(s) to prepare and ${mine.toApprove.length} awaiting your approval`,
    blocks: [
      header('Your compliance work'),
      ...itemList(`To prepare (${mine.toPrepare.length})`, mine.toPrepare, 20, 'Nothing to prepare.'),
      divider(),
      ...itemList(`Awaiting your approval (${mine.toApprove.length})`, mine.toApprove, 20, 'Nothing waiting for you.'),
    ],
  };
}

export function helpReply(note?: string): SlackReply {
  return {
    text: 'Compliance OS commands',
    blocks: [
      ...(note ? [section(`:warning: ${esc(note)}`)] : []),
      section([
        `*\`${SLASH_COMMAND} status [entity]\`*  red / amber / green per entity and the most urgent items`,
        `*\`${SLASH_COMMAND} due [days]\`*  open items due in the next days (default 7)`,
        `*\`${SLASH_COMMAND} mine\`*  what you have to prepare or approve`,
        `*\`${SLASH_COMMAND} help\`*  this list`,
      ].join('\n')),
      context('Reminders and approvals arrive in each item\'s thread; drop the filing proof there to submit it.'),
    ],
  };
}

export const unknownUserReply = (): SlackReply => ({
  text: 'Compliance OS does not know you yet.',
  blocks: [section(':wave: Compliance OS does not know your Slack account yet. Ask your compliance admin to add you with the email address you use in Slack; your first command after that links you automatically.')],
});

export const noRoleReply = (): SlackReply => {
  const text = 'You have no role in Compliance OS yet, so there is nothing to show. Ask your compliance admin.';
  return { text, blocks: [section(text)] };
};

export const databaseDownReply = (): SlackReply => ({ text: DATABASE_DOWN, blocks: [section(`:warning: ${DATABASE_DOWN}`)] });
