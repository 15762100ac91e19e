import { formatBytes } from '../evidence/file-policy.js';
import { AppError } from '../errors.js';
import { endSentence } from '../sentences.js';
import type { ChatAccount, ChatKind } from '../ports/chat-people.js';
import type { ThreadRef } from '../ports/item-threads.js';
import { submitEvidence } from '../use-cases/submit-evidence.js';
import { resolveChatUser } from './identity.js';
import type { ChatPorts } from './ports.js';
import type { ChatText } from './text.js';

/** A file someone dropped in a thread, as the chat offers it. */
export interface IncomingFile {
  /** The chat's id for the file (kept as the evidence's source reference). */
  id: string;
  name: string | undefined;
  /** The size the chat announces, checked before downloading anything. */
  size: number | undefined;
  /** Why the chat does not offer it for download at all, if it does not. */
  unavailable?: string;
  /** Downloads it: its bytes as they stream, or why they were not fetched. */
  open(): Promise<{ ok: true; body: AsyncIterable<Uint8Array> } | { ok: false; refused: string }>;
}

export interface ThreadUpload {
  tenantId: string;
  thread: ThreadRef;
  account: ChatAccount;
  files: IncomingFile[];
}

type Ports = Pick<ChatPorts, 'platform' | 'people' | 'threads' | 'files' | 'runner' | 'clock' | 'evidenceMaxBytes'>;

/**
 * Files dropped in an item's thread become evidence versions (takeItemFiles), as the person who
 * dropped them. Files in any other thread are not ours and are ignored.
 */
export async function takeThreadFiles(
  ports: Ports, upload: ThreadUpload, profileEmail: () => Promise<string | undefined>, say: (text: ChatText) => Promise<unknown>,
): Promise<void> {
  const { tenantId, account } = upload;
  const instanceId = await ports.threads.itemOfThread(tenantId, account.chat, upload.thread);
  if (!instanceId) return;
  const userId = await resolveChatUser(ports.people, tenantId, account, profileEmail);
  if (!userId) {
    await say([{ mention: account.id }, ` Compliance OS does not know your ${ports.platform.name} account yet, so the file was not recorded as evidence. Ask your compliance admin to add you.`]);
    return;
  }
  await takeItemFiles(ports, { tenantId, instanceId, userId, chat: account.chat, files: upload.files }, say);
}

/** Files someone sent for one item, as a known person of the tenant. */
export interface ItemUpload {
  tenantId: string;
  instanceId: string;
  userId: string;
  chat: ChatKind;
  files: IncomingFile[];
}

/**
 * Files for an item become evidence versions: each is streamed into storage (type by content,
 * SHA-256 on the way, size limit), then submitted as the person who sent it. Anything refused is
 * explained (`say`, with recorded false) and leaves nothing. Returns how many were recorded.
 */
export async function takeItemFiles(
  ports: Omit<Ports, 'people' | 'threads' | 'platform'>, upload: ItemUpload, say: (text: ChatText, recorded: boolean) => Promise<unknown>,
): Promise<number> {
  const { tenantId, instanceId, userId } = upload;
  const maxBytes = ports.evidenceMaxBytes;
  let recorded = 0;
  for (const file of upload.files) {
    const name = file.name ?? file.id;
    const refuse = (reason: string) => say([{ icon: 'refused' }, ' ', { bold: name }, ' was not recorded: ', endSentence(reason), ' Nothing was kept.'], false);
    if (file.unavailable) {
      await refuse(file.unavailable);
      continue;
    }
    if ((file.size ?? 0) > maxBytes) {
      await refuse(`it is larger than the ${formatBytes(maxBytes)} limit`);
      continue;
    }
    const source = await file.open();
    if (!source.ok) {
      await refuse(source.refused);
      continue;
    }
    const stored = await ports.files.store(source.body, { tenantId, instanceId, fileName: name, maxBytes });
    if (!stored.ok) {
      await refuse(stored.reason);
      continue;
    }
    try {
      const { evidence } = await ports.runner.runAs(tenantId, userId, (unit, actor) =>
        submitEvidence(unit, actor, { instanceId, file: stored, channel: upload.chat, sourceRef: file.id }, ports.clock.now()));
      recorded++;
      await say([
        { icon: 'done' }, ' Recorded ', { bold: stored.fileName }, ` as version ${evidence.version} (${formatBytes(stored.sizeBytes)}, SHA-256 `,
        { code: stored.sha256 }, '). The approver has been asked to review it.',
      ], true);
    } catch (error) {
      // No row, no file: the stored object goes with the refused submission.
      await ports.files.remove(stored.storageKey).catch(() => undefined);
      if (!(error instanceof AppError)) throw error;
      await refuse(error.message);
    }
  }
  return recorded;
}
