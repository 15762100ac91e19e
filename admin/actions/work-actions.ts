import type { ActionContext } from 'adminjs';
import { formatDate } from '../../core/engine/dates.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { breakConsequence } from '../../core/audit/chain.js';
import { endSentence } from '../../core/sentences.js';
import type { Actor } from '../../core/engine/access.js';
import type { Clock, DateChange, EngineUnit } from '../../core/ports/index.js';
import { applicableMasters } from '../../core/use-cases/applicable-masters.js';
import { coverageGaps } from '../../core/use-cases/coverage-gaps.js';
import { applyExtension, previewExtension, type ExtensionInput } from '../../core/use-cases/apply-extension.js';
import { assignApplicableMasters } from '../../core/use-cases/assign-applicable-masters.js';
import { generateInstances, type GenerationResult } from '../../core/use-cases/generate-instances.js';
import { moveTrackingStart, type TrackingStartMove } from '../../core/use-cases/move-tracking-start.js';
import { retryNotification } from '../../core/use-cases/retry-notification.js';
import { reopenInstance } from '../../core/use-cases/change-status.js';
import { MIN_REASON_LENGTH } from '../../core/use-cases/review-evidence.js';
import { canTransition, type InstanceStatus } from '../../core/engine/status.js';
import type { PortalWork } from '../../infra/portal/portal-work.js';
import { recordFindings } from '../../infra/storage/evidence-trail.js';
import { canChange } from '../resources/common.js';
import { entityReach, type PortalAdmin } from '../scope.js';
import { previewConfirmAction, type Preview } from './preview-confirm.js';

/** What the portal's actions work with: the admin-scoped way to the database, and the clock. */
export interface ActionDeps {
  work: PortalWork;
  clock: Clock;
}

const recordParams = (context: ActionContext) => (context.record?.params ?? {}) as Record<string, string>;

/** What confirming makes, in words: "56 item(s), 50 of them already overdue (due before 2 Nov 2026)". */
function madeSentence(generated: GenerationResult): string {
  if (generated.created === 0) return 'No item is made.';
  const late = generated.overdue > 0 ? `, ${generated.overdue} of them already overdue (due before today, ${formatDate(generated.asOf)})` : ', none of them overdue';
  return `${generated.created} item(s) will be made${late}.`;
}

/** Assigns an entity's applicable, unassigned masters and makes their items: what the action confirms, and rehearses for its preview. */
async function assignAndGenerate(unit: EngineUnit, actor: Actor, entityId: string, now: Date) {
  const assigned = await assignApplicableMasters(unit, actor, { entityId });
  return { assigned, generated: await generateInstances(unit, actor, {}, now) };
}

/**
 * Entity → "Assign applicable masters": the engine's list with reasons and, rehearsed (nothing
 * is kept), how many items confirming makes and how many of them are already overdue; then
 * assign and generate.
 */
export function assignApplicableAction({ work, clock }: ActionDeps) {
  return previewConfirmAction({
    name: 'assignApplicable', label: 'Assign applicable masters', icon: 'CheckSquare', actionType: 'record', isAccessible: canChange,
    intro: 'The obligations the engine finds applicable to this entity, from its type, state, GST mode and profile. Confirm to assign the new ones (to the entity’s default preparer and approver) and generate their items.',
    confirmLabel: 'Assign and generate items',
    preview: (_input, admin, context) => work.inTenant(admin, recordParams(context).tenant_id!, async (ops) => {
      const unit = await ops.unit();
      const entityId = recordParams(context).id!;
      const list = await applicableMasters(unit, { entityId });
      const gaps = await coverageGaps(unit, { entityId });
      const fresh = list.filter((a) => a.applies && !a.assigned).length;
      const made = fresh > 0 ? madeSentence((await unit.rehearse((r) => assignAndGenerate(r, ops.actor, entityId, clock.now()))).generated) : '';
      return {
        message: [fresh > 0 ? `${fresh} applicable obligation(s) will be assigned; ${made}` : 'Every applicable obligation is already assigned.', ...gaps.map((g) => `Not tracked: ${g.message}`)].join(' '),
        columns: ['Code', 'Obligation', 'Applies?', 'Why', 'Assigned'],
        rows: list.map((a) => [a.code, a.name, a.applies ? 'applies' : 'does not apply', a.reason ?? '', a.assigned ? 'already' : a.applies ? 'will be' : '']),
        blocked: fresh === 0,
      };
    }),
    apply: (_input, admin, context) => work.inTenant(admin, recordParams(context).tenant_id!, async (ops) => {
      const { assigned, generated } = await assignAndGenerate(await ops.unit(), ops.actor, recordParams(context).id!, clock.now());
      return `Assigned ${assigned.length} obligation(s); ${generated.created} item(s) generated, ${generated.overdue} of them overdue.`;
    }),
  });
}

