import type { IsoDate } from '../engine/dates.js';
import type { FeeWaiver } from '../engine/relief.js';
import type { InstanceStatus } from '../engine/status.js';
import type { ChatKind } from './chat-people.js';

/** Where an item's conversation lives in a chat: the channel and the root message of its thread. */
export interface ThreadRef {
  conversation: string;
  thread: string;
}

/** One message in a chat: its conversation and its own id there (Slack: the channel and the message's ts). */
export interface MessageRef {
  conversation: string;
  message: string;
}

/** A person as a chat shows them: by their account there when linked, else by name. */
export interface ChatPerson {
  chatId: string | null;
  name: string | null;
}

/** What an item's card shows, read as it is now. */
export interface ItemFacts {
  instanceId: string;
  code: string;
  name: string;
  entityName: string;
  /** What it is owed per, named beside the entity: a GSTIN, TAN, … or "no TAN recorded"; null for the entity's own obligations. */
  registration: string | null;
  periodKey: string;
  /** The period as the law in force names it ("TY 2026-27"); the key when absent. */
  periodName?: string;
  statutoryDueDate: IsoDate;
  extendedDueDate: IsoDate | null;
  extensionReference: string | null;
  workingDueDate: IsoDate | null;
  dueDate: IsoDate;
  /** An MCA fee waiver for the item's period: shown beside the due date, which it does not move. */
  feeWaiver?: FeeWaiver | null;
  status: InstanceStatus;
  approvedLate: boolean | null;
  filingReference: string | null;
  owner: ChatPerson;
  approver: ChatPerson;
  timezone: string;
  amberWindowDays: number;
}

/** An item with its thread, under the item's lock. */
export interface ItemThreadState {
  facts: ItemFacts;
  /** Its thread, once its root message is posted. */
  thread: ThreadRef | null;
  /** Where its root belongs: the item's own conversation, its entity's, else the tenant's (null: none set). */
  conversation: string | null;
}

/** Items' threads in a chat. */
export interface ItemThreads {
  /** The item whose thread this is, or undefined when it is any other thread. */
  itemOfThread(tenantId: string, chat: ChatKind, ref: ThreadRef): Promise<string | undefined>;
  /** What the item's card shows now, read without its lock (for a card only shown, not posted); undefined for no such item of the tenant. */
  facts(tenantId: string, instanceId: string, chat: ChatKind): Promise<ItemFacts | undefined>;
  /**
   * Runs `work` under the item's row lock, so an item gets one root message whatever the
   * concurrency: `work` sees the item (undefined when it no longer exists) and returns the thread it
   * posted, if it posted one, which is stored with the item.
   */
  withThread<T>(
    tenantId: string, instanceId: string, chat: ChatKind,
    work: (item: ItemThreadState | undefined) => Promise<{ result: T; posted?: ThreadRef }>,
  ): Promise<T>;
  /**
   * The messages that asked for a review of this evidence version in the chat (the outbox's sent
   * review requests, where each was posted), so that a decision taken anywhere else (a modal, the
   * App Home) can close them.
   */
  reviewRequests(tenantId: string, chat: ChatKind, review: { instanceId: string; evidenceId: string }): Promise<MessageRef[]>;
}
