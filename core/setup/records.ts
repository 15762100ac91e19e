import { z } from 'zod';
import { ENTITY_GST_MODES, ENTITY_TYPES, profileSchema } from '../engine/applicability.js';
import { ROLES } from '../engine/access.js';
import { calendarDateProblem } from '../engine/dates.js';
import { DAYS_HINT, scheduleProblem } from '../engine/notice.js';
import { MAX_ESCALATION_REPEAT_DAYS } from '../engine/reminders.js';
import { ENTITY_EVENT_KINDS, eventFiscalYear } from '../engine/events.js';
import { STATE_NAMES, stateCodeOf } from '../engine/states.js';
import { masterSchema, REGISTRATION_KINDS } from '../engine/master.js';
import { gstinState, REGISTRATION_GST_MODES, registrationNumberProblem } from '../engine/registrations.js';
import { ValidationError } from '../errors.js';
import { passwordProblem } from './password.js';
import { refuseWith } from './refine.js';

/**
 * What an admin may write for each setup record, validated at the edge (portal form, CSV row)
 * with messages that say what to do. Empty form fields arrive as '' and mean "no value".
 */
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** What each JSON field looks like, for the message when what was typed is not JSON. */
const JSON_EXAMPLES = {
  profile: '{"has_employees": true, "tds_deductor": true}',
  ruleVersions: '[{"effectiveFrom":"2017-07-01","rule":{"kind":"after_period_end","months":1,"day":20}}]',
  applicability: '{"entityTypes":["company"]}',
};

/**
 * Text that should hold JSON, parsed. Text that is not JSON is refused (under `path`, within the
 * record being read) with where it breaks and what to write: the schema would only say
 * "expected an object, received a string".
 */
function parseJsonText(value: unknown, field: keyof typeof JSON_EXAMPLES, ctx: z.core.$RefinementCtx, path: PropertyKey[] = []): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', path, message: `not valid JSON (${(error as Error).message}): write it like ${JSON_EXAMPLES[field]}` });
    return z.NEVER;
  }
}
const optionalText = z.preprocess(blankToUndefined, z.string().trim().min(1).optional());
const uuid = (what: string) => z.uuid(`choose a ${what}`);
const flag = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());
/**
 * A calendar date as typed, YYYY-MM-DD, that must exist. Taken as text only: a JavaScript Date
 * would already have turned 30 February into 2 March, or moved the day by a time zone.
 */
export const isoDate = z.string({ error: 'give the date as text, YYYY-MM-DD (e.g. 2026-09-30)' }).trim().superRefine(refuseWith(calendarDateProblem));
/** A state or union territory, chosen from the list or typed by name or code ("Gujarat", "GJ"): stored as its code. */
const stateCode = z.string({ error: 'choose the state or union territory' }).transform((typed, ctx) => {
  const code = stateCodeOf(typed);
  if (code) return code;
  const message = typed.trim() === '' ? 'choose the state or union territory' : `"${typed.trim()}" is not a state or union territory of India: choose one from the list (e.g. Maharashtra)`;
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
});
export const slackChannelId = z.string().regex(/^[CG][A-Z0-9]{6,}$/, 'a Slack channel id looks like C0123ABCD (channel details → About)');
const slackChannel = z.preprocess(blankToUndefined, slackChannelId.optional());
/** A Teams person as Teams names them to bots: their Microsoft Entra object id, kept in lower case. */
const teamsUserId = z.preprocess(blankToUndefined, z.string().trim().toLowerCase()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a Teams person is named by their Microsoft Entra object id, a GUID like 1f2e3d4c-5b6a-4789-8abc-def012345678 (Entra admin center → Users → the person → Object ID)').optional());
/** A Teams channel's conversation id, as a link to the channel carries it (URL-decoded). */
export const teamsChannelId = z.string().trim()
  .regex(/^19:[^\s@]+@thread\.(tacv2|skype|v2)$/, 'a Teams channel id looks like 19:…@thread.tacv2 (in Teams: the channel → ⋯ → Get link to channel; it is the part after /channel/, with %3a read as : and %40 as @)');
const teamsChannel = z.preprocess(blankToUndefined, teamsChannelId.optional());

export function isValidTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const tenantSettingsSchema = z.object({
  name: z.string().trim().min(2),
  timezone: z.string().refine(isValidTimezone, 'not a time zone: use an IANA name such as Asia/Kolkata'),
  amber_window_days: z.coerce.number().int().min(0).max(90),
  reminder_days_before: z.coerce.number().int().min(0).max(60),
  escalation_after_days: z.coerce.number().int().min(0).max(60),
  escalation_repeat_days: z.coerce.number().int().min(1).max(MAX_ESCALATION_REPEAT_DAYS),
  working_hours_start: z.coerce.number().int().min(0).max(23),
  working_hours_end: z.coerce.number().int().min(1).max(24),
  generation_horizon_months: z.coerce.number().int().min(0).max(24),
  tracking_start_date: z.preprocess(blankToUndefined, isoDate.optional()),
  slack_channel_id: slackChannel,
}).refine((t) => t.working_hours_start < t.working_hours_end, { path: ['working_hours_end'], message: 'working hours must end after they start' });

export const newTenantSchema = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and - (e.g. acme-group)'),
}).and(tenantSettingsSchema);

