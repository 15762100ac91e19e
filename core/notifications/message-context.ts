import type { FeeWaiver } from '../engine/relief.js';
import type { Notification } from './kinds.js';

/** Everything a channel needs to deliver one notification, already looked up. */
export interface MessageContext {
  /** The outbox row: providers carry it back (SendGrid custom_args) for tracing. */
  notificationId: string;
  tenantId: string;
  /** What happened, with its typed payload. */
  notification: Notification;
  tenantName: string;
  timezone: string;
  /** The person, with their account in each chat (null: not linked there). */
  recipient: { userId: string | null; name: string | null; email: string | null; slackUserId: string | null; teamsUserId: string | null };
  item: {
    id: string;
    code: string;
    name: string;
    entityName: string;
    /** What it is owed per (a GSTIN, TAN, …, or "no TAN recorded"); null for the entity's own. */
    registration: string | null;
    periodKey: string;
    /** The period as the law in force names it ("TY 2026-27"); the key when absent. */
    periodName?: string;
    dueDate: string;
    statutoryDueDate: string;
    extensionReference: string | null;
    /** An MCA fee waiver for the period, shown beside the due date it leaves alone. */
    feeWaiver?: FeeWaiver | null;
    status: string;
  } | null;
  /** The items a message lists (a batch of escalations, new work), each as `item` is. */
  items?: NonNullable<MessageContext['item']>[];
  /** `item`: the item's page, or for a notification about several the list of the person's items. */
  links: {
    item: string | null;
    acknowledge: string | null;
    /** Per listed item: its signed acknowledgement link (escalations), and its page. */
    acknowledgeItems?: Record<string, string>;
    items?: Record<string, string>;
  };
}
