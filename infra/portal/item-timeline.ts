import type { ActorType } from '../../core/audit/chain.js';
import { REGISTRATION_LABEL } from '../../core/engine/registrations.js';
import { NotFoundError } from '../../core/errors.js';
import { itemTimeline, type TimelineAuditEntry, type TimelineLine, type TimelineNotification } from '../../core/items/timeline.js';
import type { TenantTx } from '../db/database.js';

export type { TimelineLine } from '../../core/items/timeline.js';

/** The newest entries and messages a page shows (an item downloaded every day has hundreds); older ones are counted. */
const NEWEST = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/*
 * One statement, so one round trip: the item's audit entries (its own and its evidence's), the
 * messages about it (its own, and the escalation and new-work batches that list it), the names
 * of the people and registrations they mention, and the tenant's timezone. Moments travel as
 * epoch milliseconds: JSON has no timestamp type. Every table is filtered by the tenant as well
 * as scoped by row-level security.
 */
const TIMELINE_SQL = `
WITH entries AS (
  SELECT a.seq, floor(extract(epoch FROM a.occurred_at) * 1000) AS at_ms, a.actor_type, a.actor_id, a.actor_label,
         a.action, a.object_type, a.before, a.after, count(*) OVER () AS total
  FROM audit_log a
  WHERE a.tenant_id = :tenant
    AND ((a.object_type = 'instance' AND a.object_id = :item)
      OR (a.object_type = 'evidence' AND a.object_id IN (SELECT v.id::text FROM evidence v WHERE v.tenant_id = :tenant AND v.instance_id = :item::uuid)))
  ORDER BY a.seq DESC
  LIMIT :newest
),
notes AS (
  SELECT n.kind, n.channel, n.status, n.recipient_user_id, n.payload,
         floor(extract(epoch FROM n.created_at) * 1000) AS created_ms, floor(extract(epoch FROM n.sent_at) * 1000) AS sent_ms,
         floor(extract(epoch FROM n.updated_at) * 1000) AS updated_ms, count(*) OVER () AS total
  FROM notifications n
  WHERE n.tenant_id = :tenant
    AND (n.instance_id = :item::uuid
      OR (n.instance_id IS NULL AND n.kind IN ('escalation', 'due_soon', 'due_today', 'work_assigned')
        AND n.payload -> 'items' @> jsonb_build_array(jsonb_build_object('instanceId', :item::text))))
  ORDER BY n.created_at DESC
  LIMIT :newest
),
named AS (
  SELECT actor_id AS id FROM entries WHERE actor_type = 'user'
  UNION SELECT recipient_user_id::text FROM notes
  UNION SELECT person.id FROM entries e,
    LATERAL (VALUES (e.before ->> 'owner_user_id'), (e.before ->> 'approver_user_id'), (e.after ->> 'owner_user_id'), (e.after ->> 'approver_user_id')) AS person(id)
    WHERE e.action = 'instance.updated'
)
SELECT t.timezone,
  EXISTS (SELECT 1 FROM compliance_instances i WHERE i.tenant_id = t.id AND i.id = :item::uuid) AS found,
  (SELECT coalesce(json_agg(e ORDER BY e.seq), '[]') FROM entries e) AS entries,
  (SELECT coalesce(json_agg(n ORDER BY n.created_ms), '[]') FROM notes n) AS notes,
  (SELECT coalesce(json_object_agg(u.id, u.name), '{}') FROM users u WHERE u.tenant_id = t.id AND u.id::text IN (SELECT id FROM named)) AS people,
  (SELECT coalesce(json_object_agg(r.id, json_build_object('kind', r.kind, 'number', r.number)), '{}') FROM registrations r
    WHERE r.tenant_id = t.id AND r.id::text IN (SELECT after ->> 'registrationId' FROM entries WHERE action = 'instance.registration_set')) AS registrations,
  coalesce((SELECT max(total) FROM entries), 0) + coalesce((SELECT max(total) FROM notes), 0)
    - (SELECT count(*) FROM entries) - (SELECT count(*) FROM notes) AS omitted
FROM tenants t
WHERE t.id = :tenant`;

interface EntryJson {
  seq: number; at_ms: number; actor_type: ActorType; actor_id: string; actor_label: string | null;
  action: string; object_type: string; before: unknown; after: unknown;
}
interface NoteJson {
  kind: string; channel: string; status: TimelineNotification['status']; recipient_user_id: string | null; payload: unknown;
  created_ms: number; sent_ms: number | null; updated_ms: number;
}
interface TimelineRow {
  timezone: string;
  found: boolean;
  entries: EntryJson[];
  notes: NoteJson[];
  people: Record<string, string>;
  registrations: Record<string, { kind: string; number: string }>;
  omitted: number | string;
}

const toEntry = (e: EntryJson): TimelineAuditEntry => ({
  seq: Number(e.seq), occurredAt: new Date(e.at_ms), actorType: e.actor_type, actorId: e.actor_id, actorLabel: e.actor_label,
  action: e.action, objectType: e.object_type, before: e.before, after: e.after,
});
const toNotification = (n: NoteJson): TimelineNotification => ({
  kind: n.kind, channel: n.channel, status: n.status, recipientUserId: n.recipient_user_id, payload: n.payload,
  createdAt: new Date(n.created_ms), sentAt: n.sent_ms === null ? null : new Date(n.sent_ms), updatedAt: new Date(n.updated_ms),
});
const registrationWords = (r: { kind: string; number: string }) =>
  `${Object.hasOwn(REGISTRATION_LABEL, r.kind) ? REGISTRATION_LABEL[r.kind as keyof typeof REGISTRATION_LABEL] : r.kind} ${r.number}`;

/**
 * An item's timeline in sentences, oldest first, in the tenant's timezone, for the item's page:
 * read in one statement inside the caller's transaction (the tenant's, under row-level security;
 * a platform admin's names the item's tenant). An item the transaction cannot see is not found.
 */
export async function loadItemTimeline(tx: TenantTx, instanceId: string): Promise<TimelineLine[]> {
  const missing = () => new NotFoundError('That compliance item does not exist in your organisation. It may have been removed; refresh and try again.');
  if (!UUID.test(instanceId)) throw missing();
  const { rows } = await tx.trx.raw(TIMELINE_SQL, { tenant: tx.tenantId, item: instanceId, newest: NEWEST });
  const row = rows[0] as TimelineRow | undefined;
  if (!row?.found) throw missing();
  return itemTimeline({
    timezone: row.timezone,
    entries: row.entries.map(toEntry),
    notifications: row.notes.map(toNotification),
    people: new Map(Object.entries(row.people)),
    registrations: new Map(Object.entries(row.registrations).map(([id, r]) => [id, registrationWords(r)])),
    omitted: Number(row.omitted),
  });
}
