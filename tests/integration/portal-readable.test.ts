import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_NOW, instanceId } from '../support/demo.js';
import { callAction, startDemoPortal, uploadDemoPdf, type DemoPortal } from '../support/portal.js';

/**
 * The portal names things as people read them: an item by its obligation, entity, registration
 * and period (never a UUID, a code or a period key), wherever an item is shown or picked; an
 * evidence file's size in KB or MB; an entity's state by name (typed by name or code, stored as the code).
 */
let p: DemoPortal;
let gstr3b: string;
let evidenceId: string;
const GSTR3B = 'GSTR-3B (monthly) — summary return and tax payment · Demo Manufacturing · 27AABCD1234F1Z5 · Nov 2026';
const API = '/admin/api/resources';

interface Listed { id: string; title: string; params: Record<string, unknown>; populated: Record<string, { id: string; title: string } | null> }
const list = async (resource: string, query = '') => (await p.client.json<{ records: Listed[] }>(`${API}/${resource}/actions/list${query}`)).body.records;

beforeAll(async () => {
  p = await startDemoPortal('admin');
  gstr3b = await instanceId(p.t.db, p.demo.tenantId, p.demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
  ({ id: evidenceId } = await uploadDemoPdf(p.portal, p.demo, 'owner', gstr3b, 'gstr3b-nov-2026.pdf', 250_000, DEMO_NOW));
});
afterAll(async () => {
  await p?.close();
});

describe('items named as people read them', () => {
  it('titles each item of the list by its obligation, entity, registration and period', async () => {
    const items = await list('compliance_instances', `?filters.entity_id=${p.demo.entities.manufacturing}&perPage=200`);
    expect(items.find((i) => i.id === gstr3b)?.title).toBe(GSTR3B);
    for (const item of items) {
      expect(item.title).toMatch(/^.+ · Demo Manufacturing( · .+)? · (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|TY|FY|\d{1,2} )/);
      // Never a code (GSTR3B_MONTHLY) nor a month's key (2026-11: "Nov 2026").
      expect(item.title).not.toMatch(/[A-Z0-9]+_[A-Z0-9_]+|· \d{4}-\d{2}$/);
    }
  });

  it('names the item on an item’s own page', async () => {
    const shown = await callAction(p.client, `${API}/compliance_instances/records/${gstr3b}/show`);
    expect(shown.record!.params.item).toBe(GSTR3B);
  });

  it('names the item in the evidence, notifications and audit lists', async () => {
    const [evidence] = await list('evidence', `?filters.instance_id=${gstr3b}`);
    expect(evidence!.populated.instance_id?.title).toBe(GSTR3B);

    const notices = await list('notifications', `?filters.instance_id=${gstr3b}`);
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.every((n) => n.populated.instance_id?.title === GSTR3B)).toBe(true);

    const audit = await list('audit_log', '?perPage=50');
    const upload = audit.find((a) => a.params.object_id === evidenceId);
    const submitted = audit.find((a) => a.params.object_id === gstr3b && a.params.action === 'instance.submitted');
    expect(upload?.populated.item?.title).toBe(GSTR3B);
    expect(submitted?.populated.item?.title).toBe(GSTR3B);
    // An entry about no item names none.
    const other = audit.find((a) => a.params.object_type !== 'instance' && a.params.object_type !== 'evidence');
    if (other) expect(other.params.item ?? null).toBeNull();
  });

  it('finds an item by the words of its name, in any order, when it is picked (filter, reference search)', async () => {
    const found = await p.client.json<{ records: { id: string; title: string }[] }>(`${API}/compliance_instances/actions/search/${encodeURIComponent('manufacturing 3B nov 2026')}`);
    expect(found.body.records.map((r) => r.title)).toEqual([GSTR3B]);
    const none = await p.client.json<{ records: unknown[] }>(`${API}/compliance_instances/actions/search/${encodeURIComponent('3B manufacturing dec 2025')}`);
    expect(none.body.records).toEqual([]);
    const filtered = await list('compliance_instances', `?filters.item=${encodeURIComponent('GSTR-3B Manufacturing')}`);
    expect(filtered.map((r) => r.id)).toContain(gstr3b);
    expect(filtered.every((r) => r.title.startsWith('GSTR-3B') && r.title.includes('Demo Manufacturing'))).toBe(true);
  });
});

describe('evidence sizes', () => {
  it('are shown in KB or MB', async () => {
    const [evidence] = await list('evidence', `?filters.instance_id=${gstr3b}`);
    expect(evidence!.params.size).toBe('244.1 KB');
    const shown = await callAction(p.client, `${API}/evidence/records/${evidenceId}/show`);
    expect(shown.record!.params.size).toBe('244.1 KB');
  });
});

describe('an entity’s state', () => {
  it('is taken by name or code and stored as its code', async () => {
    const edit = (state: string) => callAction(p.client, `${API}/entities/records/${p.demo.entities.software}/edit`, { state });
    const byName = await edit('Gujarat');
    expect(byName.record!.errors).toEqual({});
    expect(byName.record!.params.state).toBe('GJ');
    expect((await p.t.superuser<{ state: string }>('SELECT state FROM entities WHERE id = $1', [p.demo.entities.software])).rows[0]!.state).toBe('GJ');

    const refused = await edit('Bombay');
    expect(refused.record!.errors.state?.message).toContain('"Bombay" is not a state or union territory of India');
    expect((await p.t.superuser<{ state: string }>('SELECT state FROM entities WHERE id = $1', [p.demo.entities.software])).rows[0]!.state).toBe('GJ');
  });
});