/**
 * Tenant → "Change tracking start": rehearses the move (nothing is kept) to show how many items
 * it makes and how many of them are already overdue, then moves it and makes them.
 */
export function trackingStartAction({ work, clock }: ActionDeps) {
  const move = (input: Record<string, string>, admin: PortalAdmin, context: ActionContext, rehearse: boolean) =>
    work.inTenant(admin, recordParams(context).id!, async (ops) => {
      const unit = await ops.unit();
      const run = (u: EngineUnit) => moveTrackingStart(u, ops.actor, { day: input.tracking_start_date ?? '' }, clock.now());
      return rehearse ? unit.rehearse(run) : run(unit);
    });
  const fromTo = (m: TrackingStartMove) => `from ${m.from ? formatDate(m.from) : 'the start of the financial year'} to ${formatDate(m.to)}`;
  return previewConfirmAction({
    name: 'trackingStart', label: 'Change tracking start', icon: 'Calendar', actionType: 'record', isAccessible: canChange,
    intro: 'Items due before the tracking start are not made. Moving it earlier makes every item due in between, and those already past their due date arrive overdue: the preview says how many; nothing changes until you confirm. Moving it later makes nothing (items already made stay).',
    confirmLabel: 'Move the tracking start and make the items',
    fields: [{ name: 'tracking_start_date', label: 'Track items due from (YYYY-MM-DD)', placeholder: '2026-04-01' }],
    preview: async (input, admin, context) => {
      const m = await move(input, admin, context, true);
      if (m.from === m.to) return { message: `The tenant already tracks from ${formatDate(m.to)}.`, columns: [], rows: [], blocked: true };
      return { message: `Moving the tracking start ${fromTo(m)}: ${madeSentence(m.generated)}`, columns: [], rows: [] };
    },
    apply: async (input, admin, context) => {
      const m = await move(input, admin, context, false);
      return `Tracking start moved ${fromTo(m)}; ${m.generated.created} item(s) made, ${m.generated.overdue} of them overdue.`;
    },
  });
}

const moveRows = (moved: DateChange[], names: Map<string, string>): Preview['rows'] =>
  moved.map((m) => [names.get(m.instanceId) ?? m.periodKey, formatDate(m.oldDueDate), formatDate(m.newDueDate)]);

async function extensionPreviewOrApply({ work, clock }: ActionDeps, admin: PortalAdmin, named: { slug?: string; id?: string }, input: ExtensionInput, apply: boolean): Promise<{ moved: DateChange[]; names: Map<string, string> }> {
  const tenantId = await work.resolveTenant(admin, named);
  return work.inTenant(admin, tenantId, async (ops) => {
    const moved = await (apply ? applyExtension : previewExtension)(await ops.unit(), ops.actor, input, clock.now());
    // Named only for a preview: the admin reads the list; an apply answers with a count.
    return { moved, names: apply ? new Map() : await ops.itemNames(moved.map((m) => m.instanceId)) };
  });
}

function extensionPreview(moved: DateChange[], names: Map<string, string>, input: ExtensionInput): Preview {
  if (input.kind === 'fee_waiver') {
    return { message: 'A fee waiver moves no due date: the items of this period keep their dates and RAG, and show the waiver beside the due date.', columns: [], rows: [], blocked: false };
  }
  return {
    message: moved.length ? `${moved.length} open item(s) will move:` : 'No open item moves (they are closed, or already on these dates).',
    columns: ['Item', 'Due now', 'Due after'],
    rows: moveRows(moved, names),
    blocked: moved.length === 0,
  };
}

/** "Mumbai City, Thane" → ['Mumbai City', 'Thane']; a stored row's array as it is. */
const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : String(value ?? '').split(',')).map((v) => v.trim()).filter(Boolean);

const extensionInput = (input: Record<string, unknown>): ExtensionInput => ({
  code: String(input.code ?? '').trim().toUpperCase(), periodKey: String(input.period_key ?? '').trim(), kind: ((input.kind as string | undefined)?.trim() || 'extension') as ExtensionInput['kind'],
  extendedDueDate: String(input.extended_due_date ?? '').trim(), reference: String(input.reference ?? ''), note: (input.note as string) || undefined,
  states: listOf(input.states), districts: listOf(input.districts),
});

const appliedMessage = (input: ExtensionInput, moved: DateChange[]): string => (input.kind === 'fee_waiver'
  ? 'Fee waiver recorded: the items keep their due dates and show the waiver beside them.'
  : `Extension applied: ${moved.length} open item(s) moved; their owners are told.`);

