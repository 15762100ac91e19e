import type { Actor } from '../engine/access.js';
import type { NotificationDraft, SetupRecordStore, StoredRecord } from '../ports/index.js';
import { parseRecord, reassignSchema } from '../setup/records.js';
import { changeSetupRecord, type SetupRecordKind } from './change-setup-record.js';

export interface ItemPeople {
  ownerUserId: string | null;
  approverUserId: string | null;
}

/**
 * Who hears of a reassignment, from any channel: each newly named preparer or approver (someone
 * who keeps their role, or a role left empty, hears nothing). `at` makes each change its own message.
 */
export function reassignmentNotices(instanceId: string, before: ItemPeople, after: ItemPeople, at: Date): NotificationDraft[] {
  const roles = [['ownerUserId', 'preparer'], ['approverUserId', 'approver']] as const;
  return roles.flatMap(([field, as]) => {
    const userId = after[field];
    if (!userId || userId === before[field]) return [];
    return [{ kind: 'assigned', to: { kind: 'user', userId }, instanceId, dedupKey: `assigned:${instanceId}:${as}:${userId}:${at.getTime()}`, payload: { as } }];
  });
}

/** An item's people as the setup rule sees them: only the preparer and approver change here. */
const ITEM_PEOPLE: SetupRecordKind = {
  objectType: 'instance',
  scope: 'tenant',
  parse(input) {
    const v = parseRecord(reassignSchema, input);
    return { owner_user_id: v.owner_user_id ?? null, approver_user_id: v.approver_user_id ?? null };
  },
};

const peopleOf = (record: StoredRecord | undefined): ItemPeople => ({
  ownerUserId: (record?.owner_user_id as string | null | undefined) ?? null,
  approverUserId: (record?.approver_user_id as string | null | undefined) ?? null,
});

/**
 * An admin of the item's entity names its preparer and approver (one left out keeps who it has;
 * an empty one names nobody): the setup rule decides who may, the change is audited with the item
 * before and after, and each newly named person hears of it. Status and dates never change here.
 */
export async function reassignItem(
  store: SetupRecordStore,
  actor: Actor,
  input: { instanceId: string; ownerUserId?: string | null; approverUserId?: string | null },
  now: Date,
): Promise<StoredRecord> {
  const given = (value: string | null | undefined, kept: unknown) => (value === undefined ? kept : value);
  const { record, before } = await changeSetupRecord(store, ITEM_PEOPLE, actor, {
    op: 'update',
    id: input.instanceId,
    input: (existing) => ({ owner_user_id: given(input.ownerUserId, existing?.owner_user_id), approver_user_id: given(input.approverUserId, existing?.approver_user_id) }),
  });
  const unit = await store.unitOf(String(record.tenant_id));
  await unit.outbox.enqueue(reassignmentNotices(record.id, peopleOf(before), peopleOf(record), now));
  return record;
}
