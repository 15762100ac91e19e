/**
 * Every action and callback id the Slack app uses, in one place: listeners, Block Kit builders
 * and tests share them, and manifest.yml names the slash command below.
 */
export const SLASH_COMMAND = '/compliance';

export const ACTIONS = {
  acknowledgeEscalation: 'escalation_acknowledge',
  viewDetails: 'item_view_details',
  openItemList: 'items_open_list',
  markNotApplicable: 'item_mark_not_applicable',
  approveEvidence: 'evidence_approve',
  approveWithReference: 'evidence_approve_with_reference',
  rejectEvidence: 'evidence_reject',
  reopen: 'item_reopen',
} as const;

/**
 * A button's action_id for one item: Slack wants action ids unique in a message or view, and the
 * App Home lists several items with the same buttons, so each carries its item's id. Listeners
 * match the action by its prefix (actionPattern), whatever follows.
 */
export const actionId = (action: string, key: string) => `${action}:${key}`;
export const actionPattern = (action: string) => new RegExp(`^${action}(:|$)`);

export const VIEWS = {
  notApplicable: 'item_not_applicable_modal',
  rejectEvidence: 'evidence_reject_modal',
  approveWithReference: 'evidence_approve_modal',
  reopen: 'item_reopen_modal',
} as const;

/** The text fields of the modals: the block and the input each answer is read from. */
export const FIELDS = {
  reason: { block: 'reason', input: 'reason_input' },
  filingReference: { block: 'filing_reference', input: 'filing_reference_input' },
} as const;

/**
 * Buttons about one evidence version carry both ids: `<instanceId>:<evidenceId>`, plus `:home`
 * when pressed in the App Home (which has no message to reply to, so the Home is republished).
 */
export const evidenceRef = (instanceId: string, evidenceId: string, origin?: 'home') =>
  `${instanceId}:${evidenceId}${origin ? `:${origin}` : ''}`;
export const isFromHome = (value: string | undefined) => (value ?? '').split(':')[2] === 'home';
export function parseEvidenceRef(value: string | undefined): { instanceId: string; evidenceId: string } {
  const [instanceId = '', evidenceId = ''] = (value ?? '').split(':');
  return { instanceId, evidenceId };
}

/** The bot's scopes, least privilege; manifest.yml lists exactly these (a test holds them equal). */
export const BOT_SCOPES = [
  'channels:history', 'chat:write', 'commands', 'files:read', 'groups:history', 'im:write', 'users:read', 'users:read.email',
] as const;

/** Web API client options for SLACK_API_URL (a fake or proxy Slack); Slack's own URL when unset. */
export const apiUrlOption = (apiUrl: string | undefined): { slackApiUrl?: string } =>
  apiUrl ? { slackApiUrl: apiUrl.replace(/\/?$/, '/') } : {};
