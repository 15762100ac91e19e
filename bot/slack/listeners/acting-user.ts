import type { RespondFn, webApi } from '@slack/bolt';
import { unknownPersonAnswer } from '../../../core/chat/answers.js';
import { actAs, type ActOutcome } from '../../../core/chat/act-as.js';
import { refusal, unknownAccountShort } from '../../../core/chat/confirmations.js';
import type { ChatText } from '../../../core/chat/text.js';
import type { Actor } from '../../../core/engine/access.js';
import type { TenantUnit } from '../../../core/ports/tenant-unit.js';
import { slackReply } from '../blocks/answer.js';
import { databaseDownReply, type SlackReply } from '../blocks/replies.js';
import { md } from '../blocks/text.js';
import { DATABASE_DOWN, answerWhenDatabaseDown } from '../database-down.js';
import type { SlackDeps } from '../deps.js';
import { publishHome, publishNotice } from '../home.js';
import { slackAccount, slackProfileEmail } from '../identity.js';
import { closeReviewRequests, decisionMessage } from '../review-requests.js';
import { buttonPress, readContext, viewSubmission } from '../schemas.js';

type UseCase<T> = (unit: TenantUnit, actor: Actor) => Promise<T>;

/** The evidence version a decision is about: its review requests in threads are closed once it is taken. */
export interface Review {
  instanceId: string;
  evidenceId: string;
}

/** Work after the person's request was answered (a Home, a message elsewhere): a failure is logged, never shown as theirs. */
async function afterwards(deps: SlackDeps, what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    deps.logger.warn({ err: (error as Error).message }, `Slack: ${what} failed after the decision`);
  }
}

/** The Home's "try again" when the database cannot be reached. */
export const DATABASE_DOWN_NOTICE: ChatText = [{ icon: 'warning' }, ' ', DATABASE_DOWN];

/** Core's use case as the Slack user behind the request; a refusal is logged (its code, never its data). */
export async function actAsSlackUser<T>(deps: SlackDeps, client: webApi.WebClient, tenantId: string, slackUserId: string, useCase: UseCase<T>): Promise<ActOutcome<T>> {
  const outcome = await actAs(deps.chat, tenantId, slackAccount(slackUserId), slackProfileEmail(client, slackUserId), useCase);
  if ('refused' in outcome) deps.logger.warn({ code: outcome.refused.code, slackUser: slackUserId }, 'Slack action refused');
  return outcome;
}

/**
 * A button's work after ack(): runs the use case as the person who pressed it, replaces the
 * message with the confirmation, or shows core's refusal to that person only (code logged). A
 * button in the App Home has no message to replace: the Home is republished with the outcome on
 * top. When the database cannot be reached the person is told to try again.
 * A review decision (`review`) also closes the version's review requests elsewhere (pressed in
 * the Home) and refreshes the presser's Home (pressed in the thread): their approvals changed.
 * The owner's Home is refreshed when the outbox tells them of the decision.
 */
export async function pressButton<T>(
  deps: SlackDeps,
  args: { body: unknown; context: unknown; client: webApi.WebClient; respond: RespondFn },
  useCase: UseCase<T>,
  confirmation: (result: T) => ChatText,
  options: { review?: Review; replacement?: (notice: string) => SlackReply } = {},
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
  if (inHome) await publishHome(deps.chat, args.client, tenantId, outcome.userId, slackUserId, deps.clock.now(), notice);
  else if ('done' in outcome) await args.respond({ replace_original: true, ...(options.replacement ? options.replacement(md(notice)) : decisionMessage(notice)) });
  else await privately({ ...decisionMessage(notice), text: md([outcome.refused.message]) });
  const review = options.review;
  if (!('done' in outcome) || !review) return;
  if (inHome) await afterwards(deps, 'closing the review requests', () => closeReviewRequests(deps.chat, args.client, deps.logger, tenantId, review, notice));
  else await afterwards(deps, 'refreshing the App Home', () => publishHome(deps.chat, args.client, tenantId, outcome.userId, slackUserId, deps.clock.now()));
}

type ViewAck = (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>;

/**
 * A modal's submit: runs the use case as the person, closes the modal when it succeeds, and
 * otherwise shows why under the given field with the modal left open (nothing changed): core's
 * refusal, an unknown person, or a database that cannot be reached.
 * This work runs before ack() on purpose: Slack shows field errors only in a view submission's
 * ack. It is two short transactions: who the person is (an indexed read), then the use case.
 * Once done, a review decision's requests in threads show its outcome (`review`), `then` runs, and the
 * person's Home is republished (with `republishHome` on top when the modal was opened there).
 */
export async function submitModal<T>(
  deps: SlackDeps,
  args: { ack: ViewAck; body: unknown; context: unknown; client: webApi.WebClient },
  field: { block: string },
  useCase: UseCase<T>,
  options: { republishHome?: ChatText; review?: Review & { outcome: (result: T, by: string) => ChatText }; then?: (result: T, tenantId: string) => Promise<void> } = {},
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
  const { review } = options;
  if (review) {
    await afterwards(deps, 'closing the review requests', () =>
      closeReviewRequests(deps.chat, args.client, deps.logger, tenantId, review, review.outcome(outcome.done, slackUserId)));
  }
  const { then } = options;
  if (then) await afterwards(deps, 'telling the item\'s thread', () => then(outcome.done, tenantId));
  // The person's items changed; opened from the App Home, the outcome shows there, since the modal has closed.
  await afterwards(deps, 'refreshing the App Home', () => publishHome(deps.chat, args.client, tenantId, outcome.userId, slackUserId, deps.clock.now(), options.republishHome));
}
