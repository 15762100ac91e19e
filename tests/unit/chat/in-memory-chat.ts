import { NotFoundError } from '../../../core/errors.js';
import type { Actor, EntityReach, RoleGrant } from '../../../core/engine/access.js';
import type { ChatAccount, ChatPeople } from '../../../core/ports/chat-people.js';
import type { EvidenceFiles, EvidenceFileRequest } from '../../../core/ports/evidence-files.js';
import type { ItemThreads, ThreadRef } from '../../../core/ports/item-threads.js';
import type { ItemLine, MyItems, StatusSummary, TenantReadView, WorkReads } from '../../../core/ports/work-reads.js';
import { sha256Hex } from '../../mothers/tenant-mother.js';

/*
 * core/chat's ports in memory, for its unit tests: what each port promises, nothing more. Every
 * call is recorded, so a test can say what was (or was not) asked.
 */

export interface Person { id: string; email: string; active: boolean; accounts: Partial<Record<ChatAccount['chat'], string>>; roles: RoleGrant[] }

export function inMemoryPeople(people: Person[]): ChatPeople & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async linked(_tenantId, account) {
      calls.push(`linked ${account.id}`);
      return people.find((p) => p.active && p.accounts[account.chat] === account.id)?.id ?? null;
    },
    async linkByEmail(_tenantId, account, email) {
      calls.push(`linkByEmail ${account.id} ${email}`);
      const person = people.find((p) => p.active && p.email.toLowerCase() === email.toLowerCase() && !p.accounts[account.chat]);
      if (!person) return null;
      person.accounts[account.chat] = account.id;
      return person.id;
    },
  };
}

export interface ReadsData {
  people: Person[];
  entities: { id: string; name: string }[];
  timezone?: string;
  amberWindowDays?: number;
  due?: ItemLine[];
  mine?: Record<string, MyItems>;
  completed?: Record<string, ItemLine[]>;
  summary?: (entityIds: string[] | undefined) => StatusSummary;
}

/** Read models over fixed data; `asked` records what each read was asked for. */
export function inMemoryReads(data: ReadsData): WorkReads & { asked: unknown[] } {
  const asked: unknown[] = [];
  const view: TenantReadView = {
    async actor(userId): Promise<Actor> {
      const p = data.people.find((x) => x.id === userId && x.active);
      if (!p) throw new NotFoundError('That user does not exist in this organisation or is deactivated.');
      return { type: 'user', id: p.id, roles: p.roles };
    },
    async settings() {
      return { timezone: data.timezone ?? 'Asia/Kolkata', amberWindowDays: data.amberWindowDays ?? 7 };
    },
    async entitiesWithin(reach: EntityReach) {
      return data.entities.filter((e) => reach === 'all' || reach.includes(e.id));
    },
    async itemsDueWithin(today, days, amber, entityIds) {
      asked.push({ itemsDueWithin: { today, days, amber, entityIds } });
      return (data.due ?? []).filter((i) => !entityIds || entityIds.includes(i.entityId));
    },
    async myItems(userId, today) {
      asked.push({ myItems: { userId, today } });
      return data.mine?.[userId] ?? { toPrepare: [], toApprove: [] };
    },
    async recentlyCompleted(userId, today, days) {
      asked.push({ recentlyCompleted: { userId, today, days } });
      return data.completed?.[userId] ?? [];
    },
  };
  return {
    asked,
    read: (_tenantId, work) => work(view),
    async statusSummary(_tenantId, { entityIds, now }) {
      asked.push({ statusSummary: { entityIds, now: now.toISOString() } });
      if (!data.summary) throw new Error('no summary in this test');
      return data.summary(entityIds);
    },
  };
}

/** Threads: which thread belongs to which item. */
export function inMemoryThreads(threads: { ref: ThreadRef; instanceId: string }[]): ItemThreads {
  return {
    async itemOfThread(_tenantId, _chat, ref) {
      return threads.find((t) => t.ref.conversation === ref.conversation && t.ref.thread === ref.thread)?.instanceId;
    },
    async withThread() {
      throw new Error('not used by these tests');
    },
    async facts() {
      throw new Error('not used by these tests');
    },
    async reviewRequests() {
      return [];
    },
  };
}

/** Storage that keeps what it is given (type by the first byte: %PDF is accepted, anything else refused). */
export function inMemoryFiles(): EvidenceFiles & { kept: Map<string, Buffer>; requests: EvidenceFileRequest[] } {
  const kept = new Map<string, Buffer>();
  const requests: EvidenceFileRequest[] = [];
  return {
    kept,
    requests,
    async store(source, request) {
      requests.push(request);
      const chunks: Buffer[] = [];
      for await (const chunk of source) chunks.push(Buffer.from(chunk));
      const bytes = Buffer.concat(chunks);
      if (bytes.length > request.maxBytes) return { ok: false, reason: 'it is too large' };
      if (!bytes.subarray(0, 4).equals(Buffer.from('%PDF'))) return { ok: false, reason: 'its content is not a type we keep as evidence' };
      const storageKey = `${request.tenantId}/${request.instanceId}/${kept.size + 1}`;
      kept.set(storageKey, bytes);
      return { ok: true, storageKey, fileName: request.fileName, contentType: 'application/pdf', sizeBytes: bytes.length, sha256: sha256Hex() };
    },
    async remove(storageKey) {
      kept.delete(storageKey);
    },
  };
}

/** A file's bytes as a stream of one chunk. */
export async function* bytes(content: string | Buffer): AsyncGenerator<Uint8Array> {
  yield Buffer.from(content);
}
