import { describe, expect, it } from '@jest/globals';
import { systemActor, type Actor } from '../../core/engine/access.js';
import type { TenantWork } from '../../core/ports/index.js';
import { linkPeopleToSlack } from '../../core/use-cases/link-people-to-slack.js';
import { recordSlackConnection } from '../../core/use-cases/record-slack-connection.js';
import { setChatChannel } from '../../core/use-cases/set-chat-channel.js';
import { engineState, inMemoryEngineUnit, type EngineState } from '../support/in-memory-engine.js';

const cli = systemActor('cli', 'Command line');
const entityAdmin: Actor = { type: 'user', id: 'u-2', roles: [{ role: 'tenant_admin', entityId: 'e-1' }] };
const owner: Actor = { type: 'user', id: 'u-3', roles: [{ role: 'owner', entityId: null }] };
const workOn = (state: EngineState): TenantWork & { opened: number } => {
  const work = { opened: 0, inTenant: async <T>(_id: string, run: (unit: ReturnType<typeof inMemoryEngineUnit>) => Promise<T>) => (work.opened++, run(inMemoryEngineUnit(state))) };
  return work;
};

describe("an entity's Slack channel", () => {
  it('is set with the setup rule, audited as an entity update with before and after', async () => {
    const state = engineState({ channels: new Map([['slack:e-1', 'C0OLD00001']]) });
    await setChatChannel(inMemoryEngineUnit(state), cli, { chat: 'slack', entityId: 'e-1', channel: 'C0NEW00001' });
    expect(state.channels.get('slack:e-1')).toBe('C0NEW00001');
    expect(state.audit).toEqual([{
      actor: { type: 'system', id: 'cli', label: 'Command line' }, action: 'entity.updated', objectType: 'entity', objectId: 'e-1',
      before: { slack_channel_id: 'C0OLD00001' }, after: { slack_channel_id: 'C0NEW00001' },
    }]);
  });

  it("without an entity, the tenant's fallback channel, as a tenant update", async () => {
    const state = engineState();
    await setChatChannel(inMemoryEngineUnit(state), cli, { chat: 'slack', entityId: null, channel: 'C0ALL00001' });
    expect(state.channels.get('slack:')).toBe('C0ALL00001');
    expect(state.audit[0]).toMatchObject({ action: 'tenant.updated', objectType: 'tenant', objectId: 'tenant-1', before: { slack_channel_id: null } });
  });

  it("an entity's admin may set their entity's, not the tenant's; an owner neither", async () => {
    const state = engineState();
    await setChatChannel(inMemoryEngineUnit(state), entityAdmin, { chat: 'slack', entityId: 'e-1', channel: 'C0NEW00001' });
    await expect(setChatChannel(inMemoryEngineUnit(state), entityAdmin, { chat: 'slack', entityId: null, channel: 'C0ALL00001' })).rejects.toThrow('You cannot update this tenant');
    await expect(setChatChannel(inMemoryEngineUnit(state), owner, { chat: 'slack', entityId: 'e-1', channel: 'C0BAD00001' })).rejects.toThrow('You cannot update this entity');
    expect([...state.channels]).toEqual([['slack:e-1', 'C0NEW00001']]);
    expect(state.audit).toHaveLength(1);
  });
});

describe("an entity's Teams channel", () => {
  it('is set with the same rule and audited under its own field; Teams has no tenant-wide fallback channel', async () => {
    const state = engineState();
    await setChatChannel(inMemoryEngineUnit(state), entityAdmin, { chat: 'teams', entityId: 'e-1', channel: '19:gst@thread.tacv2' });
    expect(state.channels.get('teams:e-1')).toBe('19:gst@thread.tacv2');
    expect(state.audit[0]).toMatchObject({ action: 'entity.updated', before: { teams_channel_id: null }, after: { teams_channel_id: '19:gst@thread.tacv2' } });
    await expect(setChatChannel(inMemoryEngineUnit(state), cli, { chat: 'teams', entityId: null, channel: '19:all@thread.tacv2' }))
      .rejects.toThrow("Teams item threads are in an entity's own channel: name the entity");
    expect(state.audit).toHaveLength(1);
  });
});

describe('connecting a Slack workspace', () => {
  it('goes on the audit trail; only an admin (or the platform) may', async () => {
    const state = engineState();
    await recordSlackConnection(inMemoryEngineUnit(state), systemActor('cli'), { teamId: 'T0001', team: 'Demo' });
    expect(state.audit).toEqual([{ actor: { type: 'system', id: 'cli' }, action: 'slack.connected', objectType: 'tenant', objectId: 'tenant-1', after: { teamId: 'T0001', team: 'Demo' } }]);
    await expect(recordSlackConnection(inMemoryEngineUnit(state), owner, { teamId: 'T0001', team: 'Demo' })).rejects.toThrow('You cannot connect a Slack workspace');
  });

  it('links the unlinked active people whose email Slack knows, in one write after asking Slack', async () => {
    const state = engineState({
      people: [
        { id: 'p-1', email: 'priya@example.com', active: true, slackUserId: null },
        { id: 'p-2', email: 'arjun@example.com', active: true, slackUserId: null },
        { id: 'p-3', email: 'meera@example.com', active: true, slackUserId: 'U0MEERA' },
        { id: 'p-4', email: 'gone@example.com', active: false, slackUserId: null },
      ],
    });
    const asked: string[] = [];
    const directory = { userIdByEmail: async (email: string) => (asked.push(email), email.startsWith('priya') ? 'U0PRIYA' : undefined) };
    const work = workOn(state);
    expect(await linkPeopleToSlack({ work, directory }, { tenantId: 'tenant-1' })).toEqual({ linked: 1, total: 2 });
    expect(asked).toEqual(['priya@example.com', 'arjun@example.com']);
    expect(state.people.map((p) => p.slackUserId)).toEqual(['U0PRIYA', null, 'U0MEERA', null]);
    expect(work.opened).toBe(2);
  });
});
