import { randomBytes } from 'node:crypto';
import { appendAudit } from '../../infra/audit/audit-store.js';
import type { Database } from '../../infra/db/database.js';

export const sha256Hex = () => randomBytes(32).toString('hex');

export interface TenantFixture {
  tenantId: string;
  entityId: string;
  userId: string;
  masterId: string;
  instanceId: string;
  evidenceId: string;
}

/** A tenant with one row in every tenant-owned table, so isolation tests cannot pass vacuously. */
export async function createTenantWithEverything(db: Database, slug: string): Promise<TenantFixture> {
  const tenantId: string = await db.withSystem(async (trx) => {
    const [row] = await trx('tenants').insert({ slug, name: `Tenant ${slug}` }).returning('id');
    return row.id;
  });
  return db.withTenant(tenantId, async (tx) => {
    const { trx } = tx;
    const t = { tenant_id: tenantId };
    const [entity] = await trx('entities')
      .insert({ ...t, name: `${slug} Pvt Ltd`, legal_name: `${slug} Private Limited`, entity_type: 'company', state: 'MH' })
      .returning('id');
    await trx('entity_events').insert({ ...t, entity_id: entity.id, kind: 'agm', fiscal_year: 'FY2025-26', event_date: '2025-09-25' });
    const [user] = await trx('users').insert({ ...t, email: `owner@${slug}.example`, name: 'Owner', slack_user_id: `U${slug}` }).returning('id');
    await trx('role_assignments').insert({ ...t, user_id: user.id, role: 'owner' });
    const [master] = await trx('compliance_masters')
      .insert({
        ...t, code: 'OWN_RETURN', name: 'Own return', category: 'Other', law: 'Internal', authority: 'Board',
        frequency: 'monthly', rule_versions: JSON.stringify([{ effectiveFrom: '2000-01-01', rule: {} }]),
      })
      .returning('id');
    await trx('assignments').insert({ ...t, entity_id: entity.id, master_id: master.id, owner_user_id: user.id });
    await trx('holidays').insert({ ...t, holiday_date: '2026-01-26', name: 'Republic Day' });
    await trx('due_date_overrides').insert({ ...t, master_id: master.id, period_key: '2026-01', extended_due_date: '2026-02-25', reference: 'Board note 1' });
    const [instance] = await trx('compliance_instances')
      .insert({
        ...t, entity_id: entity.id, master_id: master.id, period_key: '2026-01', period_start: '2026-01-01',
        period_end: '2026-01-31', statutory_due_date: '2026-02-20', owner_user_id: user.id,
      })
      .returning('id');
    const [evidence] = await trx('evidence')
      .insert({
        ...t, instance_id: instance.id, version: 1, file_name: 'challan.pdf', content_type: 'application/pdf',
        size_bytes: 1024, sha256: sha256Hex(), storage_key: `${tenantId}/${instance.id}/1-${sha256Hex()}`,
        uploaded_by: user.id, channel: 'slack',
      })
      .returning('id');
    await trx('notifications').insert({ ...t, channel: 'email', kind: 'reminder', recipient_user_id: user.id, instance_id: instance.id, dedup_key: `reminder:${instance.id}:t-3` });
    await trx('slack_installations').insert({ ...t, team_id: `T${slug}`, bot_token_encrypted: 'ciphertext' });
    await trx('teams_conversations').insert({ ...t, conversation_id: `19:${slug}`, conversation_type: 'channel', service_url: 'https://smba.example', reference: JSON.stringify({}) });
    await appendAudit(tx, { actor: { type: 'system', id: 'test' }, action: 'fixture.created', objectType: 'tenant', objectId: tenantId });
    return { tenantId, entityId: entity.id, userId: user.id, masterId: master.id, instanceId: instance.id, evidenceId: evidence.id };
  });
}
