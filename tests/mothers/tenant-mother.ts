import { randomBytes } from 'node:crypto';
import type { AuditEntryInput } from '../../core/audit/chain.js';
import type { Role } from '../../core/engine/access.js';
import type { InstanceStatus } from '../../core/engine/status.js';
import type { EvidenceChannel, ReviewStatus } from '../../core/ports/index.js';
import type { Database } from '../../infra/db/database.js';
import { buildInDatabase } from './build-in-database.js';

/**
 * Object mothers for test data: `aTenant('bravo').withEntity(...).withPerson(...).withItem(...)`
 * describes a tenant; `.build(db)` writes it to a test database in one place (plain inserts, the
 * way the product's own rows look), and the in-memory store (tests/fakes) seeds the same plan.
 * Rows refer to each other by the keys given here, or by the id of a row that already exists.
 */

/** A key given to this builder, or the id of an existing row. */
export type Ref = string;

export interface EntitySpec {
  name?: string;
  legalName?: string;
  type?: 'company' | 'opc' | 'llp' | 'partnership' | 'proprietorship' | 'trust' | 'branch';
  pan?: string;
  /** Each becomes a GSTIN registration in the entity's gstMode (as the registrations migration does). */
  gstins?: string[];
  state?: string;
  /** The principal place of business's district (scoped extensions match it). */
  district?: string;
  gstMode?: 'monthly' | 'qrmp' | 'composition' | 'none';
  profile?: Record<string, unknown>;
  /** The entity's Teams channel (19:…@thread.tacv2). */
  teamsChannelId?: string;
}

export interface RegistrationSpec {
  entity: Ref;
  kind: 'gstin' | 'tan' | 'pt' | 'lwf' | 'pf' | 'esi';
  number: string;
  /** A GSTIN's state comes from its first two digits when not given. */
  state?: string;
  /** A GSTIN's filing mode (default monthly). */
  gstMode?: 'monthly' | 'qrmp' | 'composition' | 'isd';
  active?: boolean;
}

/** A role tenant-wide, or for one entity. */
export type RoleSpec = Role | { role: Role; entity: Ref };

export interface PersonSpec {
  email?: string;
  name?: string;
  roles?: RoleSpec[];
  passwordHash?: string;
  slackUserId?: string;
  /** Their Teams account (AAD object id). */
  teamsUserId?: string;
  active?: boolean;
}

export interface MasterSpec {
  code: string;
  name?: string;
  frequency?: 'monthly' | 'quarterly' | 'half_yearly' | 'annual' | 'fy_instalments' | 'event' | 'one_off';
  /** The due-date rule as data, effective from 2000. */
  rule?: Record<string, unknown>;
}

export interface ItemSpec {
  entity: Ref;
  master: Ref;
  /** A month (YYYY-MM) gives the period's first and last day; other keys need them given. */
  periodKey: string;
  periodStart?: string;
  periodEnd?: string;
  dueDate: string;
  status?: InstanceStatus;
  /** The registration the item is owed per. */
  registration?: Ref;
  owner?: Ref | null;
  approver?: Ref | null;
}

export interface EvidenceSpec {
  item: Ref;
  version?: number;
  fileName?: string;
  contentType?: string;
  sizeBytes?: number;
  sha256?: string;
  storageKey?: string;
  uploadedBy: Ref;
  channel?: EvidenceChannel;
  reviewStatus?: ReviewStatus;
  /** Writes the upload's audit entry, as submitEvidence does (downloads and verify compare with it). */
  recordedUpload?: boolean;
}

export interface NotificationSpec {
  /** null: a notification for no person (an address that was never known). */
  to: Ref | null;
  item?: Ref;
  kind?: string;
  /** Given as a function when it names rows built with it (e.g. the item's id). */
  dedupKey: string | ((built: BuiltTenant) => string);
  channel?: 'email' | 'slack' | 'teams';
  status?: 'pending' | 'sent' | 'failed' | 'dead';
  attempts?: number;
  lastError?: string;
}

export interface TenantPlan {
  /** Set when the rows go into a tenant that exists already (e.g. the demo tenant). */
  existingTenantId?: string;
  tenant: { slug: string; name: string; timezone?: string; trackingStartDate?: string };
  entities: [string, EntitySpec][];
  registrations: [string, RegistrationSpec][];
  entityEvents: { entity: Ref; fiscalYear: string; date: string }[];
  people: [string, PersonSpec][];
  /** More roles for people built here or already there. */
  roles: { person: Ref; role: RoleSpec }[];
  masters: [string, MasterSpec][];
  assignments: { entity: Ref; master: Ref; owner?: Ref; approver?: Ref }[];
  holidays: [string, { date: string; name: string; state?: string }][];
  /** The tenant's own notice schedule for a master (days before the due date). */
  reminderSchedules: { master: Ref; daysBefore: number[] }[];
  overrides: [string, { master: Ref; periodKey: string; extendedDueDate: string; reference: string; kind?: 'extension' | 'fee_waiver'; states?: string[]; districts?: string[] }][];
  items: [string, ItemSpec][];
  evidence: [string, EvidenceSpec][];
  notifications: [string, NotificationSpec][];
  slackInstallations: { teamId: string }[];
  teamsConversations: { conversationId: string }[];
  teamsTenants: { aadTenantId: string; appId: string }[];
  auditEntries: AuditEntryOf[];
}

