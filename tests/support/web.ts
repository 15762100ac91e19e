import type { SignInMail } from '../../core/ports/sign-in-mail.js';
import type { FakeSlack, FakeSlackIdentity } from './fake-slack.js';
import type { PortalServer } from './portal.js';

/** A browser-like client of the web pages: keeps its cookie, sends our own origin, follows nothing by itself. */
export interface WebClient {
  get(pathname: string): Promise<{ status: number; location: string | null; text: string }>;
  post(pathname: string, body: Record<string, string> | FormData): Promise<{ status: number; location: string | null; text: string }>;
}

export function webClient(server: PortalServer, cookie = ''): WebClient & { cookie(): string } {
  let jar = cookie;
  const keep = (res: Response) => {
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
    if (set.length > 0) jar = set.join('; ');
  };
  const answer = async (res: Response) => {
    keep(res);
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  };
  return {
    cookie: () => jar,
    get: async (pathname) => answer(await fetch(`${server.url}${pathname}`, { redirect: 'manual', headers: { cookie: jar } })),
    post: async (pathname, body) => answer(await fetch(`${server.url}${pathname}`, {
      method: 'POST', redirect: 'manual',
      headers: { cookie: jar, origin: server.url, ...(body instanceof FormData ? {} : { 'content-type': 'application/x-www-form-urlencoded' }) },
      body: body instanceof FormData ? body : new URLSearchParams(body).toString(),
    })),
  };
}

/** The sign-in emails the server sends (in place of the log's), and a way to wait for the next one. */
export interface Mailbox {
  sent: SignInMail[];
  /** The `n`th email (1-based), once sent: links are issued after the page has answered. */
  nth(n: number): Promise<SignInMail>;
}

export function captureSignInMail(server: PortalServer): Mailbox {
  const sent: SignInMail[] = [];
  const waiting: { n: number; resolve: (mail: SignInMail) => void }[] = [];
  server.runtime.services.signInMail = {
    send: async (mail) => {
      sent.push(mail);
      for (const w of waiting.filter((x) => x.n === sent.length)) w.resolve(mail);
    },
  };
  return {
    sent,
    nth: (n) => (sent.length >= n ? Promise.resolve(sent[n - 1]!) : new Promise((resolve) => waiting.push({ n, resolve }))),
  };
}

/** Signs in by the emailed link, as the person a browser would be. */
export async function signInByLink(server: PortalServer, mailbox: Mailbox, email: string): Promise<WebClient & { cookie(): string }> {
  const client = webClient(server);
  const n = mailbox.sent.length + 1;
  const asked = await client.post('/sign-in/email', { email });
  // A refusal (the sign-in limits) sends nothing: say so rather than wait for an email.
  if (asked.status !== 200) throw new Error(`asking for a sign-in link for ${email} was refused: ${asked.status}`);
  const mail = await mailbox.nth(n);
  const token = new URL(mail.link).searchParams.get('token')!;
  const done = await client.post('/sign-in/link', { token });
  if (done.status !== 303) throw new Error(`sign-in by link failed: ${done.status} ${done.text.slice(0, 200)}`);
  return client;
}

/**
 * Starts Sign in with Slack in this browser and lets the fake Slack sign `who` in: where we sent the
 * browser (Slack's authorize URL) and our callback Slack sends it back to (path and query), not yet opened.
 */
export async function leaveForSlack(client: WebClient, fake: FakeSlack, who: FakeSlackIdentity | undefined, start = '/sign-in/slack'): Promise<{ authorize: URL; callback: string }> {
  fake.signInAs(who);
  const started = await client.get(start);
  if (started.status !== 302 || !started.location) throw new Error(`${start} answered ${started.status}: ${started.text.slice(0, 200)}`);
  const authorize = new URL(started.location);
  const atSlack = await fetch(authorize, { redirect: 'manual' });
  const back = new URL(atSlack.headers.get('location') ?? '', authorize);
  return { authorize, callback: back.pathname + back.search };
}

/** Signs in with Slack as `who` (through the fake), as the person a browser would be. */
export async function signInBySlack(server: PortalServer, fake: FakeSlack, who: FakeSlackIdentity): Promise<WebClient & { cookie(): string }> {
  const client = webClient(server);
  const done = await client.get((await leaveForSlack(client, fake, who)).callback);
  if (done.status !== 303) throw new Error(`Sign in with Slack failed: ${done.status} ${done.text.slice(0, 200)}`);
  return client;
}
