import type { ResourceOptions, ResourceWithOptions } from 'adminjs';
import type { Database } from '../../infra/db/database.js';
import { redateOpenItems } from '../../core/use-cases/redate-open-items.js';
import { createEngineUnit } from '../../infra/stores/engine-unit.js';
import { holidaySchema, parseRecord } from '../../core/setup/records.js';
import { actorOf, tenantTx } from '../scope.js';
import type { TableSpec } from '../adapter/table-resource.js';
import { NAV, tableResource, tenantOf } from './common.js';

/** Tenant holidays (optionally for one state): "next working day" obligations move past them. */
export const holidaysSpec: TableSpec = {
  id: 'holidays',
  table: 'holidays',
  scope: 'tenant',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'holiday_date', type: 'date' },
    { path: 'state' },
    { path: 'name', isTitle: true },
  ],
  defaultSort: { column: 'holiday_date', direction: 'asc' },
  writes: {
    objectType: 'holiday',
    operations: ['create', 'update', 'delete'],
    parse: (input, _op, ctx) => {
      const values = parseRecord(holidaySchema, input);
      return tenantOf({ ...values, state: values.state ?? null }, input, ctx);
    },
    // Open items due on a changed day move to (or back from) the next working day, audited.
    after: async (row, _op, ctx) => void (await redateOpenItems(await createEngineUnit(tenantTx(ctx.trx, String(row.tenant_id))), actorOf(ctx.admin), {})),
  },
};

export const holidaysResource = (db: Database, actions: ResourceOptions['actions'] = {}): ResourceWithOptions => tableResource(db, holidaysSpec, {
  navigation: NAV.setup,
  listProperties: ['holiday_date', 'name', 'state'],
  filterProperties: ['holiday_date', 'name', 'state'],
  editProperties: ['tenant_id', 'holiday_date', 'name', 'state'],
  properties: { state: { description: 'Two-letter state code, or empty for every state' } },
  actions,
});
