import { systemActor } from '../../../core/engine/access.js';
import type { ExtensionKind } from '../../../core/engine/master.js';
import { entityWithRegistration } from '../../../core/engine/registrations.js';
import { applicableMasters } from '../../../core/use-cases/applicable-masters.js';
import { coverageGaps } from '../../../core/use-cases/coverage-gaps.js';
import { applyExtension, previewExtension } from '../../../core/use-cases/apply-extension.js';
import { assignApplicableMasters } from '../../../core/use-cases/assign-applicable-masters.js';
import { generateInstances, generationActor } from '../../../core/use-cases/generate-instances.js';
import { syncLibrary } from '../../../core/use-cases/sync-library.js';
import { enginePorts, tenantWork } from '../../../infra/stores/engine-unit.js';
import { entityIdByName } from '../../../infra/stores/entities.js';
import { tenantIdBySlug } from '../../../infra/stores/tenants.js';
import { getStatusSummary } from '../../../infra/engine/cached-status.js';
import { dateOption, optionalString, requireString, type Command } from '../command.js';

const cliActor = systemActor('cli', 'Command line');

/** "MH, KA" → ['MH', 'KA']. */
const listOption = (value: unknown): string[] => String(value ?? '').split(',').map((v) => v.trim()).filter(Boolean);

