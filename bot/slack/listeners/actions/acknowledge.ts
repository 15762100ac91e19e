import type { App, BlockButtonAction } from '@slack/bolt';
import type { Runtime } from '../../../../app/runtime.js';
import { acknowledgeEscalation } from '../../../../core/use-cases/change-status.js';
import { mention } from '../../blocks/common.js';
import { pressButton } from '../acting-user.js';
import { ACTIONS } from '../../ids.js';

/**
 * Acknowledge on a CFO escalation: the same use case as the email link, as the person who
 * pressed it, in the workspace's tenant. An id from another tenant is simply not found there.
 */
export function registerAcknowledge(app: App, runtime: Runtime): void {
  app.action<BlockButtonAction>(ACTIONS.acknowledgeEscalation, async (args) => {
    await args.ack();
    await pressButton(runtime, args, (unit, actor) => acknowledgeEscalation(unit, actor, { instanceId: args.action.value ?? '' }, runtime.clock.now()),
      (result) => (result.alreadyAcknowledged
        ? ':white_check_mark: Already acknowledged: the escalations had stopped.'
        : `:white_check_mark: Acknowledged by ${mention(args.body.user.id)}. Escalations for this item have stopped.`));
  });
}
