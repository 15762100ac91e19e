import type { App, BlockButtonAction } from '@slack/bolt';
import { approved } from '../../../../core/chat/confirmations.js';
import { approveEvidence } from '../../../../core/use-cases/review-evidence.js';
import type { SlackDeps } from '../../deps.js';
import { ACTIONS, actionPattern, parseEvidenceRef } from '../../ids.js';
import { buttonPress, buttonValue } from '../../schemas.js';
import { pressButton } from '../acting-user.js';

/**
 * Approve on a "ready for your review" reply (or in the App Home). Every rule (role, segregation
 * of duties, stale version, a decision already taken) is core's; the button only shows its answer.
 */
export function registerApproveEvidence(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(actionPattern(ACTIONS.approveEvidence), async (args) => {
    await args.ack();
    const ref = parseEvidenceRef(buttonValue.parse(args.action).value);
    const by = buttonPress.parse(args.body).user.id;
    await pressButton(deps, args, (unit, actor) => approveEvidence(unit, actor, ref, deps.clock.now()), (result) => approved(result, by), { review: ref });
  });
}
