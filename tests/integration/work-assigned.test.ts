import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { renderEmail } from '../../core/notifications/message.js';
import { runDispatcher } from '../../infra/outbox/dispatcher.js';
import { aTenant, type BuiltTenant } from '../mothers/tenant-mother.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { generateForTenant } from '../support/engine.js';
import { dispatcherDeps, recordingChannel } from '../support/outbox.js';

/**
 * "New work assigned": one message per person per generation run, whatever number of items and
 * roles they hold on them. Two entities; Priya prepares TDS and GST for both, Vikram approves
 * them; Sam prepares and approves PF for one entity and approves Priya's PF for the other.
 */
let t: TestDatabase;
let b: BuiltTenant;

const after = (day: number) => ({ kind: 'after_period_end', months: 1, day });

beforeAll(async () => {
  t = await createTestDatabase();
  b = await aTenant('newwork').trackingFrom('2026-11-01')
    .withEntity('mfg', { name: 'Acme Manufacturing', state: 'KA' })
    .withEntity('soft', { name: 'Acme Software', state: 'KA' })
    .withPerson('priya', { name: 'Priya', roles: ['owner'] })
    .withPerson('vikram', { name: 'Vikram', roles: ['approver'] })
    .withPerson('sam', { name: 'Sam', roles: ['owner', 'approver'] })
    .withMaster('tds', { code: 'WA_TDS', name: 'TDS deposit', rule: after(7) })
    .withMaster('gst', { code: 'WA_GST', name: 'GST return', rule: after(20) })
    .withMaster('pf', { code: 'WA_PF', name: 'PF return', rule: after(15) })
    .withAssignment('mfg', 'tds', 'priya', 'vikram').withAssignment('soft', 'tds', 'priya', 'vikram')
    .withAssignment('mfg', 'gst', 'priya', 'vikram').withAssignment('soft', 'gst', 'priya', 'vikram')
    .withAssignment('mfg', 'pf', 'sam', 'sam').withAssignment('soft', 'pf', 'priya', 'sam')
    .build(t.db);
});
afterAll(() => t.drop());

interface Row { recipient_user_id: string; dedup_key: string; payload: { count: number; nearestDue: string; items: { instanceId: string; as: string }[] } }
const workAssigned = (): Promise<Row[]> => t.db.withTenant(b.tenantId, ({ trx }) =>
  trx('notifications').where({ kind: 'work_assigned' }).orderBy('created_at').select('recipient_user_id', 'dedup_key', 'payload'));
const messageTo = async (person: string) => (await workAssigned()).filter((r) => r.recipient_user_id === b.id(person));

/** A person's items as the database has them, nearest due first (the order the message lists them in). */
const itemsOf = (person: string): Promise<{ id: string; due_date: string; owner_user_id: string; approver_user_id: string }[]> =>
  t.db.withTenant(b.tenantId, ({ trx }) => trx('compliance_instances')
    .where((q) => q.where({ owner_user_id: b.id(person) }).orWhere({ approver_user_id: b.id(person) }))
    .orderBy([{ column: 'due_date' }, { column: 'id' }]).select('id', 'due_date', 'owner_user_id', 'approver_user_id'));

