import { DateTime } from 'luxon';
import { addDays, formatDate, todayIn, type IsoDate } from '../engine/dates.js';
import { itemName } from '../engine/labels.js';
import type { DigestItem, DigestSource, EntityRag, NotificationDraft } from '../ports/index.js';

const WEEK_MS = 7 * 86_400_000;

/** ISO week label in the tenant's timezone, e.g. 2026-W48: one digest per CFO per week. */
export const isoWeekLabel = (timezone: string, now: Date) => DateTime.fromJSDate(now, { zone: timezone }).toFormat("kkkk-'W'WW");

/**
 * The weekly digest for each CFO: RAG counts per entity, overdue items, items due in the next
 * 7 days and items approved late in the last 7 days, for the entities they cover. Returns how
 * many digests were newly queued (a CFO gets one per week however often this runs).
 */
export async function enqueueWeeklyDigests(unit: { digests: DigestSource }, now: Date): Promise<number> {
  const { digests } = unit;
  const settings = await digests.settings();
  const today = todayIn(settings.timezone, now);
  const grants = await digests.cfoGrants();
  const week = isoWeekLabel(settings.timezone, now);
  // One count for the tenant; each CFO's digest is cut down to the entities they cover.
  const rag = await digests.ragByEntity(today, settings.amberWindowDays);
  const drafts: NotificationDraft[] = [];
  for (const userId of [...new Set(grants.map((g) => g.userId))]) {
    const scopes = grants.filter((g) => g.userId === userId).map((g) => g.entityId);
    const entityIds = scopes.includes(null) ? undefined : (scopes as string[]);
    const lines = await digestLines(digests, { today, since: new Date(now.getTime() - WEEK_MS), rag, entityIds });
    drafts.push({ kind: 'weekly_digest', to: { kind: 'user', userId }, instanceId: null, dedupKey: `weekly_digest:${week}`, payload: { week, lines } });
  }
  // One enqueue for every CFO: recipients and channels are resolved once.
  return digests.queue(drafts);
}

async function digestLines(
  digests: DigestSource,
  { today, since, rag, entityIds }: { today: IsoDate; since: Date; rag: EntityRag[]; entityIds?: string[] },
): Promise<string[]> {
  const scoped = rag.filter((e) => !entityIds || entityIds.includes(e.entityId));
  const overdue = await digests.overdue(today, entityIds);
  const dueSoon = await digests.dueBetween(today, addDays(today, 7), entityIds);
  const late = await digests.approvedLateSince(since, entityIds);
  const list = (items: DigestItem[]) =>
    items.length === 0 ? ['  none'] : items.map((i) => `  ${formatDate(i.dueDate)}  ${itemName(i)}`);
  return [
    'Status by entity (red / amber / green):',
    ...scoped.map((e) => `  ${e.entityName}: ${e.red} / ${e.amber} / ${e.green}`),
    '', 'Overdue:', ...list(overdue),
    '', 'Due in the next 7 days:', ...list(dueSoon),
    '', 'Approved late in the last 7 days:', ...list(late),
  ];
}
