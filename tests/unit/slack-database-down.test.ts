import { describe, expect, it } from '@jest/globals';
import { isDatabaseUnreachable } from '../../infra/db/unreachable.js';
import { cachedFor } from '../../bot/common/ttl-cache.js';
import { ForbiddenError, NotFoundError } from '../../core/errors.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnreachable: an unreachable database, told apart from refusals and bugs', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a refused connection on every address', new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'connect failed')],
    ['a connection cut under a query', new Error('Connection terminated unexpectedly')],
    ['no pool connection free in time', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' })],
    ['the server shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['a connection exception', withCode('connection failure', '08006')],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
  ])('%s is unreachable', (_what, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each([
    ['a role refusal', new ForbiddenError('You cannot approve this')],
    ['an unknown item', new NotFoundError('That item does not exist in your organisation')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a constraint violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['not an error at all', 'ECONNREFUSED'],
  ])('%s is not', (_what, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});

describe('cachedFor: the last value read answers while a re-read fails', () => {
  it('serves the last value when the load fails after it expired, and a fresh one once the load works again', async () => {
    let answer: () => Promise<string> = async () => 'token-1';
    const installation = cachedFor(0, () => answer());
    expect(await installation('T1')).toBe('token-1');
    answer = async () => { throw new Error('connect ECONNREFUSED'); };
    expect(await installation('T1')).toBe('token-1');
    answer = async () => 'token-2';
    expect(await installation('T1')).toBe('token-2');
  });

  it('has nothing to serve for a key never read', async () => {
    const installation = cachedFor(0, async () => { throw new Error('connect ECONNREFUSED'); });
    await expect(installation('T1')).rejects.toThrow('ECONNREFUSED');
  });
});
