import type { App, BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import type { Runtime } from '../../../../app/runtime.js';
import { markNotApplicable } from '../../../../core/use-cases/change-status.js';
import { unesc } from '../../blocks/common.js';
import { REASON_BLOCK, REASON_INPUT, notApplicableModal } from '../../blocks/not-applicable.js';
import { submitModal } from '../acting-user.js';
import { ACTIONS, VIEWS } from '../../ids.js';

/**
 * "Mark not applicable" on an item's root message opens a modal asking why; submitting it runs
 * the use case as the person (approver or admin only: core refuses anyone else, and the modal
 * shows why). The item id travels in the modal's private_metadata, checked again on submit.
 */
export function registerNotApplicable(app: App, runtime: Runtime): void {
  app.action<BlockButtonAction>(ACTIONS.markNotApplicable, async ({ ack, body, action, client }) => {
    await ack();
    // The root message's text as Slack keeps it (escaped): made plain here, escaped once by the modal.
    const text = body.message?.text as string | undefined;
    const label = text ? unesc(text).split(' · ').slice(0, 2).join(' · ') : 'This item';
    await client.views.open({ trigger_id: body.trigger_id, view: notApplicableModal(action.value ?? '', label) });
  });

  app.view<ViewSubmitAction>(VIEWS.notApplicable, async (args) => {
    const reason = args.view.state.values[REASON_BLOCK]?.[REASON_INPUT]?.value ?? '';
    await submitModal(runtime, args, REASON_BLOCK, (unit, actor) =>
      markNotApplicable(unit, actor, { instanceId: args.view.private_metadata, reason }, runtime.clock.now()));
  });
}
