import type { Row, RowContext } from '../adapter/table-resource.js';
import type { TimelineLine } from '../../infra/portal/item-timeline.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// AdminJS passes rich text through the xss filter's default tags: a <time> element would show as text.
const line = (l: TimelineLine) => `<li><b>${escapeHtml(l.when)}</b> · ${escapeHtml(l.text)}</li>`;

/** The item's history in sentences (changes, evidence, messages sent), oldest first, in its tenant's timezone, as HTML for the show page. */
export async function itemTimelineHtml(ctx: RowContext, instance: Row): Promise<string> {
  const lines = await ctx.lookups.itemTimeline({ id: String(instance.id), tenantId: String(instance.tenant_id) });
  if (lines.length === 0) return '<p>Nothing has happened to this item yet.</p>';
  return `<ol>${lines.map(line).join('')}</ol>`;
}
