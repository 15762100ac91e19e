import type { types } from '@slack/bolt';

/** A modal asking for one text field; the item (and version) travel in private_metadata. */
export function inputModal(options: {
  callbackId: string;
  privateMetadata: string;
  title: string;
  submit: string;
  blockId: string;
  actionId: string;
  label: string;
  intro?: string;
  optional?: boolean;
  multiline?: boolean;
  minLength?: number;
  maxLength?: number;
  placeholder?: string;
}): types.ModalView {
  return {
    type: 'modal',
    callback_id: options.callbackId,
    private_metadata: options.privateMetadata,
    title: { type: 'plain_text', text: options.title },
    submit: { type: 'plain_text', text: options.submit },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      ...(options.intro ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: options.intro } }] : []),
      {
        type: 'input', block_id: options.blockId, optional: options.optional ?? false, label: { type: 'plain_text', text: options.label },
        element: {
          type: 'plain_text_input', action_id: options.actionId, multiline: options.multiline ?? false,
          ...(options.minLength ? { min_length: options.minLength } : {}),
          ...(options.maxLength ? { max_length: options.maxLength } : {}),
          ...(options.placeholder ? { placeholder: { type: 'plain_text' as const, text: options.placeholder } } : {}),
        },
      },
    ],
  };
}