export const engineCommands: Command[] = [
  {
    words: ['library', 'sync'],
    usage: 'library sync',
    summary: 'Upsert the shipped statutory library, its extensions and holiday calendars; re-date open instances whose rules or holidays changed.',
    options: {},
    async run({ runtime, io }) {
      const { db } = await runtime();
      const r = await syncLibrary(enginePorts(db));
      io.out(`Masters: ${r.masters.inserted.length} added, ${r.masters.updated.length} updated, ${r.masters.unchanged} unchanged.`);
      io.out(`Extensions and fee waivers: ${r.extensions.inserted} added, ${r.extensions.updated} updated, ${r.extensions.removed} removed, ${r.extensions.unchanged} unchanged.`);
      io.out(`Holidays: ${r.holidays.inserted} added, ${r.holidays.renamed} renamed, ${r.holidays.removed} removed, ${r.holidays.unchanged} unchanged.`);
      if (r.masters.updated.length > 0) io.out(`Updated: ${r.masters.updated.join(', ')}`);
      io.out(`Open instances re-dated: ${r.moved}.`);
      return 0;
    },
  },
  {
    words: ['assign'],
    usage: 'assign --tenant <slug> --entity <name> [--dry-run]',
    summary: "List which obligations apply to an entity and why; without --dry-run, assign the unassigned ones.",
    options: { tenant: { type: 'string' }, entity: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    async run({ runtime, io }, values) {
      const { db } = await runtime();
      const tenantId = await tenantIdBySlug(db, requireString(values, 'tenant'));
      const entityId = await entityIdByName(db, tenantId, requireString(values, 'entity'));
      const work = tenantWork(db);
      const list = await work.inTenant(tenantId, (unit) => applicableMasters(unit, { entityId }));
      for (const a of list.filter((x) => x.applies)) io.out(`${a.assigned ? 'assigned ' : 'applies  '} ${a.code.padEnd(20)} ${a.reason}`);
      io.out(`${list.filter((x) => !x.applies).length} other obligations do not apply.`);
      for (const gap of await work.inTenant(tenantId, (unit) => coverageGaps(unit, { entityId }))) io.err(`Not tracked: ${gap.message}`);
      if (values['dry-run']) return 0;
      const added = await work.inTenant(tenantId, (unit) => assignApplicableMasters(unit, cliActor, { entityId }));
      io.out(`Assigned ${added.length} obligation(s).`);
      return 0;
    },
  },
  {
    words: ['generate'],
    usage: 'generate --tenant <slug> [--as-of YYYY-MM-DD]',
    summary: "Create the tenant's instances for the current FY plus its horizon. Running it again creates nothing new.",
    options: { tenant: { type: 'string' }, 'as-of': { type: 'string' } },
    async run({ runtime, io }, values) {
      const { db, clock } = await runtime();
      const tenantId = await tenantIdBySlug(db, requireString(values, 'tenant'));
      const asOf = dateOption(values, 'as-of');
      const r = await tenantWork(db).inTenant(tenantId, (unit) => generateInstances(unit, generationActor, { asOf }, clock.now()));
      io.out(`Created ${r.created} instance(s) from ${r.scheduleRows} schedule rows (periods ${r.window.periodsFrom} to ${r.window.periodsTo}, due from ${r.window.dueFrom}).`);
      return 0;
    },
  },
  {
    words: ['status'],
    usage: 'status --tenant <slug> [--entity <name>] [--as-of YYYY-MM-DD]',
    summary: 'Red / amber / green counts per entity and the most urgent open items.',
    options: { tenant: { type: 'string' }, entity: { type: 'string' }, 'as-of': { type: 'string' } },
    async run({ runtime, io }, values) {
      const rt = await runtime();
      const { db } = rt;
      const tenantId = await tenantIdBySlug(db, requireString(values, 'tenant'));
      const entityName = optionalString(values, 'entity');
      const entityId = entityName ? await entityIdByName(db, tenantId, entityName) : undefined;
      const summary = await getStatusSummary(rt, tenantId, { entityId, today: dateOption(values, 'as-of'), now: rt.clock.now() });
      io.out(`Status on ${summary.today}: ${summary.totals.red} red, ${summary.totals.amber} amber, ${summary.totals.green} green`);
      for (const e of summary.entities) {
        io.out(`  ${e.entityName.padEnd(24)} red ${String(e.red).padStart(3)}  amber ${String(e.amber).padStart(3)}  green ${String(e.green).padStart(3)}   (${Object.entries(e.byStatus).filter(([, n]) => n > 0).map(([s, n]) => `${s} ${n}`).join(', ')})`);
      }
      if (summary.urgent.length > 0) io.out('Most urgent:');
      for (const u of summary.urgent) {
        io.out(`  ${u.rag.toUpperCase().padEnd(5)} ${u.dueDate}  ${u.code.padEnd(20)} ${u.periodKey.padEnd(13)} ${entityWithRegistration(u.entityName, u.registration).padEnd(20)} ${u.status}${u.ownerName ? `  (${u.ownerName})` : ''}`);
      }
      return 0;
    },
  },
  {
    words: ['extension', 'apply'],
    usage: 'extension apply --tenant <slug> --code <CODE> --period <key> --date YYYY-MM-DD --reference "<notification>" [--kind extension|fee_waiver] [--states MH,KA] [--districts "Thane,Raigad"] [--preview]',
    summary: 'Record a government extension (or fee waiver, which moves no date) for one obligation and period, optionally only for some states or districts, and move its open instances (--preview lists them only).',
    options: {
      tenant: { type: 'string' }, code: { type: 'string' }, period: { type: 'string' }, date: { type: 'string' },
      reference: { type: 'string' }, kind: { type: 'string' }, states: { type: 'string' }, districts: { type: 'string' }, preview: { type: 'boolean' },
    },
    async run({ runtime, io }, values) {
      const { db, clock } = await runtime();
      const tenantId = await tenantIdBySlug(db, requireString(values, 'tenant'));
      const input = {
        code: requireString(values, 'code').toUpperCase(), periodKey: requireString(values, 'period'),
        extendedDueDate: dateOption(values, 'date', true), reference: requireString(values, 'reference'),
        kind: (values.kind as string | undefined) as ExtensionKind | undefined, states: listOption(values.states), districts: listOption(values.districts),
      };
      const moved = await tenantWork(db).inTenant(tenantId, (unit) =>
        (values.preview ? previewExtension : applyExtension)(unit, cliActor, input, clock.now()));
      io.out(`${values.preview ? 'Would move' : 'Moved'} ${moved.length} open instance(s) of ${input.code} ${input.periodKey}:`);
      for (const m of moved) io.out(`  ${m.instanceId}  ${m.oldDueDate} -> ${m.newDueDate}  (statutory ${m.statutoryDueDate})`);
      return 0;
    },
  },
];
