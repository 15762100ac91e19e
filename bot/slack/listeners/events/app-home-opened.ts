import type { App } from '@slack/bolt';
import type { Runtime } from '../../../../app/runtime.js';
import { publishHome } from '../../home.js';
import { resolveSlackUser } from '../../identity.js';

/** Opening the app's Home tab shows the person's own items, fresh. */
export function registerAppHomeOpened(app: App, runtime: Runtime): void {
  app.event('app_home_opened', async ({ event, context, client }) => {
    if (event.tab !== 'home') return;
    const tenantId = context.tenantId as string;
    const userId = await resolveSlackUser(runtime.db, client, tenantId, event.user);
    await publishHome(runtime.db, client, tenantId, userId, event.user);
  });
}
