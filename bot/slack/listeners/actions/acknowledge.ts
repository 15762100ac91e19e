import type { App, BlockButtonAction } from '@slack/bolt';
import type { Runtime } from '../../../../app/runtime.js';
import { runAsUser } from '../../../../app/use-case-runner.js';
import { AppError } from '../../../../core/errors.js';
import { acknowledgeEscalation } from '../../../../core/use-cases/change-status.js';
import { section } from '../../blocks/common.js';
import { respondRefusal, userForButton } from '../acting-user.js';
import { ACTIONS } from '../../ids.js';

/**
 * Acknowledge on a CFO escalation: the same use case as the email link, as the person who
 * pressed it, in the workspace's tenant. An id from another tenant is simply not found there.
 */
export function registerAcknowledge(app: App, runtime: Runtime): void {
  app.action<BlockButtonAction>(ACTIONS.acknowledgeEscalation, async ({ ack, body, action, context, client, respond, logger }) => {
    await ack();
    const tenantId = context.tenantId as string;
    const userId = await userForButton(runtime, client, tenantId, body.user.id, respond);
    if (!userId) return;
    try {
      const result = await runAsUser(runtime.db, tenantId, userId, (unit, actor) =>
        acknowledgeEscalation(unit, actor, { instanceId: action.value ?? '' }, new Date()), { cache: runtime.services.cache });
      const text = result.alreadyAcknowledged
        ? ':white_check_mark: Already acknowledged: the escalations had stopped.'
        : `:white_check_mark: Acknowledged by <@${body.user.id}>. Escalations for this item have stopped.`;
      await respond({ replace_original: true, text, blocks: [section(text)] });
    } catch (error) {
      if (error instanceof AppError) logger.warn(`acknowledge refused: ${error.code}`);
      await respondRefusal(respond, error);
    }
  });
}
