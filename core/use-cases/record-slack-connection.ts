import { requireRole, type Actor } from '../engine/access.js';
import type { EngineUnit } from '../ports/index.js';
import { actorRef } from './instance-guard.js';

/** A Slack workspace was bound to the tenant (its installation is stored): that goes on the audit trail. */
export async function recordSlackConnection(
  unit: Pick<EngineUnit, 'tenantId' | 'audit'>,
  actor: Actor,
  input: { teamId: string; team: string | undefined },
): Promise<void> {
  requireRole(actor, ['tenant_admin'], null, 'connect a Slack workspace');
  await unit.audit.append([{
    actor: actorRef(actor), action: 'slack.connected', objectType: 'tenant', objectId: unit.tenantId, after: { teamId: input.teamId, team: input.team },
  }]);
}
