import type { Router } from 'express';
import { canRead, type Actor } from '../core/engine/access.js';
import { formatDate, todayIn } from '../core/engine/dates.js';
import { ragOf } from '../core/engine/rag.js';
import { feeWaiverPhrase } from '../core/engine/relief.js';
import { STATUS_LABEL } from '../core/engine/status.js';
import { formatBytes } from '../core/evidence/file-policy.js';
import { choicesFor } from '../core/use-cases/item-choices.js';
import { MIN_REASON_LENGTH } from '../core/use-cases/review-evidence.js';
import type { Database } from '../infra/db/database.js';
import { loadItemPage, type ItemPageData } from '../infra/portal/item-page.js';
import { loadItemTimeline, type TimelineLine } from '../infra/portal/item-timeline.js';
import { NotFoundError } from '../core/errors.js';
import { loadActor } from '../infra/stores/tenant-unit.js';
import { loadTenantSettings, type TenantSettings } from '../infra/stores/tenant-settings.js';
import { html, ragBadge, sendPage, type Html } from './html.js';
import { personOf, requirePerson } from './people.js';
import { takeNotice } from './notices.js';
import { itemName } from '../core/engine/labels.js';

const CHANNEL_WORD: Record<string, string> = { slack: 'Slack', teams: 'Teams', portal: 'the portal' };

export interface ItemView {
  item: ItemPageData;
  actor: Actor;
  settings: TenantSettings;
  timeline: TimelineLine[];
}

/** The item as this person may see it, or undefined: not in their tenant, or outside the entities they may read. */
export async function itemInReach(db: Database, tenantId: string, userId: string, instanceId: string): Promise<ItemView | undefined> {
  return db.withTenant(tenantId, async (tx) => {
    const actor = await loadActor(tx, userId);
    const item = await loadItemPage(tx, instanceId);
    if (!item || !canRead(actor, item.entityId)) return undefined;
    return { item, actor, settings: await loadTenantSettings(tx), timeline: await loadItemTimeline(tx, instanceId) };
  });
}

const reasonField = (placeholder: string) =>
  html`<textarea name="reason" rows="2" minlength="${MIN_REASON_LENGTH}" required placeholder="${placeholder}"></textarea>`;

/** The buttons this person may press on this item now: the same checks the use cases make (core's choicesFor). */
function actions({ item, actor }: ItemView): Html {
  const guarded = { ownerUserId: item.ownerUserId, approverUserId: item.approverUserId, entityId: item.entityId, status: item.status };
  const latest = item.evidence[0];
  const may = choicesFor(actor, guarded, latest);
  const path = `/items/${item.facts.id}`;
  const parts: Html[] = [];
  if (may.upload) {
    parts.push(html`<form class="action" method="post" action="${path}/evidence" enctype="multipart/form-data">
<label for="file">Upload the filing proof${latest ? ' (a new version)' : ''}</label><input id="file" type="file" name="file" required>
<button class="primary">Upload</button></form>`);
  }
  if (may.ownUpload) {
    parts.push(html`<p class="notice notice-error">You uploaded version ${may.ownUpload.version}, so someone else has to approve it (segregation of duties).</p>`);
  }
  if (may.review) {
    const { evidenceId, version: v } = may.review;
    const version = html`<input type="hidden" name="evidenceId" value="${evidenceId}">`;
    parts.push(html`<form class="action" method="post" action="${path}/approve">${version}
<label for="reference">Filing reference (optional: ARN, challan or SRN)</label><input id="reference" type="text" name="reference" maxlength="100">
<button class="primary">Approve version ${v}</button></form>
<details><summary>Reject version ${v}</summary><form class="action" method="post" action="${path}/reject">${version}
<label>Why? The preparer reads this.</label>${reasonField('e.g. The challan is for October, not November')}<button class="danger">Reject</button></form></details>`);
  }
  if (may.markNotApplicable) {
    parts.push(html`<details><summary>Mark not applicable</summary><form class="action" method="post" action="${path}/not-applicable">
<label>Why does it not apply?</label>${reasonField('e.g. No TDS was deducted this month')}<button class="secondary">Mark not applicable</button></form></details>`);
  }
  if (may.reopen) {
    parts.push(html`<details><summary>Reopen</summary><form class="action" method="post" action="${path}/reopen">
<label>Why is it reopened?</label>${reasonField('e.g. The return was filed for the wrong GSTIN')}<button class="secondary">Reopen the item</button></form></details>`);
  }
  return parts.length === 0 ? html`` : html`<section><h2>What you can do</h2>${parts}</section>`;
}

