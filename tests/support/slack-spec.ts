import { readFileSync } from 'node:fs';

/**
 * Slack's published Web API method list (from slackapi/slack-api-specs, MIT) with the
 * project's supplement of later methods and corrected required arguments; see tests/fixtures.
 */
interface MethodSpec {
  required?: string[];
  one_of?: { args: string[]; error: string }[];
}

const dir = new URL('../fixtures/slack-api-spec/', import.meta.url);
const base = JSON.parse(readFileSync(new URL('web-api-methods.json', dir), 'utf8')).methods as Record<string, MethodSpec>;
const supplement = JSON.parse(readFileSync(new URL('supplement.json', dir), 'utf8')).methods as Record<string, MethodSpec>;

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
}

/** Problems with a call against the spec: unknown method, missing required or one-of arguments. */
export function specProblems(call: RecordedCall): string[] {
  const spec = supplement[call.method] ? { ...base[call.method], ...supplement[call.method] } : base[call.method];
  if (!spec) return [`${call.method} is not a Slack Web API method`];
  const present = (name: string) => call.args[name] !== undefined && call.args[name] !== '';
  const problems = (spec.required ?? []).filter((arg) => !present(arg)).map((arg) => `${call.method} needs ${arg}`);
  for (const group of spec.one_of ?? []) {
    if (!group.args.some(present)) problems.push(`${call.method} needs one of ${group.args.join(', ')}`);
  }
  return problems;
}
