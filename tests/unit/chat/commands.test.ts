import { describe, expect, it } from '@jest/globals';
import type { AnswerPart, ChatAnswer } from '../../../core/chat/answers.js';
import { aboutOwnWork, answerCommand, parseCommand } from '../../../core/chat/commands.js';
import type { ChatText } from '../../../core/chat/text.js';
import type { ItemLine, StatusSummary } from '../../../core/ports/work-reads.js';
import { inMemoryReads, type Person } from './in-memory-chat.js';

/*
 * The /compliance answers as data (core/chat), on in-memory read models: what is parsed, whose
 * scope is shown, and the words every chat shows.
 */

const SLACK = { chat: 'slack' as const, name: 'Slack' };
const NOW = new Date('2026-11-26T06:00:00Z');
const plain = (text: ChatText) => text.map((s) => (typeof s === 'string' ? s : Object.values(s)[0])).join('');
const titleOf = (a: ChatAnswer) => a.parts.find((p): p is Extract<AnswerPart, { kind: 'title' }> => p.kind === 'title')?.text;
const everything = (a: ChatAnswer) => JSON.stringify(a);

const ENTITIES = [{ id: 'e-mfg', name: 'Acme Manufacturing' }, { id: 'e-sw', name: 'Acme Software' }];
const people: Person[] = [
  { id: 'u-admin', email: 'admin@acme.example', active: true, accounts: {}, roles: [{ role: 'tenant_admin', entityId: null }] },
  { id: 'u-sw', email: 'sw@acme.example', active: true, accounts: {}, roles: [{ role: 'auditor', entityId: 'e-sw' }] },
  { id: 'u-none', email: 'none@acme.example', active: true, accounts: {}, roles: [] },
  { id: 'u-gone', email: 'gone@acme.example', active: false, accounts: {}, roles: [{ role: 'viewer', entityId: null }] },
];
const line = (entityId: string, entityName: string, code: string): ItemLine => ({
  instanceId: `i-${code}`, code, name: code, entityId, entityName, registration: null, periodKey: '2026-11', dueDate: '2026-12-07', status: 'pending', rag: 'amber',
});
const summary = (entityIds: string[] | undefined): StatusSummary => {
  const entities = ENTITIES.filter((e) => !entityIds || entityIds.includes(e.id))
    .map((e) => ({ entityId: e.id, entityName: e.name, red: 1, amber: 2, green: 3, byStatus: {} as never }));
  return { today: '2026-11-26', entities, totals: { red: entities.length, amber: 2 * entities.length, green: 3 * entities.length }, urgent: [] };
};
const reads = () => inMemoryReads({
  people, entities: ENTITIES, summary, due: [line('e-mfg', 'Acme Manufacturing', 'GSTR3B'), line('e-sw', 'Acme Software', 'TDS')],
  mine: { 'u-admin': { toPrepare: [line('e-mfg', 'Acme Manufacturing', 'GSTR3B')], toApprove: [] } },
});
const ask = (userId: string | null, text: string, r = reads(), now = NOW) => answerCommand({ platform: SLACK, reads: r }, 'tenant', userId, text, now);

describe('parseCommand', () => {
  it.each([
    ['', { kind: 'help' }],
    ['  HELP ', { kind: 'help' }],
    ['status', { kind: 'status', entity: '' }],
    ['Status  acme   soft', { kind: 'status', entity: 'acme soft' }],
    ['due', { kind: 'due', days: 7 }],
    ['due 0', { kind: 'due', days: 0 }],
    ['due 366', { kind: 'due', days: 366 }],
    ['mine', { kind: 'mine' }],
    ['home', { kind: 'home' }],
  ])('%j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it('a number of days beyond how far it looks says so, not that it is not a number', () => {
    expect(parseCommand('due 400')).toEqual({ kind: 'help', problem: ['400 days is further ahead than I look (up to 366): try ', { command: 'due 90' }, '.'] });
  });

  it.each(['due -1', 'due 1.5', 'due soon'])('%j is not a number of days, and says how to ask', (text) => {
    const command = parseCommand(text);
    expect(command.kind).toBe('help');
    expect(command.kind === 'help' && command.problem).toEqual([`"${text.slice(4)}" is not a number of days: try `, { command: 'due 14' }, '.']);
  });

  it('names a command it does not know', () => {
    expect(parseCommand('frobnicate now')).toEqual({ kind: 'help', problem: ['"frobnicate" is not a command I know.'] });
  });
});

describe('aboutOwnWork', () => {
  it('holds for a person\'s own queue and home, not for what the entities\' channel may read', () => {
    expect(['mine', 'home', 'status', 'status demo', 'due 14', 'help'].map((text) => [text, aboutOwnWork(parseCommand(text))])).toEqual([
      ['mine', true], ['home', true], ['status', false], ['status demo', false], ['due 14', false], ['help', false],
    ]);
  });
});

