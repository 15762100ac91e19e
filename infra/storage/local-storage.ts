import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ObjectMissingError, type EvidenceStorage } from '../../core/ports/evidence-storage.js';

/** Evidence in a local folder (development): written to a temporary name, renamed when complete. */
export function localStorage(root: string): EvidenceStorage {
  const file = (key: string) => {
    const resolved = path.resolve(root, key);
    if (!resolved.startsWith(path.resolve(root) + path.sep)) throw new Error(`invalid storage key ${key}`);
    return resolved;
  };
  return {
    kind: 'local',
    async put(key, body) {
      const target = file(key);
      await mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}.partial`;
      try {
        await pipeline(body, createWriteStream(partial, { mode: 0o600 }));
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    async get(key) {
      const target = file(key);
      await stat(target).catch(() => {
        throw new ObjectMissingError(key);
      });
      return createReadStream(target);
    },
    async remove(key) {
      await rm(file(key), { force: true });
    },
    async downloadUrl() {
      return undefined; // the portal streams local files through its authenticated route
    },
    async list(prefix) {
      const base = path.resolve(root);
      const entries = await readdir(path.join(base, prefix), { recursive: true, withFileTypes: true }).catch(() => []);
      return entries
        .filter((e) => e.isFile())
        .map((e) => path.relative(base, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    },
  };
}
