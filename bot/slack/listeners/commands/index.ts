import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { registerComplianceCommand } from './compliance.js';

/** Slash commands, one file per command. */
export function register(app: App, deps: SlackDeps): void {
  registerComplianceCommand(app, deps);
}
