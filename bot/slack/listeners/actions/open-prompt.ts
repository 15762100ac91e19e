import type { App, BlockButtonAction } from '@slack/bolt';
import type { TextPrompt } from '../../../../core/chat/prompts.js';
import { inputModal } from '../../blocks/input-modal.js';
import { actionPattern } from '../../ids.js';
import { buttonPress, buttonValue } from '../../schemas.js';

/**
 * A button that asks for text before anything happens (a reason, a filing reference): it opens the
 * prompt as a modal, with the button's value travelling in private_metadata to the modal's submission.
 */
export function registerPromptButton(app: App, ids: { action: string; view: string; field: { block: string; input: string } }, prompt: (body: unknown) => TextPrompt): void {
  app.action<BlockButtonAction>(actionPattern(ids.action), async ({ ack, body, action, client }) => {
    await ack();
    await client.views.open({
      trigger_id: buttonPress.parse(body).trigger_id,
      view: inputModal(prompt(body), { callbackId: ids.view, privateMetadata: buttonValue.parse(action).value ?? '', field: ids.field }),
    });
  });
}
