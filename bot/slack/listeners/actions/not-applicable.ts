import type { App, BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import type { Runtime } from '../../../../app/runtime.js';
import { runAsUser } from '../../../../app/use-case-runner.js';
import { AppError } from '../../../../core/errors.js';
import { markNotApplicable } from '../../../../core/use-cases/change-status.js';
import { REASON_BLOCK, REASON_INPUT, notApplicableModal } from '../../blocks/not-applicable.js';
import { userForModal } from '../acting-user.js';
import { ACTIONS, VIEWS } from '../../ids.js';

/**
 * "Mark not applicable" on an item's root message opens a modal asking why; submitting it runs
 * the use case as the person (approver or admin only: core refuses anyone else, and the modal
 * shows why). The item id travels in the modal's private_metadata, checked again on submit.
 */
export function registerNotApplicable(app: App, runtime: Runtime): void {
  app.action<BlockButtonAction>(ACTIONS.markNotApplicable, async ({ ack, body, action, client }) => {
    await ack();
    const label = (body.message?.text as string | undefined)?.split(' · ').slice(0, 2).join(' · ') ?? 'This item';
    await client.views.open({ trigger_id: body.trigger_id, view: notApplicableModal(action.value ?? '', label) });
  });

  app.view<ViewSubmitAction>(VIEWS.notApplicable, async ({ ack, body, view, context, client }) => {
    const reason = view.state.values[REASON_BLOCK]?.[REASON_INPUT]?.value ?? '';
    const tenantId = context.tenantId as string;
    const userId = await userForModal(runtime, client, tenantId, body.user.id, ack, REASON_BLOCK);
    if (!userId) return;
    try {
      await runAsUser(runtime.db, tenantId, userId, (unit, actor) =>
        markNotApplicable(unit, actor, { instanceId: view.private_metadata, reason }, new Date()), { cache: runtime.services.cache });
      await ack();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Shown under the reason field, the modal stays open: nothing was changed.
      await ack({ response_action: 'errors', errors: { [REASON_BLOCK]: error.message } });
    }
  });
}
