import type { Router } from 'express';
import { visibleEntities, type Actor } from '../core/engine/access.js';
import { formatDate, todayIn } from '../core/engine/dates.js';
import { roleLabel } from '../core/engine/role-labels.js';
import { itemName } from '../core/engine/labels.js';
import { STATUS_LABEL } from '../core/engine/status.js';
import type { ItemLine } from '../core/ports/work-reads.js';
import type { Database } from '../infra/db/database.js';
import { myItems, recentlyCompleted } from '../infra/engine/item-queries.js';
import { statusSummary } from '../infra/engine/status-summary.js';
import { loadActor } from '../infra/stores/tenant-unit.js';
import { loadTenantSettings } from '../infra/stores/tenant-settings.js';
import { html, ragBadge, sendPage, type Html } from './html.js';
import { personOf, requirePerson } from './people.js';

const COMPLETED_DAYS = 14;
/** Roles that look across entities rather than at their own items. */
const OVERVIEW_ROLES = new Set(['cfo', 'viewer', 'auditor', 'tenant_admin', 'approver']);

const itemRow = (i: ItemLine): Html => html`<li>${ragBadge(i.rag)} <a href="/items/${i.instanceId}">${itemName(i)}</a>
<span class="muted">due ${formatDate(i.dueDate)} · ${STATUS_LABEL[i.status]}</span></li>`;

const ON_TRACK_SHOWN = 10;

const list = (title: string, items: ItemLine[], empty: string) =>
  html`<section><h2>${title} (${items.length})</h2>${items.length === 0 ? html`<p class="muted">${empty}</p>` : html`<ul class="items">${items.map(itemRow)}</ul>`}</section>`;

/** What to prepare, most pressing first: everything overdue or due soon, and the nearest of what is on track (all of it on asking). */
function toPrepare(items: ItemLine[], all: boolean): Html {
  if (items.length === 0) return html`<section><h2>To prepare (0)</h2><p class="muted">Nothing to prepare.</p></section>`;
  const by = (rag: string) => items.filter((i) => i.rag === rag);
  const onTrack = by('green');
  const shown = all ? onTrack : onTrack.slice(0, ON_TRACK_SHOWN);
  const group = (title: string, lines: ItemLine[]) => (lines.length === 0 ? '' : html`<h3>${title} (${lines.length})</h3><ul class="items">${lines.map(itemRow)}</ul>`);
  return html`<section><h2>To prepare (${items.length})</h2>${group('Overdue', by('red'))}${group('Due soon or rejected', by('amber'))}${group('On track', shown)}
${shown.length < onTrack.length ? html`<p><a href="/work?all=1">Show all ${onTrack.length} on track</a> (the nearest ${shown.length} are shown)</p>` : ''}</section>`;
}

const rolesOf = (actor: Actor) => [...new Set(actor.roles.map((g) => roleLabel(g.role)))].join(', ');

/** My work: what the person prepares and approves, what they completed, and (for those who look across entities) the overview. */
export function myWorkRoutes(router: Router, deps: { db: Database; now: () => Date }): void {
  router.get('/work', requirePerson, async (req, res) => {
    const person = personOf(req)!;
    const view = await deps.db.withTenant(person.tenantId, async (tx) => {
      const actor = await loadActor(tx, person.id);
      const settings = await loadTenantSettings(tx);
      const today = todayIn(settings.timezone, deps.now());
      const mine = await myItems(tx, person.id, today, settings.amberWindowDays);
      const done = await recentlyCompleted(tx, person.id, today, COMPLETED_DAYS, settings.amberWindowDays);
      const reach = visibleEntities(actor);
      const overview = actor.roles.some((g) => OVERVIEW_ROLES.has(g.role))
        ? await statusSummary(tx, { today, amberWindowDays: settings.amberWindowDays, ...(reach === 'all' ? {} : { entityIds: reach }), urgentLimit: 15 })
        : null;
      return { actor, settings, today, mine, done, overview };
    });
    const { mine, done, overview, today } = view;
    const count = (rag: string) => mine.toPrepare.filter((i) => i.rag === rag).length;
    sendPage(res, {
      title: 'My work', person: { name: person.name, tenantName: view.settings.name },
      body: html`<h1>My work</h1><p class="muted">${rolesOf(view.actor) || 'No role yet: ask your compliance admin'} · ${formatDate(today)}</p>
${mine.toPrepare.length > 0 ? html`<div class="totals">${ragBadge('red', `${count('red')} overdue`)}${ragBadge('amber', `${count('amber')} due soon`)}${ragBadge('green', `${count('green')} on track`)}</div>` : ''}
${list('Awaiting my approval', mine.toApprove, 'Nothing waits for your approval.')}
${toPrepare(mine.toPrepare, req.query.all === '1')}
${list(`Completed in the last ${COMPLETED_DAYS} days`, done, 'Nothing completed recently.')}
${overview ? html`<section><h2>All entities</h2><table><thead><tr><th>Entity</th><th>Overdue</th><th>Due soon</th><th>On track</th></tr></thead><tbody>
${overview.entities.map((e) => html`<tr><td>${e.entityName}</td><td>${e.red > 0 ? ragBadge('red', String(e.red)) : '0'}</td><td>${e.amber > 0 ? ragBadge('amber', String(e.amber)) : '0'}</td><td>${e.green}</td></tr>`)}</tbody></table>
${overview.urgent.length > 0 ? html`<h2>Most urgent</h2><ul class="items">${overview.urgent.map((u) => html`<li>${ragBadge(u.rag)} <a href="/items/${u.instanceId}">${itemName(u)}</a><span class="muted">due ${formatDate(u.dueDate)} · ${u.ownerName ?? 'no preparer'}</span></li>`)}</ul>` : ''}</section>` : ''}`,
    });
  });
}