/** An entity. Its GSTINs are registrations of their own (entities.gstins is the database's mirror of them). */
export const entitySchema = z.object({
  name: z.string().trim().min(2),
  legal_name: z.string().trim().min(2),
  entity_type: z.enum(ENTITY_TYPES),
  pan: z.preprocess(blankToUndefined, z.string().trim().toUpperCase().regex(/^[A-Z]{5}[0-9]{4}[A-Z]$/, 'a PAN is 5 letters, 4 digits, 1 letter (e.g. AAACD1234F)').optional()),
  cin: optionalText,
  state: stateCode,
  // The principal place of business's district: extensions limited to districts (floods, say) match it.
  district: optionalText,
  gst_mode: z.enum(ENTITY_GST_MODES),
  profile: z.preprocess((v, ctx) => (typeof v === 'string' && v.trim() === '' ? {} : parseJsonText(v, 'profile', ctx) ?? {}), profileSchema),
  slack_channel_id: slackChannel,
  teams_channel_id: teamsChannel,
  is_active: flag.default(true),
});

/**
 * A registration of an entity. A GSTIN's state is read from its first two digits (a state typed
 * beside it must agree) and it needs a filing mode; PT and LWF registrations need their state;
 * other kinds have no GST mode. (That a GSTIN carries the entity's PAN the database checks, as it
 * knows the entity.)
 */
export const registrationSchema = z.object({
  entity_id: uuid('entity'),
  kind: z.enum(REGISTRATION_KINDS, 'choose the kind: gstin, tan, pt, lwf, pf or esi'),
  number: z.string({ error: 'give the registration number' }).trim().toUpperCase().min(1, 'give the registration number'),
  state: z.preprocess(blankToUndefined, stateCode.optional()),
  gst_mode: z.preprocess(blankToUndefined, z.enum(REGISTRATION_GST_MODES, 'a GSTIN files monthly, qrmp, composition or isd').optional()),
  district: optionalText,
  is_active: flag.default(true),
}).superRefine((r, ctx) => {
  const problem = registrationNumberProblem(r.kind, r.number);
  if (problem) ctx.addIssue({ code: 'custom', path: ['number'], message: problem });
  if (r.kind === 'gstin') {
    const state = gstinState(r.number);
    if (state && r.state && r.state !== state) ctx.addIssue({ code: 'custom', path: ['state'], message: `a GSTIN starting ${r.number.slice(0, 2)} is registered in ${STATE_NAMES[state]}, not ${STATE_NAMES[r.state]}: leave the state empty or correct the GSTIN` });
    if (!r.gst_mode) ctx.addIssue({ code: 'custom', path: ['gst_mode'], message: 'choose how this GSTIN files: monthly, qrmp, composition or isd' });
  } else if (r.gst_mode) {
    ctx.addIssue({ code: 'custom', path: ['gst_mode'], message: 'only a GSTIN has a GST filing mode: leave it empty' });
  }
  if ((r.kind === 'pt' || r.kind === 'lwf') && !r.state) ctx.addIssue({ code: 'custom', path: ['state'], message: 'give the state this registration is in (e.g. MH)' });
}).transform((r) => ({
  ...r,
  state: r.kind === 'gstin' ? gstinState(r.number) ?? r.state ?? null : r.state ?? null,
  gst_mode: r.kind === 'gstin' ? r.gst_mode ?? null : null,
  district: r.district ?? null,
}));

/**
 * An entity event. An AGM is recorded for the FY it is held for (one per FY); any other event
 * (a director's details changed, a remittance abroad) is filed under its date's FY, may happen
 * any number of times, and says what it was: which director, which payee.
 */
export const entityEventSchema = z.object({
  entity_id: uuid('entity'),
  kind: z.enum(ENTITY_EVENT_KINDS, `choose what happened: ${ENTITY_EVENT_KINDS.join(', ')}`),
  fiscal_year: z.preprocess(blankToUndefined, z.string().trim().regex(/^FY[0-9]{4}-[0-9]{2}$/, 'a financial year like FY2025-26').optional()),
  event_date: isoDate,
  description: optionalText,
}).superRefine((e, ctx) => {
  if (e.kind === 'agm' && !e.fiscal_year) ctx.addIssue({ code: 'custom', path: ['fiscal_year'], message: 'give the financial year the AGM was held for, e.g. FY2025-26' });
  if (e.kind !== 'agm' && !e.description) {
    ctx.addIssue({ code: 'custom', path: ['description'], message: `say what it was (${e.kind === 'foreign_remittance' ? 'the payee and what the payment is for' : 'which director, and what changed'})` });
  }
}).transform((e) => ({
  ...e,
  // Only the AGM is held "for" a year; any other event belongs to the FY of its date.
  fiscal_year: e.kind === 'agm' ? e.fiscal_year! : eventFiscalYear(e.event_date),
  description: e.description ?? null,
}));

