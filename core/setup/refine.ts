import type { z } from 'zod';

/**
 * A zod refinement from a check that says what is wrong with a value, or nothing: the checks
 * stay plain functions (dates, passwords, secrets), each schema reports their words.
 */
export const refuseWith = (problemOf: (value: string) => string | undefined) => (value: string, ctx: z.core.$RefinementCtx<string>): void => {
  const problem = problemOf(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};
