import type { ChatKind, ChatPeople } from '../ports/chat-people.js';
import type { Clock } from '../ports/clock.js';
import type { EvidenceFiles } from '../ports/evidence-files.js';
import type { ItemThreads } from '../ports/item-threads.js';
import type { UseCaseRunner } from '../ports/use-case-runner.js';
import type { WorkReads } from '../ports/work-reads.js';

/** Which chat a request came from, and its name as people call it (in "your Slack account"). */
export interface ChatPlatform {
  chat: ChatKind;
  name: string;
}

/** Everything the chat seam needs, wired once per chat by the composition root. */
export interface ChatPorts {
  platform: ChatPlatform;
  people: ChatPeople;
  reads: WorkReads;
  runner: UseCaseRunner;
  threads: ItemThreads;
  files: EvidenceFiles;
  clock: Clock;
  /** The size limit for one evidence file. */
  evidenceMaxBytes: number;
}
