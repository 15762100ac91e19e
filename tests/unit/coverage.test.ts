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
      { kind: 'pt', state: 'MH', isActive: true }, { kind: 'pt', state: 'MZ', isActive: true }, { kind: 'pt', state: 'TR', isActive: false },
    ]), libraryMasters);
    expect(gaps.map((g) => [g.kind, g.state])).toEqual([['pt', 'MZ']]);
    expect(gaps[0]!.message).toMatch(/^Profession tax in MZ: .* no profession tax obligation for MZ is in the library yet, so none is tracked\./);
  });

  it('uses the profile flag for the entity\'s own state when no registration of the kind is recorded', () => {
    expect(coverageGaps(entity('TN', { pt_registered: true }), libraryMasters)).toEqual([]);
    expect(coverageGaps(entity('MZ', { pt_registered: true }), libraryMasters).map((g) => g.state)).toEqual(['MZ']);
    expect(coverageGaps(entity('HR', { lwf_registered: true }), libraryMasters).map((g) => [g.kind, g.state])).toEqual([['lwf', 'HR']]);
    expect(coverageGaps(entity('MZ', {}), libraryMasters)).toEqual([]);
  });

  it('finds no gap in the states whose profession tax and labour welfare fund the library ships', () => {
    const pt = ['KL', 'OR', 'AS', 'ML', 'SK', 'BR', 'JH', 'MN', 'PY'];
    const lwf = ['TN', 'AP', 'TG', 'GJ', 'MP', 'WB', 'DL', 'OR', 'CT', 'GA', 'PB', 'CH'];
    const regs: Reg[] = [
      ...pt.map((state) => ({ kind: 'pt' as const, state, isActive: true })),
      ...lwf.map((state) => ({ kind: 'lwf' as const, state, isActive: true })),
    ];
    expect(coverageGaps(entity('MH', {}, regs), libraryMasters)).toEqual([]);
  });

  it('is closed by a tenant\'s own obligation for that state', () => {
    const own = { owedPer: 'pt' as const, applicability: { states: ['MZ'], requires: ['pt_registered' as const] } };
    expect(coverageGaps(entity('MZ', { pt_registered: true }), [...libraryMasters, own])).toEqual([]);
  });
});
