import type { Row, RowContext } from '../adapter/table-resource.js';
import type { TimelineEntry } from '../../infra/portal/lookups.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An item's audit entries (its own and its evidence's), oldest first, as an HTML list for the show page. */
export async function auditTimeline(ctx: RowContext, instance: Row): Promise<string> {
  const entries = await ctx.lookups.auditTimeline({ id: instance.id, tenantId: String(instance.tenant_id) });
  if (entries.length === 0) return '<p>No changes recorded yet.</p>';
  const line = (e: TimelineEntry) => {
    const detail = e.after ? Object.entries(e.after).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(', ') : '';
    return `<li>#${e.seq} ${escapeHtml(e.occurred_at.toISOString().replace('T', ' ').slice(0, 16))} UTC · ${escapeHtml(e.actor_label ?? e.actor_id)} · <b>${escapeHtml(e.action)}</b>${detail ? ` · ${escapeHtml(detail)}` : ''}</li>`;
  };
  return `<ol>${entries.map(line).join('')}</ol>`;
}
