import type { App } from '@slack/bolt';
import { answerWhenDatabaseDown } from '../../database-down.js';
import type { SlackDeps } from '../../deps.js';
import { publishHome, publishNotice } from '../../home.js';
import { resolveSlackUser } from '../../identity.js';
import { appHomeOpened, readContext } from '../../schemas.js';
import { DATABASE_DOWN_NOTICE } from '../acting-user.js';

/** Opening the app's Home tab shows the person's own items, fresh (or why it cannot right now). */
export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, context, client }) => {
    const opened = appHomeOpened.parse(event);
    if (opened.tab !== 'home') return;
    const { tenantId } = readContext(context);
    await answerWhenDatabaseDown(deps, 'App Home', async () => {
      const userId = await resolveSlackUser(deps.chat, client, tenantId, opened.user);
      await publishHome(deps.chat, client, tenantId, userId, opened.user, deps.clock.now());
    }, () => publishNotice(client, opened.user, DATABASE_DOWN_NOTICE));
  });
}
