import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('core/ stays free of I/O', () => {
  it.each([
    ['knex', "import knexPkg from 'knex';\nexport const k = knexPkg;\n"],
    ['@slack/bolt', "import { App } from '@slack/bolt';\nexport const a = App;\n"],
    ['@aws-sdk/client-s3', "import { S3Client } from '@aws-sdk/client-s3';\nexport const s = S3Client;\n"],
    ['node:fs', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
  ])('refuses an import of %s in domain code', async (library, code) => {
    const problems = await lint('core/engine/probe.ts', code);
    expect(problems.join('\n')).toContain(`'${library}' import is restricted`);
  });

  it('refuses reading process.env in domain code', async () => {
    expect((await lint('core/engine/probe.ts', 'export const p = process.env.PORT;\n')).join('\n')).toContain('no-restricted-properties');
  });

  it('allows the same import in an adapter under infra/', async () => {
    expect(await lint('infra/probe.ts', "import knexPkg from 'knex';\nexport const k = knexPkg;\n")).toEqual([]);
  });

  it.each([
    ['core/engine/probe.ts', '../../infra/db/database.js'],
    ['core/ports.ts', '../infra/db/database.js'],
    ['core/use-cases/probe.ts', '../../app/runtime.js'],
    ['core/chat/probe.ts', '../../bot/slack/app.js'],
    ['core/probe.ts', '../admin/index.js'],
    ['core/engine/probe.ts', '../../jobs/schedule.js'],
  ])('refuses, in %s, an import of %s (core/ depends on nothing outside it; no exemptions)', async (file, from) => {
    const problems = await lint(file, `import * as outer from '${from}';\nexport const o = outer;\n`);
    expect(problems.join('\n')).toContain('core/ depends on nothing outside it');
  });
});
