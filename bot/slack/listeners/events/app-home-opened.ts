import type { App } from '@slack/bolt';
import type { Runtime } from '../../../../app/runtime.js';
import { DATABASE_DOWN, answerWhenDatabaseDown } from '../../database-down.js';
import { publishHome, publishNotice } from '../../home.js';
import { resolveSlackUser } from '../../identity.js';

/** Opening the app's Home tab shows the person's own items, fresh (or why it cannot right now). */
export function registerAppHomeOpened(app: App, runtime: Runtime): void {
  app.event('app_home_opened', async ({ event, context, client }) => {
    if (event.tab !== 'home') return;
    const tenantId = context.tenantId as string;
    await answerWhenDatabaseDown(runtime, 'App Home', async () => {
      const userId = await resolveSlackUser(runtime.db, client, tenantId, event.user);
      await publishHome(runtime.db, client, tenantId, userId, event.user, runtime.clock.now());
    }, () => publishNotice(client, event.user, `:warning: ${DATABASE_DOWN}`));
  });
}
