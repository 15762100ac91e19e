import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSecretBox } from '../../infra/crypto/secret-box.js';
import { bindTeamsTenant, findTeamsTenant } from '../../infra/stores/teams-tenants.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { aTenant } from '../mothers/tenant-mother.js';
import { runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const box = createSecretBox('5f0c8e2a9b71d346e8a0c2f4b6d81e3a7c9b0d2e4f6a8c1e3b5d7f9a0c2e4b6d');
const AAD = '7d3f2c1a-9b8e-4a6d-8c5b-3e2f1a0d9c8b';
const APP = '6f1c2a9e-0b7d-4c3e-9a51-2d8e7f40c6b1';
const SECRET = 'Qx8~customer.app-secret_2026';

let t: TestDatabase;
let acme: string;
let globex: string;

beforeAll(async () => {
  t = await createTestDatabase();
  acme = (await aTenant('acme').build(t.db)).tenantId;
  globex = (await aTenant('globex').withEntity('works', { name: 'Globex Works' }).build(t.db)).tenantId;
});
afterAll(() => t.drop());

describe('Teams tenant bindings', () => {
  it("binds an Entra tenant with the customer's own app, its secret sealed at rest and on the tenant's audit trail", async () => {
    await bindTeamsTenant(t.db, box, { tenantId: acme, aadTenantId: AAD.toUpperCase(), appId: APP, appPassword: SECRET });
    const { rows } = await t.superuser<{ aad_tenant_id: string; app_password_encrypted: string }>('SELECT aad_tenant_id, app_password_encrypted FROM teams_tenants');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.aad_tenant_id).toBe(AAD);
    expect(rows[0]!.app_password_encrypted).toMatch(/^v1\./);
    expect(rows[0]!.app_password_encrypted).not.toContain(SECRET);
    // Activities name their Entra tenant before we know the tenant: found, whoever asks, in any case.
    expect(await findTeamsTenant(t.db, box, AAD.toUpperCase())).toEqual({ tenantId: acme, aadTenantId: AAD, appId: APP, appPassword: SECRET });
    const audit = await t.db.withTenant(acme, ({ trx }) => trx('audit_log').where({ action: 'teams.connected' }).select('after'));
    expect(audit).toEqual([{ after: { aadTenantId: AAD, appId: APP, ownSecret: true } }]);
  });

  it("is refused when the Entra tenant is another tenant's, and the binding stays where it was", async () => {
    await expect(bindTeamsTenant(t.db, box, { tenantId: globex, aadTenantId: AAD, appId: APP, appPassword: null }))
      .rejects.toThrow(`The Entra tenant ${AAD} is already bound to another tenant: unbind it there first`);
    expect((await findTeamsTenant(t.db, box, AAD))?.tenantId).toBe(acme);
  });

  it('a deployment app binding keeps no secret, and an unbound Entra tenant is found nowhere', async () => {
    await bindTeamsTenant(t.db, box, { tenantId: acme, aadTenantId: AAD, appId: APP, appPassword: null });
    expect(await findTeamsTenant(t.db, box, AAD)).toEqual({ tenantId: acme, aadTenantId: AAD, appId: APP, appPassword: null });
    expect(await findTeamsTenant(t.db, box, '00000000-1111-4222-8333-444444444444')).toBeUndefined();
  });
});

describe('npm run cli -- teams connect', () => {
  const BOT = { TEAMS_APP_ID: APP, TEAMS_APP_PASSWORD: 'deployment~secret-0123', TEAMS_TENANT_ID: 'b0a7c3d1-2e4f-4a6b-8c9d-0e1f2a3b4c5d' };
  const env = () => ({ DATABASE_URL: t.url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'teams-connect-')), ...BOT });
  const ORG = '4c3b2a19-0f8e-4d7c-8b6a-5f4e3d2c1b0a';

  it("binds an organisation to the tenant, served by the deployment's app", async () => {
    const run = await runCli(['teams', 'connect', '--tenant', 'globex', '--aad-tenant', ORG.toUpperCase()], env());
    expect(run).toMatchObject({ code: 0, stdout: `Connected the Microsoft 365 organisation ${ORG} to tenant "globex": its Teams activities now reach this tenant (within a minute).\n` });
    expect(await findTeamsTenant(t.db, box, ORG)).toEqual({ tenantId: globex, aadTenantId: ORG, appId: APP, appPassword: null });
  }, 30_000);

  it('says what is wrong: a directory id that is not one, another tenant\'s organisation, Teams not set up', async () => {
    const notGuid = await runCli(['teams', 'connect', '--tenant', 'globex', '--aad-tenant', 'acme.onmicrosoft.com'], env());
    expect(notGuid.code).toBe(64);
    expect(notGuid.stderr).toMatch(/^--aad-tenant: acme\.onmicrosoft\.com is not a directory \(tenant\) id: it is a GUID/);
    const taken = await runCli(['teams', 'connect', '--tenant', 'globex', '--aad-tenant', AAD], env());
    expect(taken).toMatchObject({ code: 1, stderr: `The Entra tenant ${AAD} is already bound to another tenant: unbind it there first\n` });
    const off = await runCli(['teams', 'connect', '--tenant', 'globex', '--aad-tenant', ORG], { DATABASE_URL: t.url });
    expect(off.code).toBe(64);
    expect(off.stderr).toMatch(/^set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID first/);
  }, 60_000);
});

describe('npm run cli -- teams channel', () => {
  const env = () => ({ DATABASE_URL: t.url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'teams-channel-')) });
  const CHANNEL = '19:a1b2c3d4e5f6@thread.tacv2';

  it("sets an entity's Teams channel, audited, and says when the app is not in that channel's team yet", async () => {
    const run = await runCli(['teams', 'channel', '--tenant', 'globex', '--entity', 'globex works', '--channel', CHANNEL], env());
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Item threads for globex works go to the Teams channel ${CHANNEL}.\n`
      + "Compliance OS has not been added to that channel's team yet: add it in Teams (Apps → Compliance OS → Add to a team). Until then its messages go by email.\n");
    const { rows } = await t.superuser<{ teams_channel_id: string }>("SELECT teams_channel_id FROM entities WHERE tenant_id = $1 AND name = 'Globex Works'", [globex]);
    expect(rows).toEqual([{ teams_channel_id: CHANNEL }]);
    const audit = await t.db.withTenant(globex, ({ trx }) => trx('audit_log').where({ action: 'entity.updated' }).select('before', 'after'));
    expect(audit).toEqual([{ before: { teams_channel_id: null }, after: { teams_channel_id: CHANNEL } }]);
  }, 30_000);

  it('refuses a channel given by name or link, and an entity the tenant does not have, changing nothing', async () => {
    const byName = await runCli(['teams', 'channel', '--tenant', 'globex', '--entity', 'Globex Works', '--channel', 'GST filings'], env());
    expect(byName.code).toBe(64);
    expect(byName.stderr).toMatch(/^--channel: a Teams channel id looks like 19:…@thread\.tacv2 \(in Teams: the channel → ⋯ → Get link to channel/);
    const nobody = await runCli(['teams', 'channel', '--tenant', 'globex', '--entity', 'Acme Works', '--channel', '19:other@thread.tacv2'], env());
    expect(nobody).toMatchObject({ code: 1, stderr: 'No entity named "Acme Works" in this tenant.\n' });
    const { rows } = await t.superuser<{ teams_channel_id: string }>("SELECT teams_channel_id FROM entities WHERE tenant_id = $1", [globex]);
    expect(rows).toEqual([{ teams_channel_id: CHANNEL }]);
  }, 30_000);
});
