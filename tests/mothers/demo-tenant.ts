import { DEMO_ENTITIES, DEMO_USERS } from '../../app/seed/demo-data.js';
import { aTenant } from './tenant-mother.js';

export type DemoPerson = 'admin' | 'owner' | 'approver' | 'cfo' | 'auditor' | 'viewer';
export type DemoEntity = 'manufacturing' | 'software' | 'advisors';

const ENTITY_KEYS: Record<(typeof DEMO_ENTITIES)[number]['name'], DemoEntity> = {
  'Demo Manufacturing': 'manufacturing', 'Demo Software': 'software', 'Demo Advisors': 'advisors',
};

const MASTERS = {
  GSTR3B_MONTHLY: 'GSTR-3B (monthly) — summary return and tax payment',
  PF_ECR: 'EPF contribution and ECR',
  TDS_DEPOSIT: 'TDS deposit (challan ITNS-281)',
} as const;
export type DemoMaster = keyof typeof MASTERS;

/** Items as the demo seed generates them as of DEMO_NOW (statutory dates; every one prepared by the owner, approved by the approver). */
const ITEMS: [DemoEntity, DemoMaster, string, string][] = [
  ['manufacturing', 'GSTR3B_MONTHLY', '2026-10', '2026-11-20'],
  ['manufacturing', 'PF_ECR', '2026-10', '2026-11-16'],
  ['software', 'PF_ECR', '2026-10', '2026-11-16'],
  ['software', 'PF_ECR', '2026-11', '2026-12-15'],
  ['software', 'TDS_DEPOSIT', '2026-10', '2026-11-09'],
  ['advisors', 'TDS_DEPOSIT', '2026-11', '2026-12-07'],
];

export const demoItemKey = (entity: DemoEntity, code: DemoMaster, periodKey: string) => `${entity}:${code}:${periodKey}`;

/**
 * The demo tenant's people (one per role, as app/seed/demo-data.ts names them), its three
 * entities and the items the use-case tests act on, for the in-memory store: the same facts
 * tests/support/demo.ts seeds into a database, without the database.
 */
export function demoTenant() {
  const tenant = aTenant('demo').named('Demo Group');
  for (const e of DEMO_ENTITIES) tenant.withEntity(ENTITY_KEYS[e.name], { name: e.name, state: e.state });
  for (const u of DEMO_USERS) tenant.withPerson(u.email.split('@')[0]!, { email: u.email, name: u.name, roles: [u.role] });
  for (const [code, name] of Object.entries(MASTERS)) tenant.withMaster(code, { code, name });
  for (const [entity, code, periodKey, dueDate] of ITEMS) {
    tenant.withItem(demoItemKey(entity, code, periodKey), { entity, master: code, periodKey, dueDate, owner: 'owner', approver: 'approver' });
  }
  return tenant;
}
