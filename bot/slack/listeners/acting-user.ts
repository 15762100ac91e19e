import type { RespondFn, webApi } from '@slack/bolt';
import type { Runtime } from '../../../app/runtime.js';
import { runAsUser } from '../../../app/use-case-runner.js';
import { AppError } from '../../../core/errors.js';
import { section } from '../blocks/common.js';
import { unknownUserReply } from '../blocks/replies.js';
import { resolveSlackUser } from '../identity.js';

/** The user behind a button press, or undefined after telling an unknown person whom to ask. */
export async function userForButton(runtime: Runtime, client: webApi.WebClient, tenantId: string, slackUserId: string, respond: RespondFn): Promise<string | undefined> {
  const userId = await resolveSlackUser(runtime.db, client, tenantId, slackUserId);
  if (!userId) await respond({ response_type: 'ephemeral', replace_original: false, ...unknownUserReply() });
  return userId ?? undefined;
}

type ViewAck = (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>;

/** The user behind a modal submission, or undefined after showing the problem in the modal. */
export async function userForModal(runtime: Runtime, client: webApi.WebClient, tenantId: string, slackUserId: string, ack: ViewAck, blockId: string): Promise<string | undefined> {
  const userId = await resolveSlackUser(runtime.db, client, tenantId, slackUserId);
  if (!userId) await ack({ response_action: 'errors', errors: { [blockId]: 'Compliance OS does not know your Slack account yet. Ask your admin to add you.' } });
  return userId ?? undefined;
}

/** Shows a refusal from core to the person who pressed the button, only to them. */
export async function respondRefusal(respond: RespondFn, error: unknown): Promise<void> {
  if (!(error instanceof AppError)) throw error;
  await respond({ response_type: 'ephemeral', replace_original: false, text: error.message, blocks: [section(`:warning: ${error.message}`)] });
}

/**
 * A modal's submit: runs the use case as the person, closes the modal when it succeeds, and
 * otherwise shows core's refusal under the given field with the modal left open (nothing changed).
 */
export async function submitModal(
  runtime: Runtime,
  args: { ack: ViewAck; body: { user: { id: string } }; context: Record<string, unknown>; client: webApi.WebClient },
  blockId: string,
  useCase: Parameters<typeof runAsUser>[3],
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
  }
}
