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

const parsed = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
};

/** The blocks a call sends: a message's (chat.*), a view's (views.*); the Web API takes them as JSON strings. */
function blocksOf(call: RecordedCall): { elements?: { action_id?: string }[]; accessory?: { action_id?: string } }[] {
  const view = parsed(call.args.view) as { blocks?: unknown } | undefined;
  const blocks = parsed(call.args.blocks) ?? view?.blocks;
  return Array.isArray(blocks) ? blocks : [];
}

/**
 * Block Kit: each interactive element's action_id must be unique, which this check holds across
 * the whole message or view (Slack's "unique in its block", kept for every block at once, so a
 * list of items each with the same buttons is caught).
 */
function repeatedActionIds(call: RecordedCall): string[] {
  const ids = blocksOf(call).flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]).map((e) => e.action_id).filter((id): id is string => !!id);
  const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  return repeated.map((id) => `${call.method} repeats action_id ${id}`);
}

/** Problems with a call against the spec: unknown method, missing required or one-of arguments, repeated action ids. */
export function specProblems(call: RecordedCall): string[] {
  const spec = supplement[call.method] ? { ...base[call.method], ...supplement[call.method] } : base[call.method];
  if (!spec) return [`${call.method} is not a Slack Web API method`];
  const present = (name: string) => call.args[name] !== undefined && call.args[name] !== '';
  const problems = (spec.required ?? []).filter((arg) => !present(arg)).map((arg) => `${call.method} needs ${arg}`);
  for (const group of spec.one_of ?? []) {
    if (!group.args.some(present)) problems.push(`${call.method} needs one of ${group.args.join(', ')}`);
  }
  return [...problems, ...repeatedActionIds(call)];
}
