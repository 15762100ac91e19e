import type { App } from '@microsoft/teams.apps';
import type { IMessageActivity } from '@microsoft/teams.api';
import { aboutOwnWork, answerCommand, parseCommand } from '../../../core/chat/commands.js';
import { errorText } from '../activity.js';
import { answerCard } from '../cards/answer.js';
import { cardMessage } from '../cards/message.js';
import { textCard } from '../cards/replies.js';
import { teamsText } from '../cards/text.js';
import type { TeamsDeps, TenantOf } from '../deps.js';
import { conversationIdOf, keptConversation } from '../conversation.js';
import { resolveTeamsUser } from '../identity.js';

type ListenerDeps = Pick<TeamsDeps, 'chat' | 'conversations' | 'clock' | 'logger'> & { tenantOf: TenantOf };

/** Attachments a typed message carries anyway (its formatted text): anything else is a file, for the evidence listener. */
const carriesFile = (activity: IMessageActivity) => (activity.attachments ?? []).some((a) => a.contentType !== 'text/html');

/**
 * The commands typed to the bot — `status [entity]`, `due [days]`, `mine`, `help` — in the
 * personal chat, or with an @mention in a channel (the mention is stripped by the app): answered
 * with a card from the same data and words as Slack's /compliance. A channel's answer is seen by
 * everyone in it, so a person's own work (`mine`, `home`) is answered only in their personal chat.
 * `home` there is the person's home card: kept, and updated in place when their items change.
 */
export function register(app: App, deps: ListenerDeps): void {
  const log = deps.logger.child({ module: 'teams-commands' });
  app.on('message', async (ctx) => {
    const { activity } = ctx;
    if (carriesFile(activity)) {
      await ctx.next();
      return;
    }
    const text = (activity.text ?? '').trim();
    const inChannel = activity.conversation.conversationType !== 'personal';
    const command = parseCommand(text);
    if (inChannel && aboutOwnWork(command)) {
      await ctx.send(cardMessage(textCard('Ask me that in our personal chat', `Answers about your own work stay between us: open a chat with Compliance OS and type ${command.kind} there.`)));
      return;
    }
    try {
      const { tenantId } = deps.tenantOf(activity);
      const userId = await resolveTeamsUser(deps.chat, ctx.api, activity, tenantId, log);
      const answer = await answerCommand(deps.chat, tenantId, userId, text, deps.clock.now());
      const sent = await ctx.send(cardMessage(answerCard(answer), teamsText(answer.summary)));
      if (command.kind === 'home' && userId) {
        // The person's personal chat, kept as theirs, and this card as their home in it.
        await deps.conversations.remember(tenantId, keptConversation(ctx, 'personal', userId));
        await deps.conversations.keepHome(tenantId, conversationIdOf(activity), sent.id);
      }
    } catch (error) {
      log.error({ error: errorText(error) }, 'a Teams command could not be answered');
      await ctx.send(cardMessage(textCard('Compliance OS could not answer just now', 'Nothing was changed. Try again in a minute; if it keeps failing, tell your compliance admin.')));
    }
  });
}
