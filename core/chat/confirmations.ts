import type { ChatText } from './text.js';

/*
 * What a person is told after pressing a button or sending a form in chat. `by` is the chat
 * account of the person who did it (shown as a mention).
 */

export const acknowledged = (result: { alreadyAcknowledged: boolean }, by: string): ChatText => (result.alreadyAcknowledged
  ? [{ icon: 'done' }, ' Already acknowledged: the escalations had stopped.']
  : [{ icon: 'done' }, ' Acknowledged by ', { mention: by }, '. Escalations for this item have stopped.']);

export const approved = (result: { evidence: { version: number }; late: boolean }, by: string): ChatText =>
  [{ icon: 'done' }, ` Version ${result.evidence.version} approved by `, { mention: by }, `${result.late ? ' (filed late)' : ''}. The evidence is now frozen.`];

export const rejected = (result: { evidence: { version: number } }, by: string, reason: string): ChatText =>
  [{ icon: 'refused' }, ` Version ${result.evidence.version} rejected by `, { mention: by }, '. Reason: ', reason];

/** Said in the item's thread when it is reopened. */
export const reopened = (by: string, reason: string): ChatText =>
  [{ icon: 'reopened' }, ' Reopened by ', { mention: by }, '. Reason: ', reason, '\nThe approved evidence stays as it was: drop a new version in this thread.'];

/** Said in the item's thread when it is marked not applicable. */
export const markedNotApplicable = (by: string, reason: string): ChatText =>
  [{ icon: 'not_applicable' }, ' Marked not applicable by ', { mention: by }, '. Reason: ', reason];

/** Shown in the home, where the form was opened, once it has closed. */
export const APPROVED_FROM_HOME: ChatText = [{ icon: 'done' }, ' Approved. The evidence is now frozen.'];
export const REJECTED_FROM_HOME: ChatText = [{ icon: 'refused' }, ' Rejected. The preparer was told why in the thread.'];

/** Core's refusal, as the person sees it. */
export const refusal = (message: string): ChatText => [{ icon: 'warning' }, ' ', message];

/** A form's field error for someone the product does not know (plain text). */
export const unknownAccountShort = (platformName: string) => `Compliance OS does not know your ${platformName} account yet. Ask your admin to add you.`;
