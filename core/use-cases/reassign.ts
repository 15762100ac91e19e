import type { NotificationDraft } from '../ports/index.js';

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
