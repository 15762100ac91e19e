import type { Knex } from 'knex';
import type { Master } from '../../core/engine/master.js';
import { ValidationError } from '../../core/errors.js';
import { appendAudit } from '../../infra/audit/audit-store.js';
import type { Database, TenantTx } from '../../infra/db/database.js';
import { redateOpenItems } from '../../core/use-cases/redate-open-items.js';
import { createEngineUnit } from '../../infra/stores/engine-unit.js';
import type { Actor } from '../../core/engine/access.js';
import { toMasterRow } from '../../infra/stores/masters.js';
import { duplicatesIn, readTable, validateRows, type RowProblem } from '../../core/setup/csv.js';
import { holidaySchema, masterColumnOf, masterFromColumns, roleAssignmentSchema, userSchema } from '../../core/setup/records.js';
import { authoriseSetupChange } from '../../core/use-cases/setup-records.js';
import { canChange } from '../resources/common.js';
import { actorOf, inTenant, resolveTenant } from '../scope.js';
import { previewConfirmAction, type Preview } from './preview-confirm.js';

/** One import: its columns, how rows are checked against the file and the tenant, how they are written. */
interface Importer<T> {
  name: string;
  label: string;
  objectType: string;
  required: readonly string[];
  optional: readonly string[];
  example: string;
  check(text: string, trx: Knex.Transaction, tenantId: string): Promise<{ rows: { row: number; value: T }[]; problems: RowProblem[] }>;
  /** Inserts one row; returns the new row's id and what to audit. */
  insert(value: T, trx: Knex.Transaction, tenantId: string): Promise<{ id: string; after: Record<string, unknown> }>;
  describe(value: T): string[];
  /** Runs after every row is in, in the same transaction. */
  afterImport?(tx: TenantTx, actor: Actor): Promise<unknown>;
}

const holidays: Importer<{ holiday_date: string; name: string; state?: string }> = {
  name: 'importHolidays', label: 'Import holidays (CSV)', objectType: 'holiday',
  required: ['holiday_date', 'name'], optional: ['state'],
  example: 'holiday_date,name,state\n2026-10-02,Gandhi Jayanti,\n2026-11-09,Diwali (Balipratipada),MH',
  async check(text, trx, tenantId) {
    const { table, problems } = readTable(text, this.required, this.optional);
    if (!table) return { rows: [], problems };
    const { valid, problems: bad } = validateRows(table, holidaySchema);
    const existing = new Set((await trx('holidays').where({ tenant_id: tenantId }).select('holiday_date', 'state')).map((h) => `${h.holiday_date}|${h.state ?? ''}`));
    const clashes = valid.filter((r) => existing.has(`${r.value.holiday_date}|${r.value.state ?? ''}`))
      .map((r) => ({ row: r.row, column: 'holiday_date', problem: `a holiday on ${r.value.holiday_date}${r.value.state ? ` in ${r.value.state}` : ''} already exists` }));
    return { rows: valid, problems: [...problems, ...bad, ...clashes, ...duplicatesIn(valid, 'holiday_date', (v) => `${v.holiday_date} ${v.state ?? ''}`.trim())] };
  },
  async insert(v, trx, tenantId) {
    const [row] = await trx('holidays').insert({ tenant_id: tenantId, holiday_date: v.holiday_date, name: v.name, state: v.state ?? null }).returning(['id', 'holiday_date', 'name', 'state']);
    return { id: row.id, after: row };
  },
  describe: (v) => [v.holiday_date, v.name, v.state ?? 'every state'],
  // Open "next working day" items on the new holidays move at once, audited.
  afterImport: async (tx, actor) => redateOpenItems(await createEngineUnit(tx), actor, {}),
};

type PersonRow = { email: string; name: string; role: string; entityId?: string; entityName?: string; slack_user_id?: string };

