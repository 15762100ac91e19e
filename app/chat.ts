import type { ChatPlatform, ChatPorts } from '../core/chat/ports.js';
import { chatPeople } from '../infra/chat/chat-people.js';
import { evidenceFiles } from '../infra/chat/evidence-files.js';
import { itemThreads } from '../infra/chat/item-threads.js';
import { workReads } from '../infra/chat/work-reads.js';
import { useCaseRunner } from '../infra/stores/run-as-user.js';
import type { Runtime } from './runtime.js';

/**
 * The wiring of the chat seam: which adapters in infra/ serve core/chat's ports, for one chat
 * (Slack, Teams). `runtime` (and its services) is read at each call, so what a test swaps in
 * takes effect.
 */
export function chatPorts(runtime: Pick<Runtime, 'db' | 'services' | 'clock' | 'config'>, platform: ChatPlatform): ChatPorts {
  return {
    platform,
    people: chatPeople(runtime.db),
    reads: workReads(runtime),
    runner: useCaseRunner(runtime),
    threads: itemThreads(runtime.db),
    files: evidenceFiles(runtime),
    clock: runtime.clock,
    evidenceMaxBytes: runtime.config.evidenceMaxBytes,
  };
}

