import { inMemoryHarness } from '../contract/in-memory-harness.js';
import { tenantUnitContract } from '../contract/tenant-unit.contract.js';

// One store for the file: each case builds tenants of its own, as on the database.
const harness = inMemoryHarness({ now: () => new Date('2026-11-26T06:00:00Z') });
tenantUnitContract('in memory', () => harness);
