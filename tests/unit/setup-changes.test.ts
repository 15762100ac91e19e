import { describe, expect, it } from '@jest/globals';
import type { AuditEntryInput } from '../../core/audit/chain.js';
import type { Actor } from '../../core/engine/access.js';
import { ValidationError } from '../../core/errors.js';
import type { DateChange, SetupRecordStore, StoredRecord } from '../../core/ports/index.js';
import { changeSetupRecord, type SetupRecordKind } from '../../core/use-cases/change-setup-record.js';
import { importSetupRecords } from '../../core/use-cases/import-setup-records.js';
import { reassignItem } from '../../core/use-cases/reassign.js';
import { recordEvidenceDownload } from '../../core/use-cases/record-evidence-download.js';
import { redatingScope } from '../../core/use-cases/redate-after-setup-change.js';
import { engineState, inMemoryEngineUnit, type EngineState } from '../support/in-memory-engine.js';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const NOW = new Date('2026-11-26T06:00:00Z');
const admin: Actor = { type: 'user', id: 'admin-1', label: 'Asha', roles: [{ role: 'tenant_admin', entityId: null }] };
const entityAdmin = (entityId: string): Actor => ({ type: 'user', id: 'admin-2', roles: [{ role: 'tenant_admin', entityId }] });
const auditor: Actor = { type: 'user', id: 'aud-1', roles: [{ role: 'auditor', entityId: null }] };
const platform: Actor = { type: 'platform_user', id: 'p-1', roles: [{ role: 'platform_admin', entityId: null }] };

/** One table's rows in memory, in one tenant's reach (or every tenant's, for the platform). */
function recordStore(rows: StoredRecord[], tenantId: string | null, engines: Record<string, EngineState> = {}) {
  const audit: { tenantId: string; entries: AuditEntryInput[] }[] = [];
  const entered: string[] = [];
  let next = 1;
  const inReach = (r: StoredRecord) => !tenantId || r.tenant_id === tenantId || (r.tenant_id === null && 'code' in r);
  const store: SetupRecordStore = {
    tenantId,
    // Copies, as a database hands out rows: what was locked is not what is written later.
    lock: async (id) => {
      const row = rows.find((r) => r.id === id && inReach(r));
      return row && { ...row };
    },
    enterTenant: async (t) => void entered.push(t),
    insert: async (values) => {
      const row = { id: `new-${next++}`, ...values };
      rows.push(row);
      return row;
    },
    update: async (id, values) => {
      const i = rows.findIndex((r) => r.id === id);
      rows[i] = { ...rows[i]!, ...values };
      return { ...rows[i]! };
    },
    remove: async (id) => void rows.splice(rows.findIndex((r) => r.id === id), 1),
    audit: async (t, entries) => void audit.push({ tenantId: t, entries }),
    unitOf: async (t) => inMemoryEngineUnit((engines[t] ??= engineState()), { tenantId: t, timezone: 'Asia/Kolkata' }),
  };
  return { store, rows, audit, entered, engines };
}

const holidayKind: SetupRecordKind = { objectType: 'holiday', scope: 'tenant', parse: (input) => ({ holiday_date: input.holiday_date, name: input.name }) };
const stale = (instanceId: string): DateChange => ({
  instanceId, masterId: 'm-1', periodKey: '2026-11', ownerUserId: 'o-1', oldDueDate: '2026-12-07', newDueDate: '2026-12-08',
  statutoryDueDate: '2026-12-07', extendedDueDate: null, extensionReference: null,
});

