import type { AnyMiddlewareArgs, Middleware, RespondFn } from '@slack/bolt';
import { databaseDownReply } from '../blocks/replies.js';
import { DATABASE_DOWN } from '../database-down.js';
import type { SlackDeps } from '../deps.js';
import { downContext, requestBody } from '../schemas.js';

type Ack = (response?: Record<string, unknown>) => Promise<void>;

/** The acknowledgement and response_url of whatever kind of request this is (events have neither). */
function replies(args: AnyMiddlewareArgs): { ack?: Ack; respond?: RespondFn } {
  return {
    ack: 'ack' in args && typeof args.ack === 'function' ? (args.ack as Ack) : undefined,
    respond: 'respond' in args && typeof args.respond === 'function' ? args.respond : undefined,
  };
}

/**
 * First in the chain: when the workspace's installation could not be read because the database
 * is down (authorize marks the context), no listener can work, so the person is told to try again
 * right in the acknowledgement: a slash command's answer, a modal's field error, or (for a
 * button) a private reply. Events were acknowledged by Bolt and, with no token, cannot be answered.
 */
export function answerWithoutDatabase(deps: Pick<SlackDeps, 'logger'>): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const context = downContext.parse(args.context);
    if (!context.databaseUnreachable) {
      await args.next();
      return;
    }
    const parsed = requestBody.safeParse(args.body);
    const body = parsed.success ? parsed.data : {};
    const { ack, respond } = replies(args);
    deps.logger.error({ team: context.teamId, request: body.command ?? body.type }, 'Slack request answered with "try again": the database is unreachable');
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
