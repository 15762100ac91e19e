import { z } from 'zod';
import { applicabilitySchema } from './applicability.js';
import { FREQUENCIES } from './periods.js';
import { RULE_KINDS_BY_FREQUENCY, ruleVersionsSchema } from './rules.js';

export const HOLIDAY_POLICIES = ['none', 'next_working_day'] as const;
export type HolidayPolicy = (typeof HOLIDAY_POLICIES)[number];

/**
 * The registrations the law attaches obligations to: GST per GSTIN, TDS/TCS per TAN, profession
 * tax and labour welfare fund per state registration, PF and ESI per establishment code.
 */
export const REGISTRATION_KINDS = ['gstin', 'tan', 'pt', 'lwf', 'pf', 'esi'] as const;
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];
/** What one item is owed per: the entity as a whole, or each of its registrations of one kind. */
export const OWED_PER = ['entity', ...REGISTRATION_KINDS] as const;
export type OwedPer = (typeof OWED_PER)[number];

/** An obligation in the library (shared or a tenant's own), validated as a whole. */
export const masterSchema = z
  .object({
    code: z.string().regex(/^[A-Z0-9_]{2,64}$/, 'upper-case letters, digits and _ only'),
    name: z.string().min(3),
    category: z.string().min(2),
    law: z.string().min(2),
    section: z.string().optional(),
    authority: z.string().min(2),
    frequency: z.enum(FREQUENCIES),
    ruleVersions: ruleVersionsSchema,
    holidayPolicy: z.enum(HOLIDAY_POLICIES).default('none'),
    owedPer: z.enum(OWED_PER).default('entity'),
    applicability: applicabilitySchema.default({}),
    description: z.string().optional(),
    sources: z.string().optional(),
  })
  .superRefine((master, ctx) => {
    const allowed = RULE_KINDS_BY_FREQUENCY[master.frequency];
    master.ruleVersions.forEach((version, i) => {
      if (!allowed.includes(version.rule.kind)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ruleVersions', i, 'rule', 'kind'],
          message: `a ${master.frequency} obligation needs a rule of kind ${allowed.join(' or ')}, not ${version.rule.kind}`,
        });
      }
    });
  });

export type Master = z.infer<typeof masterSchema>;
export type MasterInput = z.input<typeof masterSchema>;

/**
 * What a government relief does. An `extension` moves the period's due date (the effective date
 * reminders and RAG use). A `fee_waiver` (MCA general circulars) leaves the legal due date as it
 * is and only lets the form be filed without the additional (late) fee until its date: the item is
 * still overdue after its due date, and shows the waiver beside it.
 */
export const EXTENSION_KINDS = ['extension', 'fee_waiver'] as const;
export type ExtensionKind = (typeof EXTENSION_KINDS)[number];

/**
 * Where a relief applies, when not everywhere: principal places of business in these states
 * (two-letter codes, as in applicability) and/or these districts (names, matched case-insensitively).
 * Sorted and de-duplicated, so the same scope is stored (and matched on sync) one way.
 */
const placeList = (item: z.ZodString) => z.array(item).min(1).transform((list) => [...new Set(list)].sort()).optional();
export const extensionScopeSchema = z.object({
  states: placeList(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'a two-letter state code (e.g. MH, KA)')),
  districts: placeList(z.string().trim().min(2, 'a district name (e.g. Thane)')),
});
export type ExtensionScope = z.infer<typeof extensionScopeSchema>;

/**
 * A government relief for this master's period: a later due date (`extension`), or the date until
 * which no additional fee is charged (`fee_waiver`, kept in `extendedDueDate`).
 */
export const extensionSchema = z.object({
  code: z.string(),
  periodKey: z.string().min(4),
  kind: z.enum(EXTENSION_KINDS).default('extension'),
  extendedDueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  reference: z.string().min(3),
  note: z.string().optional(),
}).merge(extensionScopeSchema);
export type Extension = z.infer<typeof extensionSchema>;
/** An extension as written in the library (kind defaults to extension). */
export type ExtensionData = z.input<typeof extensionSchema>;
