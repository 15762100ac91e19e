import type { types } from '@slack/bolt';
import { MIN_REASON_LENGTH } from '../../../core/use-cases/review-evidence.js';
import { VIEWS } from '../ids.js';
import { esc } from './common.js';
import { inputModal } from './input-modal.js';

export const REASON_BLOCK = 'reason';
export const REASON_INPUT = 'reason_input';

/** The modal that asks why an item does not apply (`itemLabel` as plain text); the item id travels in private_metadata. */
export function notApplicableModal(instanceId: string, itemLabel: string): types.ModalView {
  return inputModal({
    callbackId: VIEWS.notApplicable, privateMetadata: instanceId, title: 'Not applicable', submit: 'Mark not applicable',
    intro: `*${esc(itemLabel.slice(0, 200))}*\nThe reason goes on the audit trail and is shown on the item.`,
    blockId: REASON_BLOCK, actionId: REASON_INPUT, label: 'Why does it not apply?', multiline: true, minLength: MIN_REASON_LENGTH,
    placeholder: 'e.g. No TDS was deducted in November',
  });
}