/** Extensions → "Apply an extension": a new government extension, previewed then applied. */
export function newExtensionAction(deps: ActionDeps) {
  return previewConfirmAction({
    name: 'applyNew', label: 'Apply an extension', icon: 'Calendar', actionType: 'resource', isAccessible: canChange,
    intro: 'A notification or circular moved a due date. Name the obligation, the period and the new date: the preview lists the open items that move; nothing changes until you confirm. The statutory date is kept beside the new one.',
    confirmLabel: 'Apply the extension',
    fields: [
      { name: 'tenant', label: 'Tenant (slug)', platformOnly: true },
      { name: 'code', label: 'Obligation code', placeholder: 'GSTR3B_MONTHLY' },
      { name: 'period_key', label: 'Period', placeholder: '2026-11, FY2026-27-Q3 or FY2026-27' },
      { name: 'kind', label: 'Kind: extension (moves the due date) or fee_waiver (keeps it; no additional fee until the date)', placeholder: 'extension' },
      { name: 'extended_due_date', label: 'New due date, or last day without additional fee (YYYY-MM-DD)', placeholder: '2026-12-27' },
      { name: 'states', label: 'Only these states (optional, e.g. MH, KA)' },
      { name: 'districts', label: 'Only these districts (optional, e.g. Thane, Raigad)' },
      { name: 'reference', label: 'Notification / circular', placeholder: 'Notification 17/2026-CT' },
      { name: 'note', label: 'Note (optional)' },
    ],
    preview: async (input, admin) => {
      const { moved, names } = await extensionPreviewOrApply(deps, admin, { slug: input.tenant }, extensionInput(input), false);
      return extensionPreview(moved, names, extensionInput(input));
    },
    apply: async (input, admin) => {
      const { moved } = await extensionPreviewOrApply(deps, admin, { slug: input.tenant }, extensionInput(input), true);
      return appliedMessage(extensionInput(input), moved);
    },
  });
}

/** An extension row → "Apply": applies a recorded (or shipped) extension to the tenant's open items. */
export function applyExtensionAction(deps: ActionDeps) {
  const inputOf = async (admin: PortalAdmin, context: ActionContext) => {
    const p = recordParams(context);
    const code = await deps.work.inScope(admin, (ops) => ops.masterCode(p.master_id!));
    if (!code) throw new NotFoundError('The obligation of this extension no longer exists.');
    // The portal flattens a row's arrays into states.0, states.1, …
    const flat = (name: string) => Object.keys(p).filter((k) => k.startsWith(`${name}.`)).sort().map((k) => p[k]!);
    return extensionInput({
      code, period_key: p.period_key!, kind: p.kind, extended_due_date: p.extended_due_date!, reference: p.reference!, note: p.note ?? '',
      states: flat('states'), districts: flat('districts'),
    });
  };
  return previewConfirmAction({
    name: 'apply', label: 'Apply', icon: 'Calendar', actionType: 'record', isAccessible: canChange,
    intro: 'Moves the open items this extension covers. The preview lists them; nothing changes until you confirm.',
    confirmLabel: 'Apply the extension',
    fields: [{ name: 'tenant', label: 'Tenant (slug)', platformOnly: true }],
    preview: async (input, admin, context) => {
      const recorded = await inputOf(admin, context);
      const { moved, names } = await extensionPreviewOrApply(deps, admin, { slug: input.tenant, id: recordParams(context).tenant_id || undefined }, recorded, false);
      return extensionPreview(moved, names, recorded);
    },
    apply: async (input, admin, context) => {
      const recorded = await inputOf(admin, context);
      const { moved } = await extensionPreviewOrApply(deps, admin, { slug: input.tenant, id: recordParams(context).tenant_id || undefined }, recorded, true);
      return appliedMessage(recorded, moved);
    },
  });
}

/**
 * An item → "Reopen" on an approved or not-applicable item closed by mistake: back to pending
 * with a reason, by core's use case (its approver or a tenant admin; audited, the preparer told).
 * Approved evidence stays frozen: a new upload is a new version.
 */
