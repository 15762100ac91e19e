import { describe, expect, it } from '@jest/globals';
import { actAs } from '../../../core/chat/act-as.js';
import { resolveChatUser } from '../../../core/chat/identity.js';
import { ForbiddenError } from '../../../core/errors.js';
import { inMemoryPeople, type Person } from './in-memory-chat.js';

/* Who a chat user is, and running a use case as them (core/chat). */

const people = (): Person[] => [
  { id: 'u-linked', email: 'linked@acme.example', active: true, accounts: { slack: 'U0LINKED' }, roles: [] },
  { id: 'u-new', email: 'New.Person@acme.example', active: true, accounts: {}, roles: [] },
  { id: 'u-gone', email: 'gone@acme.example', active: false, accounts: { slack: 'U0GONE' }, roles: [] },
];
const slack = (id: string) => ({ chat: 'slack' as const, id });

describe('resolveChatUser', () => {
  it('finds a linked person without asking the chat for their email', async () => {
    let asked = false;
    const p = inMemoryPeople(people());
    expect(await resolveChatUser(p, 't', slack('U0LINKED'), async () => { asked = true; return 'x@y'; })).toBe('u-linked');
    expect(asked).toBe(false);
  });

  it('links an unlinked person by the email the chat has for them (any case), once', async () => {
    const p = inMemoryPeople(people());
    expect(await resolveChatUser(p, 't', slack('U0NEW'), async () => 'new.person@ACME.example')).toBe('u-new');
    expect(await resolveChatUser(p, 't', slack('U0NEW'), async () => undefined)).toBe('u-new');
    expect(p.calls).toEqual(['linked U0NEW', 'linkByEmail U0NEW new.person@ACME.example', 'linked U0NEW']);
  });

  it('knows nobody for an account without an email, or a deactivated person (even when the chat still has their email)', async () => {
    const p = inMemoryPeople(people());
    expect(await resolveChatUser(p, 't', slack('U0NOMAIL'), async () => undefined)).toBeNull();
    expect(await resolveChatUser(p, 't', slack('U0GONE'), async () => 'gone@acme.example')).toBeNull();
  });
});

describe('actAs', () => {
  const ports = (fail?: Error) => ({
    people: inMemoryPeople(people()),
    runner: { runAs: async <T>(_t: string, userId: string, useCase: (u: never, a: never) => Promise<T>) => {
      if (fail) throw fail;
      return useCase(userId as never, userId as never);
    } },
  });

  it('runs the use case as the person: done, with who they are', async () => {
    expect(await actAs(ports(), 't', slack('U0LINKED'), async () => undefined, async (_unit, actor) => `ran as ${String(actor)}`))
      .toEqual({ done: 'ran as u-linked', userId: 'u-linked' });
  });

  it("gives core's refusal as an outcome, and someone unknown as unknown, running nothing", async () => {
    const refusal = new ForbiddenError('You cannot approve your own upload');
    expect(await actAs(ports(refusal), 't', slack('U0LINKED'), async () => undefined, async () => 'x')).toEqual({ refused: refusal, userId: 'u-linked' });
    expect(await actAs(ports(), 't', slack('U0STRANGER'), async () => undefined, async () => { throw new Error('must not run'); })).toEqual({ unknown: true });
  });

  it('lets any other error go on', async () => {
    await expect(actAs(ports(new Error('connect ECONNREFUSED')), 't', slack('U0LINKED'), async () => undefined, async () => 'x')).rejects.toThrow('ECONNREFUSED');
  });
});
