import type { AuditEntryInput } from '../../core/audit/chain.js';
import { addDays } from '../../core/engine/dates.js';
import { DEFAULT_LADDER, type ReminderLadder } from '../../core/engine/reminders.js';
import type { GenerationWindow, StoredMaster } from '../../core/engine/schedule.js';
import type {
  AssignableEntity, DateChange, DigestItem, EngineUnit, EntityRag, ExtensionRecord, GenerationOutcome, GenerationSettings, MasterNotice, NotificationDraft, SweepItem,
} from '../../core/ports/index.js';

type SweepDefaults = 'masterId' | 'hasThread' | 'remindedFor' | 'escalatedFor';

/** An item as the digest lists it, with the entity it belongs to and what it is. */
export interface DigestFixture extends DigestItem {
  entityId: string;
  open: boolean;
  approvedLateAt?: Date;
}

/** What an in-memory tenant holds for the engine's use cases; tests set it up and read it back. */
export interface EngineState {
  entities: AssignableEntity[];
  masters: StoredMaster[];
  /** Active assignments as `${entityId}|${masterId}` → assignment id. */
  assignments: Map<string, string>;
  /** The people assigned with each assignment id. */
  assignedPeople: Map<string, { ownerUserId: string | null; approverUserId: string | null }>;
  /** Default people per `${role}|${entityId}`. */
  defaults: Map<string, string>;
  /** Items as `${masterId}|${periodKey}`. */
  items: Set<string>;
  /** The tenant's extensions; those applied_at null are pending (recorded outside the product's Apply). */
  extensions: (Omit<ExtensionRecord, 'appliedAt'> & { appliedAt: Date | null })[];
  generation: GenerationSettings;
  /** What the next generation creates, and the windows asked for. */
  generates: GenerationOutcome;
  windows: GenerationWindow[];
  /** Open items whose dates differ from the rules, by master; re-dating clears them. */
  stale: DateChange[];
  redated: { masterIds?: string[] }[];
  ladder: ReminderLadder;
  /** Open items, as the reminder planner reads them. */
  /** Open items; the sweep's own fields default to: a shared master, no thread, never escalated. */
  open: (Omit<SweepItem, SweepDefaults> & Partial<Pick<SweepItem, SweepDefaults>>)[];
  /** Notice inputs per master (none: the tenant's nearest rung only). */
  masterNotices: MasterNotice[];
  threadsEnabled: boolean;
  /** Dedup keys already in the outbox (reminders and digests are queued once per key). */
  queued: Set<string>;
  amberWindowDays: number;
  cfoGrants: { userId: string; entityId: string | null }[];
  rag: EntityRag[];
  digestItems: DigestFixture[];
  /** Slack channels by entity id ('' for the tenant's fallback). */
  /** Item-thread channels by chat and entity (`slack:e-1`; `slack:` the tenant's fallback). */
  channels: Map<string, string | null>;
  people: { id: string; email: string; active: boolean; slackUserId: string | null }[];
  audit: AuditEntryInput[];
  outbox: NotificationDraft[];
}

export function engineState(partial: Partial<EngineState> = {}): EngineState {
  return {
    entities: [], masters: [], assignments: new Map(), assignedPeople: new Map(), defaults: new Map(), items: new Set(), extensions: [],
    generation: { horizonMonths: 3, trackingStartDate: null }, generates: { created: 0, overdue: 0, scheduleRows: 0, newWork: [] }, windows: [],
    stale: [], redated: [], ladder: DEFAULT_LADDER, open: [], masterNotices: [], threadsEnabled: false, queued: new Set(), amberWindowDays: 7, cfoGrants: [], rag: [], digestItems: [],
    channels: new Map(), people: [], audit: [], outbox: [],
    ...partial,
  };
}

const copy = (state: EngineState): EngineState => ({
  ...state,
  entities: [...state.entities], masters: [...state.masters], assignments: new Map(state.assignments), assignedPeople: new Map(state.assignedPeople),
  defaults: new Map(state.defaults), items: new Set(state.items), extensions: [...state.extensions], windows: [...state.windows],
  stale: [...state.stale], redated: [...state.redated], open: state.open.map((i) => ({ ...i })), queued: new Set(state.queued),
  channels: new Map(state.channels), people: state.people.map((p) => ({ ...p })), audit: [...state.audit], outbox: [...state.outbox],
});

/** Queues the drafts whose dedup key is new; returns how many were. */
function queue(state: EngineState, drafts: NotificationDraft[]): number {
  const fresh = drafts.filter((d) => !state.queued.has(d.dedupKey));
  for (const d of fresh) state.queued.add(d.dedupKey);
  state.outbox.push(...fresh);
  return fresh.length;
}

const digestList = (state: EngineState, keep: (i: DigestFixture) => boolean, entityIds?: string[]) =>
  state.digestItems.filter((i) => keep(i) && (!entityIds || entityIds.includes(i.entityId)))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate)).slice(0, 15)
    .map(({ code, name, periodKey, entityName, registration, dueDate }) => ({ code, name, periodKey, entityName, registration, dueDate }));

let nextId = 1;