export function reopenItemAction({ work, clock }: ActionDeps) {
  return previewConfirmAction({
    name: 'reopen', label: 'Reopen', icon: 'RotateCcw', actionType: 'record',
    isAccessible: (context) => canChange(context) && canTransition(String(context.record?.params.status) as InstanceStatus, 'reopen'),
    intro: 'Puts an item approved or marked not applicable by mistake back to pending. The reason goes on the audit trail and to the preparer. Approved evidence stays as it was (frozen); the preparer uploads a new version.',
    confirmLabel: 'Reopen the item',
    fields: [{ name: 'reason', label: `Why is it reopened? (at least ${MIN_REASON_LENGTH} characters)`, multiline: true, placeholder: 'e.g. The challan was for the wrong month' }],
    preview: async (input) => ({
      message: `This item goes back to pending${input.reason?.trim() ? `, with the reason "${input.reason.trim()}"` : ''}; its preparer is told.`,
      columns: [], rows: [],
    }),
    apply: (input, admin, context) => work.inTenant(admin, recordParams(context).tenant_id!, async (ops) => {
      await reopenInstance(await ops.itemUnit(), ops.actor, { instanceId: recordParams(context).id!, reason: input.reason ?? '' }, clock.now());
      return 'Reopened: the item is pending again and its preparer has been told.';
    }),
  });
}

const SHOWN_FINDINGS = 5;

/**
 * Audit log → "Verify chain": recomputes every hash of the tenant's chain, compares it with the
 * recorded head, and checks every evidence row against its upload and reviews on the chain
 * (without reading storage: `evidence verify` re-hashes the files).
 */
export function verifyChainAction({ work }: ActionDeps) {
  return previewConfirmAction({
    name: 'verifyChain', label: 'Verify chain', icon: 'Shield', actionType: 'resource', isAccessible: () => true,
    intro: 'Recomputes every entry’s hash from the one before it, and checks that the chain still reaches, with the same hash, the furthest entry the database recorded. A change to any past entry, or removed newest entries — even by someone with database access — is named. Then every evidence record is compared with its upload and reviews on the chain.',
    confirmLabel: 'Verify now',
    fields: [{ name: 'tenant', label: 'Tenant (slug)', platformOnly: true }],
    preview: async () => ({ message: 'Reads the whole chain; changes nothing.', columns: [], rows: [] }),
    apply: async (input, admin) => work.inTenant(admin, await work.resolveTenant(admin, { slug: input.tenant }), async (ops) => {
      const report = await ops.auditChain();
      if (!report.intact) {
        const found = report.firstBreak!;
        throw new ValidationError(`BROKEN at entry #${found.seq}: ${endSentence(found.message)} ${breakConsequence(report.entries, found)}`);
      }
      const trail = await ops.evidenceTrail();
      const findings = recordFindings(trail);
      if (findings.length === 0) return `Intact: all ${report.entries} entries verified.`;
      // Someone who sees only some entities is not shown the others' files.
      const named = entityReach(ops.admin) === null
        ? `: ${findings.slice(0, SHOWN_FINDINGS).map((f) => `${f.kind} ${f.label}: ${f.detail}`).join('; ')}${findings.length > SHOWN_FINDINGS ? `; and ${findings.length - SHOWN_FINDINGS} more` : ''}`
        : '';
      const records = new Set(findings.map((f) => f.evidenceId)).size;
      throw new ValidationError(`The chain is intact (${report.entries} entries), but ${records} evidence record(s) disagree with it${named}. `
        + `Run \`npm run cli -- evidence verify --tenant ${trail.slug}\` for the full list (it also re-hashes the stored files) and restore what it names from a backup.`);
    }),
  });
}

/**
 * Notifications → "Retry" on a failed or dead message: back to pending, due now. Shown first
 * (what it is, to whom, why it failed) and sent again only on the confirming POST: opening a
 * link, from this site or another, changes nothing.
 */
export function retryNotificationAction({ work }: ActionDeps) {
  return previewConfirmAction({
    name: 'retry', label: 'Retry', icon: 'RefreshCw', actionType: 'record',
    isAccessible: (context) => canChange(context) && ['failed', 'dead'].includes(String(context.record?.params.status)),
    intro: 'Sends this notification again: it goes back to the queue, due now, with its attempts reset.',
    confirmLabel: 'Send it again',
    preview: async (_input, admin, context) => {
      const p = recordParams(context);
      const kind = String(p.kind).replace(/_/g, ' ');
      const to = p.recipient_user_id ? await work.inScope(admin, (ops) => ops.person(p.recipient_user_id!)) : undefined;
      return {
        message: `A ${p.status} ${p.channel} notification (${kind}) will be queued again.`,
        columns: ['What', 'To', 'Channel', 'Attempts', 'Last error'],
        rows: [[kind, to ? `${to.name} <${to.email}>` : String(p.recipient ?? ''), String(p.channel), String(p.attempts), String(p.last_error ?? '')]],
      };
    },
    apply: async (_input, admin, context) => {
      const id = String(recordParams(context).id);
      const requeued = await work.inScope(admin, (ops) => retryNotification(ops, ops.actor, { notificationId: id }));
      if (!requeued) throw new ValidationError('Only a failed or dead notification can be retried (it may have been retried already).');
      return 'Queued again: it will be sent within seconds.';
    },
  });
}
