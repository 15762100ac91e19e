import { appendFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local stand-in for Slack's Web API, for tests and for running the whole loop on a laptop:
 * it answers the methods the app uses like Slack does and records every call (in memory, and
 * as JSON lines in a log file when given one). Workspace: team T0FAKE; users by email below.
 * Sign in with Slack too: its authorize page (SLACK_OAUTH_URL = the fake's origin) signs in whoever
 * `signInAs` names, or asks for an email in a plain form, and sends the browser back with a code.
 *
 *   node --import tsx tests/support/fake-slack.ts 4599 /tmp/fake-slack.log
 *   SLACK_API_URL=http://127.0.0.1:4599/api/ …
 */
export const FAKE_TEAM = { id: 'T0FAKE', name: 'Fake Workspace' };
export const FAKE_BOT_USER = 'U0FAKEBOT';

/** Someone signed in to the fake Slack, as Sign in with Slack reports them. */
export interface FakeSlackIdentity {
  team: string;
  teamName?: string;
  user: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

export interface FakeSlack {
  url: string;
  /** Where its authorize pages are: SLACK_OAUTH_URL. */
  oauthUrl: string;
  /** Who its authorize page signs in from now on (undefined: it asks for an email). */
  signInAs(identity: FakeSlackIdentity | undefined): void;
  /** The next call of this Web API method has its connection cut, as when Slack cannot be reached. */
  cutNext(method: string): void;
  calls: { method: string; args: Record<string, unknown> }[];
  /** Bodies posted to response_url-style paths (/respond/…), by path. */
  responses: { path: string; body: Record<string, unknown> }[];
  /** Socket Mode: messages the app sent back over the WebSocket (envelope acks). */
  socketAcks: Record<string, unknown>[];
  /** Makes a file downloadable at a files-pri URL, as Slack hosts uploaded files. */
  addFile(id: string, content: Buffer): string;
  /** Socket Mode: deliver an envelope to every connected app; resolves once one is connected. */
  sendEnvelope(envelope: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

const userIdFor = (email: string) => `U${email.split('@')[0]!.replace(/[^a-z0-9]/gi, '').toUpperCase().slice(0, 8)}`;

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Grant { identity: FakeSlackIdentity; nonce: string | undefined; clientId: string; redirectUri: string }

/** Sign in with Slack's side: the authorize page, then the codes and tokens it hands out (each code works once). */
function openIdProvider() {
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, FakeSlackIdentity>();
  let signedIn: FakeSlackIdentity | undefined;
  let n = 0;
  const claims = (who: FakeSlackIdentity) => ({
    sub: who.user, 'https://slack.com/user_id': who.user, 'https://slack.com/team_id': who.team, 'https://slack.com/team_name': who.teamName ?? 'Fake Workspace',
    ...(who.email ? { email: who.email, email_verified: who.emailVerified ?? true } : {}), name: who.name ?? who.email?.split('@')[0] ?? who.user,
  });
  return {
    signInAs: (identity: FakeSlackIdentity | undefined) => (signedIn = identity),
    /** GET /openid/connect/authorize: back to redirect_uri with a code for whoever is signed in, or a form asking who. */
    authorize(query: URLSearchParams, res: http.ServerResponse) {
      const missing = ['client_id', 'redirect_uri', 'state'].filter((p) => !query.get(p));
      if (query.get('response_type') !== 'code' || !(query.get('scope') ?? '').split(' ').includes('openid') || missing.length > 0) {
        return res.writeHead(400, { 'content-type': 'text/plain' }).end(`invalid authorize request (response_type=code, scope with openid, ${missing.join(', ') || 'client_id, redirect_uri, state'})`);
      }
      const email = query.get('email');
      const who = signedIn ?? (email ? { team: FAKE_TEAM.id, teamName: FAKE_TEAM.name, user: userIdFor(email), email, emailVerified: true } : undefined);
      if (!who) {
        const hidden = [...query].map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
        return res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>Fake Slack</title><form method="get">${hidden}
<label>Sign in to ${FAKE_TEAM.name} as <input name="email" type="email" required></label><button>Allow</button></form>`);
      }
      const code = `fake-code-${++n}`;
      grants.set(code, { identity: who, nonce: query.get('nonce') ?? undefined, clientId: query.get('client_id')!, redirectUri: query.get('redirect_uri')! });
      const back = new URL(query.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', query.get('state')!);
      return res.writeHead(302, { location: back.toString() }).end();
    },
    /** openid.connect.token: the code (once, for the client and redirect it was issued to) for tokens. */
    token(args: Record<string, unknown>) {
      const grant = grants.get(String(args.code));
      grants.delete(String(args.code));
      if (!grant) return { ok: false, error: 'invalid_code' };
      if (grant.clientId !== args.client_id) return { ok: false, error: 'invalid_client_id' };
      if (!args.client_secret) return { ok: false, error: 'bad_client_secret' };
      if (grant.redirectUri !== args.redirect_uri) return { ok: false, error: 'bad_redirect_uri' };
      const accessToken = `xoxp-fake-${++n}`;
      tokens.set(accessToken, grant.identity);
      const idToken = [
        base64url({ alg: 'RS256', typ: 'JWT' }),
        base64url({ iss: 'https://slack.com', aud: grant.clientId, ...(grant.nonce ? { nonce: grant.nonce } : {}), ...claims(grant.identity) }),
        'fake-signature',
      ].join('.');
      return { ok: true, access_token: accessToken, token_type: 'Bearer', id_token: idToken };
    },
    /** openid.connect.userInfo: who the access token belongs to. */
    userInfo(authorization: string | undefined) {
      const who = tokens.get((authorization ?? '').replace(/^Bearer /, ''));
      return who ? { ok: true, ...claims(who) } : { ok: false, error: 'invalid_auth' };
    },
  };
}

export async function startFakeSlack(port = 0, logFile?: string): Promise<FakeSlack> {
  const calls: FakeSlack['calls'] = [];
  const responses: FakeSlack['responses'] = [];
  const socketAcks: FakeSlack['socketAcks'] = [];
  const sockets = new Set<WebSocket>();
  const files = new Map<string, Buffer>();
  const users = new Map<string, string>(); // slack id → email
  const openId = openIdProvider();
  const cut = new Set<string>();
  let ts = 1_764_000_000;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if ((req.url ?? '').startsWith('/openid/connect/authorize')) return openId.authorize(new URL(req.url!, 'http://fake').searchParams, res);
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
      const args: Record<string, unknown> = (req.headers['content-type'] ?? '').includes('json')
        ? JSON.parse(raw || '{}')
        : Object.fromEntries(new URLSearchParams(raw));
      if ((req.url ?? '').startsWith('/files-pri/')) {
        const id = (req.url ?? '').split('/')[2]!.split('-').pop()!;
        const content = files.get(id);
        if (!content || !(req.headers.authorization ?? '').startsWith('Bearer xoxb-')) return res.writeHead(404).end();
        return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(content);
      }
      if ((req.url ?? '').startsWith('/respond/')) {
        responses.push({ path: req.url!, body: args });
        return res.writeHead(200).end('ok');
      }
      calls.push({ method, args });
      if (cut.delete(method)) return req.socket.destroy();
      if (logFile) appendFileSync(logFile, `${JSON.stringify({ method, args })}\n`);
      const reply = (body: Record<string, unknown>) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      switch (method) {
        case 'auth.test':
          return reply({ ok: true, team: FAKE_TEAM.name, team_id: FAKE_TEAM.id, user_id: FAKE_BOT_USER, url: 'https://fake.slack.test/' });
        case 'users.lookupByEmail': {
          const email = String(args.email);
          users.set(userIdFor(email), email);
          return reply({ ok: true, user: { id: userIdFor(email), profile: { email } } });
        }
        case 'users.info':
          return users.has(String(args.user))
            ? reply({ ok: true, user: { id: args.user, profile: { email: users.get(String(args.user)) } } })
            : reply({ ok: false, error: 'user_not_found' });
        case 'conversations.open':
          return reply({ ok: true, channel: { id: `D${String(args.users).slice(1, 10)}` } });
        case 'chat.postMessage':
          return reply({ ok: true, channel: args.channel, ts: `${++ts}.000100` });
        case 'chat.update':
          return reply({ ok: true, channel: args.channel, ts: args.ts });
        case 'apps.connections.open':
          return reply({ ok: true, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/socket` });
        case 'openid.connect.token':
          return reply(openId.token(args));
        case 'openid.connect.userInfo':
          return reply(openId.userInfo(req.headers.authorization));
        case 'views.publish':
        case 'views.open':
          return reply({ ok: true, view: { id: 'V0FAKE' } });
        default:
          return reply({ ok: false, error: 'unknown_method' });
      }
    });
  });
  const wss = new WebSocketServer({ server, path: '/socket' });
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('message', (data) => socketAcks.push(JSON.parse(String(data))));
    socket.on('close', () => sockets.delete(socket));
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0FAKE' }, debug_info: { host: 'fake' } }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    oauthUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    signInAs: (identity) => void openId.signInAs(identity),
    cutNext: (method) => void cut.add(method),
    calls,
    responses,
    socketAcks,
    addFile(id, content) {
      files.set(id, content);
      return `https://files.slack.com/files-pri/${FAKE_TEAM.id}-${id}/download/file`;
    },
    async sendEnvelope(envelope) {
      while (sockets.size === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const socket of sockets) socket.send(JSON.stringify(envelope));
    },
    async close() {
      // Let clients finish their close handshake first (a cut socket leaves their 30-s handshake timer running).
      for (let waited = 0; sockets.size > 0 && waited < 1000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const socket of sockets) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void startFakeSlack(Number(process.argv[2] ?? 4599), process.argv[3]).then((fake) =>
    process.stdout.write(`Fake Slack Web API at ${fake.url}${process.argv[3] ? `, logging to ${process.argv[3]}` : ''}\n`));
}
