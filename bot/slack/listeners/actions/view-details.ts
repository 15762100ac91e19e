import type { App } from '@slack/bolt';
import { ACTIONS, actionPattern } from '../../ids.js';

/**
 * View details is a link button: Slack opens the portal page itself, but still sends the press
 * as an interaction, which must be acknowledged within 3 seconds or Slack marks the button failed.
 * Nothing else is done with it.
 */
export function registerViewDetails(app: App): void {
  app.action(actionPattern(ACTIONS.viewDetails), async ({ ack }) => {
    await ack();
  });
}