describe('a change to a setup record', () => {
  it('is written in the tenant, audited there, and re-dates the open items a holiday moves', async () => {
    const t = recordStore([], T1, { [T1]: engineState({ stale: [stale('i-1')] }) });
    const { record } = await changeSetupRecord(t.store, holidayKind, admin, { op: 'create', input: () => ({ holiday_date: '2026-12-07', name: 'State holiday' }) });
    expect(record).toEqual({ id: 'new-1', holiday_date: '2026-12-07', name: 'State holiday', tenant_id: T1 });
    expect(t.audit).toEqual([{ tenantId: T1, entries: [expect.objectContaining({ action: 'holiday.created', objectId: 'new-1', after: record })] }]);
    expect(t.engines[T1]!.audit.map((a) => [a.action, a.objectId])).toEqual([['instance.due_date_changed', 'i-1']]);
    expect(t.engines[T1]!.outbox.map((d) => d.kind)).toEqual(['due_date_changed']);
  });

  it("a platform admin's change is made in the record's tenant, named by the input", async () => {
    const t = recordStore([], null);
    await changeSetupRecord(t.store, { ...holidayKind, parse: (input) => ({ ...input }) }, platform, { op: 'create', input: () => ({ tenant_id: T2, holiday_date: '2026-12-07', name: 'H' }) });
    expect(t.entered).toEqual([T2]);
    expect(t.rows[0]).toMatchObject({ tenant_id: T2 });
    expect(t.audit[0]!.tenantId).toBe(T2);
  });

  it('an entity admin cannot move a record into another entity: the second ruling refuses what was written', async () => {
    const kind: SetupRecordKind = { objectType: 'assignment', scope: 'tenant', parse: (input) => ({ entity_id: input.entity_id }) };
    const t = recordStore([{ id: 'a-1', tenant_id: T1, entity_id: 'e-1' }], T1);
    await expect(changeSetupRecord(t.store, kind, entityAdmin('e-1'), { op: 'update', id: 'a-1', input: () => ({ entity_id: 'e-2' }) }))
      .rejects.toThrow('You cannot update this assignment');
    expect(t.audit).toEqual([]);
  });

  it('refuses an auditor before reading the input, and says so when the record is not in reach', async () => {
    const t = recordStore([{ id: 'h-1', tenant_id: T2, holiday_date: '2026-12-07' }], T1);
    let read = false;
    const kind = { ...holidayKind, parse: () => { read = true; return {}; } };
    await expect(changeSetupRecord(t.store, kind, auditor, { op: 'create', input: () => ({}) })).rejects.toThrow('You cannot create this holiday');
    expect(read).toBe(false);
    await expect(changeSetupRecord(t.store, kind, admin, { op: 'delete', id: 'h-1', input: () => ({}) })).rejects.toThrow('That record does not exist in your organisation.');
  });

  it('the shipped library is read-only, even for a platform admin', async () => {
    const kind: SetupRecordKind = { objectType: 'master', scope: 'shared', parse: (input) => input };
    const t = recordStore([{ id: 'm-lib', tenant_id: null, code: 'GSTR1_MONTHLY' }], T1);
    await expect(changeSetupRecord(t.store, kind, platform, { op: 'update', id: 'm-lib', input: (e) => ({ ...e, name: 'x' }) })).rejects.toThrow('The shared statutory library ships with the product');
  });

  it('only a changed rule of a tenant master, an entity edit, an AGM date or a holiday re-dates', () => {
    expect(redatingScope({ objectType: 'master', op: 'update', recordId: 'm-9' })).toEqual({ masterIds: ['m-9'] });
    expect(redatingScope({ objectType: 'master', op: 'create', recordId: 'm-9' })).toBeUndefined();
    expect(redatingScope({ objectType: 'entity', op: 'update', recordId: 'e-1' })).toEqual({});
    expect(redatingScope({ objectType: 'entity', op: 'create', recordId: 'e-1' })).toBeUndefined();
    expect(redatingScope({ objectType: 'entity_event', op: 'delete', recordId: 'x' })).toEqual({});
    expect(redatingScope({ objectType: 'holiday', op: 'delete', recordId: 'x' })).toEqual({});
    expect(redatingScope({ objectType: 'user', op: 'update', recordId: 'u' })).toBeUndefined();
  });
});

