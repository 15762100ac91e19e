import { describe, expect, it } from '@jest/globals';
import { ChainVerifier, GENESIS_HASH, canonicalJson, entryHash, type ChainedEntry } from '../../core/audit/chain.js';

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

function verify(entries: ChainedEntry[]) {
  const v = new ChainVerifier();
  entries.forEach((e) => v.add(e));
  return v;
}

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
