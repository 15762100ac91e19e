import { describe, expect, it } from '@jest/globals';
import { ChainVerifier, GENESIS_HASH, canonicalJson, entryHash, type ChainHead, type ChainedEntry } from '../../core/audit/chain.js';

function chain(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = {
      tenantId: 't1', seq, occurredAt: new Date(Date.UTC(2026, 10, 1, 0, 0, seq)), actorType: 'user' as const,
      actorId: 'u1', actorLabel: null, action: 'instance.approved', objectType: 'instance', objectId: `i${seq}`,
      before: { status: 'submitted' }, after: { status: 'approved', amount: seq },
    };
    const hash = entryHash(prev, body);
    out.push({ ...body, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function verify(entries: ChainedEntry[], head?: ChainHead | null) {
  const v = new ChainVerifier(head);
  entries.forEach((e) => v.add(e));
  return v;
}

const headOf = (entries: ChainedEntry[]): ChainHead => ({ seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash });

describe('canonicalJson', () => {
  it('encodes equal content identically whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});

describe('ChainVerifier', () => {
  it('accepts an untouched chain', () => {
    const v = verify(chain(5));
    expect(v.firstBreak).toBeNull();
    expect(v.checked).toBe(5);
  });

  it('names the entry whose content was altered', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, after: { status: 'approved', amount: 999 } };
    expect(verify(entries).firstBreak).toMatchObject({ seq: 3, problem: 'hash_mismatch' });
  });

  it('detects a removed entry', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verify(entries).firstBreak).toMatchObject({ seq: 3, problem: 'sequence_gap' });
  });

  it('detects an entry re-hashed to hide an edit (its successor no longer links)', () => {
    const entries = chain(4);
    const forged = { ...entries[1]!, action: 'instance.rejected' };
    forged.hash = entryHash(forged.prevHash, forged);
    entries[1] = forged;
    expect(verify(entries).firstBreak).toMatchObject({ seq: 3, problem: 'prev_hash_mismatch' });
  });
});

/** Rewrites entry `from` onward as someone who knows the hash function would: every hash recomputed. */
function rewrite(entries: ChainedEntry[], from: number, change: Partial<ChainedEntry>): ChainedEntry[] {
  let prev = from === 1 ? GENESIS_HASH : entries[from - 2]!.hash;
  return entries.map((e) => {
    if (e.seq < from) return e;
    const body = { ...e, ...(e.seq === from ? change : {}) };
    const hash = entryHash(prev, body);
    const out = { ...body, prevHash: prev, hash };
    prev = hash;
    return out;
  });
}

describe('ChainVerifier against the recorded head', () => {
  it('accepts an untouched chain that ends at the recorded head', () => {
    const entries = chain(50);
    const v = verify(entries, headOf(entries));
    expect(v.finish()).toBeNull();
    expect(v.checked).toBe(50);
  });

  it('names the newest entry when it alone was removed', () => {
    const entries = chain(50);
    expect(verify(entries.slice(0, 49), headOf(entries)).finish()).toEqual({
      seq: 50, problem: 'entries_removed', message: 'entry #50 was removed: the chain once reached #50',
    });
  });

  it('names the range of the newest entries removed', () => {
    const entries = chain(50);
    expect(verify(entries.slice(0, 40), headOf(entries)).finish()).toEqual({
      seq: 41, problem: 'entries_removed', message: 'entries #41–#50 were removed: the chain once reached #50',
    });
  });

  it('notices every entry removed', () => {
    const entries = chain(3);
    expect(verify([], headOf(entries)).finish()).toMatchObject({ seq: 1, problem: 'entries_removed', message: 'entries #1–#3 were removed: the chain once reached #3' });
  });

  it('notices history rewritten with every hash recomputed, though the chain links up', () => {
    const entries = chain(50);
    const forged = rewrite(entries, 7, { after: { status: 'approved', amount: 1 } });
    const v = verify(forged, headOf(entries));
    expect(v.firstBreak).toBeNull();
    expect(v.finish()).toMatchObject({ seq: 50, problem: 'history_rewritten' });
    expect(v.finish()!.message).toMatch(/^entry #50 does not carry the hash recorded when the chain reached it/);
  });

  it('still notices removed entries after new ones were appended past the old head', () => {
    const entries = chain(50);
    const regrown = rewrite(chain(55), 41, { objectId: 'new' });
    expect(verify(regrown, headOf(entries)).finish()).toMatchObject({ seq: 50, problem: 'history_rewritten' });
  });

  it('reports a break inside the chain before a problem with the head', () => {
    const entries = chain(10);
    const cut = entries.slice(0, 8);
    cut[2] = { ...cut[2]!, action: 'instance.rejected' };
    expect(verify(cut, headOf(entries)).finish()).toMatchObject({ seq: 3, problem: 'hash_mismatch' });
  });

  it('says so when entries exist but no head was ever recorded', () => {
    expect(verify(chain(3), null).finish()).toMatchObject({ seq: 1, problem: 'head_missing' });
    expect(verify([], null).finish()).toBeNull();
  });
});
