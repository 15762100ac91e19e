import type { RespondFn, webApi } from '@slack/bolt';
import type { Runtime } from '../../../app/runtime.js';
import { runAsUser } from '../../../app/use-case-runner.js';
import type { Actor } from '../../../core/engine/access.js';
import type { TenantUnit } from '../../../core/ports.js';
import { AppError } from '../../../core/errors.js';
import { esc, section } from '../blocks/common.js';
import { unknownUserReply } from '../blocks/replies.js';
import { publishHome } from '../home.js';
import { resolveSlackUser } from '../identity.js';

/** The user behind a button press, or undefined after telling an unknown person whom to ask. */
async function userForButton(runtime: Runtime, client: webApi.WebClient, tenantId: string, slackUserId: string, respond: RespondFn): Promise<string | undefined> {
  const userId = await resolveSlackUser(runtime.db, client, tenantId, slackUserId);
  if (!userId) await respond({ response_type: 'ephemeral', replace_original: false, ...unknownUserReply() });
  return userId ?? undefined;
}

type ViewAck = (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>;

/** The user behind a modal submission, or undefined after showing the problem in the modal. */
async function userForModal(runtime: Runtime, client: webApi.WebClient, tenantId: string, slackUserId: string, ack: ViewAck, blockId: string): Promise<string | undefined> {
  const userId = await resolveSlackUser(runtime.db, client, tenantId, slackUserId);
  if (!userId) await ack({ response_action: 'errors', errors: { [blockId]: 'Compliance OS does not know your Slack account yet. Ask your admin to add you.' } });
  return userId ?? undefined;
}

/**
 * A button's work after ack(): runs the use case as the person who pressed it, replaces the
 * message with the confirmation, or shows core's refusal to that person only (code logged).
 */
export async function pressButton<T>(
  runtime: Runtime,
  args: { body: { user: { id: string }; view?: { type: string } }; context: Record<string, unknown>; client: webApi.WebClient; respond: RespondFn },
  useCase: (unit: TenantUnit, actor: Actor) => Promise<T>,
  confirmation: (result: T) => string,
): Promise<void> {
  const tenantId = args.context.tenantId as string;
  const slackUserId = args.body.user.id;
  const userId = await userForButton(runtime, args.client, tenantId, slackUserId, args.respond);
  if (!userId) return;
  // A button in the App Home has no message to replace: the Home is republished with the outcome on top.
  const inHome = args.body.view?.type === 'home';
  const showHome = (notice: string) => publishHome(runtime.db, args.client, tenantId, userId, slackUserId, new Date(), notice);
  try {
    const text = confirmation(await runAsUser(runtime.db, tenantId, userId, useCase, { cache: runtime.services.cache }));
    if (inHome) await showHome(text);
    else await args.respond({ replace_original: true, text, blocks: [section(text)] });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    runtime.logger.warn({ code: error.code, slackUser: slackUserId }, 'Slack action refused');
    // Core's messages may name things people named: escaped like any other text from them.
    const message = esc(error.message);
    if (inHome) await showHome(`:warning: ${message}`);
    else await args.respond({ response_type: 'ephemeral', replace_original: false, text: message, blocks: [section(`:warning: ${message}`)] });
  }
}

/**
 * A modal's submit: runs the use case as the person, closes the modal when it succeeds, and
 * otherwise shows core's refusal under the given field with the modal left open (nothing changed).
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
  const userId = await userForModal(runtime, args.client, tenantId, args.body.user.id, args.ack, blockId);
  if (!userId) return;
  try {
    await runAsUser(runtime.db, tenantId, userId, useCase, { cache: runtime.services.cache });
    await args.ack();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await args.ack({ response_action: 'errors', errors: { [blockId]: error.message } });
    return;
  }
  // Opened from the App Home: show the outcome there, since the modal has closed.
  if (options.republishHome) await publishHome(runtime.db, args.client, tenantId, userId, args.body.user.id, new Date(), options.republishHome);
}