const people: Importer<PersonRow> = {
  name: 'importUsers', label: 'Import people (CSV)', objectType: 'user',
  required: ['email', 'name', 'role'], optional: ['entity', 'slack_user_id'],
  example: 'email,name,role,entity,slack_user_id\npriya@example.com,Priya Shah,owner,,U0123ABCD\narjun@example.com,Arjun Rao,approver,Acme Manufacturing,',
  async check(text, trx, tenantId) {
    const { table, problems } = readTable(text, this.required, this.optional);
    if (!table) return { rows: [], problems };
    const entities = new Map((await trx('entities').where({ tenant_id: tenantId }).select('id', 'name')).map((e) => [e.name.toLowerCase(), e.id as string]));
    const emails = new Set((await trx('users').where({ tenant_id: tenantId }).pluck('email')).map((e: string) => e.toLowerCase()));
    const slackIds = new Set<string>(await trx('users').where({ tenant_id: tenantId }).whereNotNull('slack_user_id').pluck('slack_user_id'));
    const rows: { row: number; value: PersonRow }[] = [];
    const found: RowProblem[] = [];
    for (const { row, values } of table.rows) {
      const user = userSchema.safeParse({ email: values.email, name: values.name, slack_user_id: values.slack_user_id });
      const entityId = values.entity ? entities.get(values.entity.toLowerCase()) : undefined;
      const role = roleAssignmentSchema.shape.role.safeParse(values.role);
      if (!user.success) for (const issue of user.error.issues) found.push({ row, column: String(issue.path[0]), problem: issue.message });
      if (!role.success) found.push({ row, column: 'role', problem: `not a role: use one of tenant_admin, owner, approver, cfo, auditor, viewer` });
      if (values.entity && !entityId) found.push({ row, column: 'entity', problem: `no entity named "${values.entity}" (create it first, or leave empty for the whole tenant)` });
      if (user.success && emails.has(user.data.email)) found.push({ row, column: 'email', problem: `${user.data.email} is already a person in this organisation` });
      if (user.success && user.data.slack_user_id && slackIds.has(user.data.slack_user_id)) found.push({ row, column: 'slack_user_id', problem: `${user.data.slack_user_id} is already linked to another person` });
      if (user.success && role.success) rows.push({ row, value: { ...user.data, role: role.data, entityId, entityName: values.entity || undefined } });
    }
    const linked = rows.filter((r) => r.value.slack_user_id) as { row: number; value: PersonRow & { slack_user_id: string } }[];
    return { rows, problems: [...problems, ...found, ...duplicatesIn(rows, 'email', (v) => v.email), ...duplicatesIn(linked, 'slack_user_id', (v) => v.slack_user_id)] };
  },
  async insert(v, trx, tenantId) {
    const [user] = await trx('users').insert({ tenant_id: tenantId, email: v.email, name: v.name, slack_user_id: v.slack_user_id ?? null }).returning(['id', 'email', 'name']);
    await trx('role_assignments').insert({ tenant_id: tenantId, user_id: user.id, role: v.role, entity_id: v.entityId ?? null });
    return { id: user.id, after: { ...user, role: v.role, entityId: v.entityId ?? null } };
  },
  describe: (v) => [v.email, v.name, v.role, v.entityName ?? 'whole tenant'],
};

type MasterValue = Master;

const masters: Importer<MasterValue> = {
  name: 'importMasters', label: 'Import obligations (CSV)', objectType: 'master',
  required: ['code', 'name', 'category', 'law', 'authority', 'frequency', 'rule_versions'],
  optional: ['section', 'holiday_policy', 'applicability', 'description', 'sources'],
  example: 'code,name,category,law,authority,frequency,rule_versions\nLWF_MH,Labour welfare fund (Maharashtra),Labour,MLWF Act 1953,MLWB,half_yearly,"[{""effectiveFrom"":""2020-04-01"",""rule"":{""kind"":""after_period_end"",""months"":0,""day"":15}}]"',
  async check(text, trx, tenantId) {
    const { table, problems } = readTable(text, this.required, this.optional);
    if (!table) return { rows: [], problems };
    const { valid, problems: bad } = validateRows(table, masterFromColumns);
    const own = new Set(await trx('compliance_masters').where({ tenant_id: tenantId }).pluck('code'));
    const clashes = valid.filter((r) => own.has(r.value.code)).map((r) => ({ row: r.row, column: 'code', problem: `${r.value.code} already exists in your library` }));
    return { rows: valid, problems: [...problems, ...bad.map((p) => ({ ...p, column: masterColumnOf(p.column) })), ...clashes, ...duplicatesIn(valid, 'code', (v) => v.code)] };
  },
  async insert(v, trx, tenantId) {
    const [row] = await trx('compliance_masters').insert({ ...toMasterRow(v), tenant_id: tenantId }).returning(['id', 'code', 'name', 'frequency']);
    return { id: row.id, after: row };
  },
  describe: (v) => [v.code, v.name, v.frequency],
};

