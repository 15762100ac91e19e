import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ChatText } from '../../../core/chat/text.js';
import { takeThreadFiles, type IncomingFile } from '../../../core/chat/thread-evidence.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { aTenant, type BuiltTenant } from '../../mothers/tenant-mother.js';
import { bytes, inMemoryFiles, inMemoryPeople, inMemoryThreads } from './in-memory-chat.js';

/*
 * A file dropped in an item's thread, taken to stored evidence by core (core/chat), with the
 * submission run on the in-memory unit of work: who may, which files, what the thread is told.
 */

const NOW = new Date('2026-11-26T06:00:00Z');
const THREAD = { conversation: 'C0MFG', thread: '1764.1' };
const PDF = '%PDF-1.7 challan';

let store: InMemoryStore;
let tenant: BuiltTenant;
let files: ReturnType<typeof inMemoryFiles>;
let said: ChatText[];

beforeEach(() => {
  store = new InMemoryStore({ now: () => NOW });
  tenant = store.seed(aTenant('acme')
    .withEntity('mfg')
    .withPerson('owner', { roles: ['owner'], email: 'owner@acme.example' })
    .withPerson('viewer', { roles: ['viewer'], email: 'viewer@acme.example' })
    .withPerson('approver', { roles: ['approver'] })
    .withMaster('gst', { code: 'GSTR3B' })
    .withItem('item', { entity: 'mfg', master: 'gst', periodKey: '2026-11', dueDate: '2026-12-20', owner: 'owner', approver: 'approver' }));
  files = inMemoryFiles();
  said = [];
});

/** The people core can resolve: each person key with their Slack account (undefined: not linked yet). */
function ports(accounts: Record<string, string | undefined> = { owner: 'U0OWNER', viewer: 'U0VIEW' }) {
  const people = inMemoryPeople(Object.entries(accounts).map(([key, account]) => ({
    id: tenant.id(key), email: `${key}@acme.example`, active: true, accounts: account ? { slack: account } : {}, roles: [],
  })));
  return {
    platform: { chat: 'slack' as const, name: 'Slack' }, people, threads: inMemoryThreads([{ ref: THREAD, instanceId: tenant.id('item') }]), files,
    runner: { runAs: store.runAsUser.bind(store) }, clock: { now: () => NOW }, evidenceMaxBytes: 1000,
  };
}
const file = (name: string, content: string, extra: Partial<IncomingFile> = {}): IncomingFile & { opened: boolean } => {
  const f = { id: `F-${name}`, name, size: content.length, opened: false, async open() { f.opened = true; return { ok: true as const, body: bytes(content) }; }, ...extra };
  return f;
};
const drop = (account: string, dropped: IncomingFile[], thread = THREAD, p = ports(), email?: string) =>
  takeThreadFiles(p, { tenantId: tenant.tenantId, thread, account: { chat: 'slack', id: account }, files: dropped }, async () => email, async (text) => void said.push(text));
const plain = (text: ChatText) => text.map((s) => (typeof s === 'string' ? s : 'icon' in s ? `[${s.icon}]` : Object.values(s)[0])).join('');

