import { describe, expect, it } from '@jest/globals';
import type { EntityFacts } from '../../core/engine/applicability.js';
import { coverageGaps } from '../../core/engine/coverage.js';
import type { Registration } from '../../core/engine/registrations.js';
import { libraryMasters } from '../../core/library/index.js';

type Reg = Pick<Registration, 'kind' | 'state' | 'isActive'>;
const entity = (state: string, profile: EntityFacts['profile'], registrations: Reg[] = []) =>
  ({ entityType: 'company' as const, state, gstMode: 'monthly' as const, profile, registrations });

describe('what an entity is registered for that the library does not track', () => {
  it('names profession tax in a state the library has none for, from the entity\'s PT registrations', () => {
    const gaps = coverageGaps(entity('MH', {}, [
      { kind: 'pt', state: 'MH', isActive: true }, { kind: 'pt', state: 'SK', isActive: true }, { kind: 'pt', state: 'JH', isActive: false },
    ]), libraryMasters);
    expect(gaps.map((g) => [g.kind, g.state])).toEqual([['pt', 'SK']]);
    expect(gaps[0]!.message).toMatch(/^Profession tax in SK: .* no profession tax obligation for SK is in the library yet, so none is tracked\./);
  });

  it('uses the profile flag for the entity\'s own state when no registration of the kind is recorded', () => {
    expect(coverageGaps(entity('TN', { pt_registered: true }), libraryMasters)).toEqual([]);
    expect(coverageGaps(entity('SK', { pt_registered: true }), libraryMasters).map((g) => g.state)).toEqual(['SK']);
    expect(coverageGaps(entity('GJ', { lwf_registered: true }), libraryMasters).map((g) => [g.kind, g.state])).toEqual([['lwf', 'GJ']]);
    expect(coverageGaps(entity('SK', {}), libraryMasters)).toEqual([]);
  });

  it('finds no gap where the library now ships the state: PT in Kerala, Odisha, Assam, Meghalaya; LWF in Tamil Nadu, Andhra Pradesh', () => {
    const regs: Reg[] = ['KL', 'OR', 'AS', 'ML'].map((state) => ({ kind: 'pt', state, isActive: true }));
    regs.push({ kind: 'lwf', state: 'TN', isActive: true }, { kind: 'lwf', state: 'AP', isActive: true });
    expect(coverageGaps(entity('MH', {}, regs), libraryMasters)).toEqual([]);
  });

  it('is closed by a tenant\'s own obligation for that state', () => {
    const own = { owedPer: 'pt' as const, applicability: { states: ['SK'], requires: ['pt_registered' as const] } };
    expect(coverageGaps(entity('SK', { pt_registered: true }), [...libraryMasters, own])).toEqual([]);
  });
});
