import type { App } from '@microsoft/teams.apps';
import type { ChatPorts } from '../../../core/chat/ports.js';
import type { IMessageActivity } from '@microsoft/teams.api';
import { channelFilesCard } from '../cards/channel-files.js';
import { decisionCard } from '../cards/item.js';
import { cardMessage } from '../cards/message.js';
import type { TenantOf } from '../deps.js';
import { FILE_DOWNLOAD_INFO, filesOf, handleTeamsUpload, type TeamsUploadDeps } from '../evidence-upload.js';
import { resolveTeamsUser } from '../identity.js';
import { unknownPersonCard } from './card-actions/act.js';

type FilesDeps = TeamsUploadDeps & { tenantOf: TenantOf; chat: ChatPorts };

/** A message in a channel with attachments but no words (the mention aside): a file, or its text/html shadow. */
const onlyAttachments = (activity: IMessageActivity) =>
  (activity.attachments?.length ?? 0) > 0 && (activity.text ?? '').replace(/<at>[^<]*<\/at>/g, '').trim() === '';

/**
 * Files sent to the bot. In a personal chat (the only place Teams hands them over) they are
 * evidence for the item the person was asked about; in a channel they never reach the bot, so a
 * message of attachments alone is answered with how to submit instead. Any other message goes on
 * to the next listener. This runs after the activity's 200 (the app's middleware): the download is slow work.
 */
export function register(app: App, deps: FilesDeps): void {
  const log = deps.logger.child({ module: 'teams-files' });
  app.on('message', async (ctx) => {
    const activity = ctx.activity;
    const personal = activity.conversation.conversationType === 'personal';
    const files = personal ? filesOf(activity) : [];
    if (personal && files.length > 0) {
      const binding = deps.tenantOf(activity);
      const aadObjectId = activity.from.aadObjectId?.toLowerCase();
      const userId = await resolveTeamsUser(deps.chat, ctx.api, activity, binding.tenantId, log);
      if (!userId || !aadObjectId) return void (await ctx.send(cardMessage(unknownPersonCard(deps))));
      const quoted = activity.entities?.find((e) => e.type === 'quotedReply') as { quotedReply?: { messageId?: string } } | undefined;
      log.info({ files: files.length, fileTypes: files.map((f) => f.content.fileType) }, 'Teams files received in a personal chat');
      await handleTeamsUpload(deps, binding, { userId, aadObjectId, quoted: quoted?.quotedReply?.messageId, files }, (text) => ctx.send(cardMessage(decisionCard(text))));
      return;
    }
    if (!personal && onlyAttachments(activity)) {
      log.info({ contentTypes: activity.attachments?.map((a) => a.contentType), fileInfo: activity.attachments?.some((a) => a.contentType === FILE_DOWNLOAD_INFO) }, 'Teams channel message with attachments only: told how to submit');
      await ctx.send(cardMessage(channelFilesCard()));
      return;
    }
    await ctx.next();
  });
}
