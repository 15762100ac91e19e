import { afterEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { logSignInMailer, sendgridSignInMailer } from '../../infra/channels/sign-in-mail.js';
import pino from 'pino';

const SENDGRID = 'https://sendgrid.test';
const MAIL = { to: 'priya@demo.example', name: 'Priya Preparer', tenantName: 'Demo Group', link: 'https://compliance.test/sign-in/link?token=abc', minutes: 15 };

afterEach(() => nock.cleanAll());

describe('sign-in links by email', () => {
  it('go through SendGrid with the link, the tenant and the time it works, and no click tracking rewriting the link', async () => {
    let sent: { personalizations: { to: { email: string }[] }[]; subject: string; content: { type: string; value: string }[]; tracking_settings: unknown } | undefined;
    nock(SENDGRID).post('/v3/mail/send', (body) => Boolean((sent = body))).reply(202);
    await sendgridSignInMailer('SG.key', 'compliance@demo.example', SENDGRID).send(MAIL);
    expect(sent!.personalizations[0]!.to[0]!.email).toBe('priya@demo.example');
    expect(sent!.subject).toBe('Your Compliance OS sign-in link (Demo Group)');
    expect(sent!.content[0]!.value).toContain('https://compliance.test/sign-in/link?token=abc');
    expect(sent!.content[0]!.value).toContain('It works once, within 15 minutes');
    expect(sent!.tracking_settings).toEqual({ click_tracking: { enable: false } });
  });

  it('say what SendGrid refused', async () => {
    nock(SENDGRID).post('/v3/mail/send').reply(401, { errors: [{ message: 'The provided authorization grant is invalid' }] });
    await expect(sendgridSignInMailer('SG.key', 'compliance@demo.example', SENDGRID).send(MAIL)).rejects.toThrow(/Unauthorized|401/);
  });

  it('in the log, show the link to a developer but never in production', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    await logSignInMailer(logger, true).send(MAIL);
    await logSignInMailer(logger, false).send(MAIL);
    expect(lines[0]).toContain('token=abc');
    expect(lines[1]).not.toContain('token=abc');
    expect(lines[1]).toContain('[link hidden in production logs]');
  });
});
