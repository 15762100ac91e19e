import { createHash } from 'node:crypto';
import { aTenant, sha256Hex } from '../mothers/tenant-mother.js';
import type { Database } from '../../infra/db/database.js';

export { sha256Hex };

export interface TenantFixture {
  tenantId: string;
  entityId: string;
  userId: string;
  masterId: string;
  instanceId: string;
  evidenceId: string;
}

/** A made-up Entra tenant id for a slug (a GUID, as Teams sends them). */
export const aadTenantOf = (slug: string) => `${createHash('sha256').update(slug).digest('hex').slice(0, 8)}-0000-4000-8000-000000000000`;

/** A tenant with one row in every tenant-owned table, so isolation tests cannot pass vacuously. */
export async function createTenantWithEverything(db: Database, slug: string): Promise<TenantFixture> {
  const built = await aTenant(slug)
    .withEntity('entity', { name: `${slug} Pvt Ltd`, legalName: `${slug} Private Limited`, state: 'MH' })
    .withRegistration('tan', { entity: 'entity', kind: 'tan', number: 'MUMD12345E' })
    .withAgm('entity', 'FY2025-26', '2025-09-25')
    .withPerson('owner', { email: `owner@${slug}.example`, name: 'Owner', slackUserId: `U${slug}`, roles: ['owner'] })
    .withMaster('master', { code: 'OWN_RETURN', name: 'Own return' })
    .withAssignment('entity', 'master', 'owner')
    .withReminderSchedule('master', [10, 3])
    .withHoliday('republicDay', { date: '2026-01-26', name: 'Republic Day' })
    .withExtension('extension', { master: 'master', periodKey: '2026-01', extendedDueDate: '2026-02-25', reference: 'Board note 1' })
    .withItem('instance', { entity: 'entity', master: 'master', periodKey: '2026-01', dueDate: '2026-02-20', owner: 'owner' })
    .withEvidence('evidence', { item: 'instance', fileName: 'challan.pdf', sizeBytes: 1024, uploadedBy: 'owner', channel: 'slack' })
    .withNotification('reminder', { to: 'owner', item: 'instance', kind: 'reminder', dedupKey: (b) => `reminder:${b.id('instance')}:t-3` })
    .withSlackInstallation(`T${slug}`)
    .withTeamsConversation(`19:${slug}`)
    .withTeamsTenant(aadTenantOf(slug))
    .withAuditEntry((b) => ({ actor: { type: 'system', id: 'test' }, action: 'fixture.created', objectType: 'tenant', objectId: b.tenantId }))
    .build(db);
  const id = built.id;
  // An unused sign-in link (links are made before a tenant is known, so as the platform).
  await db.withSystem((trx) => trx('sign_in_links').insert({
    token_hash: createHash('sha256').update(`link-${slug}`).digest('hex'), tenant_id: built.tenantId, user_id: id('owner'), expires_at: new Date('2026-01-01T00:15:00Z'),
  }));
  // A sweep's record that the item's T-3 reminder was queued.
  await db.withTenant(built.tenantId, ({ trx }) => trx('reminder_claims').insert({ tenant_id: built.tenantId, rung: 'reminder', day: '2026-02-17', instance_ids: [id('instance')] }));
  // The owner was asked for the item's proof in their Teams personal chat (Upload proof).
  await db.withTenant(built.tenantId, ({ trx }) => trx('teams_upload_prompts').insert({
    tenant_id: built.tenantId, user_id: id('owner'), instance_id: id('instance'), conversation_id: `a:1personal-${slug}`, activity_id: '1764000000999', expires_at: new Date('2026-02-18T00:00:00Z'),
  }));
  return {
    tenantId: built.tenantId, entityId: id('entity'), userId: id('owner'), masterId: id('master'), instanceId: id('instance'), evidenceId: id('evidence'),
  };
}
