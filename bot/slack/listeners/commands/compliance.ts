import type { App } from '@slack/bolt';
import type { Runtime } from '../../../../app/runtime.js';
import { databaseDownReply } from '../../blocks/replies.js';
import { answerWhenDatabaseDown } from '../../database-down.js';
import { SLASH_COMMAND } from '../../ids.js';
import { complianceCommandReply } from '../../reply.js';

/** `/compliance …`: acknowledged at once, answered privately (ephemeral) a moment later, even when the database is down. */
export function registerComplianceCommand(app: App, runtime: Runtime): void {
  app.command(SLASH_COMMAND, async ({ ack, command, respond, context, client }) => {
    await ack();
    const reply = await answerWhenDatabaseDown(runtime, 'slash command',
      () => complianceCommandReply(runtime, client, { tenantId: context.tenantId as string, slackUserId: command.user_id, text: command.text }),
      () => respond({ response_type: 'ephemeral', ...databaseDownReply() }));
    if (reply) await respond({ response_type: 'ephemeral', ...reply });
  });
}
