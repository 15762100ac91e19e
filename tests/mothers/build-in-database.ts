import type { AuditEntryInput } from '../../core/audit/chain.js';
import { appendAudit } from '../../infra/audit/audit-store.js';
import type { Database } from '../../infra/db/database.js';
import { entityOf, evidenceOf, grantOf, masterOf, periodOf, personOf, registrationsOf, resolver } from './defaults.js';
import type { BuiltTenant, TenantPlan } from './tenant-mother.js';

/**
 * Writes a plan to a test database: the tenant as the platform does, then everything else in
 * one transaction of that tenant under the application's own role (so row-level security and
 * the triggers see the rows as they would see the product's), one insert per kind of row.
 */
export async function buildInDatabase(db: Database, plan: TenantPlan): Promise<BuiltTenant> {
  const tenantId = plan.existingTenantId ?? await db.withSystem(async (trx) => {
    const { slug, name, timezone, trackingStartDate } = plan.tenant;
    const [row] = await trx('tenants').insert({ slug, name, timezone, tracking_start_date: trackingStartDate }).returning('id');
    return row.id as string;
  });
  const ids = new Map<string, string>();
  const ref = resolver(ids);
  const built: BuiltTenant = { tenantId, id: ref };
  const t = { tenant_id: tenantId };

  await db.withTenant(tenantId, async (tx) => {
    const { trx } = tx;
    /** Inserts one row per entry and remembers each key's id (rows come back in the order given). */
    const insert = async <S>(table: string, list: [string, S][], row: (key: string, spec: S) => Record<string, unknown>) => {
      if (list.length === 0) return;
      const rows: { id: string }[] = await trx(table).insert(list.map(([key, spec]) => ({ ...t, ...row(key, spec) }))).returning('id');
      list.forEach(([key], i) => ids.set(key, rows[i]!.id));
    };
    const insertAll = async (table: string, rows: Record<string, unknown>[]) => {
      if (rows.length > 0) await trx(table).insert(rows.map((row) => ({ ...t, ...row })));
    };

    await insert('entities', plan.entities, (key, spec) => {
      const e = entityOf(key, spec);
      // gstins is the database's mirror of the GSTIN registrations below.
      return { name: e.name, legal_name: e.legalName, entity_type: e.type, pan: e.pan, state: e.state, district: spec.district ?? null, gst_mode: e.gstMode, profile: JSON.stringify(e.profile), teams_channel_id: spec.teamsChannelId ?? null };
    });
    await insert('registrations', registrationsOf(plan), (_key, r) => ({
      entity_id: ref(r.entity), kind: r.kind, number: r.number, state: r.state, gst_mode: r.gstMode, is_active: r.active,
    }));
    await insertAll('entity_events', plan.entityEvents.map((e) => ({ entity_id: ref(e.entity), kind: 'agm', fiscal_year: e.fiscalYear, event_date: e.date })));
    const people = plan.people.map(([key, spec]): [string, ReturnType<typeof personOf>] => [key, personOf(key, spec, plan, ref)]);
    await insert('users', people, (_key, p) => ({ email: p.email, name: p.name, password_hash: p.passwordHash, slack_user_id: p.slackUserId, teams_user_id: p.teamsUserId, is_active: p.active }));
    const grants = [...people.flatMap(([key, p]) => p.roles.map((g) => ({ userId: ids.get(key), ...g }))), ...plan.roles.map((r) => ({ userId: ref(r.person), ...grantOf(r.role, ref) }))];
    await insertAll('role_assignments', grants.map((g) => ({ user_id: g.userId, role: g.role, entity_id: g.entityId })));
    await insert('compliance_masters', plan.masters, (_key, spec) => {
      const m = masterOf(spec);
      return { code: m.code, name: m.name, category: 'Other', law: 'Internal', authority: 'Board', frequency: m.frequency, rule_versions: JSON.stringify(m.ruleVersions) };
    });
    await insertAll('assignments', plan.assignments.map((a) => ({ entity_id: ref(a.entity), master_id: ref(a.master), owner_user_id: a.owner ? ref(a.owner) : null, approver_user_id: a.approver ? ref(a.approver) : null })));
    await insertAll('reminder_schedules', plan.reminderSchedules.map((r) => ({ master_id: ref(r.master), days_before: r.daysBefore })));
    await insert('holidays', plan.holidays, (_key, h) => ({ holiday_date: h.date, name: h.name, state: h.state ?? null }));
    await insert('due_date_overrides', plan.overrides, (_key, o) => ({
      master_id: ref(o.master), period_key: o.periodKey, extended_due_date: o.extendedDueDate, reference: o.reference,
      kind: o.kind ?? 'extension', states: o.states ?? null, districts: o.districts ?? null,
    }));
    await insert('compliance_instances', plan.items, (_key, item) => {
      const period = periodOf(item);
      return {
        entity_id: ref(item.entity), master_id: ref(item.master), registration_id: item.registration ? ref(item.registration) : null, period_key: item.periodKey, period_start: period.start, period_end: period.end,
        statutory_due_date: item.dueDate, status: item.status ?? 'pending',
        owner_user_id: item.owner ? ref(item.owner) : null, approver_user_id: item.approver ? ref(item.approver) : null,
      };
    });
    const evidence = plan.evidence.map(([key, spec]): [string, { spec: typeof spec; row: ReturnType<typeof evidenceOf> }] => [key, { spec, row: evidenceOf(spec, tenantId, ref(spec.item)) }]);
    await insert('evidence', evidence, (_key, { spec, row: e }) => ({
      instance_id: ref(spec.item), version: e.version, file_name: e.fileName, content_type: e.contentType, size_bytes: e.sizeBytes,
      sha256: e.sha256, storage_key: e.storageKey, uploaded_by: ref(spec.uploadedBy), channel: e.channel, review_status: e.reviewStatus,
    }));
    await insert('notifications', plan.notifications, (_key, n) => ({
      channel: n.channel ?? 'email', kind: n.kind ?? 'reminder', recipient_user_id: n.to === null ? null : ref(n.to), instance_id: n.item ? ref(n.item) : null,
      dedup_key: typeof n.dedupKey === 'string' ? n.dedupKey : n.dedupKey(built), status: n.status ?? 'pending', attempts: n.attempts ?? 0, last_error: n.lastError ?? null,
    }));
    await insertAll('slack_installations', plan.slackInstallations.map((s) => ({ team_id: s.teamId, bot_token_encrypted: 'ciphertext' })));
    await insertAll('teams_conversations', plan.teamsConversations.map((c) => ({
      conversation_id: c.conversationId, conversation_type: 'channel', service_url: 'https://smba.example', reference: JSON.stringify({}),
    })));
    await insertAll('teams_tenants', plan.teamsTenants.map((t) => ({ aad_tenant_id: t.aadTenantId, app_id: t.appId })));

    const uploads: AuditEntryInput[] = evidence.filter(([, { spec }]) => spec.recordedUpload).map(([key, { spec, row: e }]) => ({
      actor: { type: 'user', id: ref(spec.uploadedBy) }, action: 'evidence.uploaded', objectType: 'evidence', objectId: ids.get(key)!,
      after: { instanceId: ref(spec.item), version: e.version, fileName: e.fileName, sizeBytes: e.sizeBytes, sha256: e.sha256, channel: e.channel },
    }));
    await appendAudit(tx, [...uploads, ...plan.auditEntries.map((e) => (typeof e === 'function' ? e(built) : e))]);
  });

  return built;
}
