import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { webApi } from '@slack/bolt';
import type { ChatPorts } from '../../core/chat/ports.js';
import { takeThreadFiles, type IncomingFile } from '../../core/chat/thread-evidence.js';
import { md } from './blocks/text.js';
import { slackAccount, slackProfileEmail } from './identity.js';
import type { SharedFile } from './schemas.js';

export interface ThreadUpload {
  tenantId: string;
  channel: string;
  threadTs: string;
  slackUserId: string;
  files: SharedFile[];
  botToken: string;
}

/**
 * Where a shared file may be fetched with the bot token: only over https from Slack's own hosts
 * (files.slack.com, or another *.slack.com host), since the event names the URL and the token
 * must never go anywhere else. With SLACK_API_URL set (a proxy, or the local fake) the request
 * goes to that origin instead. A refusal names what was wrong.
 */
function downloadUrl(url: string, apiUrl: string | undefined): { url: string } | { refused: string } {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { refused: 'Slack offered it from an address that is not a URL' };
  }
  const slackHost = target.hostname.endsWith('.slack.com');
  if (target.protocol !== 'https:' || !slackHost || target.username || target.password || target.port) {
    const shown = target.protocol === 'https:' ? target.host : target.origin;
    return { refused: `Slack offered it from an unexpected address (${shown}), so it was not downloaded; drop it in the thread again` };
  }
  if (!apiUrl) return { url: target.toString() };
  const api = new URL(apiUrl);
  target.protocol = api.protocol;
  target.host = api.host;
  return { url: target.toString() };
}

/** A shared file as core's evidence intake takes it: downloaded from Slack with the bot token, only when asked. */
function incoming(file: SharedFile, botToken: string, apiUrl: string | undefined): IncomingFile {
  const url = file.url_private_download;
  return {
    id: file.id,
    name: file.name,
    size: file.size,
    unavailable: url ? undefined : 'Slack did not offer it for download',
    async open() {
      const source = downloadUrl(url ?? '', apiUrl);
      if ('refused' in source) return { ok: false, refused: source.refused };
      const response = await fetch(source.url, { headers: { authorization: `Bearer ${botToken}` } });
      if (!response.ok || !response.body) return { ok: false, refused: `Slack refused the download (HTTP ${response.status})` };
      return { ok: true, body: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>) };
    },
  };
}

/** Files dropped in a Slack thread, taken as evidence by core (the thread is told what became of each). */
export async function handleThreadUpload(chat: ChatPorts, client: webApi.WebClient, upload: ThreadUpload, apiUrl?: string): Promise<void> {
  await takeThreadFiles(
    chat,
    {
      tenantId: upload.tenantId, thread: { conversation: upload.channel, thread: upload.threadTs }, account: slackAccount(upload.slackUserId),
      files: upload.files.map((f) => incoming(f, upload.botToken, apiUrl)),
    },
    slackProfileEmail(client, upload.slackUserId),
    (text) => client.chat.postMessage({ channel: upload.channel, thread_ts: upload.threadTs, text: md(text) }),
  );
}
