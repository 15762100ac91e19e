import type { RespondFn, webApi } from '@slack/bolt';
import type { Runtime } from '../../../app/runtime.js';
import { runAsUser } from '../../../infra/stores/run-as-user.js';
import type { Actor } from '../../../core/engine/access.js';
import type { TenantUnit } from '../../../core/ports/index.js';
import { AppError } from '../../../core/errors.js';
import { esc, section } from '../blocks/common.js';
import { databaseDownReply, unknownUserReply, type SlackReply } from '../blocks/replies.js';
import { DATABASE_DOWN, answerWhenDatabaseDown } from '../database-down.js';
import { publishHome, publishNotice } from '../home.js';
import { resolveSlackUser } from '../identity.js';

/** What a button or a modal led to: done (the confirmation), refused by core (its message), or an unknown person. */
type Outcome = { done: string; userId: string } | { refused: string; userId: string } | { unknown: true };

/** Runs the use case as the Slack user behind a request; core's refusals are an outcome, not an error. */
async function actAs<T>(
  runtime: Runtime, client: webApi.WebClient, tenantId: string, slackUserId: string,
  useCase: (unit: TenantUnit, actor: Actor) => Promise<T>, confirmation: (result: T) => string,
): Promise<Outcome> {
  const userId = await resolveSlackUser(runtime.db, client, tenantId, slackUserId);
  if (!userId) return { unknown: true };
  try {
    return { done: confirmation(await runAsUser(runtime.db, tenantId, userId, useCase, { cache: runtime.services.cache })), userId };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    runtime.logger.warn({ code: error.code, slackUser: slackUserId }, 'Slack action refused');
    return { refused: error.message, userId };
  }
}

/**
 * A button's work after ack(): runs the use case as the person who pressed it, replaces the
 * message with the confirmation, or shows core's refusal to that person only (code logged). A
 * button in the App Home has no message to replace: the Home is republished with the outcome on
 * top. When the database cannot be reached the person is told to try again.
 */
export async function pressButton<T>(
  runtime: Runtime,
  args: { body: { user: { id: string }; view?: { type: string } }; context: Record<string, unknown>; client: webApi.WebClient; respond: RespondFn },
  useCase: (unit: TenantUnit, actor: Actor) => Promise<T>,
  confirmation: (result: T) => string,
): Promise<void> {
  const tenantId = args.context.tenantId as string;
  const slackUserId = args.body.user.id;
  const inHome = args.body.view?.type === 'home';
  const privately = (reply: SlackReply) => args.respond({ response_type: 'ephemeral', replace_original: false, ...reply });
  const outcome = await answerWhenDatabaseDown(runtime, 'button', () => actAs(runtime, args.client, tenantId, slackUserId, useCase, confirmation),
    () => (inHome ? publishNotice(args.client, slackUserId, `:warning: ${DATABASE_DOWN}`) : privately(databaseDownReply())));
  if (!outcome) return;
  if ('unknown' in outcome) {
    await privately(unknownUserReply());
    return;
  }
  // Core's messages may name things people named: escaped like any other text from them.
  const text = 'done' in outcome ? outcome.done : `:warning: ${esc(outcome.refused)}`;
  if (inHome) await publishHome(runtime.db, args.client, tenantId, outcome.userId, slackUserId, runtime.clock.now(), text);
  else if ('done' in outcome) await args.respond({ replace_original: true, text, blocks: [section(text)] });
  else await privately({ text: esc(outcome.refused), blocks: [section(text)] });
}

type ViewAck = (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>;

/**
 * A modal's submit: runs the use case as the person, closes the modal when it succeeds, and
 * otherwise shows why under the given field with the modal left open (nothing changed): core's
 * refusal, an unknown person, or a database that cannot be reached.
 * This work runs before ack() on purpose: Slack shows field errors only in a view submission's
 * ack. It is two short transactions: who the person is (an indexed read), then the use case.
 */
export async function submitModal(
  runtime: Runtime,
  args: { ack: ViewAck; body: { user: { id: string } }; context: Record<string, unknown>; client: webApi.WebClient },
  blockId: string,
  useCase: Parameters<typeof runAsUser>[3],
  options: { republishHome?: string } = {},
): Promise<void> {
  const tenantId = args.context.tenantId as string;
  const slackUserId = args.body.user.id;
  const showError = (message: string) => args.ack({ response_action: 'errors', errors: { [blockId]: message } });
  const outcome = await answerWhenDatabaseDown(runtime, 'modal submission', () => actAs(runtime, args.client, tenantId, slackUserId, useCase, () => ''),
    () => showError(DATABASE_DOWN));
  if (!outcome) return;
  if ('unknown' in outcome) return showError('Compliance OS does not know your Slack account yet. Ask your admin to add you.');
  if ('refused' in outcome) return showError(outcome.refused);
  await args.ack();
  // Opened from the App Home: show the outcome there, since the modal has closed.
  if (options.republishHome) await publishHome(runtime.db, args.client, tenantId, outcome.userId, slackUserId, runtime.clock.now(), options.republishHome);
}
