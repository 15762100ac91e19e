import type { App } from '@slack/bolt';
import { notApplicablePrompt } from '../../../../core/chat/prompts.js';
import { unesc } from '../../blocks/common.js';
import { ACTIONS, FIELDS, VIEWS } from '../../ids.js';
import { buttonPress } from '../../schemas.js';
import { registerPromptButton } from './open-prompt.js';

/**
 * The item as its root message names it ("Name · Entity · Period", the summary before its " · due …"),
 * from the text Slack keeps (escaped): plain here, escaped once by the modal.
 */
export function itemLabel(body: unknown): string {
  const text = buttonPress.parse(body).message?.text;
  return text ? unesc(text).split(' · due ')[0]! : 'This item';
}

/**
 * "Mark not applicable" on an item's root message asks why; the modal's submission runs the use
 * case. The item id travels in the modal's private_metadata, checked again on submit.
 */
export function registerMarkNotApplicable(app: App): void {
  registerPromptButton(app, { action: ACTIONS.markNotApplicable, view: VIEWS.notApplicable, field: FIELDS.reason }, (body) => notApplicablePrompt(itemLabel(body)));
}
