import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { webApi } from '@slack/bolt';
import type { Runtime } from '../../app/runtime.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { formatBytes } from '../../core/evidence/file-policy.js';
import { AppError } from '../../core/errors.js';
import { storeEvidenceStream } from '../../infra/storage/store-evidence.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { esc, mention } from './blocks/common.js';
import { resolveSlackUser } from './identity.js';

export interface SharedFile {
  id: string;
  name?: string;
  size?: number;
  url_private_download?: string;
}

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

/**
 * Files dropped in an item's thread become evidence versions: each is streamed from Slack with
 * the bot token into storage (type by content, SHA-256 on the way, size limit), then submitted
 * as the person who dropped it. Anything refused is explained in the thread and leaves nothing.
 * Files outside item threads are not ours and are ignored.
 */
export async function handleThreadUpload(runtime: Runtime, client: webApi.WebClient, upload: ThreadUpload, apiUrl?: string): Promise<void> {
  const { db, services, config } = runtime;
  const instance: { id: string } | undefined = await db.withTenant(upload.tenantId, ({ trx }) =>
    trx('compliance_instances').where({ tenant_id: upload.tenantId, slack_channel_id: upload.channel, slack_thread_ts: upload.threadTs }).first('id'));
  if (!instance) return;
  const reply = (text: string) => client.chat.postMessage({ channel: upload.channel, thread_ts: upload.threadTs, text });
  const userId = await resolveSlackUser(db, client, upload.tenantId, upload.slackUserId);
  if (!userId) {
    await reply(`${mention(upload.slackUserId)} Compliance OS does not know your Slack account yet, so the file was not recorded as evidence. Ask your compliance admin to add you.`);
    return;
  }
  for (const file of upload.files) {
    const name = file.name ?? file.id;
    const refuse = (reason: string) => reply(`:x: *${esc(name)}* was not recorded: ${esc(reason)}. Nothing was kept.`);
    if (!file.url_private_download) {
      await refuse('Slack did not offer it for download');
      continue;
    }
    if ((file.size ?? 0) > config.evidenceMaxBytes) {
      await refuse(`it is larger than the ${formatBytes(config.evidenceMaxBytes)} limit`);
      continue;
    }
    const source = downloadUrl(file.url_private_download, apiUrl);
    if ('refused' in source) {
      await refuse(source.refused);
      continue;
    }
    const response = await fetch(source.url, { headers: { authorization: `Bearer ${upload.botToken}` } });
    if (!response.ok || !response.body) {
      await refuse(`Slack refused the download (HTTP ${response.status})`);
      continue;
    }
    const stored = await storeEvidenceStream(services.storage, Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), {
      tenantId: upload.tenantId, instanceId: instance.id, fileName: name, maxBytes: config.evidenceMaxBytes,
    });
    if (!stored.ok) {
      await refuse(stored.reason);
      continue;
    }
    try {
      const { evidence } = await runAsUser(db, upload.tenantId, userId, (unit, actor) =>
        submitEvidence(unit, actor, { instanceId: instance.id, file: stored, channel: 'slack', sourceRef: file.id }, runtime.clock.now()), { cache: services.cache });
      await reply(`:white_check_mark: Recorded *${esc(stored.fileName)}* as version ${evidence.version} (${formatBytes(stored.sizeBytes)}, SHA-256 \`${stored.sha256.slice(0, 12)}\`). The approver has been asked to review it.`);
    } catch (error) {
      // No row, no file: the stored object goes with the refused submission.
      await services.storage.remove(stored.storageKey).catch(() => undefined);
      if (!(error instanceof AppError)) throw error;
      await refuse(error.message);
    }
  }
}