/** An audit entry, or one that names rows built with it (e.g. the tenant's id). */
export type AuditEntryOf = AuditEntryInput | ((built: BuiltTenant) => AuditEntryInput);

/** What was built: the tenant's id and the id behind every key. */
export interface BuiltTenant {
  tenantId: string;
  id(key: string): string;
}

export const sha256Hex = () => randomBytes(32).toString('hex');

export class TenantBuilder {
  private readonly keys = new Set<string>();

  constructor(readonly plan: TenantPlan) {}

  private add<T>(list: [string, T][], key: string, spec: T): this {
    if (this.keys.has(key)) throw new Error(`The key "${key}" is used twice in this tenant: give each row its own key.`);
    this.keys.add(key);
    list.push([key, spec]);
    return this;
  }

  named(name: string): this {
    this.plan.tenant.name = name;
    return this;
  }

  /** Items due before this day are not generated (tenants.tracking_start_date). */
  trackingFrom(day: string): this {
    this.plan.tenant.trackingStartDate = day;
    return this;
  }

  inTimezone(timezone: string): this {
    this.plan.tenant.timezone = timezone;
    return this;
  }

  withEntity(key: string, spec: EntitySpec = {}): this {
    return this.add(this.plan.entities, key, spec);
  }

  /** A registration of an entity (GSTIN, TAN, PT, LWF, PF or ESI). */
  withRegistration(key: string, spec: RegistrationSpec): this {
    return this.add(this.plan.registrations, key, spec);
  }

  withAgm(entity: Ref, fiscalYear: string, date: string): this {
    this.plan.entityEvents.push({ entity, fiscalYear, date });
    return this;
  }

  withPerson(key: string, spec: PersonSpec = {}): this {
    return this.add(this.plan.people, key, spec);
  }

  /** Another role for someone built here or already in the tenant. */
  withRole(person: Ref, role: RoleSpec): this {
    this.plan.roles.push({ person, role });
    return this;
  }

  withMaster(key: string, spec: MasterSpec): this {
    return this.add(this.plan.masters, key, spec);
  }

  withAssignment(entity: Ref, master: Ref, owner?: Ref, approver?: Ref): this {
    this.plan.assignments.push({ entity, master, owner, approver });
    return this;
  }

  withReminderSchedule(master: Ref, daysBefore: number[]): this {
    this.plan.reminderSchedules.push({ master, daysBefore });
    return this;
  }

  withHoliday(key: string, spec: { date: string; name: string; state?: string }): this {
    return this.add(this.plan.holidays, key, spec);
  }

  withExtension(key: string, spec: { master: Ref; periodKey: string; extendedDueDate: string; reference: string }): this {
    return this.add(this.plan.overrides, key, spec);
  }

  withItem(key: string, spec: ItemSpec): this {
    return this.add(this.plan.items, key, spec);
  }

  withEvidence(key: string, spec: EvidenceSpec): this {
    return this.add(this.plan.evidence, key, spec);
  }

  withNotification(key: string, spec: NotificationSpec): this {
    return this.add(this.plan.notifications, key, spec);
  }

  withSlackInstallation(teamId: string): this {
    this.plan.slackInstallations.push({ teamId });
    return this;
  }

  withTeamsConversation(conversationId: string): this {
    this.plan.teamsConversations.push({ conversationId });
    return this;
  }

  /** The tenant's Entra tenant bound for Teams, with the deployment's own app (no secret of its own). */
  withTeamsTenant(aadTenantId: string, appId = '00000000-0000-4000-8000-00000000a99d'): this {
    this.plan.teamsTenants.push({ aadTenantId, appId });
    return this;
  }

  /** An entry on the tenant's audit chain, written after every row above. */
  withAuditEntry(entry: AuditEntryOf): this {
    this.plan.auditEntries.push(entry);
    return this;
  }

  build(db: Database): Promise<BuiltTenant> {
    return buildInDatabase(db, this.plan);
  }
}

const emptyPlan = (tenant: TenantPlan['tenant'], existingTenantId?: string): TenantPlan => ({
  existingTenantId, tenant, entities: [], registrations: [], entityEvents: [], people: [], roles: [], masters: [], assignments: [], holidays: [], reminderSchedules: [],
  overrides: [], items: [], evidence: [], notifications: [], slackInstallations: [], teamsConversations: [], teamsTenants: [], auditEntries: [],
});

/** A new tenant; `slug` also names its people's email domain (`admin@<slug>.example`). */
export const aTenant = (slug: string) => new TenantBuilder(emptyPlan({ slug, name: `Tenant ${slug}` }));

/** More rows for a tenant that exists already. */
export const theTenant = (tenantId: string, emailDomain = 'mother') => new TenantBuilder(emptyPlan({ slug: emailDomain, name: '' }, tenantId));
