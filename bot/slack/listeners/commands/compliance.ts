import type { App } from '@slack/bolt';
import type { Runtime } from '../../../../app/runtime.js';
import { SLASH_COMMAND } from '../../ids.js';
import { complianceCommandReply } from '../../reply.js';

/** `/compliance …`: acknowledged at once, answered privately (ephemeral) a moment later. */
export function registerComplianceCommand(app: App, runtime: Runtime): void {
  app.command(SLASH_COMMAND, async ({ ack, command, respond, context, client }) => {
    await ack();
    const reply = await complianceCommandReply(runtime, client, { tenantId: context.tenantId as string, slackUserId: command.user_id, text: command.text });
    await respond({ response_type: 'ephemeral', ...reply });
  });
}
