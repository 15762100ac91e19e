import { describe, expect, it } from '@jest/globals';
import { systemActor, visibleEntities, type Actor, type RoleGrant } from '../../core/engine/access.js';

const person = (...roles: RoleGrant[]): Actor => ({ type: 'user', id: 'u1', roles });

describe('visibleEntities: what a person may read', () => {
  it('every entity with a tenant-wide grant of any role, however many entity grants they also hold', () => {
    expect(visibleEntities(person({ role: 'viewer', entityId: null }))).toBe('all');
    expect(visibleEntities(person({ role: 'auditor', entityId: 'e1' }, { role: 'owner', entityId: null }))).toBe('all');
    expect(visibleEntities(systemActor('job'))).toBe('all');
  });

  it('otherwise only the entities their grants name, each once', () => {
    expect(visibleEntities(person({ role: 'auditor', entityId: 'e1' }, { role: 'approver', entityId: 'e2' }, { role: 'owner', entityId: 'e1' })))
      .toEqual(['e1', 'e2']);
  });

  it('nothing without a grant', () => {
    expect(visibleEntities(person())).toEqual([]);
  });
});
