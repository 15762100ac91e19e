import type { App } from '@slack/bolt';
import { answerCommand } from '../../../../core/chat/commands.js';
import { afterAck } from '../../after-ack.js';
import { slackReply } from '../../blocks/answer.js';
import { databaseDownReply } from '../../blocks/replies.js';
import { answerWhenDatabaseDown } from '../../database-down.js';
import type { SlackDeps } from '../../deps.js';
import { resolveSlackUser } from '../../identity.js';
import { SLASH_COMMAND } from '../../ids.js';
import { readContext, slashCommand } from '../../schemas.js';

/** `/compliance …`: acknowledged at once, answered privately (ephemeral) a moment later, even when the database is down. */
export function registerComplianceCommand(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ ack, command, respond, context, client }) => {
    await ack();
    const now = deps.clock.now();
    const { tenantId } = readContext(context);
    const { user_id: slackUserId, text } = slashCommand.parse(command);
    await afterAck(async () => {
      const reply = await answerWhenDatabaseDown(deps, 'slash command', async () => {
        const userId = await resolveSlackUser(deps.chat, client, tenantId, slackUserId);
        return slackReply(await answerCommand(deps.chat, tenantId, userId, text, now));
      }, () => respond({ response_type: 'ephemeral', ...databaseDownReply() }));
      if (reply) await respond({ response_type: 'ephemeral', ...reply });
    });
  });
}
