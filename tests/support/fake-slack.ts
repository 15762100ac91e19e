import { appendFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local stand-in for Slack's Web API, for tests and for running the whole loop on a laptop:
 * it answers the methods the app uses like Slack does and records every call (in memory, and
 * as JSON lines in a log file when given one). Workspace: team T0FAKE; users by email below.
 *
 *   node --import tsx tests/support/fake-slack.ts 4599 /tmp/fake-slack.log
 *   SLACK_API_URL=http://127.0.0.1:4599/api/ …
 */
export const FAKE_TEAM = { id: 'T0FAKE', name: 'Fake Workspace' };
export const FAKE_BOT_USER = 'U0FAKEBOT';

export interface FakeSlack {
  url: string;
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

export async function startFakeSlack(port = 0, logFile?: string): Promise<FakeSlack> {
  const calls: FakeSlack['calls'] = [];
  const responses: FakeSlack['responses'] = [];
  const socketAcks: FakeSlack['socketAcks'] = [];
  const sockets = new Set<WebSocket>();
  const files = new Map<string, Buffer>();
  const users = new Map<string, string>(); // slack id → email
  let ts = 1_764_000_000;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
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
