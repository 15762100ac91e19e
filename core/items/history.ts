import type { ChainedEntry } from '../audit/chain.js';

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
