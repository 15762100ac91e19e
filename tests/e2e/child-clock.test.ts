import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { childEnv } from '../support/child-env.js';

/*
 * CI runs the suite under faketime at fixed dates. The servers and CLIs the tests start must see
 * the test's clock, or a Slack request the test signs "now" is refused as stale by the server.
 * Without faketime this holds trivially; under it, it fails when the clock is not passed on.
 */
describe('a process the tests start', () => {
  it('runs on the same clock as the test', () => {
    const before = Date.now();
    const childNow = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(Date.now()))'], { env: childEnv() }));
    expect(Math.abs(childNow - before)).toBeLessThan(60_000);
  });
});
