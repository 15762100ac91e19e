import { teamsProblem, type TeamsTarget } from '../../core/notifications/delivery-problem.js';
import { DeliveryError } from '../../core/notifications/retry.js';

/** What a failed call to the Teams connector looks like (an axios error: the SDK's client is axios, and it does not retry). */
interface ConnectorFailure {
  message?: string;
  code?: string;
  response?: { status?: number; headers?: Record<string, unknown>; data?: { error?: { code?: string; message?: string } } };
}

/** 403s that mean the bot cannot reach that conversation or person, whatever we try. */
const PERMANENT_403 = new Set(['BotNotInConversationRoster', 'ConversationBlockedByUser', 'BotDisabledByAdmin']);
/** Worth trying again: a request timeout, a precondition that races, throttling; and any 5xx (the service or a gateway down). */
const RETRYABLE_STATUS = new Set([408, 412, 429]);

/** Retry-After in seconds, or an HTTP date, as milliseconds from `now`; undefined when absent or unreadable. */
function retryAfterMs(value: unknown, now: Date): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' && typeof text !== 'number') return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(String(text));
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/**
 * A failed Teams call sorted for the outbox: throttling (429, with its Retry-After), 412,
 * 5xx, timeouts and broken connections are retried; a bot no longer in the conversation, a
 * person who blocked it, an app an admin disabled, a message too big (413), a conversation not
 * found and refused credentials are permanent — the message goes by email and the admins are
 * told what to fix. Only words go into the error: never the axios error (it carries the token).
 */
export function teamsDeliveryError(error: unknown, where: TeamsTarget, now: Date): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (error ?? {}) as ConnectorFailure;
  const status = e.response?.status;
  const code = e.response?.data?.error?.code;
  if (status === undefined) return new DeliveryError(`Teams could not be reached: ${e.code ?? e.message ?? String(error)}`, false);
  const said = `Teams answered ${status}${code ? ` ${code}` : ''}`;
  if (RETRYABLE_STATUS.has(status) || status >= 500) return new DeliveryError(said, false, retryAfterMs(e.response?.headers?.['retry-after'], now));
  const reason = status === 413 ? 'MessageSizeTooBig'
    : status === 401 ? 'Unauthorized'
      : status === 404 ? 'ConversationNotFound'
        : status === 403 && code && PERMANENT_403.has(code) ? code
          : code ?? `http_${status}`;
  return new DeliveryError(said, true, undefined, teamsProblem(reason, where));
}
