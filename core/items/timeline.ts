import type { ChainedEntry } from '../audit/chain.js';
import { formatMoment } from '../engine/dates.js';
import { auditSentences } from './audit-sentences.js';
import { noticeMoment, noticeSentence } from './notice-sentences.js';

const MINUTE_MS = 60_000;

/**
 * An audit entry about the item ('instance') or one of its evidence versions ('evidence'), as the
 * chain holds it; `actorLabel` is what the actor was called when it acted (a name, a portal
 * admin's email, a job's name).
 */
export type TimelineAuditEntry = Pick<ChainedEntry, 'seq' | 'occurredAt' | 'actorType' | 'actorId' | 'actorLabel' | 'action' | 'objectType' | 'before' | 'after'>;

/** A message about the item from the outbox (its own, or a batch that lists it). */
export interface TimelineNotification {
  kind: string;
  channel: string;
  status: 'pending' | 'sent' | 'failed' | 'dead';
  recipientUserId: string | null;
  /** As stored; an email sent because a chat refused the message carries `fallback` (which chat, and why). */
  payload: unknown;
  createdAt: Date;
  sentAt: Date | null;
  /** When its row last changed: for a failed or dead message, when it was given up. */
  updatedAt: Date;
}

/** Everything the item's timeline is told from. */
export interface ItemHistory {
  /** The tenant's IANA timezone: every moment is shown in it. */
  timezone: string;
  entries: TimelineAuditEntry[];
  notifications: TimelineNotification[];
  /** People's names by user id: actors, recipients, and people an entry names (a new approver). */
  people: ReadonlyMap<string, string>;
  /** Registrations by id, as people read them ("GSTIN 27AABCD1234F1Z5"). */
  registrations?: ReadonlyMap<string, string>;
  /** How many older entries and messages were left out (the page shows the newest few hundred). */
  omitted?: number;
}

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
