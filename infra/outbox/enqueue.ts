import type { Knex } from 'knex';
import type { Recipient } from '../../core/engine/reminders.js';
import type { NotificationDraft } from '../../core/ports/index.js';
import type { TenantTx } from '../db/database.js';
import type { OutboundChannel } from '../../core/ports/channel.js';
import { chooseChannel } from '../../core/notifications/channel-choice.js';
import type { Reach } from '../../core/ports/reach.js';
import { CHAT_REACH, reachOf, type ChatReachSql } from './reach.js';

interface RoleHolder {
  user_id: string;
  role: string;
  entity_id: string | null;
}

/** Who the outbox can address in a tenant, read once per batch: the active holders of the roles drafts name, who is deactivated, and which chats reach whom. */
interface Addressees {
  holders: RoleHolder[];
  /** Deactivated people by id, with their names. */
  inactive: ReadonlyMap<string, string>;
  reaches: Reach[];
}

interface AddresseeRow {
  id: string | null;
  name: string;
  is_active: boolean;
  role: string | null;
  entity_id: string | null;
  [chat: `connected_${number}` | `linked_${number}`]: boolean;
}

// One statement: the chats' connections (one row even in a tenant of nobody), then the people
// that matter to addressing: deactivated, holding a role drafts name, or linked to a chat.
const chatColumns = (column: (chat: ChatReachSql, n: number) => string) => CHAT_REACH.map((chat, n) => `, ${column(chat, n)}`).join('');
const ADDRESSEES_SQL = `
  SELECT p.*${chatColumns((_, n) => `c.connected_${n}`)}
  FROM (SELECT true AS read${chatColumns((chat, n) => `${chat.connected(':tenantId')} AS connected_${n}`)}) c
  LEFT JOIN (
    SELECT u.id, u.name, u.is_active, r.role, r.entity_id${chatColumns((chat, n) => `${chat.linked} AS linked_${n}`)}
    FROM users u
    LEFT JOIN role_assignments r ON r.tenant_id = u.tenant_id AND r.user_id = u.id AND r.role IN ('cfo', 'tenant_admin')
    WHERE u.tenant_id = :tenantId AND (NOT u.is_active OR r.role IS NOT NULL${CHAT_REACH.map((chat) => ` OR ${chat.linked}`).join('')})
  ) p ON true`;

async function addressees(trx: Knex.Transaction, tenantId: string): Promise<Addressees> {
  const { rows } = await trx.raw(ADDRESSEES_SQL, { tenantId }) as { rows: AddresseeRow[] };
  const people = rows.filter((r) => r.id !== null) as (AddresseeRow & { id: string })[];
  const chats = rows[0]!;
  return {
    holders: people.filter((r) => r.is_active && r.role !== null).map((r) => ({ user_id: r.id, role: r.role!, entity_id: r.entity_id })),
    inactive: new Map(people.filter((r) => !r.is_active).map((r) => [r.id, r.name])),
    reaches: CHAT_REACH.map((chat, n) => reachOf(chat.channel, chats[`connected_${n}`] === true, new Set(people.filter((r) => r[`linked_${n}`]).map((r) => r.id)))),
  };
}

/** Who receives a draft: the named person (the tenant admins if they are deactivated), or the role's holders for the item's entity. */
function resolver({ holders, inactive }: Addressees): (to: Recipient, entityId: string | null) => string[] {
  // Memoised per role and entity: a sweep resolves thousands of drafts to the same few people.
  const memo = new Map<string, string[]>();
  const holding = (role: string, entityId: string | null) => {
    const key = `${role}:${entityId}`;
    let users = memo.get(key);
    if (!users) {
      users = [...new Set(holders.filter((h) => h.role === role && (h.entity_id === null || h.entity_id === entityId)).map((h) => h.user_id))];
      memo.set(key, users);
    }
    return users;
  };
  return (to, entityId) => {
    // A person deactivated since the item was assigned hears nothing: the tenant admins are told instead.
    if (to.kind === 'user') return inactive.has(to.userId) ? holding('tenant_admin', entityId) : [to.userId];
    const users = holding(to.role, entityId);
    // Nobody holds the role (no CFO yet): the tenant admins hear about it rather than nobody.
    return users.length === 0 && to.role !== 'tenant_admin' ? holding('tenant_admin', entityId) : users;
  };
}

const CHUNK = 5000;

export interface NotificationRow {
  tenant_id: string;
  channel: OutboundChannel;
  kind: string;
  recipient_user_id: string;
  instance_id: string | null;
  /** As it will be stored (JSON). */
  payload: Record<string, unknown>;
  dedup_key: string;
}

/** One actual recipient of a draft: who, on which channel, and the role it was addressed to in place of a missing person. */
export interface Addressee {
  userId: string;
  channel: OutboundChannel;
  addressedTo?: { kind: 'role'; role: string; missing?: string };
}

/** Finds each draft's actual recipients, against one read of the tenant's people and chats. */
export type Addresser = (to: Recipient, entityId: string | null, kind: string) => Addressee[];

