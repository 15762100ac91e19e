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

  it('allows the same import in an adapter under core/infra/', async () => {
    expect(await lint('core/infra/probe.ts', "import knexPkg from 'knex';\nexport const k = knexPkg;\n")).toEqual([]);
  });
});
