import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import { renderEmail, type MessageContext } from '../../core/notifications/message.js';
import { DeliveryError } from '../../core/notifications/retry.js';
import type { Logger } from '../logger.js';
import type { Channel } from '../../core/ports/channel.js';

function recipientEmail(message: MessageContext): string {
  if (!message.recipient.email) throw new DeliveryError('the recipient has no email address', true);
  return message.recipient.email;
}

/** SendGrid's v3 mail-send client (baseUrl: the EU endpoint or a proxy, when set). */
export function sendgridClient(apiKey: string, baseUrl?: string): MailService {
  const client = new MailService();
  const http = new Client();
  client.setClient(http);
  client.setApiKey(apiKey);
  // After the key: setting the key resets the base URL to SendGrid's region default.
  if (baseUrl) http.setDefaultRequest('baseUrl', baseUrl);
  client.setTimeout(10_000);
  return client;
}

/** Email through SendGrid's v3 mail-send API. */
export function sendgridChannel(apiKey: string, from: string, baseUrl?: string): Channel {
  const client = sendgridClient(apiKey, baseUrl);
  return {
    name: 'email',
    async send(message) {
      const { subject, text, html } = renderEmail(message);
      try {
        const [response] = await client.send({ to: recipientEmail(message), from, subject, text, html, customArgs: { notification_id: message.notificationId } });
        return { providerRef: String(response.headers['x-message-id'] ?? '') || undefined };
      } catch (error) {
        if (error instanceof DeliveryError) throw error;
        const e = error as { code?: number; message?: string; response?: { headers?: Record<string, string>; body?: unknown } };
        const status = typeof e.code === 'number' ? e.code : 0;
        const detail = `SendGrid ${status || 'request failed'}: ${JSON.stringify(e.response?.body ?? e.message ?? '')}`.slice(0, 500);
        const retryAfter = Number(e.response?.headers?.['retry-after']);
        // 4xx other than 408/429 will fail the same way again: bad address, bad key, bad payload.
        const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
        throw new DeliveryError(detail, permanent, Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined);
      }
    },
  };
}

const HIDDEN = '[link hidden in production logs]';

/** The message with its signed (acknowledgement) links replaced, for a log that others may read. */
function withSignedLinksHidden(message: MessageContext): MessageContext {
  const { acknowledge, acknowledgeItems } = message.links;
  return {
    ...message,
    links: {
      ...message.links,
      acknowledge: acknowledge ? HIDDEN : null,
      ...(acknowledgeItems ? { acknowledgeItems: Object.fromEntries(Object.keys(acknowledgeItems).map((id) => [id, HIDDEN])) } : {}),
    },
  };
}

/**
 * Without SendGrid, email is written to the log. Links carry signed tokens: shown only outside
 * production, where this is the developer's inbox.
 */
export function logEmailChannel(logger: Logger, showLinks: boolean): Channel {
  const log = logger.child({ module: 'email' });
  return {
    name: 'email',
    async send(message) {
      const { subject, text } = renderEmail(showLinks ? message : withSignedLinksHidden(message));
      log.info({ to: recipientEmail(message), notification: message.notificationId, subject, text }, 'email (not sent: SENDGRID_API_KEY is not set)');
      return {};
    },
  };
}
