import type { App } from '@slack/bolt';
import { APPROVE_WITH_REFERENCE_PROMPT } from '../../../../core/chat/prompts.js';
import { ACTIONS, FIELDS, VIEWS } from '../../ids.js';
import { registerPromptButton } from './open-prompt.js';

/** "Approve with ARN / challan no.…" asks for the filing reference; the approval is the modal's submission. */
export function registerApproveWithReference(app: App): void {
  registerPromptButton(app, { action: ACTIONS.approveWithReference, view: VIEWS.approveWithReference, field: FIELDS.filingReference }, () => APPROVE_WITH_REFERENCE_PROMPT);
}
