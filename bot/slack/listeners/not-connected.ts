import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { notConnectedReply } from '../blocks/replies.js';
import type { SlackDeps } from '../deps.js';
import { notConnectedContext, requestBody } from '../schemas.js';

type Ack = (response?: Record<string, unknown>) => Promise<void>;

/**
 * A request from a workspace no tenant has connected (authorize marks the context): nothing is
 * read or changed. A slash command is told, privately, that the workspace is not connected and
 * how to connect it; any other request is acknowledged (so Slack shows no error) and logged.
 * The request's signature was verified before this, as for every request.
 */
export function answerNotConnected(deps: Pick<SlackDeps, 'logger'>): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const context = notConnectedContext.parse(args.context);
    if (!context.notConnected) {
      await args.next();
      return;
    }
    const parsed = requestBody.safeParse(args.body);
    const body = parsed.success ? parsed.data : {};
    deps.logger.warn({ team: context.teamId, request: body.command ?? body.type }, 'Slack request from a workspace that is not connected to any tenant: ignored');
    const ack = 'ack' in args && typeof args.ack === 'function' ? (args.ack as Ack) : undefined;
    if (body.command) await ack?.({ response_type: 'ephemeral', ...notConnectedReply() });
    else await ack?.();
  };
}