describe('a generation run', () => {
  it('tells each person once, with how many new items, the nearest due and the first ten', async () => {
    const run = await generateForTenant(t.db, b.tenantId, '2026-11-26');
    expect(run.created).toBe(30); // six assignments × Oct 2026 … Feb 2027
    const rows = await workAssigned();
    expect(rows.map((r) => r.recipient_user_id).sort()).toEqual([b.id('priya'), b.id('vikram'), b.id('sam')].sort());

    const [priya] = await messageTo('priya');
    const hers = await itemsOf('priya');
    expect(hers).toHaveLength(25);
    expect(priya!.payload).toEqual({
      count: 25, nearestDue: hers[0]!.due_date,
      items: hers.slice(0, 10).map((i) => ({ instanceId: i.id, as: 'owner' })),
    });
    expect((await messageTo('vikram'))[0]!.payload).toMatchObject({ count: 20, items: expect.arrayContaining([expect.objectContaining({ as: 'approver' })]) });
  });

  it('a person who prepares and approves gets one message, each item listed once with both roles', async () => {
    const sams = await messageTo('sam');
    expect(sams).toHaveLength(1);
    const items = await itemsOf('sam');
    expect(sams[0]!.payload.count).toBe(10);
    expect(sams[0]!.payload.items).toEqual(items.map((i) => ({ instanceId: i.id, as: i.owner_user_id === b.id('sam') ? 'both' : 'approver' })));
    expect(new Set(sams[0]!.payload.items.map((i) => i.as))).toEqual(new Set(['both', 'approver']));
  });

  it('a second run creates nothing and sends nothing', async () => {
    const before = await workAssigned();
    expect((await generateForTenant(t.db, b.tenantId, '2026-11-26')).created).toBe(0);
    expect(await workAssigned()).toEqual(before);
  });

  it('a later run that adds a period tells each person again, of the new items only', async () => {
    const run = await generateForTenant(t.db, b.tenantId, '2026-12-26');
    expect(run.created).toBe(6); // Mar 2027 for each assignment
    const priya = await messageTo('priya');
    expect(priya).toHaveLength(2);
    expect(priya[1]!.payload.count).toBe(5);
    expect(priya[1]!.dedup_key).not.toBe(priya[0]!.dedup_key);
  });
});

describe('the email', () => {
  it('names the listed items by name, entity, period and date, says how many more, and links to her items', async () => {
    const { channel, sent } = recordingChannel();
    await runDispatcher(dispatcherDeps(t.db, channel), { concurrency: 1, idleMs: 0, shouldStop: () => false, untilEmpty: true });
    const first = sent.find((m) => m.recipient.userId === b.id('priya') && m.notification.kind === 'work_assigned'
      && m.notification.payload.count === 25)!;
    const email = renderEmail(first);
    expect(email.subject).toBe('[Tenant newwork] New work assigned: 25 items');
    const lines = email.text.split('\n');
    expect(lines).toContain('You are named on 25 new items; the nearest is due 7 Nov 2026.');
    expect(lines.filter((l) => l.startsWith('- '))).toEqual([
      '- TDS deposit · Acme Manufacturing · Oct 2026 · due 7 Nov 2026 (you prepare)',
      '- TDS deposit · Acme Software · Oct 2026 · due 7 Nov 2026 (you prepare)',
      '- PF return · Acme Software · Oct 2026 · due 15 Nov 2026 (you prepare)',
      '- GST return · Acme Manufacturing · Oct 2026 · due 20 Nov 2026 (you prepare)',
      '- GST return · Acme Software · Oct 2026 · due 20 Nov 2026 (you prepare)',
      '- TDS deposit · Acme Manufacturing · Nov 2026 · due 7 Dec 2026 (you prepare)',
      '- TDS deposit · Acme Software · Nov 2026 · due 7 Dec 2026 (you prepare)',
      '- PF return · Acme Software · Nov 2026 · due 15 Dec 2026 (you prepare)',
      '- GST return · Acme Manufacturing · Nov 2026 · due 20 Dec 2026 (you prepare)',
      '- GST return · Acme Software · Nov 2026 · due 20 Dec 2026 (you prepare)',
    ]);
    expect(lines).toContain('and 15 more');
    expect(lines).toContain('Open your items: http://compliance.test/work');
    expect(email.html).toContain('<li>TDS deposit · Acme Manufacturing · Oct 2026 · due 7 Nov 2026 (you prepare)</li>');

    const sam = sent.find((m) => m.recipient.userId === b.id('sam') && m.notification.kind === 'work_assigned' && m.notification.payload.count === 10)!;
    const samLines = renderEmail(sam).text.split('\n');
    expect(samLines).toContain('- PF return · Acme Manufacturing · Oct 2026 · due 15 Nov 2026 (you prepare and approve)');
    expect(samLines).toContain('- PF return · Acme Software · Oct 2026 · due 15 Nov 2026 (you approve)');
    expect(samLines.some((l) => l.startsWith('and '))).toBe(false);
    // Sam prepares some and approves others: the list is not filtered to one role.
    expect(samLines).toContain('Open your items: http://compliance.test/work');
  });
});
