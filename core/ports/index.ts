/**
 * Every interface the application needs from the outside world, one file per kind; adapters in
 * infra/ implement them, and tests may implement them in memory.
 */
export * from './channel.js';
export * from './clock.js';
export * from './evidence-storage.js';
export * from './tenant-unit.js';
export * from './assignment-store.js';
export * from './engine-unit.js';
export * from './extension-store.js';
export * from './item-dating.js';
export * from './library-store.js';
export * from './tenant-directory.js';
export * from './notification-queue.js';
export * from './reminder-source.js';
export * from './digest-source.js';
export * from './chat-setup.js';
export * from './chat-people.js';
export * from './evidence-files.js';
export * from './item-threads.js';
export * from './reach.js';
export * from './slack-installations.js';
export * from './teams-conversations.js';
export * from './teams-tenants.js';
export * from './use-case-runner.js';
export * from './work-reads.js';
export * from './setup-record-store.js';
