import { MIN_REASON_LENGTH } from '../use-cases/review-evidence.js';
import type { ChatText } from './text.js';

/** A form asking for one line or paragraph of text, as every chat shows it (Slack: a modal). */
export interface TextPrompt {
  title: string;
  submit: string;
  label: string;
  intro?: ChatText;
  optional?: boolean;
  multiline?: boolean;
  minLength?: number;
  maxLength?: number;
  placeholder?: string;
}

/** Why an item does not apply; `itemLabel` names the item (plain text). */
export const notApplicablePrompt = (itemLabel: string): TextPrompt => ({
  title: 'Not applicable', submit: 'Mark not applicable',
  intro: [{ bold: itemLabel.slice(0, 200) }, '\nThe reason goes on the audit trail and is shown on the item.'],
  label: 'Why does it not apply?', multiline: true, minLength: MIN_REASON_LENGTH, placeholder: 'e.g. No TDS was deducted in November',
});

/** Why an item closed by mistake is reopened; `itemLabel` names the item (plain text). */
export const reopenPrompt = (itemLabel: string): TextPrompt => ({
  title: 'Reopen item', submit: 'Reopen',
  intro: [{ bold: itemLabel.slice(0, 200) }, '\nIt goes back to pending and its preparer is told. Approved evidence stays as it is; a new upload is a new version.'],
  label: 'Why is it reopened?', multiline: true, minLength: MIN_REASON_LENGTH, placeholder: 'e.g. The challan was for the wrong month',
});

export const REJECT_PROMPT: TextPrompt = { title: 'Reject evidence', submit: 'Reject', label: 'What needs fixing?', multiline: true, minLength: MIN_REASON_LENGTH };

export const APPROVE_WITH_REFERENCE_PROMPT: TextPrompt = {
  title: 'Approve evidence', submit: 'Approve', label: 'Filing reference (ARN, challan or acknowledgement number)', optional: true, maxLength: 100,
};

/**
 * Where a chat cannot take files in the item's thread (Teams), the preparer is asked for the proof
 * in their personal chat with the bot; `itemLabel` names the item (plain text).
 */
export const uploadProofPrompt = (itemLabel: string, hoursValid: number): ChatText => [
  { icon: 'review' }, ' Send the filing proof for ', { bold: itemLabel }, ' here: drop the file in this chat.',
  `\nThis request stays open for ${hoursValid} hours; it is checked by its content (PDF, image, spreadsheet…) and recorded as a new evidence version.`,
];

/** A file sent to the bot when nobody asked for one. */
export const NO_UPLOAD_PROMPT: ChatText = [
  { icon: 'warning' }, ' This file was not recorded: no item is waiting for it. Press ', { bold: 'Upload proof' },
  " on the item's card in its channel first, then send the file here. Nothing was kept.",
];

/** The words on the buttons every chat offers. */
export const ACTION_LABEL = {
  viewDetails: 'View details',
  openItemList: 'Open your items',
  markNotApplicable: 'Mark not applicable',
  approveWithReference: 'Approve with ARN / challan no.…',
  reject: 'Reject…',
  acknowledge: 'Acknowledge',
  reopen: 'Reopen…',
  uploadProof: 'Upload proof',
} as const;

export const approveLabel = (version: unknown) => `Approve version ${String(version ?? '')}`.trim();
