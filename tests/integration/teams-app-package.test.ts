import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import yauzl from 'yauzl';
import { TEAMS_DIR, teamsAppPackage } from '../../bot/teams/app-package.js';
import { runCli } from '../support/cli.js';

const APP = '6f1c2a9e-0b7d-4c3e-9a51-2d8e7f40c6b1';
const BOT = { TEAMS_APP_ID: APP, TEAMS_APP_PASSWORD: 'deployment~secret-0123', TEAMS_TENANT_ID: 'b0a7c3d1-2e4f-4a6b-8c9d-0e1f2a3b4c5d' };

/** A zip's files by name, read by a zip reader (as Teams reads the upload). */
async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const archive = await yauzl.fromBufferPromise(zip);
  const files = new Map<string, Buffer>();
  // Entries one at a time (yauzl reads the next when asked), each read to its end.
  const entries = (archive as unknown as { eachEntry(): AsyncIterable<yauzl.Entry> }).eachEntry();
  for await (const entry of entries) {
    const chunks: Buffer[] = [];
    for await (const chunk of await archive.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    files.set(entry.fileName, Buffer.concat(chunks));
  }
  return files;
}

describe('npm run cli -- teams manifest', () => {
  it("writes the app package: the manifest with the deployment's app id and host, and both icons, at the top of the zip", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'teams-package-'));
    const out = path.join(dir, 'acme-teams.zip');
    const run = await runCli(['teams', 'manifest', '--out', out], { DATA_DIR: dir, PUBLIC_URL: 'https://compliance.acme.example/', ...BOT });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Wrote ${out} \\(\\d+\\.\\d KB\\) for app ${APP} at https://compliance\\.acme\\.example\\. Upload it in Teams: Apps → Manage your apps → Upload an app\\.\\n$`));
    const files = await unzip(readFileSync(out));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({ id: APP, bots: [{ botId: APP }], validDomains: ['compliance.acme.example'], developer: { websiteUrl: 'https://compliance.acme.example' } });
    expect(files.get('color.png')).toEqual(readFileSync(path.join(TEAMS_DIR, 'color.png')));
  }, 30_000);

  it('refuses an http address and a missing Teams setup, saying what to set, and writes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'teams-package-'));
    const out = path.join(dir, 'teams.zip');
    const http = await runCli(['teams', 'manifest', '--out', out], { DATA_DIR: dir, PUBLIC_URL: 'http://localhost:3000', ...BOT });
    expect(http.code).toBe(64);
    expect(http.stderr).toMatch(/^the public address must be https for Teams \(now http:\/\/localhost:3000\): set PUBLIC_URL, or pass --public-url https:\/\/…/);
    const garbled = await runCli(['teams', 'manifest', '--out', out, '--public-url', 'compliance acme'], { DATA_DIR: dir, ...BOT });
    expect(garbled.stderr).toMatch(/^compliance acme is not a web address: give the https address Teams reaches/);
    const off = await runCli(['teams', 'manifest', '--out', out], { DATA_DIR: dir, PUBLIC_URL: 'https://compliance.acme.example' });
    expect(off.code).toBe(64);
    expect(off.stderr).toMatch(/^set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID first/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('the Teams app package', () => {
  it('refuses an icon of a size Teams would refuse on upload, naming the file and the size it wants', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'teams-icons-'));
    cpSync(TEAMS_DIR, dir, { recursive: true });
    // The 32 px outline put where the 192 px colour icon belongs.
    writeFileSync(path.join(dir, 'color.png'), readFileSync(path.join(TEAMS_DIR, 'outline.png')));
    await expect(teamsAppPackage({ appId: APP, publicUrl: 'https://compliance.acme.example' }, dir))
      .rejects.toThrow('color.png is 32×32 px: Teams wants the color icon at 192×192 px');
    writeFileSync(path.join(dir, 'color.png'), 'GIF89a not a png');
    await expect(teamsAppPackage({ appId: APP, publicUrl: 'https://compliance.acme.example' }, dir)).rejects.toThrow('color.png is not a PNG image: Teams takes PNG icons only');
  });
});
