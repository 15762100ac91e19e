import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { z } from 'zod';
import { NO_UPLOAD_PROMPT } from '../../core/chat/prompts.js';
import type { ChatPorts } from '../../core/chat/ports.js';
import type { ChatText } from '../../core/chat/text.js';
import { takeItemFiles, type IncomingFile } from '../../core/chat/thread-evidence.js';
import type { TeamsTenantBinding } from '../../core/ports/teams-tenants.js';
import type { TeamsUploadPrompts } from '../../core/ports/teams-upload-prompts.js';
import type { ItemThreadDeps } from './item-thread.js';
import { sayInItemThread } from './item-thread.js';

/** What Teams attaches to a message for a file someone sent in their personal chat with the bot. */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

const downloadInfo = z.object({
  downloadUrl: z.string().max(4000),
  uniqueId: z.string().min(1).max(200),
  fileType: z.string().max(40).optional(),
});
const fileAttachment = z.object({ contentType: z.literal(FILE_DOWNLOAD_INFO), name: z.string().max(400).optional(), content: downloadInfo });
export type TeamsFile = z.infer<typeof fileAttachment>;

/**
 * Where Teams keeps files sent in personal chat: the sender's OneDrive, on SharePoint Online
 * (commercial, GCC High and DoD, Germany, China), each tenant on a subdomain (contoso-my.sharepoint.com).
 */
const FILE_HOSTS = ['sharepoint.com', 'sharepoint.us', 'sharepoint-mil.us', 'sharepoint.de', 'sharepoint.cn'];

/**
 * Where a file may be fetched from: only https (the URL carries its own short-lived grant, so it
 * is fetched with no token of ours), on Microsoft's file hosts, or, outside production, on the
 * fake's host (TEAMS_FILE_HOST), which is reached over plain http as a local fake has no certificate.
 * A refusal names what was wrong.
 */
export function teamsDownloadUrl(url: string, fakeHost: string | undefined): { url: string } | { refused: string } {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { refused: 'Teams offered it from an address that is not a URL' };
  }
  const shown = target.protocol === 'https:' ? target.host : target.origin;
  const unexpected = { refused: `Teams offered it from an unexpected address (${shown}), so it was not downloaded; send it here again` };
  if (target.protocol !== 'https:' || target.username || target.password) return unexpected;
  if (fakeHost && target.host === fakeHost.toLowerCase()) {
    target.protocol = 'http:';
    return { url: target.toString() };
  }
  const microsoft = !target.port && FILE_HOSTS.some((host) => target.hostname.endsWith(`.${host}`));
  return microsoft ? { url: target.toString() } : unexpected;
}

/** How long one file's download may take, body included (a 25 MB proof over a slow link fits). */
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

/** A file Teams offered, as core's evidence intake takes it: downloaded (no Authorization header) only when asked. */
function incoming(file: TeamsFile, fakeHost: string | undefined): IncomingFile {
  return {
    id: file.content.uniqueId,
    name: file.name,
    // Teams does not say: the store's streaming limit stops an oversize file.
    size: undefined,
    async open() {
      const source = teamsDownloadUrl(file.content.downloadUrl, fakeHost);
      if ('refused' in source) return { ok: false, refused: source.refused };
      // A redirect could lead anywhere: the address checked is the one fetched. A download that
      // stalls is given up (the person is told), never left holding the intake.
      const response = await fetch(source.url, { redirect: 'error', signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) }).catch(() => undefined);
      if (!response?.ok || !response.body) return { ok: false, refused: `Teams refused the download (${response ? `HTTP ${response.status}` : 'unreachable'}); send it here again` };
      return { ok: true, body: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>) };
    },
  };
}

/** The files a message carries (personal chat), as Teams describes them. */
export function filesOf(activity: { attachments?: unknown[] }): TeamsFile[] {
  return (activity.attachments ?? []).flatMap((a) => {
    const parsed = fileAttachment.safeParse(a);
    return parsed.success ? [parsed.data] : [];
  });
}

export interface TeamsUploadDeps extends ItemThreadDeps {
  chat: ItemThreadDeps['chat'] & Pick<ChatPorts, 'files' | 'runner' | 'clock' | 'evidenceMaxBytes'>;
  uploadPrompts: TeamsUploadPrompts;
  fakeFileHost?: string;
}

/**
 * Files someone sent in their personal chat: evidence for the item they were asked about (the
 * prompt they reply to, else their latest open one), through core's intake (type by content,
 * SHA-256, size limit, submitEvidence as them, channel teams, the file's uniqueId as its source).
 * Each outcome is told in the personal chat (`say`); a recorded file also in the item's thread.
 * Without an open request nothing is kept, and they are told to press Upload proof first.
 */
export async function handleTeamsUpload(
  deps: TeamsUploadDeps, binding: TeamsTenantBinding, upload: { userId: string; aadObjectId: string; quoted?: string; files: TeamsFile[] },
  say: (text: ChatText) => Promise<unknown>,
): Promise<void> {
  const { tenantId } = binding;
  const prompt = await deps.uploadPrompts.pending(tenantId, upload.userId, deps.clock.now(), upload.quoted);
  if (!prompt) {
    await say(NO_UPLOAD_PROMPT);
    return;
  }
  const recorded = await takeItemFiles(deps.chat, {
    tenantId, instanceId: prompt.instanceId, userId: upload.userId, chat: 'teams', files: upload.files.map((f) => incoming(f, deps.fakeFileHost)),
  }, async (text, ok) => {
    await say(text);
    if (ok) await sayInItemThread(deps, binding, prompt.instanceId, [...text, ' Sent by ', { mention: upload.aadObjectId }, ' from their chat with Compliance OS.']);
  });
  if (recorded > 0) await deps.uploadPrompts.answered(tenantId, prompt.id);
}
