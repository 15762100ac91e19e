import type { Reach } from '../../core/ports/reach.js';
import { slackReach } from '../channels/slack-reach.js';
import type { TenantTx } from '../db/database.js';

/**
 * The chat channels that can reach people, in order of preference (email reaches everyone). A
 * chat channel adds its own `…Reach` here; whether it is configured in this process does not
 * matter: the outbox row waits for the process that sends it.
 */
const CHAT_REACH: ((tx: TenantTx) => Promise<Reach>)[] = [slackReach];

/** Who each chat channel reaches in the transaction's tenant, read once per batch. */
export const chatReaches = (tx: TenantTx): Promise<Reach[]> => Promise.all(CHAT_REACH.map((reach) => reach(tx)));

/**
 * SQL true when the tenant `t` has any chat connected (its items can have threads there). A chat
 * channel adds its own connection table here beside its `…Reach`.
 */
export const CHAT_CONNECTED_SQL = 'EXISTS (SELECT 1 FROM slack_installations si WHERE si.tenant_id = t.id)';
