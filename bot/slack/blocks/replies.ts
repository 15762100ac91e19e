import { DATABASE_DOWN } from '../database-down.js';
import type { SlackReply } from './answer.js';
import { section } from './common.js';

export type { SlackReply };

export const databaseDownReply = (): SlackReply => ({ text: DATABASE_DOWN, blocks: [section(`:warning: ${DATABASE_DOWN}`)] });