describe('takeThreadFiles', () => {
  it('stores the file, submits it as the person who dropped it (at the clock\'s moment), and tells the thread', async () => {
    await drop('U0OWNER', [file('challan.pdf', PDF)]);
    const [v1] = store.evidenceOf(tenant.id('item'));
    expect(v1).toMatchObject({ version: 1, fileName: 'challan.pdf', uploadedBy: tenant.id('owner'), channel: 'slack', sourceRef: 'F-challan.pdf' });
    expect(store.item(tenant.id('item'))).toMatchObject({ status: 'submitted', submittedAt: NOW });
    expect(files.requests).toEqual([{ tenantId: tenant.tenantId, instanceId: tenant.id('item'), fileName: 'challan.pdf', maxBytes: 1000 }]);
    expect(said.map(plain)).toEqual([expect.stringMatching(/^\[done\] Recorded challan\.pdf as version 1 \(16 bytes, SHA-256 [0-9a-f]{64}\)\. The approver has been asked to review it\.$/)]);
  });

  it('ignores files in a thread that is no item\'s: nothing said, nothing fetched, nobody looked up', async () => {
    const p = ports();
    const dropped = file('holiday.pdf', PDF);
    await drop('U0OWNER', [dropped], { conversation: 'C0MFG', thread: '1700.1' }, p);
    expect([said, dropped.opened, p.people.calls, files.kept.size]).toEqual([[], false, [], 0]);
  });

  it('tells someone it does not know, by mention, that the file was not recorded', async () => {
    const dropped = file('challan.pdf', PDF);
    await drop('U0STRANGER', [dropped], THREAD, ports(), 'stranger@elsewhere.example');
    expect(said).toEqual([[{ mention: 'U0STRANGER' }, ' Compliance OS does not know your Slack account yet, so the file was not recorded as evidence. Ask your compliance admin to add you.']]);
    expect([dropped.opened, store.evidenceOf(tenant.id('item'))]).toEqual([false, []]);
  });

  it('links an unlinked person by the email the chat has for them, then takes their file', async () => {
    await drop('U0NEW', [file('challan.pdf', PDF)], THREAD, ports({ owner: undefined }), 'OWNER@acme.example');
    expect(store.evidenceOf(tenant.id('item')).map((e) => e.uploadedBy)).toEqual([tenant.id('owner')]);
  });

  it.each([
    ['not offered for download', { unavailable: 'Slack did not offer it for download' }, 'Slack did not offer it for download'],
    ['announced larger than the limit', { size: 5000 }, 'it is larger than the 1000 bytes limit'],
    ['refused by the chat when fetched', { open: async () => ({ ok: false as const, refused: 'Slack refused the download (HTTP 403)' }) }, 'Slack refused the download (HTTP 403)'],
  ])('refuses a file %s, each with its reason, keeping nothing', async (_what, extra, reason) => {
    const dropped = file('big.pdf', PDF, extra);
    await drop('U0OWNER', [dropped]);
    expect(said.map(plain)).toEqual([`[refused] big.pdf was not recorded: ${reason}. Nothing was kept.`]);
    expect(dropped.opened).toBe(false);
    expect([files.kept.size, store.evidenceOf(tenant.id('item'))]).toEqual([0, []]);
  });

  it("gives storage's refusal (type by content) in the thread, and goes on with the next file", async () => {
    await drop('U0OWNER', [file('renamed.pdf', 'MZ not a pdf'), file('real.pdf', PDF)]);
    expect(said.map(plain)).toEqual([
      '[refused] renamed.pdf was not recorded: its content is not a type we keep as evidence. Nothing was kept.',
      expect.stringMatching(/^\[done\] Recorded real\.pdf as version 1/),
    ]);
  });

  it("removes the stored file when core refuses the submission (no file without its row), and says core's reason", async () => {
    await drop('U0VIEW', [file('challan.pdf', PDF)]);
    expect(files.requests).toHaveLength(1);
    expect(files.kept.size).toBe(0);
    expect(store.evidenceOf(tenant.id('item'))).toEqual([]);
    // Core's message is a sentence already: it is not given a second full stop.
    expect(plain(said[0]!)).toMatch(/^\[refused\] challan\.pdf was not recorded: You cannot .*needs the owner or tenant_admin role.* Ask your tenant admin\. Nothing was kept\.$/);
    expect(plain(said[0]!)).not.toContain('..');
  });

  it('names a file without a name by its chat id', async () => {
    await drop('U0OWNER', [file('x', PDF, { name: undefined, unavailable: 'Slack did not offer it for download' })]);
    expect(said[0]).toEqual([{ icon: 'refused' }, ' ', { bold: 'F-x' }, ' was not recorded: ', 'Slack did not offer it for download.', ' Nothing was kept.']);
  });
});
