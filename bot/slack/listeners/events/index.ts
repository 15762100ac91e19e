import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { registerAppHomeOpened } from './app-home-opened.js';
import { registerFileShare } from './file-share.js';

/** Events API deliveries, one file per event. */
export function register(app: App, deps: ListenerDeps): void {
  registerAppHomeOpened(app, deps);
  registerFileShare(app, deps);
}
