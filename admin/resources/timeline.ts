import type { Knex } from 'knex';
import type { Row } from '../adapter/table-resource.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An item's audit entries (its own and its evidence's), oldest first, as an HTML list for the show page. */
export async function auditTimeline(trx: Knex.Transaction, instance: Row): Promise<string> {
  const evidenceIds: string[] = await trx('evidence').where({ tenant_id: instance.tenant_id, instance_id: instance.id }).pluck('id');
  const entries = await trx('audit_log')
    .where({ tenant_id: instance.tenant_id })
    .andWhere((q) => q.where({ object_type: 'instance', object_id: instance.id }).orWhere((e) => e.where('object_type', 'evidence').whereIn('object_id', evidenceIds)))
    .orderBy('seq')
    .limit(200)
    .select('seq', 'occurred_at', 'actor_label', 'actor_id', 'action', 'after');
  if (entries.length === 0) return '<p>No changes recorded yet.</p>';
  const line = (e: { seq: number; occurred_at: Date; actor_label: string | null; actor_id: string; action: string; after: Record<string, unknown> | null }) => {
    const detail = e.after ? Object.entries(e.after).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(', ') : '';
    return `<li>#${e.seq} ${escapeHtml(e.occurred_at.toISOString().replace('T', ' ').slice(0, 16))} UTC · ${escapeHtml(e.actor_label ?? e.actor_id)} · <b>${escapeHtml(e.action)}</b>${detail ? ` · ${escapeHtml(detail)}` : ''}</li>`;
  };
  return `<ol>${entries.map(line).join('')}</ol>`;
}
