import type { App, BlockButtonAction } from '@slack/bolt';
import { acknowledged } from '../../../../core/chat/confirmations.js';
import { acknowledgeEscalation } from '../../../../core/use-cases/change-status.js';
import type { SlackDeps } from '../../deps.js';
import { acknowledgedEscalation } from '../../blocks/item.js';
import { ACTIONS, actionPattern } from '../../ids.js';
import { buttonPress, buttonValue } from '../../schemas.js';
import { pressButton } from '../acting-user.js';

/**
 * Acknowledge on a CFO escalation: the same use case as the email link, as the person who
 * pressed it, in the workspace's tenant. An id from another tenant is simply not found there.
 */
export function registerAcknowledge(app: App, deps: SlackDeps): void {
  // One button per item of a batch: `escalation_acknowledge:<item id>` (unique in the message).
  app.action<BlockButtonAction>(actionPattern(ACTIONS.acknowledgeEscalation), async (args) => {
    await args.ack();
    const instanceId = buttonValue.parse(args.action).value ?? '';
    const press = buttonPress.parse(args.body);
    const message = press.message;
    // The message keeps naming every item: the pressed one shows who acknowledged it.
    const replacement = message?.blocks ? (notice: string) => ({ text: message.text ?? notice, blocks: acknowledgedEscalation(message.blocks!, instanceId, notice) }) : undefined;
    await pressButton(deps, args, (unit, actor) => acknowledgeEscalation(unit, actor, { instanceId }, deps.clock.now()), (result) => acknowledged(result, press.user.id), { replacement });
  });
}
