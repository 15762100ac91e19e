import { signInMailText, type SignInMailer } from '../../core/ports/sign-in-mail.js';
import type { Logger } from '../logger.js';
import { sendgridClient } from './email.js';

/** Sign-in links through SendGrid's mail-send API (baseUrl: the EU endpoint or a proxy, when set). */
export function sendgridSignInMailer(apiKey: string, from: string, baseUrl?: string): SignInMailer {
  const client = sendgridClient(apiKey, baseUrl);
  return {
    async send(mail) {
      const { subject, text } = signInMailText(mail);
      await client.send({ to: mail.to, from, subject, text, trackingSettings: { clickTracking: { enable: false } } });
    },
  };
}

/**
 * Without SendGrid, the email goes to the log: outside production that is the developer's inbox,
 * so the link is shown; in production it is not (a log is no place for a way in).
 */
export function logSignInMailer(logger: Logger, showLinks: boolean): SignInMailer {
  const log = logger.child({ module: 'email' });
  return {
    async send(mail) {
      const { subject, text } = signInMailText(showLinks ? mail : { ...mail, link: '[link hidden in production logs]' });
      log.info({ to: mail.to, subject, text }, 'email (not sent: SENDGRID_API_KEY is not set)');
    },
  };
}
