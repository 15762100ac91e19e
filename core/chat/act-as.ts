import type { Actor } from '../engine/access.js';
import { AppError } from '../errors.js';
import type { ChatAccount } from '../ports/chat-people.js';
import type { TenantUnit } from '../ports/tenant-unit.js';
import { resolveChatUser } from './identity.js';
import type { ChatPorts } from './ports.js';

/** What a button or a form led to: done (the use case's result), refused by core (its error), or an unknown person. */
export type ActOutcome<T> = { done: T; userId: string } | { refused: AppError; userId: string } | { unknown: true };

/**
 * Runs a use case as the person behind a chat account (a button pressed, a form sent): core's
 * refusals are an outcome to show them, not an error. Any other error goes on.
 */
export async function actAs<T>(
  ports: Pick<ChatPorts, 'people' | 'runner'>, tenantId: string, account: ChatAccount, profileEmail: () => Promise<string | undefined>,
  useCase: (unit: TenantUnit, actor: Actor) => Promise<T>,
): Promise<ActOutcome<T>> {
  const userId = await resolveChatUser(ports.people, tenantId, account, profileEmail);
  if (!userId) return { unknown: true };
  try {
    return { done: await ports.runner.runAs(tenantId, userId, useCase), userId };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { refused: error, userId };
  }
}