/** An EngineUnit over plain memory: no database, so the use cases' rules are tested in milliseconds. */
export function inMemoryEngineUnit(state: EngineState, tenant = { tenantId: 'tenant-1', timezone: 'Asia/Kolkata' }): EngineUnit {
  const inScope = (scope: { masterIds?: string[] }) => (c: DateChange) => !scope.masterIds || scope.masterIds.includes(c.masterId);
  return {
    ...tenant,
    audit: { append: async (entries) => void state.audit.push(...entries) },
    outbox: { enqueue: async (drafts) => void state.outbox.push(...drafts) },
    dating: {
      generationSettings: async () => state.generation,
      setTrackingStart: async (day) => void (state.generation = { ...state.generation, trackingStartDate: day }),
      async generate(window) {
        state.windows.push(window);
        return state.generates;
      },
      async redateOpen(scope, mode) {
        const moved = state.stale.filter(inScope(scope));
        if (mode === 'apply') {
          state.redated.push(scope);
          state.stale = state.stale.filter((c) => !inScope(scope)(c));
        }
        return moved;
      },
      adoptEntityItems: async () => [],
    },
    assignments: {
      entity: async (id) => state.entities.find((e) => e.id === id),
      visibleMasters: async () => state.masters,
      assignedMasterIds: async (entityId) => [...state.assignments.keys()].filter((k) => k.startsWith(`${entityId}|`)).map((k) => k.split('|')[1]!),
      defaultPerson: async (role, entityId) => state.defaults.get(`${role}|${entityId}`) ?? null,
      async assign(entityId, masters, people) {
        return masters.map(({ masterId }) => {
          const id = state.assignments.get(`${entityId}|${masterId}`) ?? `assignment-${nextId++}`;
          state.assignments.set(`${entityId}|${masterId}`, id);
          state.assignedPeople.set(id, people);
          return { id, masterId };
        });
      },
    },
    extensions: {
      masterIdByCode: async (code) => state.masters.find((m) => m.code === code)?.id,
      hasItem: async (masterId, periodKey) => state.items.has(`${masterId}|${periodKey}`),
      async record(extension) {
        const same = (e: typeof extension | (typeof state.extensions)[number]) =>
          e.masterId === extension.masterId && e.periodKey === extension.periodKey && e.kind === extension.kind
          && String(e.states) === String(extension.states) && String(e.districts) === String(extension.districts);
        state.extensions = [...state.extensions.filter((e) => !same(e)), extension];
      },
      pendingMasterIds: async () => [...new Set(state.extensions.filter((e) => e.appliedAt === null).map((e) => e.masterId))],
      async markPendingApplied(at) {
        state.extensions = state.extensions.map((e) => (e.appliedAt === null ? { ...e, appliedAt: at } : e));
      },
    },
    reminders: {
      context: async () => ({ ladder: { ...state.ladder, timezone: tenant.timezone }, notices: state.masterNotices, threadsEnabled: state.threadsEnabled }),
      openInReach: async (today, notice) => state.open
        .map((i) => ({ masterId: 'master', hasThread: false, remindedFor: null, escalatedFor: null, ...i }))
        .filter((i) => i.dueDate <= addDays(today, notice.byMaster.get(i.masterId) ?? notice.otherwise)),
      async queue({ threads, rungs }) {
        // As the database claims them: each rung once per item, marked on the item.
        const fresh = rungs.filter((r) => {
          const item = state.open.find((i) => i.id === r.instanceId)!;
          const field = r.rung === 'escalation' ? 'escalatedFor' : 'remindedFor';
          if (item[field] && item[field]! >= r.day) return false;
          item[field] = r.day;
          return true;
        });
        const escalations = fresh.filter((r) => r.rung === 'escalation');
        const drafts: NotificationDraft[] = fresh.filter((r) => r.rung !== 'escalation').map((r) => ({
          kind: r.rung, to: r.recipient, instanceId: r.instanceId, entityId: r.entityId, dedupKey: r.dedupKey, payload: { day: r.day },
        }));
        const batch: NotificationDraft[] = escalations.length === 0 ? [] : [{
          kind: 'escalation', to: { kind: 'role', role: 'cfo' }, instanceId: null, dedupKey: `escalation:${escalations.map((d) => `${d.instanceId}@${d.day}`).join(',')}`,
          payload: { items: escalations.map((d) => ({ instanceId: d.instanceId, day: d.day })) },
        }];
        return queue(state, [...threads, ...drafts, ...batch]);
      },
      preview: async (drafts) => drafts.map((d) => ({
        kind: d.kind, recipientUserId: d.to.kind === 'user' ? d.to.userId : `role:${d.to.role}`, instanceId: d.instanceId, alreadyQueued: state.queued.has(d.dedupKey),
      })),
    },
    digests: {
      settings: async () => ({ timezone: tenant.timezone, amberWindowDays: state.amberWindowDays }),
      cfoGrants: async () => state.cfoGrants,
      ragByEntity: async () => state.rag,
      overdue: async (today, entityIds) => digestList(state, (i) => i.open && i.dueDate < today, entityIds),
      dueBetween: async (from, to, entityIds) => digestList(state, (i) => i.open && i.dueDate >= from && i.dueDate <= to, entityIds),
      approvedLateSince: async (since, entityIds) => digestList(state, (i) => Boolean(i.approvedLateAt && i.approvedLateAt >= since), entityIds),
      queue: async (drafts) => queue(state, drafts),
    },
    chatSetup: {
      channelOf: async (chat, entityId) => state.channels.get(`${chat}:${entityId ?? ''}`) ?? null,
      async setChannel(chat, entityId, channel) {
        state.channels.set(`${chat}:${entityId ?? ''}`, channel);
      },
      unlinkedPeople: async () => state.people.filter((p) => p.active && !p.slackUserId).map(({ id, email }) => ({ id, email })),
      async linkSlackAccounts(links) {
        for (const link of links) state.people.find((p) => p.id === link.userId)!.slackUserId = link.slackUserId;
      },
    },
    async rehearse(work) {
      const saved = copy(state);
      try {
        return await work(this);
      } finally {
        Object.assign(state, saved);
      }
    },
  };
}
