import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { BOT_SCOPES, COMMAND_LISTS } from '../../bot/teams/ids.js';
import { fillManifest } from '../../bot/teams/manifest.js';
import { parseCommand } from '../../core/chat/commands.js';

const TEAMS_DIR = path.resolve(import.meta.dirname, '../../teams');
const template = readFileSync(path.join(TEAMS_DIR, 'manifest.json'), 'utf8');
const APP_ID = '6f1c2a9e-0b7d-4c3e-9a51-2d8e7f40c6b1';

interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  developer: Record<string, string>;
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; supportsFiles: boolean; isNotificationOnly: boolean; commandLists: unknown }[];
  validDomains: string[];
}
const manifest = () => fillManifest(template, { appId: APP_ID, publicUrl: 'https://compliance.acme.example' }) as unknown as Manifest;

/**
 * A check against the manifest schema as Microsoft publishes it (shipped in its manifest package:
 * no network in tests), made as Microsoft's own manifest tools make it (draft-04, every error).
 */
function schemaCheck(version: string): (manifest: unknown) => string[] {
  const file = createRequire(import.meta.url).resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  // The published schema spells one pattern with \a, which JavaScript's regular expressions refuse (Microsoft's tools replace it likewise).
  const schema = JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\x07')) as object;
  const ajv = new Ajv04.default({ allErrors: true, strictTypes: false });
  addFormats.default(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  return (manifest) => (validate(manifest) ? [] : (validate.errors ?? []).map((e: { instancePath: string; message?: string; params: unknown }) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
}

describe('teams/manifest.json', () => {
  it('validates against the schema it names, as Microsoft publishes it', async () => {
    const m = manifest();
    const version = /\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/.exec(m.$schema)![1]!;
    const check = schemaCheck(version);
    expect(check(m)).toEqual([]);
    // The check bites: a manifest without its bot's id is refused.
    const { botId: _botId, ...bot } = m.bots[0]!;
    expect(check({ ...m, bots: [bot] }).join(' ')).toContain('botId');
  });

  it('is schema 1.22, one bot in personal chats and teams that takes files', () => {
    const m = manifest();
    expect(m.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json');
    expect(m.manifestVersion).toBe('1.22');
    expect(m.bots).toHaveLength(1);
    expect(m.bots[0]).toMatchObject({ scopes: [...BOT_SCOPES], supportsFiles: true, isNotificationOnly: false });
  });

  it("suggests exactly the commands of bot/teams/ids.ts, each one the chat seam understands", () => {
    expect(manifest().bots[0]!.commandLists).toEqual(COMMAND_LISTS);
    for (const { commands } of COMMAND_LISTS) {
      for (const { title } of commands) expect({ title, kind: parseCommand(title).kind }).toEqual({ title, kind: title });
    }
  });

  it("takes the deployment's app id (the bot's too) and public address, leaving no placeholder", () => {
    const m = manifest();
    expect([m.id, m.bots[0]!.botId]).toEqual([APP_ID, APP_ID]);
    expect(m.validDomains).toEqual(['compliance.acme.example']);
    expect(Object.values(m.developer).filter((v) => v.startsWith('https://'))).toHaveLength(3);
    expect(JSON.stringify(m)).not.toContain('${{');
    expect(() => fillManifest('{"name": "${{NOBODY}}"}', { appId: APP_ID, publicUrl: 'https://x.example' })).toThrow('teams/manifest.json names ${{NOBODY}}, which nothing fills in');
  });

  it('ships its icons as PNGs of the sizes Teams asks for (192 px colour, 32 px outline)', () => {
    const size = (file: string) => {
      const png = readFileSync(path.join(TEAMS_DIR, file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    const { icons } = manifest();
    expect(size(icons.color)).toEqual([192, 192]);
    expect(size(icons.outline)).toEqual([32, 32]);
  });
});
