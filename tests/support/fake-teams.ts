import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Microsoft Teams, for tests: the Bot Framework's signing keys (JWKS), a
 * token endpoint (client credentials, for TEAMS_TOKEN_URL) and the connector the bot posts to
 * (activities, updates, conversations, members), recording every connector call with its
 * Authorization header. Tokens are signed here with node:crypto, so the app checks real
 * signatures with its checks left on.
 */

/** The bot's Microsoft App ID and the Entra tenant it is registered in, in every test. */
export const BOT_APP_ID = '6f1c2a9e-0b7d-4c3e-9a51-2d8e7f40c6b1';
export const BOT_TENANT_ID = 'b0a7c3d1-2e4f-4a6b-8c9d-0e1f2a3b4c5d';
export const BOT_APP_PASSWORD = 'fake~teams.client-secret_0123';
/** The bot's account in conversations (28:<app id>). */
export const BOT_ACCOUNT = { id: `28:${BOT_APP_ID}`, name: 'Compliance OS', role: 'bot' as const };
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

// 2048-bit RSA, like the Bot Framework's own keys.
const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
const SIGNING_KID = 'fake-teams-1';
/** A key Teams never published: tokens it signs must be refused. */
export const FOREIGN_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

export interface TokenClaims {
  iss: string;
  aud: string;
  serviceurl?: string;
  nbf: number;
  exp: number;
  [claim: string]: unknown;
}

/** A JWT signed RS256 with `key` (the fake's published key by default), as node:crypto makes it. */
export function signJwt(claims: Record<string, unknown>, options: { key?: KeyObject; kid?: string } = {}): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? SIGNING_KID })}.${part(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), options.key ?? signing.privateKey).toString('base64url')}`;
}

/**
 * The token Teams puts on each request to the bot, for the activity's connector. The SDK checks
 * its expiry against the machine's real clock (with 5 minutes' tolerance), so it is dated from
 * the real time, not the product's clock.
 */
export function botFrameworkToken(serviceUrl: string, overrides: Partial<TokenClaims> = {}, options: { key?: KeyObject } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({ iss: BOT_FRAMEWORK_ISSUER, aud: BOT_APP_ID, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600, ...overrides }, options);
}

export interface FakeTeamsCall {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown> | undefined;
}

/** A person as the connector's roster shows them. */
export interface FakeTeamsMember {
  aadObjectId: string;
  name: string;
  email?: string;
  userPrincipalName?: string;
}

export interface FakeTeams {
  /** The connector's base URL: activities name it as their serviceUrl. */
  url: string;
  /** TEAMS_OPENID_METADATA_URL: the keys are beside it (…/keys). */
  openIdMetadataUrl: string;
  /** TEAMS_TOKEN_URL. */
  tokenUrl: string;
  /** TEAMS_FILE_HOST: the host (with its port) serving the files people send in personal chat. */
  fileHost: string;
  /** Serves `bytes` as a file sent in a personal chat; its download URL, as Teams writes it (https on the file host). */
  serveFile(name: string, bytes: Buffer): string;
  /** File downloads asked of the file host, with the Authorization header each carried. */
  downloads: { path: string; authorization: string | undefined }[];
  /** Connector calls, in order (answered or still held). */
  calls: FakeTeamsCall[];
  /** Client-credential requests to the token endpoint (form fields). */
  tokenRequests: Record<string, string>[];
  /** Connector calls received but not answered yet (see hold). */
  held(): number;
  /** From now on the connector answers nothing until the returned function is called (a slow Teams). */
  hold(): () => void;
  /** Every call about this conversation (its reply chains too) is answered with this error, as the connector words them. */
  refuse(conversationId: string, status: number, code?: string, headers?: Record<string, string>): void;
  /** Another Teams app the token endpoint knows (a tenant's own registration). */
  addApp(appId: string, password: string): void;
  /** A person on the roster of every conversation, as GET …/members/{id} shows them (by their 29: id or AAD object id). */
  addMember(member: FakeTeamsMember): void;
  /** Messages posted in a conversation (exactly: a channel's root posts, not its replies), in order. */
  posts(conversationId: string): FakeTeamsCall[];
  /** Replies posted in one root's reply chain. */
  replies(channelId: string, rootId: string): FakeTeamsCall[];
  /** Updates of one activity in place. */
  updates(conversationId: string, activityId: string): FakeTeamsCall[];
  /** Conversations the bot asked to open (personal chats). */
  created(): FakeTeamsCall[];
  /** The id the connector gave an answered post (what the bot stores as the root). */
  idOf(call: FakeTeamsCall): string | undefined;
  close(): Promise<void>;
}

/** The Adaptive Card a message call carries (its first attachment's content). */
export function cardOf(call: FakeTeamsCall | undefined): { body: unknown[]; actions?: unknown[]; msteams?: { entities?: { type: string; text: string; mentioned: { id: string; name?: string } }[] } } {
  const attachments = (call?.body?.attachments ?? []) as { contentType: string; content: never }[];
  const card = attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(call?.body)}`);
  return card.content;
}

