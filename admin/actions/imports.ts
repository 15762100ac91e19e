import type { Master } from '../../core/engine/master.js';
import { ValidationError } from '../../core/errors.js';
import { duplicatesIn, readTable, validateRows, type RowProblem } from '../../core/setup/csv.js';
import { holidaySchema, masterColumnOf, masterFromColumns, roleAssignmentSchema, userSchema } from '../../core/setup/records.js';
import { importSetupRecords } from '../../core/use-cases/import-setup-records.js';
import type { ImportStore } from '../../infra/portal/imports-store.js';
import { canChange } from '../resources/common.js';
import type { ActionDeps } from './work-actions.js';
import { previewConfirmAction, type Preview } from './preview-confirm.js';

/** One import: its columns, how rows are checked against the file and the tenant, how they are written. */
interface Importer<T> {
  name: string;
  label: string;
  objectType: string;
  required: readonly string[];
  optional: readonly string[];
  example: string;
  check(text: string, store: ImportStore): Promise<{ rows: { row: number; value: T }[]; problems: RowProblem[] }>;
  /** Inserts one row; returns the new row's id and what to audit. */
  insert(value: T, store: ImportStore): Promise<{ id: string; after: Record<string, unknown> }>;
  describe(value: T): string[];
}

const holidays: Importer<{ holiday_date: string; name: string; state?: string }> = {
  name: 'importHolidays', label: 'Import holidays (CSV)', objectType: 'holiday',
  required: ['holiday_date', 'name'], optional: ['state'],
  example: 'holiday_date,name,state\n2026-10-02,Gandhi Jayanti,\n2026-11-09,Diwali (Balipratipada),MH',
  async check(text, store) {
    const { table, problems } = readTable(text, this.required, this.optional);
    if (!table) return { rows: [], problems };
    const { valid, problems: bad } = validateRows(table, holidaySchema);
    const existing = await store.holidayKeys();
    const clashes = valid.filter((r) => existing.has(`${r.value.holiday_date}|${r.value.state ?? ''}`))
      .map((r) => ({ row: r.row, column: 'holiday_date', problem: `a holiday on ${r.value.holiday_date}${r.value.state ? ` in ${r.value.state}` : ''} already exists` }));
    return { rows: valid, problems: [...problems, ...bad, ...clashes, ...duplicatesIn(valid, 'holiday_date', (v) => `${v.holiday_date} ${v.state ?? ''}`.trim())] };
  },
  // Open "next working day" items on the new holidays move at once (core re-dates them), audited.
  insert: (v, store) => store.insertHoliday(v),
  describe: (v) => [v.holiday_date, v.name, v.state ?? 'every state'],
};

type PersonRow = { email: string; name: string; role: string; entityId?: string; entityName?: string; slack_user_id?: string };

const people: Importer<PersonRow> = {
  name: 'importUsers', label: 'Import people (CSV)', objectType: 'user',
  required: ['email', 'name', 'role'], optional: ['entity', 'slack_user_id'],
  example: 'email,name,role,entity,slack_user_id\npriya@example.com,Priya Shah,owner,,U0123ABCD\narjun@example.com,Arjun Rao,approver,Acme Manufacturing,',
  async check(text, store) {
    const { table, problems } = readTable(text, this.required, this.optional);
    if (!table) return { rows: [], problems };
    const entities = await store.entityIdsByName();
    const emails = await store.emails();
    const slackIds = await store.slackUserIds();
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
  insert: (v, store) => store.insertPerson(v),
  describe: (v) => [v.email, v.name, v.role, v.entityName ?? 'whole tenant'],
};

type MasterValue = Master;

const masters: Importer<MasterValue> = {
  name: 'importMasters', label: 'Import obligations (CSV)', objectType: 'master',
  required: ['code', 'name', 'category', 'law', 'authority', 'frequency', 'rule_versions'],
  optional: ['section', 'holiday_policy', 'owed_per', 'applicability', 'description', 'sources'],
  example: 'code,name,category,law,authority,frequency,rule_versions\nLWF_GOA,Labour welfare fund (Goa),Labour,Goa LWF Act 1986,GLWB,half_yearly,"[{""effectiveFrom"":""2020-04-01"",""rule"":{""kind"":""after_period_end"",""months"":0,""day"":15}}]"',
  async check(text, store) {
    const { table, problems } = readTable(text, this.required, this.optional);
    if (!table) return { rows: [], problems };
    const { valid, problems: bad } = validateRows(table, masterFromColumns);
    const own = await store.ownMasterCodes();
    const clashes = valid.filter((r) => own.has(r.value.code)).map((r) => ({ row: r.row, column: 'code', problem: `${r.value.code} already exists in your library` }));
    return { rows: valid, problems: [...problems, ...bad.map((p) => ({ ...p, column: masterColumnOf(p.column) })), ...clashes, ...duplicatesIn(valid, 'code', (v) => v.code)] };
  },
  insert: (v, store) => store.insertMaster(v),
  describe: (v) => [v.code, v.name, v.frequency],
};

const problemPreview = (problems: RowProblem[]): Preview => ({
  message: `Nothing was imported: ${problems.length} problem(s). Fix these rows and preview again.`,
  columns: ['Row', 'Column', 'Problem'],
  rows: problems.sort((a, b) => a.row - b.row).map((p) => [String(p.row), p.column, p.problem]),
  blocked: true,
});

/** The three CSV imports as portal actions: preview checks every row; confirm writes all rows or none. */
export function importAction<T>({ work }: ActionDeps, importer: Importer<T>, columns: string[]) {
  return previewConfirmAction({
    name: importer.name, label: importer.label, icon: 'Upload', actionType: 'resource', isAccessible: canChange,
    intro: `Paste a CSV with a header row. Columns: ${[...importer.required, ...importer.optional.map((c) => `${c} (optional)`)].join(', ')}. Every row is checked first; if any row has a problem nothing is imported.\nExample:\n${importer.example}`,
    confirmLabel: 'Import all rows',
    fields: [{ name: 'tenant', label: 'Tenant (slug)', platformOnly: true }, { name: 'csv', label: 'CSV', multiline: true, placeholder: importer.example }],
    preview: async (input, admin) => work.inTenant(admin, await work.resolveTenant(admin, { slug: input.tenant }), async (ops) => {
      const { rows, problems } = await importer.check(input.csv ?? '', ops.imports);
      if (problems.length > 0) return problemPreview(problems);
      if (rows.length === 0) return { message: 'The file has a header but no rows.', columns: [], rows: [], blocked: true };
      return { message: `${rows.length} row(s) ready to import.`, columns: ['Row', ...columns], rows: rows.map((r) => [String(r.row), ...importer.describe(r.value)]) };
    }),
    apply: async (input, admin) => work.inTenant(admin, await work.resolveTenant(admin, { slug: input.tenant }), async (ops) => {
      const { rows, problems } = await importer.check(input.csv ?? '', ops.imports);
      if (problems.length > 0) throw new ValidationError(problemPreview(problems).rows.map((r) => `row ${r[0]} ${r[1]}: ${r[2]}`).join('; '));
      const imported = await importSetupRecords(await ops.unit(), ops.actor, { objectType: importer.objectType, rows, insert: (value) => importer.insert(value, ops.imports) });
      return `Imported ${imported} row(s).`;
    }),
  });
}

export const IMPORTERS = { holidays, people, masters };
export const IMPORT_COLUMNS = { holidays: ['Date', 'Name', 'State'], people: ['Email', 'Name', 'Role', 'Scope'], masters: ['Code', 'Name', 'Frequency'] };
