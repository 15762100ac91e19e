import { createHmac } from 'node:crypto';
import type { Database } from '../../infra/db/database.js';
import type { DemoIds } from './demo.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** Headers Slack sends: a v0 HMAC signature over `v0:<timestamp>:<raw body>`. */
export function signedHeaders(body: string, options: { secret?: string; timestamp?: number } = {}): Record<string, string> {
  const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature };
}

export function slashCommandBody(fields: { team_id: string; user_id: string; text: string; response_url: string }): string {
  return new URLSearchParams({
    token: 'legacy', team_id: fields.team_id, team_domain: 'demo', channel_id: 'C0DEMO01', channel_name: 'compliance',
    user_id: fields.user_id, user_name: 'someone', command: '/compliance', text: fields.text, api_app_id: 'A0TEST',
    response_url: fields.response_url, trigger_id: '123.456.abc',
  }).toString();
}

export { until } from './wait.js';


/** The demo's people linked to Slack users (by role), as `slack connect` would link them. */
export async function linkDemoToSlack(db: Database, demo: DemoIds, links: Partial<Record<keyof DemoIds['users'], string>>): Promise<void> {
  await db.withTenant(demo.tenantId, async ({ trx }) => {
    for (const [role, slackId] of Object.entries(links)) await trx('users').where({ id: demo.users[role as keyof DemoIds['users']] }).update({ slack_user_id: slackId });
  });
}
