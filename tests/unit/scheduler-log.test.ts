import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { breeLogger } from '../../app/scheduler.js';

describe("Bree's messages in our log", () => {
  it('a long-running job found still running at its next interval is debug, without a stack; other warnings stay warnings', () => {
    const lines: { level: number; msg: string; err?: unknown }[] = [];
    const logger = breeLogger(pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) }));
    logger.warn(new Error('Job "dispatch-notifications" is already running'));
    logger.warn(new Error('Job "send-reminders" took too long'));
    logger.error(new Error('Worker for job "x" exited with code 1'));
    expect(lines.map((l) => [l.level, l.msg, 'err' in l])).toEqual([
      [20, 'Job "dispatch-notifications" is already running', false],
      [40, 'Job "send-reminders" took too long', false],
      [50, 'Worker for job "x" exited with code 1', true],
    ]);
  });
});
