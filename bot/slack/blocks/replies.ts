import { DATABASE_DOWN } from '../database-down.js';
import type { SlackReply } from './answer.js';
import { section } from './common.js';

export type { SlackReply };

/** What someone in a workspace no tenant has connected is told (README, Slack: "Many workspaces"). */
export const NOT_CONNECTED = 'This Slack workspace is not connected to Compliance OS, so nothing was done. To connect it, your Compliance OS tenant admin '
  + 'opens an install link (made with `npm run cli -- slack install-link --tenant <slug>`) and approves the install for this workspace; '
  + 'a single workspace is bound with `npm run cli -- slack connect --tenant <slug>` instead.';

export const notConnectedReply = (): SlackReply => ({ text: NOT_CONNECTED, blocks: [section(`:wave: ${NOT_CONNECTED}`)] });

export const databaseDownReply = (): SlackReply => ({ text: DATABASE_DOWN, blocks: [section(`:warning: ${DATABASE_DOWN}`)] });
