import type { types } from '@slack/bolt';
import type { TextPrompt } from '../../../core/chat/prompts.js';
import { md } from './text.js';

/** A prompt for one text field as a modal; the item (and version) travel in private_metadata. */
export function inputModal(prompt: TextPrompt, ids: { callbackId: string; privateMetadata: string; field: { block: string; input: string } }): types.ModalView {
  return {
    type: 'modal',
    callback_id: ids.callbackId,
    private_metadata: ids.privateMetadata,
    title: { type: 'plain_text', text: prompt.title },
    submit: { type: 'plain_text', text: prompt.submit },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      ...(prompt.intro ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: md(prompt.intro) } }] : []),
      {
        type: 'input', block_id: ids.field.block, optional: prompt.optional ?? false, label: { type: 'plain_text', text: prompt.label },
        element: {
          type: 'plain_text_input', action_id: ids.field.input, multiline: prompt.multiline ?? false,
          ...(prompt.minLength ? { min_length: prompt.minLength } : {}),
          ...(prompt.maxLength ? { max_length: prompt.maxLength } : {}),
          ...(prompt.placeholder ? { placeholder: { type: 'plain_text' as const, text: prompt.placeholder } } : {}),
        },
      },
    ],
  };
}
