/**
 * Checks for mrkdwn injection: text people type (names, reasons, references, file names) that
 * Slack would read as a mention, a broadcast or a link if it went out unescaped.
 */
export const HOSTILE = '<!channel> <@U0EVIL> <http://evil.example|click>';
/** The same text as Slack must receive it: shown as typed, never acted on. */
export const HOSTILE_ESCAPED = '&lt;!channel&gt; &lt;@U0EVIL&gt; &lt;http://evil.example|click&gt;';
const RAW_CONTROLS = ['<!channel>', '<@U0EVIL>', '<http://evil.example|click>'];

function parsedJson(value: string): unknown {
  if (!/^\s*[[{]/.test(value)) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * Every text of a Slack payload that Slack reads as mrkdwn: each `text` field, at any depth, of
 * a Web API call's arguments (blocks and view arrive as JSON strings and are opened), a
 * response_url body or a view. Objects of type plain_text are left out (Slack shows them as
 * typed), and so are ids and values, which Slack never renders.
 */
export function slackTexts(payload: unknown, key?: string): string[] {
  if (typeof payload === 'string') {
    const inner = parsedJson(payload);
    if (inner !== undefined) return slackTexts(inner);
    return key === 'text' ? [payload] : [];
  }
  if (Array.isArray(payload)) return payload.flatMap((item) => slackTexts(item, key));
  if (payload && typeof payload === 'object') {
    if ((payload as { type?: unknown }).type === 'plain_text') return [];
    return Object.entries(payload).flatMap(([k, v]) => slackTexts(v, k));
  }
  return [];
}

/** The texts in which a planted control sequence went out raw (an empty list is the pass). */
export const rawControls = (payload: unknown): string[] =>
  slackTexts(payload).filter((text) => RAW_CONTROLS.some((raw) => text.includes(raw)));
