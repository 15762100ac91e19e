import { appendFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

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
  close(): Promise<void>;
}

const userIdFor = (email: string) => `U${email.split('@')[0]!.replace(/[^a-z0-9]/gi, '').toUpperCase().slice(0, 8)}`;

export async function startFakeSlack(port = 0, logFile?: string): Promise<FakeSlack> {
  const calls: FakeSlack['calls'] = [];
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
        case 'views.publish':
        case 'views.open':
          return reply({ ok: true, view: { id: 'V0FAKE' } });
        default:
          return reply({ ok: false, error: 'unknown_method' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void startFakeSlack(Number(process.argv[2] ?? 4599), process.argv[3]).then((fake) =>
    process.stdout.write(`Fake Slack Web API at ${fake.url}${process.argv[3] ? `, logging to ${process.argv[3]}` : ''}\n`));
}
