import type { AnyMiddlewareArgs, Middleware, RespondFn } from '@slack/bolt';
import type { Runtime } from '../../../app/runtime.js';
import { databaseDownReply } from '../blocks/replies.js';
import { DATABASE_DOWN } from '../database-down.js';

type Ack = (response?: Record<string, unknown>) => Promise<void>;

/**
 * First in the chain: when the workspace's installation could not be read because the database
 * is down (authorize marks the context), no listener can work, so the person is told to try again
 * right in the acknowledgement: a slash command's answer, a modal's field error, or (for a
 * button) a private reply. Events were acknowledged by Bolt and, with no token, cannot be answered.
 */
export function answerWithoutDatabase(runtime: Pick<Runtime, 'logger'>): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    if (!args.context.databaseUnreachable) {
      await args.next();
      return;
    }
    const body = args.body as { command?: string; type?: string; view?: { state?: { values?: Record<string, unknown> } } };
    const { ack, respond } = args as unknown as { ack?: Ack; respond?: RespondFn };
    runtime.logger.error({ team: args.context.teamId, request: body.command ?? body.type }, 'Slack request answered with "try again": the database is unreachable');
    if (body.command) {
      await ack?.({ response_type: 'ephemeral', ...databaseDownReply() });
      return;
    }
    if (body.type === 'view_submission') {
      const field = Object.keys(body.view?.state?.values ?? {})[0];
      await ack?.(field ? { response_action: 'errors', errors: { [field]: DATABASE_DOWN } } : undefined);
      return;
    }
    await ack?.();
    await respond?.({ response_type: 'ephemeral', replace_original: false, ...databaseDownReply() });
  };
}