export async function addresser(tx: TenantTx, channel?: OutboundChannel): Promise<Addresser> {
  const people = await addressees(tx.trx, tx.tenantId);
  // Where each person hears from us: in a chat that reaches them, otherwise by email.
  const choose = channel ? () => channel : (userId: string, kind: string) => chooseChannel(people.reaches, userId, kind);
  const resolve = resolver(people);
  const { inactive } = people;
  return (to, entityId, kind) => {
    const gone = to.kind === 'user' ? inactive.get(to.userId) : undefined;
    const addressedTo = to.kind === 'role' ? to : gone !== undefined ? { kind: 'role' as const, role: 'tenant_admin', missing: `active person in place of ${gone} (deactivated)` } : undefined;
    return resolve(to, entityId).map((userId) => ({ userId, channel: choose(userId, kind), ...(addressedTo ? { addressedTo } : {}) }));
  };
}

/** A draft's row for one of its recipients, with a per-recipient dedup key. */
export const rowFor = (tenantId: string, draft: NotificationDraft, to: Addressee): NotificationRow => ({
  tenant_id: tenantId, channel: to.channel, kind: draft.kind, recipient_user_id: to.userId, instance_id: draft.instanceId,
  payload: to.addressedTo ? { ...draft.payload, addressedTo: to.addressedTo } : draft.payload,
  dedup_key: `${draft.dedupKey}:${to.userId}`,
});

/** Drafts addressed to people or roles → one row per actual recipient, with a per-recipient dedup key. */
export async function resolveDrafts(tx: TenantTx, drafts: NotificationDraft[], channel?: OutboundChannel): Promise<NotificationRow[]> {
  if (drafts.length === 0) return [];
  const { trx, tenantId } = tx;
  const address = await addresser(tx, channel);
  const entityOf = new Map<string, string>();
  for (const d of drafts) if (d.instanceId && d.entityId) entityOf.set(d.instanceId, d.entityId);
  const instanceIds = [...new Set(drafts.map((d) => d.instanceId).filter((id): id is string => id !== null && !entityOf.has(id)))];
  for (let i = 0; i < instanceIds.length; i += CHUNK) {
    const rows: { id: string; entity_id: string }[] = await trx('compliance_instances')
      .where({ tenant_id: tenantId }).whereIn('id', instanceIds.slice(i, i + CHUNK)).select('id', 'entity_id');
    for (const r of rows) entityOf.set(r.id, r.entity_id);
  }
  return drafts.flatMap((draft) =>
    address(draft.to, draft.instanceId ? entityOf.get(draft.instanceId) ?? null : null, draft.kind).map((to) => rowFor(tenantId, draft, to)));
}

// One statement of seven parameters, however many rows: building and sending a VALUES list of
// tens of thousands of rows (seven parameters each) costs more than the database's insert. The
// payloads go as one JSON array (a batch's payload lists hundreds of items: no array escaping).
const INSERT_SQL = `
  INSERT INTO notifications (tenant_id, channel, kind, recipient_user_id, instance_id, payload, dedup_key)
  SELECT ?::uuid, r.channel, r.kind, r.recipient_user_id, r.instance_id, p.payload, r.dedup_key
  FROM unnest(?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[]) WITH ORDINALITY AS r(channel, kind, recipient_user_id, instance_id, dedup_key, n)
  JOIN jsonb_array_elements(?::jsonb) WITH ORDINALITY AS p(payload, n) USING (n)
  ON CONFLICT (tenant_id, dedup_key) DO NOTHING`;

/** Writes that commit with the notifications, sent in the same statement (as `WITH` queries). */
export interface AlongsideWrites {
  sql: string;
  bindings: readonly Knex.RawBinding[];
}

/**
 * Inserts in bulk; a dedup key already present is skipped. Returns how many were new. Writes
 * given `alongside` run in the same statement, even with no rows to insert (one round trip less
 * per tenant in a sweep of hundreds).
 */
export async function insertNotifications({ trx, tenantId }: TenantTx, rows: NotificationRow[], alongside?: AlongsideWrites): Promise<number> {
  if (rows.length === 0 && !alongside) return 0;
  const column = <K extends keyof NotificationRow>(key: K) => rows.map((r) => r[key]) as unknown as string[];
  const bindings = [tenantId, column('channel'), column('kind'), column('recipient_user_id'), column('instance_id'), column('dedup_key'), JSON.stringify(rows.map((r) => r.payload))];
  const result = alongside
    ? await trx.raw(`WITH ${alongside.sql} ${INSERT_SQL}`, [...alongside.bindings, ...bindings])
    : await trx.raw(INSERT_SQL, bindings);
  return result.rowCount ?? 0;
}

/**
 * Writes notifications in the caller's transaction, so they commit with the change that causes
 * them; re-planning the same notification never sends it twice.
 */
export async function enqueueNotifications(tx: TenantTx, drafts: NotificationDraft[], channel?: OutboundChannel): Promise<number> {
  return insertNotifications(tx, await resolveDrafts(tx, drafts, channel));
}
