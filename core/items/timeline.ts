import { formatMoment } from '../engine/dates.js';
import { auditSentences } from './audit-sentences.js';
import { noticeMoment, noticeSentence } from './notice-sentences.js';
import type { ItemHistory } from './history.js';

const MINUTE_MS = 60_000;

export type { ItemHistory, TimelineAuditEntry, TimelineNotification } from './history.js';

/** One line of the timeline: the moment, as the tenant reads it ("20 Nov 2026, 14:44 IST"), and what happened. */
export interface TimelineLine {
  at: Date;
  when: string;
  text: string;
}

/**
 * An item's history as sentences a finance person reads, oldest first, in the tenant's timezone:
 * who uploaded, approved, rejected, reopened or marked it not applicable (and why), how its due
 * date moved, and every reminder and escalation sent about it (or that could not be). Within the
 * minute shown, changes come before the messages they caused.
 */
export function itemTimeline(history: ItemHistory): TimelineLine[] {
  const said = [
    ...auditSentences(history.entries, history).map((s) => ({ ...s, source: 0 })),
    // In the order they were queued, so messages sent at one moment keep it.
    ...[...history.notifications].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((n) => ({ at: noticeMoment(n), text: noticeSentence(n, history), source: 1 })),
  ];
  // By the minute shown, then changes before messages, then the moment (a stable sort keeps the
  // chain's order). Two clocks stamp these: the chain the application's, after the change; the
  // outbox the database's, at the start of the same transaction. So a message can read a few
  // milliseconds older than the change that caused it, and would otherwise be told first.
  const minute = (at: Date) => Math.floor(at.getTime() / MINUTE_MS);
  said.sort((a, b) => minute(a.at) - minute(b.at) || a.source - b.source || a.at.getTime() - b.at.getTime());
  const lines = said.map(({ at, text }) => ({ at, when: formatMoment(at, history.timezone), text }));
  const omitted = history.omitted ?? 0;
  if (omitted > 0 && lines[0]) {
    const first = lines[0];
    lines.unshift({ at: first.at, when: `before ${first.when}`, text: `${omitted} older ${omitted === 1 ? 'entry is' : 'entries are'} not shown here` });
  }
  return lines;
}