describe('reassigning an item', () => {
  const OWNER = '33333333-3333-4333-8333-333333333333';
  const NEW_OWNER = '44444444-4444-4444-8444-444444444444';
  const APPROVER = '55555555-5555-4555-8555-555555555555';
  const item = () => ({ id: 'i-1', tenant_id: T1, entity_id: 'e-1', status: 'pending', due_date: '2026-12-07', owner_user_id: OWNER, approver_user_id: APPROVER });

  it('names the new preparer, keeps the approver left out, audits before and after, and tells only the new person', async () => {
    const t = recordStore([item()], T1);
    const record = await reassignItem(t.store, admin, { instanceId: 'i-1', ownerUserId: NEW_OWNER }, NOW);
    expect(record).toMatchObject({ owner_user_id: NEW_OWNER, approver_user_id: APPROVER, status: 'pending', due_date: '2026-12-07' });
    expect(t.audit[0]!.entries[0]).toMatchObject({ action: 'instance.updated', objectId: 'i-1', before: { owner_user_id: OWNER }, after: { owner_user_id: NEW_OWNER, status: 'pending' } });
    expect(t.engines[T1]!.outbox).toEqual([{
      kind: 'assigned', to: { kind: 'user', userId: NEW_OWNER }, instanceId: 'i-1', dedupKey: `assigned:i-1:preparer:${NEW_OWNER}:${NOW.getTime()}`, payload: { as: 'preparer' },
    }]);
  });

  it('an empty approver names nobody; a malformed id is refused under its field', async () => {
    const t = recordStore([item()], T1);
    expect(await reassignItem(t.store, admin, { instanceId: 'i-1', approverUserId: '' }, NOW)).toMatchObject({ owner_user_id: OWNER, approver_user_id: null });
    const refused = await reassignItem(t.store, admin, { instanceId: 'i-1', ownerUserId: 'not-a-person' }, NOW).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(Object.keys((refused as ValidationError).details!.fields as object)).toEqual(['owner_user_id']);
  });

  it("refuses an admin of another entity and changes nothing", async () => {
    const t = recordStore([item()], T1);
    await expect(reassignItem(t.store, entityAdmin('e-2'), { instanceId: 'i-1', ownerUserId: NEW_OWNER }, NOW)).rejects.toThrow('You cannot update this instance');
    expect(t.rows[0]!.owner_user_id).toBe(OWNER);
  });
});

describe('importing a file of setup records', () => {
  it('authorises once, audits each row with its row number, then re-dates for new holidays', async () => {
    const state = engineState({ stale: [stale('i-1')] });
    const ids = ['h-1', 'h-2'];
    const n = await importSetupRecords(inMemoryEngineUnit(state), admin, {
      objectType: 'holiday', rows: [{ row: 2, value: 'Diwali' }, { row: 3, value: 'Holi' }],
      insert: async (name) => ({ id: ids.shift()!, after: { name } }),
    });
    expect(n).toBe(2);
    expect(state.audit.map((a) => [a.action, a.objectId, (a.after as { importedFromRow?: number }).importedFromRow])).toEqual([
      ['holiday.created', 'h-1', 2], ['holiday.created', 'h-2', 3], ['instance.due_date_changed', 'i-1', undefined],
    ]);
  });

  it('a refused row names its row and the clash, and nothing is audited', async () => {
    const state = engineState();
    const clash = Object.assign(new Error('duplicate key'), { detail: 'Key (email)=(a@b.c) already exists.' });
    await expect(importSetupRecords(inMemoryEngineUnit(state), admin, {
      objectType: 'user', rows: [{ row: 2, value: 1 }, { row: 5, value: 2 }],
      insert: async (v) => { if (v === 2) throw clash; return { id: 'u-1', after: {} }; },
    })).rejects.toThrow('Nothing was imported: row 5 was refused: Key (email)=(a@b.c) already exists.');
    expect(state.audit).toEqual([]);
  });

  it('an entity admin imports nothing: imports add tenant-wide records', async () => {
    let inserted = 0;
    await expect(importSetupRecords(inMemoryEngineUnit(engineState()), entityAdmin('e-1'), {
      objectType: 'holiday', rows: [{ row: 2, value: 1 }], insert: async () => ({ id: String(++inserted), after: {} }),
    })).rejects.toThrow('You cannot create this holiday');
    expect(inserted).toBe(0);
  });
});

describe('downloading evidence', () => {
  it('a verified download and a refused one go on the chain with what was found', async () => {
    const state = engineState();
    const unit = inMemoryEngineUnit(state);
    await recordEvidenceDownload(unit, admin, { evidenceId: 'ev-1', version: 2, recordSha256: 'aa', uploadSha256: 'aa', storedSha256: 'aa', problems: [] });
    await recordEvidenceDownload(unit, admin, { evidenceId: 'ev-1', version: 2, recordSha256: 'aa', uploadSha256: 'aa', storedSha256: 'bb', problems: ['ALTERED'] });
    expect(state.audit).toEqual([
      { actor: { type: 'user', id: 'admin-1', label: 'Asha' }, objectType: 'evidence', objectId: 'ev-1', action: 'evidence.downloaded', after: { version: 2, sha256: 'aa', verified: true } },
      {
        actor: { type: 'user', id: 'admin-1', label: 'Asha' }, objectType: 'evidence', objectId: 'ev-1', action: 'evidence.download_refused',
        after: { version: 2, problems: ['ALTERED'], storedSha256: 'bb', recordSha256: 'aa', uploadSha256: 'aa' },
      },
    ]);
  });
});
