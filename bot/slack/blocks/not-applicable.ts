import type { types } from '@slack/bolt';
import { MIN_REASON_LENGTH } from '../../../core/use-cases/review-evidence.js';
import { VIEWS } from '../ids.js';

export const REASON_BLOCK = 'reason';
export const REASON_INPUT = 'reason_input';

/** The modal that asks why an item does not apply; the item id travels in private_metadata. */
export function notApplicableModal(instanceId: string, itemLabel: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.notApplicable,
    private_metadata: instanceId,
    title: { type: 'plain_text', text: 'Not applicable' },
    submit: { type: 'plain_text', text: 'Mark not applicable' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${itemLabel.slice(0, 200)}*\nThe reason goes on the audit trail and is shown on the item.` } },
      {
        type: 'input', block_id: REASON_BLOCK, label: { type: 'plain_text', text: 'Why does it not apply?' },
        element: { type: 'plain_text_input', action_id: REASON_INPUT, multiline: true, min_length: MIN_REASON_LENGTH, placeholder: { type: 'plain_text', text: 'e.g. No TDS was deducted in November' } },
      },
    ],
  };
}
