import type { App } from '@slack/bolt';
import { REJECT_PROMPT } from '../../../../core/chat/prompts.js';
import { ACTIONS, FIELDS, VIEWS } from '../../ids.js';
import { registerPromptButton } from './open-prompt.js';

/** "Reject…" asks what needs fixing; the rejection is the modal's submission. */
export function registerRejectEvidence(app: App): void {
  registerPromptButton(app, { action: ACTIONS.rejectEvidence, view: VIEWS.rejectEvidence, field: FIELDS.reason }, () => REJECT_PROMPT);
}