describe('answerCommand', () => {
  it('tells someone it does not know how to be added, naming the chat, and reads nothing', async () => {
    const r = reads();
    const answer = await ask(null, 'status', r);
    expect(plain(answer.summary)).toBe('Compliance OS does not know you yet.');
    expect(everything(answer)).toContain('does not know your Slack account yet. Ask your compliance admin to add you with the email address you use in Slack');
    expect(r.asked).toEqual([]);
  });

  it('status: every entity for a tenant-wide role, as of the moment asked', async () => {
    const r = reads();
    const answer = await ask('u-admin', 'status', r);
    expect(titleOf(answer)).toBe('Compliance status · all entities');
    expect(plain(answer.summary)).toBe('Compliance status on 26 Nov 2026: 2 red, 4 amber, 6 green');
    expect(r.asked).toEqual([{ statusSummary: { entityIds: undefined, now: NOW.toISOString() } }]);
  });

  it('status: only the entities an entity-scoped role names', async () => {
    const r = reads();
    const answer = await ask('u-sw', 'status', r);
    expect(titleOf(answer)).toBe('Compliance status · Acme Software');
    expect(r.asked).toEqual([{ statusSummary: { entityIds: ['e-sw'], now: NOW.toISOString() } }]);
    expect(everything(answer)).not.toContain('Manufacturing');
  });

  it('status <entity>: by exact name first, else by part of it, in any case', async () => {
    expect(titleOf(await ask('u-admin', 'status acme software'))).toBe('Compliance status · Acme Software');
    expect(titleOf(await ask('u-admin', 'status MANUF'))).toBe('Compliance status · Acme Manufacturing');
  });

  it('status <entity>: a part of several names asks which one instead of picking one', async () => {
    const r = reads();
    const answer = await ask('u-admin', 'status acme', r);
    expect(everything(answer)).toContain('\\"acme\\" matches 2 entities: Acme Manufacturing, Acme Software. Which one? Try ');
    expect(JSON.stringify(r.asked)).not.toContain('statusSummary');
  });

  it('status <entity> outside the scope is answered exactly like an entity that does not exist', async () => {
    const outside = await ask('u-sw', 'status manufacturing');
    const unknown = await ask('u-sw', 'status nosuchentity');
    expect(everything(outside)).toContain('No entity matches \\"manufacturing\\". Entities: Acme Software.');
    expect(everything(outside).replace('manufacturing', 'nosuchentity')).toBe(everything(unknown));
  });

  it('someone with no role is told so for status and due, and nothing is read for them', async () => {
    for (const text of ['status', 'status acme', 'due 30']) {
      const r = reads();
      const answer = await ask('u-none', text, r);
      expect(plain(answer.summary)).toBe('You have no role in Compliance OS yet, so there is nothing to show. Ask your compliance admin.');
      expect(r.asked).toEqual([]);
    }
  });

  it("due: the tenant's today from the moment asked (its timezone), and only the asker's entities", async () => {
    const r = reads();
    // 20:00 UTC on 30 Nov is already 1 Dec in India.
    const answer = await ask('u-sw', 'due 14', r, new Date('2026-11-30T20:00:00Z'));
    expect(r.asked).toEqual([{ itemsDueWithin: { today: '2026-12-01', days: 14, amber: 7, entityIds: ['e-sw'] } }]);
    expect(titleOf(answer)).toBe('Due in the next 14 days');
    expect(plain(answer.summary)).toMatch(/^\d+ open item\(s\) due by 15 Dec 2026, \d+ overdue$/);
    expect(everything(answer)).not.toContain('GSTR3B');
    expect(titleOf(await ask('u-sw', 'due 1'))).toBe('Due in the next 1 day');
  });

  it('due: 61 overdue items do not hide the 3 that fall due this week (two lists, each counted)', async () => {
    const overdue = Array.from({ length: 61 }, (_, n) => ({ ...line('e-mfg', 'Acme Manufacturing', `LATE${n}`), dueDate: '2026-10-20', rag: 'red' as const }));
    const soon = ['A', 'B', 'C'].map((c) => line('e-mfg', 'Acme Manufacturing', `SOON${c}`));
    const r = inMemoryReads({ people, entities: ENTITIES, summary, due: [...overdue, ...soon], mine: {} });
    const answer = await ask('u-admin', 'due 14', r);
    expect(plain(answer.summary)).toBe('3 open item(s) due by 10 Dec 2026, 61 overdue');
    const lists = answer.parts.flatMap((p) => (p.kind === 'list' ? [p.list] : []));
    expect(lists.map((l) => [l.title, l.lines.length])).toEqual([['Overdue (61)', 15], ['Due by 10 Dec 2026 (3)', 3]]);
    expect(JSON.stringify(lists[1])).toContain('SOONC');
  });

  it('mine: their own items whatever their roles', async () => {
    const r = reads();
    const answer = await ask('u-admin', 'mine', r);
    expect(plain(answer.summary)).toBe('You have 1 item(s) to prepare and 0 awaiting your approval');
    expect(r.asked).toEqual([{ myItems: { userId: 'u-admin', today: '2026-11-26' } }]);
  });

  it("core's refusal (a deactivated person) is answered with the help, saying why", async () => {
    const answer = await ask('u-gone', 'status');
    expect(plain(answer.parts[0]!.kind === 'paragraph' ? answer.parts[0]!.lines[0]! : [])).toContain('That user does not exist in this organisation or is deactivated.');
  });

  it('the help lists every command, after what was wrong', async () => {
    const answer = await ask('u-admin', 'due soon');
    expect(answer.parts[0]).toEqual({ kind: 'paragraph', lines: [[{ icon: 'warning' }, ' ', '"soon" is not a number of days: try ', { command: 'due 14' }, '.']] });
    const usages = JSON.stringify(answer.parts[1]).match(/"usage":"[^"]+"/g);
    expect(usages).toEqual(['"usage":"status [entity]"', '"usage":"due [days]"', '"usage":"mine"', '"usage":"home"', '"usage":"help"']);
  });
});
