import type { Action, IShowCardAction, ITextInput } from '@microsoft/teams.cards';
import { ACTION_LABEL, APPROVE_WITH_REFERENCE_PROMPT, REJECT_PROMPT, approveLabel, notApplicablePrompt, reopenPrompt, type TextPrompt } from '../../../core/chat/prompts.js';
import type { ItemChoices } from '../../../core/use-cases/item-choices.js';
import { CARD_ACTIONS, CARD_INPUTS, ROOT_CARD } from '../ids.js';
import { execute, paragraph, type CardActionData } from './message.js';
import { CARD_VERSION } from './replies.js';
import { esc, teamsText } from './text.js';

/** A form sent back to the person who sent it: which one (its action id), what they typed, and core's refusal. */
export interface FormState {
  action: string;
  value?: string;
  error?: string;
}

/**
 * A button that asks for text before anything happens (a reason, a filing reference), as an
 * inline form: Action.ShowCard opening an Input.Text with the Action.Execute that sends it.
 * Inline rather than a dialog because the decision then stays one adaptiveCard/action invoke,
 * answered within the request with the updated card (a dialog is task/fetch then task/submit,
 * old-model Action.Submit, and cannot refresh a card per person); and a reason core refuses (too
 * short) comes back on the same card, open, with what was typed and why.
 */
export function formAction(title: string, prompt: TextPrompt, inputId: string, data: CardActionData, state?: FormState): IShowCardAction {
  const mine = state?.action === data.action ? state : undefined;
  const input: ITextInput = {
    type: 'Input.Text', id: inputId, label: prompt.label, isMultiline: prompt.multiline ?? false, isRequired: !prompt.optional,
    ...(prompt.maxLength ? { maxLength: prompt.maxLength } : {}),
    ...(prompt.placeholder ? { placeholder: prompt.placeholder } : {}),
    ...(mine?.value ? { value: mine.value } : {}),
  };
  return {
    type: 'Action.ShowCard', title,
    card: {
      type: 'AdaptiveCard', version: CARD_VERSION,
      body: [
        ...(prompt.intro ? [paragraph(teamsText(prompt.intro))] : []),
        ...(mine?.error ? [paragraph(`⚠️ ${esc(mine.error)}`, { color: 'Attention' })] : []),
        input,
      ],
      actions: [{ ...execute(prompt.submit, data), associatedInputs: 'auto' }],
    },
  };
}

/** The evidence version a review is about, as its buttons carry it. */
export interface ReviewRef {
  instanceId: string;
  evidenceId: string;
  version: number | string | undefined;
}

/** Approve, Approve with a filing reference, Reject with a reason: for one evidence version. */
export function reviewActions(review: ReviewRef, extra: Record<string, string> = {}, state?: FormState): Action[] {
  const on = { ...review, ...extra };
  return [
    execute(approveLabel(review.version), { action: CARD_ACTIONS.approveEvidence, ...on }, 'positive'),
    formAction(ACTION_LABEL.approveWithReference, APPROVE_WITH_REFERENCE_PROMPT, CARD_INPUTS.filingReference, { action: CARD_ACTIONS.approveWithReference, ...on }, state),
    formAction(ACTION_LABEL.reject, REJECT_PROMPT, CARD_INPUTS.reason, { action: CARD_ACTIONS.rejectEvidence, ...on }, state),
  ];
}

/**
 * The buttons of an item's root card for one person: exactly what core's choices allow them
 * (itemChoices), none for anyone else. `label` names the item in the forms.
 */
export function itemActions(instanceId: string, label: string, choices: ItemChoices | undefined, state?: FormState): Action[] {
  if (!choices) return [];
  const on = { instanceId, card: ROOT_CARD };
  return [
    ...(choices.upload ? [execute(ACTION_LABEL.uploadProof, { action: CARD_ACTIONS.uploadEvidence, ...on }, 'positive')] : []),
    ...(choices.review ? reviewActions({ instanceId, ...choices.review }, { card: ROOT_CARD }, state) : []),
    ...(choices.markNotApplicable ? [formAction(ACTION_LABEL.markNotApplicable, notApplicablePrompt(label), CARD_INPUTS.reason, { action: CARD_ACTIONS.markNotApplicable, ...on }, state)] : []),
    ...(choices.reopen ? [formAction(ACTION_LABEL.reopen, reopenPrompt(label), CARD_INPUTS.reason, { action: CARD_ACTIONS.reopen, ...on }, state)] : []),
  ];
}