const problemPreview = (problems: RowProblem[]): Preview => ({
  message: `Nothing was imported: ${problems.length} problem(s). Fix these rows and preview again.`,
  columns: ['Row', 'Column', 'Problem'],
  rows: problems.sort((a, b) => a.row - b.row).map((p) => [String(p.row), p.column, p.problem]),
  blocked: true,
});

/** The three CSV imports as portal actions: preview checks every row; confirm writes all rows or none. */
export function importAction<T>(db: Database, importer: Importer<T>, columns: string[]) {
  return previewConfirmAction({
    name: importer.name, label: importer.label, icon: 'Upload', actionType: 'resource', isAccessible: canChange,
    intro: `Paste a CSV with a header row. Columns: ${[...importer.required, ...importer.optional.map((c) => `${c} (optional)`)].join(', ')}. Every row is checked first; if any row has a problem nothing is imported.\nExample:\n${importer.example}`,
    confirmLabel: 'Import all rows',
    fields: [{ name: 'tenant', label: 'Tenant (slug)', platformOnly: true }, { name: 'csv', label: 'CSV', multiline: true, placeholder: importer.example }],
    preview: async (input, admin) => inTenant(db, admin, await resolveTenant(db, admin, { slug: input.tenant }), async ({ trx, tenantId }) => {
      const { rows, problems } = await importer.check(input.csv ?? '', trx, tenantId);
      if (problems.length > 0) return problemPreview(problems);
      if (rows.length === 0) return { message: 'The file has a header but no rows.', columns: [], rows: [], blocked: true };
      return { message: `${rows.length} row(s) ready to import.`, columns: ['Row', ...columns], rows: rows.map((r) => [String(r.row), ...importer.describe(r.value)]) };
    }),
    apply: async (input, admin) => inTenant(db, admin, await resolveTenant(db, admin, { slug: input.tenant }), async (tx, fresh) => {
      const { trx, tenantId } = tx;
      const actor = actorOf(fresh);
      const { rows, problems } = await importer.check(input.csv ?? '', trx, tenantId);
      if (problems.length > 0) throw new ValidationError(problemPreview(problems).rows.map((r) => `row ${r[0]} ${r[1]}: ${r[2]}`).join('; '));
      // Core's setup rule, once for the file: imports add tenant-wide records.
      authoriseSetupChange(actor, { objectType: importer.objectType, op: 'create', objectId: 'import', entityId: null });
      const audit = [];
      // Row by row (files are hundreds of rows), so a refusal by the database names its row.
      for (const { row, value } of rows) {
        try {
          const { id, after } = await importer.insert(value, trx, tenantId);
          audit.push(authoriseSetupChange(actor, { objectType: importer.objectType, op: 'create', objectId: id, entityId: null, after: { ...after, importedFromRow: row } }));
        } catch (error) {
          // One transaction: a refusal here undoes the rows before it too. The database's detail
          // names the clashing value; its SQL is not shown.
          const detail = (error as { detail?: string }).detail;
          throw new ValidationError(`Nothing was imported: row ${row} was refused${detail ? `: ${detail}` : ' by the database'}.`);
        }
      }
      await appendAudit(tx, audit);
      await importer.afterImport?.(tx, actor);
      return `Imported ${rows.length} row(s).`;
    }),
  });
}

export const IMPORTERS = { holidays, people, masters };
export const IMPORT_COLUMNS = { holidays: ['Date', 'Name', 'State'], people: ['Email', 'Name', 'Role', 'Scope'], masters: ['Code', 'Name', 'Frequency'] };