/** Every Action.Execute in a card, wherever it is (card actions, action sets in containers), in order. */
export function executeActions(node: unknown): { type: string; title: string; verb: string; data: Record<string, unknown>; style?: string }[] {
  if (Array.isArray(node)) return node.flatMap(executeActions);
  if (typeof node !== 'object' || node === null) return [];
  const here = (node as { type?: unknown }).type === 'Action.Execute' ? [node as ReturnType<typeof executeActions>[number]] : [];
  return [...here, ...Object.values(node).flatMap(executeActions)];
}

/** Every piece of text in a card, in order (TextBlocks anywhere, action titles), for assertions on what people read. */
export function cardText(node: unknown): string {
  if (Array.isArray(node)) return node.map(cardText).filter(Boolean).join('\n');
  if (typeof node !== 'object' || node === null) return '';
  return Object.entries(node).map(([key, value]) => ((key === 'text' || key === 'title') && typeof value === 'string' ? value : key === 'msteams' ? '' : cardText(value)))
    .filter(Boolean).join('\n');
}

/** Message ids in Teams are numeric strings (the SDK refuses others when threading). */
let nextMessageId = 1764000000001;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

export async function startFakeTeams(): Promise<FakeTeams> {
  const calls: FakeTeamsCall[] = [];
  const tokenRequests: Record<string, string>[] = [];
  let gate: Promise<void> | undefined;
  const refusals = new Map<string, { status: number; code: string | undefined; headers: Record<string, string> }>();
  const apps = new Map([[BOT_APP_ID, BOT_APP_PASSWORD]]);
  const answered = new Map<FakeTeamsCall, string>();
  const roster = new Map<string, FakeTeamsMember>();
  const files = new Map<string, Buffer>();
  const downloads: FakeTeams['downloads'] = [];
  let waiting = 0;
  let url = '';

  const connector = async (method: string, path: string): Promise<[number, unknown]> => {
    if (method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities$/.test(path)) return [201, { id: String(nextMessageId++) }];
    if (method === 'PUT' && /^\/v3\/conversations\/[^/]+\/activities\/\d+$/.test(path)) return [200, { id: path.split('/').pop() }];
    if (method === 'POST' && path === '/v3/conversations') return [201, { id: `a:1personal-${nextMessageId++}` }];
    const member = method === 'GET' ? /^\/v3\/conversations\/[^/]+\/members\/(29:)?([^/]+)$/.exec(path) : null;
    if (member) {
      const found = roster.get(member[2]!.toLowerCase());
      return found
        ? [200, { id: `29:${found.aadObjectId}`, objectId: found.aadObjectId, aadObjectId: found.aadObjectId, name: found.name, email: found.email, userPrincipalName: found.userPrincipalName }]
        : [404, { error: { code: 'MemberNotFoundInConversation', message: 'The member is not in the conversation' } }];
    }
    return [404, { error: { code: 'NotFound', message: `the fake Teams connector has no ${method} ${path}` } }];
  };

  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://fake').pathname);
    const text = await readBody(req);
    if (req.method === 'GET' && path === '/v1/.well-known/keys') {
      send(200, { keys: [{ ...signing.publicKey.export({ format: 'jwk' }), kid: SIGNING_KID, use: 'sig', alg: 'RS256' }] });
      return;
    }
    if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      send(200, { issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${url}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] });
      return;
    }
    if (req.method === 'POST' && path === '/oauth2/v2.0/token') {
      const form = Object.fromEntries(new URLSearchParams(text));
      tokenRequests.push(form);
      if (!form.client_id || apps.get(form.client_id) !== form.client_secret) {
        send(401, { error: 'invalid_client', error_description: 'the fake knows only the test bots' });
        return;
      }
      const now = Math.floor(Date.now() / 1000);
      send(200, { token_type: 'Bearer', expires_in: 3600, access_token: signJwt({ iss: `https://sts.windows.net/${form.tenant}/`, aud: BOT_FRAMEWORK_ISSUER, appid: form.client_id, tid: form.tenant, nbf: now, exp: now + 3600 }) });
      return;
    }
    if (req.method === 'GET' && path.startsWith('/files/')) {
      downloads.push({ path, authorization: req.headers.authorization });
      const bytes = files.get(path);
      if (!bytes) send(404, { error: { code: 'itemNotFound', message: 'no such file' } });
      else res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) }).end(bytes);
      return;
    }
    const call: FakeTeamsCall = { method: req.method ?? 'GET', path, authorization: req.headers.authorization, body: text ? JSON.parse(text) : undefined };
    calls.push(call);
    if (gate) {
      waiting++;
      await gate;
      waiting--;
    }
    // A reply chain (`19:…;messageid=…`) is its channel's.
    const refusal = refusals.get((path.split('/')[3] ?? '').split(';')[0]!);
    if (refusal) {
      res.writeHead(refusal.status, { 'content-type': 'application/json', ...refusal.headers })
        .end(JSON.stringify({ error: { code: refusal.code ?? 'ServiceError', message: `the fake connector refuses with ${refusal.status}` } }));
      return;
    }
    const [status, body] = await connector(req.method ?? 'GET', path);
    const id = (body as { id?: unknown }).id;
    if (status < 300 && typeof id === 'string') answered.set(call, id);
    send(status, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    openIdMetadataUrl: `${url}/v1/.well-known/openidconfiguration`,
    tokenUrl: `${url}/oauth2/v2.0/token`,
    fileHost: new URL(url).host,
    serveFile(name, bytes) {
      const at = `/files/${nextMessageId++}/${name}`;
      files.set(at, bytes);
      // As Teams writes it: https, a pre-authorised link (the app fetches it over http from the fake).
      return `https://${new URL(url).host}${at}?tempauth=fake-grant`;
    },
    downloads,
    calls,
    tokenRequests,
    held: () => waiting,
    refuse: (conversationId, status, code, headers = {}) => void refusals.set(conversationId, { status, code, headers }),
    addApp: (appId, password) => void apps.set(appId, password),
    addMember: (m) => void roster.set(m.aadObjectId.toLowerCase(), m),
    posts: (conversationId) => calls.filter((c) => c.method === 'POST' && c.path === `/v3/conversations/${conversationId}/activities`),
    replies: (channelId, rootId) => calls.filter((c) => c.method === 'POST' && c.path === `/v3/conversations/${channelId};messageid=${rootId}/activities`),
    updates: (conversationId, activityId) => calls.filter((c) => c.method === 'PUT' && c.path === `/v3/conversations/${conversationId}/activities/${activityId}`),
    created: () => calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations'),
    idOf: (call) => answered.get(call),
    hold() {
      let release = () => {};
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Posts an activity to the app's /api/messages as Teams does, with a token for its connector (or `token`, or none with null). */
export function postActivity(appUrl: string, activity: Record<string, unknown>, token?: string | null): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const bearer = token === undefined ? botFrameworkToken(String(activity.serviceUrl)) : token;
  if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
  return fetch(`${appUrl}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) });
}

/** Who is acting in an activity: a person in an Entra tenant. */
export interface FakeTeamsUser {
  aadObjectId: string;
  name: string;
}

export interface ActivityPlace {
  serviceUrl: string;
  aadTenantId: string;
  conversation: { id: string; conversationType: 'personal' | 'channel' | 'groupChat' };
  from: FakeTeamsUser;
  /** Team activities name their team. */
  teamId?: string;
}

let nextActivityId = 1;
const activityId = () => `f:fake-${nextActivityId++}`;

/** The fields every activity from Teams has, for one place (connector, tenant, conversation, person). */
function envelope(place: ActivityPlace, type: string, id: string) {
  return {
    type, id, channelId: 'msteams', serviceUrl: place.serviceUrl, timestamp: '2026-12-01T05:30:00.000Z',
    from: { id: `29:${place.from.aadObjectId}`, aadObjectId: place.from.aadObjectId, name: place.from.name, role: 'user' },
    recipient: BOT_ACCOUNT,
    conversation: { ...place.conversation, tenantId: place.aadTenantId },
    channelData: { tenant: { id: place.aadTenantId }, ...(place.teamId ? { team: { id: place.teamId } } : {}) },
  };
}

/** Someone typed in a conversation with the bot. */
export const messageActivity = (place: ActivityPlace, text: string, id = String(nextMessageId++)) => ({ ...envelope(place, 'message', id), text });

/** The app was installed (add) or removed (remove) where `place` says. */
export const installActivity = (place: ActivityPlace, action: 'add' | 'remove', id = activityId()) => ({ ...envelope(place, 'installationUpdate', id), action });

/** The bot was added to (or removed from) a conversation. */
export const botMembershipActivity = (place: ActivityPlace, change: 'added' | 'removed', id = activityId()) => ({
  ...envelope(place, 'conversationUpdate', id),
  ...(change === 'added' ? { membersAdded: [BOT_ACCOUNT] } : { membersRemoved: [BOT_ACCOUNT] }),
});

/** A file as Teams attaches it to a message in a personal chat. */
export const fileAttachment = (file: { name: string; downloadUrl: string; uniqueId: string; fileType: string }) => ({
  contentType: 'application/vnd.microsoft.teams.file.download.info', name: file.name,
  content: { downloadUrl: file.downloadUrl, uniqueId: file.uniqueId, fileType: file.fileType },
});

/** Someone sent files (or other attachments) in a conversation with the bot, with `text` beside them. */
export const attachmentsActivity = (place: ActivityPlace, attachments: unknown[], text = '', entities?: unknown[]) => ({
  ...messageActivity(place, text), attachments, ...(entities ? { entities } : {}),
});

/** Someone pressed an Action.Execute with this data on the card of message `replyToId` (Universal Actions: an adaptiveCard/action invoke). */
export const cardActionActivity = (place: ActivityPlace, data: Record<string, unknown>, replyToId?: string, trigger: 'manual' | 'automatic' = 'manual') => ({
  ...envelope(place, 'invoke', activityId()), name: 'adaptiveCard/action', ...(replyToId ? { replyToId } : {}),
  value: { action: { type: 'Action.Execute', verb: String(data.action), data }, trigger },
});

/** Posts a card action as Teams does and returns the invoke's answer (its HTTP status and body). */
export async function postCardAction(appUrl: string, activity: Record<string, unknown>): Promise<{ status: number; body: { statusCode: number; type: string; value: unknown } }> {
  const response = await postActivity(appUrl, activity);
  return { status: response.status, body: await response.json() as never };
}
