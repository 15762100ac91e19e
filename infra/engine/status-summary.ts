import { REGISTRATION_NUMBER_SQL, registrationOf } from './registration-sql.js';
import type { IsoDate } from '../../core/engine/dates.js';
import type { Rag } from '../../core/engine/rag.js';
import { OPEN_STATUSES, STATUSES, type InstanceStatus } from '../../core/engine/status.js';
import type { EntityStatus, StatusSummary, UrgentItem } from '../../core/ports/work-reads.js';
import type { TenantTx } from '../db/database.js';

export type { EntityStatus, StatusSummary, UrgentItem };

/** RAG in SQL for set-wide counts; the same rule as ragOf in core/engine/rag.ts (a test holds them equal). */
const RAG_SQL = `CASE
  WHEN NOT (i.status = ANY (:open)) THEN 'green'
  WHEN i.due_date < :today::date THEN 'red'
  WHEN i.status = 'rejected' OR i.due_date <= :today::date + :amber::int THEN 'amber'
  ELSE 'green' END`;

/**
 * Counts by RAG and status per entity, and the most urgent open items, in two indexed queries.
 * `today` is the tenant's date.
 */
export async function statusSummary(
  { trx, tenantId }: TenantTx,
  options: { today: IsoDate; amberWindowDays: number; entityIds?: string[]; urgentLimit?: number },
): Promise<StatusSummary> {
  const params = {
    tenant: tenantId, today: options.today, amber: options.amberWindowDays, open: [...OPEN_STATUSES],
    entities: options.entityIds ?? null, limit: options.urgentLimit ?? 10,
  };
  const entityFilter = options.entityIds ? 'AND i.entity_id = ANY (:entities::uuid[])' : '';
  const { rows } = await trx.raw(
    `SELECT e.id AS entity_id, e.name AS entity_name, ${STATUSES.map((s) => `count(*) FILTER (WHERE i.status = '${s}')::int AS "${s}"`).join(', ')},
            count(*) FILTER (WHERE r.rag = 'red')::int AS red, count(*) FILTER (WHERE r.rag = 'amber')::int AS amber,
            count(*) FILTER (WHERE r.rag = 'green')::int AS green
     FROM compliance_instances i
     JOIN entities e ON e.tenant_id = i.tenant_id AND e.id = i.entity_id
     CROSS JOIN LATERAL (SELECT ${RAG_SQL} AS rag) r
     WHERE i.tenant_id = :tenant ${entityFilter}
     GROUP BY e.id, e.name ORDER BY e.name`,
    params,
  );
  // The urgent list only when asked for (the digest and the portal dashboard count, they do not list).
  const { rows: urgent } = params.limit === 0 ? { rows: [] } : await trx.raw(
    `SELECT i.id, i.entity_id, e.name AS entity_name, m.owed_per, ${REGISTRATION_NUMBER_SQL} AS registration_number, m.code, m.name, i.period_key, i.due_date, i.status, ${RAG_SQL} AS rag, u.name AS owner_name
     FROM compliance_instances i
     JOIN entities e ON e.tenant_id = i.tenant_id AND e.id = i.entity_id
     JOIN compliance_masters m ON m.id = i.master_id
     LEFT JOIN users u ON u.tenant_id = i.tenant_id AND u.id = i.owner_user_id
     WHERE i.tenant_id = :tenant AND i.status = ANY (:open) ${entityFilter}
     ORDER BY i.due_date, m.code, e.name LIMIT :limit`,
    params,
  );
  const entities: EntityStatus[] = rows.map((r: Record<string, string | number>) => ({
    entityId: String(r.entity_id), entityName: String(r.entity_name), red: Number(r.red), amber: Number(r.amber), green: Number(r.green),
    byStatus: Object.fromEntries(STATUSES.map((s) => [s, Number(r[s])])) as Record<InstanceStatus, number>,
  }));
  return {
    today: options.today,
    entities,
    totals: entities.reduce((t, e) => ({ red: t.red + e.red, amber: t.amber + e.amber, green: t.green + e.green }), { red: 0, amber: 0, green: 0 }),
    urgent: urgent.map((r: Record<string, string>) => ({
      instanceId: r.id, entityId: r.entity_id, entityName: r.entity_name, registration: registrationOf(r), code: r.code, name: r.name, periodKey: r.period_key, dueDate: r.due_date,
      status: r.status as InstanceStatus, rag: r.rag as Rag, ownerName: r.owner_name,
    })),
  };
}
