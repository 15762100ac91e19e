import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { freePort } from '../../infra/db/embedded.js';
import { startServerProcess } from '../support/server-process.js';

function postgresRunningIn(dir: string): boolean {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').some((line) => line.includes('postgres') && line.includes(dir));
}

describe('npm start on an empty data folder', () => {
  it('starts embedded PostgreSQL, seeds the demo, prints the login, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'start-test-'));
    const port = await freePort();
    const server = await startServerProcess({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' });

    const output = server.output();
    expect(output).toContain('Press Ctrl-C to stop');
    expect(output).toContain(`Compliance OS is running at http://127.0.0.1:${port}`);
    expect(output).toMatch(/Demo tenant admin login: admin@demo\.example \/ \S{8,}/);
    expect(output).toContain(`Admin portal: http://127.0.0.1:${port}/admin`);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(postgresRunningIn(dataDir)).toBe(true);

    expect(await server.stop()).toBe(0);
    expect(postgresRunningIn(dataDir)).toBe(false);
  }, 90_000);
});