function dates(item: ItemPageData): Html {
  const { dates: d, facts } = item;
  return html`<dt>Due</dt><dd><b>${formatDate(d.effective)}</b></dd>
<dt>Statutory due date</dt><dd>${formatDate(d.statutory)}</dd>
${d.extended ? html`<dt>Extended to</dt><dd>${formatDate(d.extended)}${facts.extensionReference ? ` (${facts.extensionReference})` : ''}</dd>` : ''}
${d.working && d.working !== (d.extended ?? d.statutory) ? html`<dt>Working day</dt><dd>${formatDate(d.working)} (the due date falls on a holiday or weekend)</dd>` : ''}
${facts.feeWaiver ? html`<dt>Fee waiver</dt><dd>${feeWaiverPhrase(facts.feeWaiver)}</dd>` : ''}`;
}

const evidenceRow = (item: ItemPageData) => (e: ItemPageData['evidence'][number]) => html`<li><div><b>Version ${e.version}</b> · ${e.fileName} · ${formatBytes(e.sizeBytes)} ·
<a href="/items/${item.facts.id}/evidence/${e.id}/download">Download</a></div>
<div class="muted">Uploaded by ${e.uploaderName ?? 'someone no longer listed'} on ${CHANNEL_WORD[e.channel] ?? e.channel} ·
${e.reviewStatus === 'approved' ? `Approved by ${e.reviewerName ?? '?'}` : e.reviewStatus === 'rejected' ? `Rejected by ${e.reviewerName ?? '?'}: ${e.reviewReason ?? ''}` : 'Not reviewed'}</div>
<div class="hash">SHA-256 ${e.sha256}</div></li>`;

/** The item's page: the one place every "Open" and "View details" link leads. */
export function itemPageRoutes(router: Router, deps: { db: Database; now: () => Date }): void {
  router.get('/items/:id', requirePerson, async (req, res) => {
    const person = personOf(req)!;
    let view: ItemView | undefined;
    try {
      view = await itemInReach(deps.db, person.tenantId, person.id, String(req.params.id));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    const frame = { person: { name: person.name } };
    if (!view) {
      return sendPage(res, { ...frame, status: 404, title: 'Not found', body: html`<h1>No such item</h1><section><p>There is no such item among those you can see. The link may be mistyped, or it belongs to another organisation.</p><p><a href="/work">Back to My work</a></p></section>` });
    }
    const { item, settings } = view;
    const rag = ragOf(item.status, item.dates.effective, todayIn(settings.timezone, deps.now()), settings.amberWindowDays);
    const title = itemName(item.facts);
    sendPage(res, {
      title, person: { name: person.name, tenantName: settings.name }, ...(takeNotice(req) ?? {}),
      body: html`<h1>${title}</h1>
<section><p>${ragBadge(rag)} <b>${STATUS_LABEL[item.status]}</b>${item.statusReason ? html` · <span class="muted">${item.statusReason}</span>` : ''}</p>
<dl class="facts">${dates(item)}
<dt>Preparer</dt><dd>${item.ownerName ?? 'Nobody yet (the tenant admins are told)'}</dd>
<dt>Approver</dt><dd>${item.approverName ?? 'Nobody yet (any approver of the entity)'}</dd>
${item.filingReference ? html`<dt>Filing reference</dt><dd>${item.filingReference}</dd>` : ''}</dl></section>
${actions(view)}
<section><h2>Evidence</h2>${item.evidence.length === 0 ? html`<p class="muted">Nothing uploaded yet.</p>` : html`<ul class="items">${item.evidence.map(evidenceRow(item))}</ul>`}</section>
<section><h2>Timeline</h2>${view.timeline.length === 0 ? html`<p class="muted">Nothing recorded yet.</p>` : html`<ol class="timeline">${view.timeline.map((t) => html`<li><span class="muted">${t.when}</span> · ${t.text}</li>`)}</ol>`}</section>`,
    });
  });
}