export const userSchema = z.object({
  // Trimmed before the format check (zod checks run in order): a pasted trailing space is not an error.
  email: z.string().trim().toLowerCase().pipe(z.email('not an email address')),
  name: z.string().trim().min(2),
  slack_user_id: z.preprocess(blankToUndefined, z.string().regex(/^[UW][A-Z0-9]{6,}$/, 'a Slack member id looks like U0123ABCD (profile → ⋮ → Copy member ID)').optional()),
  teams_user_id: teamsUserId,
  is_active: flag.default(true),
  password: z.preprocess(blankToUndefined, z.string().superRefine(refuseWith((p) => passwordProblem(p))).optional()),
}).superRefine((user, ctx) => {
  // Checked once the email is known to be one: a password must not contain the person's email name.
  const problem = user.password ? passwordProblem(user.password, user.email) : undefined;
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
});

export const roleAssignmentSchema = z.object({
  user_id: uuid('person'),
  role: z.enum(ROLES.filter((r) => r !== 'platform_admin') as ['tenant_admin', ...string[]]),
  entity_id: z.preprocess(blankToUndefined, uuid('entity').optional()),
});

export const assignmentSchema = z.object({
  entity_id: uuid('entity'),
  master_id: uuid('obligation'),
  owner_user_id: z.preprocess(blankToUndefined, uuid('preparer').optional()),
  approver_user_id: z.preprocess(blankToUndefined, uuid('approver').optional()),
  reason: optionalText,
  is_active: flag.default(true),
});

/** "30, 14, 7, 3" (or the array the database gives back) → [30, 14, 7, 3], checked. */
const noticeDays = z.preprocess(
  (value) => (Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/).filter(Boolean)),
  z.array(z.string()).transform((tokens, ctx) => {
    const word = tokens.find((t) => !/^\d{1,3}$/.test(t));
    const problem = word !== undefined ? `“${word}” ${DAYS_HINT}` : scheduleProblem(tokens.map(Number));
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    return tokens.map(Number);
  }),
);

/** A tenant's own obligation's notice, or empty for its frequency's default. */
export const masterNoticeSchema = z.object({
  reminder_days: z.preprocess((v) => (v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0) ? undefined : v), noticeDays.optional()),
});

/** A tenant's own notice schedule for an obligation: the days before its due date the preparer is reminded. */
export const reminderScheduleSchema = z.object({
  master_id: uuid('obligation'),
  days_before: noticeDays,
});

export const holidaySchema = z.object({
  holiday_date: isoDate,
  // Empty: a holiday in every state.
  state: z.preprocess(blankToUndefined, stateCode.optional()),
  name: z.string().trim().min(2),
});

export const reassignSchema = z.object({
  owner_user_id: z.preprocess(blankToUndefined, uuid('preparer').optional()),
  approver_user_id: z.preprocess(blankToUndefined, uuid('approver').optional()),
});


/** Field → message for every problem, so a form shows them all at once. */
export function fieldProblems(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'record');
    fields[field] ??= issue.message;
  }
  return fields;
}

/** Parses input with a record schema, or throws one ValidationError naming every bad field. */
export function parseRecord<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldProblems(result.error);
  const message = Object.entries(fields).map(([field, problem]) => `${field}: ${problem}`).join('; ');
  throw new ValidationError(message, { details: { fields } });
}

/**
 * A master from columns as the portal form and the CSV import name them (snake_case, rules and
 * applicability as JSON text); blank optional columns count as absent.
 */
export const masterFromColumns = z.preprocess((value, ctx) => {
  const c = (value ?? {}) as Record<string, unknown>;
  // Both JSON columns are read before either refusal ends the parse, so both are reported.
  const ruleVersions = parseJsonText(c.rule_versions, 'ruleVersions', ctx, ['ruleVersions']);
  const applicability = parseJsonText(blankToUndefined(c.applicability), 'applicability', ctx, ['applicability']);
  return {
    code: c.code, name: c.name, category: c.category, law: c.law, authority: c.authority, frequency: c.frequency,
    section: blankToUndefined(c.section), ruleVersions, holidayPolicy: blankToUndefined(c.holiday_policy), owedPer: blankToUndefined(c.owed_per),
    applicability, description: blankToUndefined(c.description), sources: blankToUndefined(c.sources),
  };
}, masterSchema);

/** The column a master field's problem belongs under. */
export const masterColumnOf = (field: string) => ({ ruleVersions: 'rule_versions', holidayPolicy: 'holiday_policy', owedPer: 'owed_per' })[field] ?? field;
