/**
 * Every interface the application needs from the outside world, one file per kind; adapters in
 * infra/ implement them, and tests may implement them in memory.
 */
export * from './channel.js';
export * from './clock.js';
export * from './evidence-storage.js';
export * from './tenant-unit.js';
