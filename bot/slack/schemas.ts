import { z } from 'zod';

/*
 * The parts of Slack's payloads the app reads, validated where they arrive. Bolt types them
 * loosely (`context` values are unknown, events are unions), so nothing is read by cast.
 */

/** What authorize put in the request's context. */
const requestContext = z.object({
  tenantId: z.string(),
  botToken: z.string().optional(),
  botUserId: z.string().optional(),
});
export const readContext = (context: unknown) => requestContext.parse(context);

/** The marks authorize leaves when the database was down (no tenant known), and the workspace. */
export const downContext = z.object({ databaseUnreachable: z.boolean().optional(), teamId: z.string().optional() });

/** The mark authorize leaves for a workspace no tenant has connected. */
export const notConnectedContext = z.object({ notConnected: z.boolean().optional(), teamId: z.string().optional() });

export const slashCommand = z.object({ user_id: z.string(), text: z.string() });

/** A button press: who pressed it, where (a message or the App Home), and the button's value. */
export const buttonPress = z.object({
  user: z.object({ id: z.string() }),
  trigger_id: z.string(),
  view: z.object({ type: z.string() }).optional(),
  /** The message the button is on, as Slack keeps its text (escaped). */
  message: z.object({ text: z.string().optional(), blocks: z.array(z.unknown()).optional() }).optional(),
});
export const buttonValue = z.object({ value: z.string().optional() });

/** A modal's submission: who sent it, what travelled with it, and its fields. */
export const viewSubmission = z.object({
  user: z.object({ id: z.string() }),
  view: z.object({
    private_metadata: z.string(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish() }).loose())) }),
  }),
});
export type ViewSubmission = z.infer<typeof viewSubmission>;

/** The text typed into one field of a submitted modal (undefined when empty). */
export const fieldValue = (view: ViewSubmission['view'], field: { block: string; input: string }): string | undefined =>
  view.state.values[field.block]?.[field.input]?.value ?? undefined;

export const appHomeOpened = z.object({ user: z.string(), tab: z.string().optional() });

/** A file Slack offers from a message. */
export const sharedFile = z.object({
  id: z.string(),
  name: z.string().optional(),
  size: z.number().optional(),
  url_private_download: z.string().optional(),
});
export type SharedFile = z.infer<typeof sharedFile>;

/** Files dropped in a thread (a message event of subtype file_share). */
export const fileShare = z.object({
  subtype: z.literal('file_share'),
  channel: z.string(),
  thread_ts: z.string().min(1),
  user: z.string().min(1),
  parent_user_id: z.string().optional(),
  files: z.array(sharedFile).min(1),
});

/** An Events API delivery's id (Slack retries a delivery under the same id). */
export const eventEnvelope = z.object({ event_id: z.string().optional() });

/** Any request body: a command's name, an interaction's type and a modal's fields. */
export const requestBody = z.object({
  command: z.string().optional(),
  type: z.string().optional(),
  view: z.object({ state: z.object({ values: z.record(z.string(), z.unknown()) }).optional() }).optional(),
});

/** The OAuth pages' query strings. */
const anyText = z.unknown().optional().transform((v) => (v === undefined ? undefined : String(v)));
export const installQuery = z.object({ t: anyText });
export const oauthRedirectQuery = z.object({ state: anyText, code: z.unknown().optional(), error: anyText });

/** Sign in with Slack's callback: the state we sent, and Slack's code (or its error, e.g. access_denied). */
export const signInCallbackQuery = z.object({ state: anyText, code: anyText, error: anyText });

/** openid.connect.token's answer: the person's access token, and the ID token holding our nonce. */
export const openIdToken = z.object({ access_token: z.string().min(1), id_token: z.string().min(1) });

/** The ID token's claims we check (read from the token endpoint's own answer over TLS). */
export const openIdClaims = z.object({ nonce: z.string().optional(), aud: z.union([z.string(), z.array(z.string())]).optional() });

/** openid.connect.userInfo's answer: the workspace, the Slack user and their email (verified or not). */
export const openIdUserInfo = z.object({
  'https://slack.com/team_id': z.string().min(1),
  'https://slack.com/team_name': z.string().optional(),
  'https://slack.com/user_id': z.string().min(1),
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
  name: z.string().optional(),
});
