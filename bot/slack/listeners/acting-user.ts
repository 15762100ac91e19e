import type { RespondFn, webApi } from '@slack/bolt';
import { unknownPersonAnswer } from '../../../core/chat/answers.js';
import { actAs, type ActOutcome } from '../../../core/chat/act-as.js';
import { refusal, unknownAccountShort } from '../../../core/chat/confirmations.js';
import type { ChatText } from '../../../core/chat/text.js';
import type { Actor } from '../../../core/engine/access.js';
import type { TenantUnit } from '../../../core/ports/tenant-unit.js';
import { slackReply } from '../blocks/answer.js';
import { section } from '../blocks/common.js';
import { databaseDownReply, type SlackReply } from '../blocks/replies.js';
import { md } from '../blocks/text.js';
import { DATABASE_DOWN, answerWhenDatabaseDown } from '../database-down.js';
import type { SlackDeps } from '../deps.js';
import { publishHome, publishNotice } from '../home.js';
import { slackAccount, slackProfileEmail } from '../identity.js';
import { buttonPress, readContext, viewSubmission } from '../schemas.js';

type UseCase<T> = (unit: TenantUnit, actor: Actor) => Promise<T>;

/** The Home's "try again" when the database cannot be reached. */
export const DATABASE_DOWN_NOTICE: ChatText = [{ icon: 'warning' }, ' ', DATABASE_DOWN];

/** Core's use case as the Slack user behind the request; a refusal is logged (its code, never its data). */
async function actAsSlackUser<T>(deps: SlackDeps, client: webApi.WebClient, tenantId: string, slackUserId: string, useCase: UseCase<T>): Promise<ActOutcome<T>> {
  const outcome = await actAs(deps.chat, tenantId, slackAccount(slackUserId), slackProfileEmail(client, slackUserId), useCase);
  if ('refused' in outcome) deps.logger.warn({ code: outcome.refused.code, slackUser: slackUserId }, 'Slack action refused');
  return outcome;
}

/**
 * A button's work after ack(): runs the use case as the person who pressed it, replaces the
 * message with the confirmation, or shows core's refusal to that person only (code logged). A
 * button in the App Home has no message to replace: the Home is republished with the outcome on
 * top. When the database cannot be reached the person is told to try again.
 */
export async function pressButton<T>(
  deps: SlackDeps,
  args: { body: unknown; context: unknown; client: webApi.WebClient; respond: RespondFn },
  useCase: UseCase<T>,
  confirmation: (result: T) => ChatText,
  /** The message as it reads after success (default: the confirmation alone). */
  replacement: (notice: string) => SlackReply = (notice) => ({ text: notice, blocks: [section(notice)] }),
): Promise<void> {
  const { tenantId } = readContext(args.context);
  const press = buttonPress.parse(args.body);
  const slackUserId = press.user.id;
  const inHome = press.view?.type === 'home';
  const privately = (reply: SlackReply) => args.respond({ response_type: 'ephemeral', replace_original: false, ...reply });
  const outcome = await answerWhenDatabaseDown(deps, 'button', () => actAsSlackUser(deps, args.client, tenantId, slackUserId, useCase),
    () => (inHome ? publishNotice(args.client, slackUserId, DATABASE_DOWN_NOTICE) : privately(databaseDownReply())));
  if (!outcome) return;
  if ('unknown' in outcome) {
    await privately(slackReply(unknownPersonAnswer(deps.chat.platform)));
    return;
  }
  const notice = 'done' in outcome ? confirmation(outcome.done) : refusal(outcome.refused.message);
  const text = md(notice);
  if (inHome) await publishHome(deps.chat, args.client, tenantId, outcome.userId, slackUserId, deps.clock.now(), notice);
  else if ('done' in outcome) await args.respond({ replace_original: true, ...replacement(text) });
  else await privately({ text: md([outcome.refused.message]), blocks: [section(text)] });
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
  deps: SlackDeps,
  args: { ack: ViewAck; body: unknown; context: unknown; client: webApi.WebClient },
  field: { block: string },
  useCase: UseCase<unknown>,
  options: { republishHome?: ChatText } = {},
): Promise<void> {
  const { tenantId } = readContext(args.context);
  const slackUserId = viewSubmission.parse(args.body).user.id;
  const showError = (message: string) => args.ack({ response_action: 'errors', errors: { [field.block]: message } });
  const outcome = await answerWhenDatabaseDown(deps, 'modal submission', () => actAsSlackUser(deps, args.client, tenantId, slackUserId, useCase),
    () => showError(DATABASE_DOWN));
  if (!outcome) return;
  if ('unknown' in outcome) return showError(unknownAccountShort(deps.chat.platform.name));
  if ('refused' in outcome) return showError(outcome.refused.message);
  await args.ack();
  // Opened from the App Home: show the outcome there, since the modal has closed.
  if (options.republishHome) await publishHome(deps.chat, args.client, tenantId, outcome.userId, slackUserId, deps.clock.now(), options.republishHome);
}
