import { visibleEntities, type EntityReach } from '../engine/access.js';
import { todayIn } from '../engine/dates.js';
import { AppError } from '../errors.js';
import type { WorkReads } from '../ports/work-reads.js';
import { dueAnswer, helpAnswer, mineAnswer, noRoleAnswer, statusAnswer, unknownPersonAnswer, type ChatAnswer } from './answers.js';
import { homeView } from './home.js';
import type { ChatPlatform } from './ports.js';
import type { ChatText } from './text.js';

/** What someone asked for with `/compliance …` (Slack) or the same words in a chat (Teams). */
export type ComplianceCommand =
  | { kind: 'status'; entity: string }
  | { kind: 'due'; days: number }
  | { kind: 'mine' }
  /** The person's home (their work at a glance, with approvals), as Slack's Home tab shows it. */
  | { kind: 'home' }
  /** `problem` says what was wrong with what they typed, when that is why they get the help. */
  | { kind: 'help'; problem?: ChatText };

/**
 * Commands about the asker's own work: answered only where nobody else reads along (Slack's
 * answers are private anyway; a Teams channel's are not).
 */
export const aboutOwnWork = (command: ComplianceCommand): boolean => command.kind === 'mine' || command.kind === 'home';

const DEFAULT_DUE_DAYS = 7;
const MAX_DUE_DAYS = 366;

/** The command in a line of text: its first word (any case) and what follows it. */
export function parseCommand(text: string): ComplianceCommand {
  const [sub = 'help', ...rest] = text.trim().split(/\s+/).filter(Boolean);
  const arg = rest.join(' ');
  switch (sub.toLowerCase()) {
    case 'status':
      return { kind: 'status', entity: arg };
    case 'due': {
      const days = arg ? Number(arg) : DEFAULT_DUE_DAYS;
      if (!Number.isInteger(days) || days < 0) return { kind: 'help', problem: [`"${arg}" is not a number of days: try `, { command: 'due 14' }, '.'] };
      if (days > MAX_DUE_DAYS) return { kind: 'help', problem: [`${days} days is further ahead than I look (up to ${MAX_DUE_DAYS}): try `, { command: 'due 90' }, '.'] };
      return { kind: 'due', days };
    }
    case 'mine':
      return { kind: 'mine' };
    case 'home':
      return { kind: 'home' };
    case 'help':
      return { kind: 'help' };
    default:
      return { kind: 'help', problem: [`"${sub}" is not a command I know.`] };
  }
}

/** What answering a command reads, and which chat it is answered in. */
type CommandPorts = { platform: ChatPlatform; reads: WorkReads };

const reachesNothing = (reach: EntityReach) => reach !== 'all' && reach.length === 0;
/** The entity filter the read models take: undefined for every entity. */
const entityFilter = (reach: EntityReach) => (reach === 'all' ? undefined : reach);

/**
 * `status [entity]`: RAG over the entities the asker may read. An entity outside their reach is
 * answered exactly like one that does not exist, so its name is never confirmed.
 */
async function status({ platform, reads }: CommandPorts, tenantId: string, userId: string, wanted: string, now: Date): Promise<ChatAnswer> {
  const { reach, entities } = await reads.read(tenantId, async (view) => {
    const r = visibleEntities(await view.actor(userId));
    return { reach: r, entities: await view.entitiesWithin(r) };
  });
  if (reachesNothing(reach)) return noRoleAnswer();
  let entityIds = entityFilter(reach);
  let scope = reach === 'all' ? 'all entities' : entities.map((e) => e.name).join(', ') || 'your entities';
  if (wanted) {
    const name = wanted.toLowerCase();
    const exact = entities.find((e) => e.name.toLowerCase() === name);
    const partial = entities.filter((e) => e.name.toLowerCase().includes(name));
    // Several names contain what was typed: ask which, rather than answer for one of them.
    if (!exact && partial.length > 1) {
      return helpAnswer(platform, [`"${wanted}" matches ${partial.length} entities: ${partial.map((e) => e.name).join(', ')}. Which one? Try `, { command: `status ${partial[0]!.name}` }, '.']);
    }
    const match = exact ?? partial[0];
    if (!match) return helpAnswer(platform, [`No entity matches "${wanted}". Entities: ${entities.map((e) => e.name).join(', ')}.`]);
    [entityIds, scope] = [[match.id], match.name];
  }
  return statusAnswer(await reads.statusSummary(tenantId, { entityIds, now }), scope);
}

/** `due [days]`: open items due soon in the entities the asker may read. */
function due(reads: WorkReads, tenantId: string, userId: string, days: number, now: Date): Promise<ChatAnswer> {
  return reads.read(tenantId, async (view) => {
    const reach = visibleEntities(await view.actor(userId));
    if (reachesNothing(reach)) return noRoleAnswer();
    const settings = await view.settings();
    const today = todayIn(settings.timezone, now);
    return dueAnswer(await view.itemsDueWithin(today, days, settings.amberWindowDays, entityFilter(reach)), days, today);
  });
}

/** `mine`: their own items, what they prepare or approve, whatever their roles. */
function mine(reads: WorkReads, tenantId: string, userId: string, now: Date): Promise<ChatAnswer> {
  return reads.read(tenantId, async (view) => {
    const settings = await view.settings();
    return mineAnswer(await view.myItems(userId, todayIn(settings.timezone, now), settings.amberWindowDays));
  });
}

/**
 * The answer to a command, for the person behind the chat account (`userId`, null when nobody
 * is), as of `now`. Core's refusals (a deactivated person) are answered with the help.
 */
export async function answerCommand(ports: CommandPorts, tenantId: string, userId: string | null, text: string, now: Date): Promise<ChatAnswer> {
  if (!userId) return unknownPersonAnswer(ports.platform);
  const command = parseCommand(text);
  try {
    switch (command.kind) {
      case 'status': return await status(ports, tenantId, userId, command.entity, now);
      case 'due': return await due(ports.reads, tenantId, userId, command.days, now);
      case 'mine': return await mine(ports.reads, tenantId, userId, now);
      case 'home': return { summary: ['Your compliance work'], parts: (await homeView(ports, tenantId, userId, now)).parts };
      case 'help': return helpAnswer(ports.platform, command.problem);
    }
  } catch (error) {
    if (error instanceof AppError) return helpAnswer(ports.platform, [error.message]);
    throw error;
  }
}
