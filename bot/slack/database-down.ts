import type { SlackDeps } from './deps.js';

/** What a person is told when their request could not reach the database. */
export const DATABASE_DOWN = 'Compliance OS cannot reach its database right now. Nothing was changed; please try again in a minute.';

/**
 * Runs a Slack request's work; when the database cannot be reached, logs it and gives the person
 * `answer` (a short "try again") instead of silence, and returns undefined. Every other error
 * goes on as it was.
 */
export async function answerWhenDatabaseDown<T>(
  deps: Pick<SlackDeps, 'logger' | 'isDatabaseUnreachable'>,
  request: string,
  work: () => Promise<T>,
  answer: () => Promise<unknown>,
): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (!deps.isDatabaseUnreachable(error)) throw error;
    deps.logger.error({ err: (error as Error).message, request }, 'Slack request answered with "try again": the database is unreachable');
    await answer();
    return undefined;
  }
}
