import { z } from 'zod';
import { NEW_WORK_LISTED } from '../ports/item-dating.js';

/*
 * Every kind of notification with its payload, read once where a notification leaves the outbox
 * (the dispatcher), so channels switch on a typed kind instead of reading loose JSON. Fields a
 * renderer can do without are optional and a malformed one is dropped (`catch`), as the
 * renderers always treated them; a row that does not fit its kind at all is read as 'other'.
 */
const text = z.string().optional().catch(undefined);
const version = z.union([z.number(), z.string()]).optional().catch(undefined);
/** The items a batched message lists, each with its rung day. */
const listedRungs = z.array(z.object({ instanceId: z.string(), day: z.string() })).optional().catch(undefined);
/** A reminder about one item (with its rung day), or by email one per person listing their items. */
const rung = z.object({ day: text, items: listedRungs });
const decision = { evidenceId: text, version };

const PAYLOADS = {
  due_soon: rung,
  due_today: rung,
  /** One message per recipient listing their overdue items (older rows name one item, with a day). */
  escalation: rung,
  /** The item's chat thread, opened when its notice begins: no reply, nobody mentioned. */
  thread_opened: z.object({}),
  review_requested: z.object({ ...decision, uploadedBy: text }),
  approved: z.object({ ...decision, late: z.boolean().optional().catch(undefined), approvedBy: text }),
  rejected: z.object({ ...decision, reason: text, rejectedBy: text }),
  due_date_changed: z.object({ oldDueDate: z.string(), newDueDate: z.string(), reference: z.string().nullish().catch(undefined) }),
  not_applicable: z.object({ reason: text, by: text }),
  reopened: z.object({ reason: text, by: text }),
  assigned: z.object({ as: text }),
  weekly_digest: z.object({ week: text, lines: z.array(z.string()).optional().catch(undefined) }),
  /** A tenant admin told what stops messages from arriving, once a day per cause. */
  delivery_alert: z.object({ problem: z.string(), day: text }),
  /** One person's new items from a generation run: how many, the nearest due, and the first few listed. */
  work_assigned: z.object({
    count: z.number().int().positive(),
    nearestDue: z.string(),
    items: z.array(z.object({ instanceId: z.string(), as: z.enum(['owner', 'approver', 'both']) })).max(NEW_WORK_LISTED).catch([]),
  }),
};

export type NotificationKind = keyof typeof PAYLOADS;
export type PayloadOf<K extends NotificationKind> = z.infer<(typeof PAYLOADS)[K]>;

/** Set by the outbox when a draft was addressed to a role: `missing` names who should have been told. */
const addressedTo = z.object({ kind: z.literal('role'), role: z.string(), missing: z.string().optional() }).optional().catch(undefined);
export type AddressedTo = NonNullable<z.infer<typeof addressedTo>>;

/** Set on the email copy of a message a chat refused for good: which chat, and why. */
const fallback = z.object({ from: z.string(), problem: z.string() }).optional().catch(undefined);
export type Fallback = NonNullable<z.infer<typeof fallback>>;

export type Notification =
  | { [K in NotificationKind]: { kind: K; payload: PayloadOf<K>; addressedTo?: AddressedTo; fallback?: Fallback } }[NotificationKind]
  /** A kind this code does not know (written by a newer version, or by hand): shown by its name. */
  | { kind: 'other'; name: string; payload: Record<string, unknown>; addressedTo?: AddressedTo; fallback?: Fallback };

const isKind = (kind: string): kind is NotificationKind => Object.hasOwn(PAYLOADS, kind);

/** An outbox row's kind and payload, typed. */
export function readNotification(kind: string, payload: unknown): Notification {
  const raw = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const to = addressedTo.parse(raw.addressedTo);
  const copy = fallback.parse(raw.fallback);
  const extra = { ...(to ? { addressedTo: to } : {}), ...(copy ? { fallback: copy } : {}) };
  if (isKind(kind)) {
    const parsed = PAYLOADS[kind].safeParse(raw);
    if (parsed.success) return { kind, payload: parsed.data, ...extra } as Notification;
  }
  return { kind: 'other', name: kind, payload: raw, ...extra };
}

/** The kind in words, e.g. "due date changed". */
export const kindWords = (n: Notification): string => (n.kind === 'other' ? n.name : n.kind).replace(/_/g, ' ');

/** The reason given, for the kinds that carry one. */
export function reasonOf(n: Notification): string | undefined {
  return n.kind === 'rejected' || n.kind === 'not_applicable' || n.kind === 'reopened' ? n.payload.reason : undefined;
}

/** Notifications that mean the recipient's own list of items changed (a chat's home view is refreshed). */
const CHANGES_OWN_ITEMS: ReadonlySet<string> = new Set<NotificationKind>(['review_requested', 'approved', 'rejected', 'due_date_changed', 'not_applicable', 'reopened', 'assigned', 'work_assigned']);
export const changesOwnItems = (n: Notification): boolean => CHANGES_OWN_ITEMS.has(n.kind);
