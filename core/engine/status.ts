import { ConflictError } from '../errors.js';

export const STATUSES = ['pending', 'submitted', 'approved', 'rejected', 'not_applicable'] as const;
export type InstanceStatus = (typeof STATUSES)[number];
/** Statuses that still need work: they get reminders, count towards red and amber, and move with extensions. */
export const OPEN_STATUSES: readonly InstanceStatus[] = ['pending', 'submitted', 'rejected'];
export const isOpen = (status: InstanceStatus): boolean => OPEN_STATUSES.includes(status);

/** A status as people read it beside an item (its card, its page, lists). */
export const STATUS_LABEL: Record<InstanceStatus, string> = {
  pending: 'Pending', submitted: 'Submitted, awaiting approval', approved: 'Approved', rejected: 'Rejected', not_applicable: 'Not applicable',
};

export type Transition = 'submit' | 'approve' | 'reject' | 'mark_not_applicable' | 'reopen';

/**
 * The status machine: pending → submitted → approved; submitted → rejected → submitted;
 * pending|rejected → not_applicable; approved|not_applicable → pending (reopen, by an admin).
 * A further upload while submitted is a new version and stays submitted.
 */
const MACHINE: Record<Transition, { from: readonly InstanceStatus[]; to: InstanceStatus }> = {
  submit: { from: ['pending', 'rejected', 'submitted'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  mark_not_applicable: { from: ['pending', 'rejected'], to: 'not_applicable' },
  reopen: { from: ['approved', 'not_applicable'], to: 'pending' },
};

const DESCRIBED: Record<InstanceStatus, string> = {
  pending: 'waiting for evidence',
  submitted: 'submitted and waiting for review',
  approved: 'already approved',
  rejected: 'rejected and waiting for a new upload',
  not_applicable: 'marked not applicable',
};

/** Whether `transition` is allowed from `current` (e.g. to offer only the buttons that will work). */
export const canTransition = (current: InstanceStatus, transition: Transition): boolean => MACHINE[transition].from.includes(current);

/** The status after `transition`, or a ConflictError that says what state the item is in. */
export function nextStatus(current: InstanceStatus, transition: Transition): InstanceStatus {
  if (!canTransition(current, transition)) {
    throw new ConflictError(`This item is ${DESCRIBED[current]}, so it cannot be ${transitionVerb[transition]}.`, {
      code: 'invalid_transition',
      details: { status: current, transition },
    });
  }
  return MACHINE[transition].to;
}

const transitionVerb: Record<Transition, string> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  mark_not_applicable: 'marked not applicable',
  reopen: 'reopened',
};
