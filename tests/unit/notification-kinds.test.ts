import { describe, expect, it } from '@jest/globals';
import { chooseChannel } from '../../core/notifications/channel-choice.js';
import { chatNotification, escalationText } from '../../core/notifications/chat.js';
import { changesOwnItems, readNotification } from '../../core/notifications/kinds.js';
import { sentAsList } from '../../core/notifications/listing.js';
import { headline, renderEmail, type MessageContext } from '../../core/notifications/message.js';

/* Each notification kind with its typed payload, and the one message model email and chat render. */

describe('readNotification', () => {
  it('types a payload by its kind, keeping who it was addressed to', () => {
    expect(readNotification('review_requested', { evidenceId: 'ev1', version: 2, uploadedBy: 'u1', extra: true })).toEqual({
      kind: 'review_requested', payload: { evidenceId: 'ev1', version: 2, uploadedBy: 'u1' },
    });
    expect(readNotification('due_soon', { day: '2026-12-17', addressedTo: { kind: 'role', role: 'tenant_admin', missing: 'owner' } })).toEqual({
      kind: 'due_soon', payload: { day: '2026-12-17' }, addressedTo: { kind: 'role', role: 'tenant_admin', missing: 'owner' },
    });
  });

  it('drops a field of the wrong type instead of refusing the notification', () => {
    expect(readNotification('rejected', { reason: 42, evidenceId: 'ev1' })).toEqual({ kind: 'rejected', payload: { evidenceId: 'ev1' } });
    expect(readNotification('assigned', null)).toEqual({ kind: 'assigned', payload: {} });
  });

  it('reads a kind it does not know, or a payload that does not fit its kind, as "other", by its name', () => {
    expect(readNotification('holiday_added', { date: '2026-12-25' })).toEqual({ kind: 'other', name: 'holiday_added', payload: { date: '2026-12-25' } });
    expect(readNotification('due_date_changed', { newDueDate: '2026-12-31' })).toMatchObject({ kind: 'other', name: 'due_date_changed' });
    expect(headline(readNotification('holiday_added', {}))).toBe('holiday added');
  });

  it('says which kinds change the recipient\'s own list of items (their chat home is refreshed)', () => {
    const kinds = ['due_soon', 'due_today', 'escalation', 'review_requested', 'approved', 'rejected', 'due_date_changed', 'not_applicable', 'reopened', 'assigned', 'weekly_digest'];
    const payload = { oldDueDate: '2026-12-01', newDueDate: '2026-12-08' };
    expect(kinds.filter((k) => changesOwnItems(readNotification(k, payload)))).toEqual(['review_requested', 'approved', 'rejected', 'due_date_changed', 'not_applicable', 'reopened', 'assigned']);
    expect(changesOwnItems(readNotification('work_assigned', { count: 2, nearestDue: '2026-12-07', items: [] }))).toBe(true);
  });
});

describe('the message model', () => {
  it('in chat: what happened, why, and the version to review', () => {
    expect(chatNotification(readNotification('review_requested', { evidenceId: 'ev1', version: 3 }))).toEqual({
      lead: [{ icon: 'review' }, ' Ready for your review.'], details: [], review: { evidenceId: 'ev1', version: 3 },
    });
    expect(chatNotification(readNotification('rejected', { reason: 'Wrong month', addressedTo: { kind: 'role', role: 'tenant_admin', missing: 'owner' } }))).toEqual({
      lead: [{ icon: 'refused' }, ' Rejected: please upload a corrected file here.'],
      details: [['Reason: ', 'Wrong month'], ['No ', 'owner', ' is assigned: please assign one.']], review: null,
    });
    expect(chatNotification(readNotification('due_date_changed', { oldDueDate: '2026-12-11', newDueDate: '2026-12-20', reference: 'Circular 3/2026' })).details)
      .toEqual([['11 Dec 2026 → ', { bold: '20 Dec 2026' }, ' (', 'Circular 3/2026', ')']]);
    expect(chatNotification(readNotification('assigned', {})).details).toEqual([['You are its ', 'owner', '.']]);
    expect(chatNotification(readNotification('holiday_added', {})).lead).toEqual(['holiday added']);
  });

  it('by email: the same facts in sentences', () => {
    const ctx: MessageContext = {
      notificationId: 'n1', tenantId: 't1', tenantName: 'Acme', timezone: 'Asia/Kolkata',
      notification: readNotification('due_date_changed', { oldDueDate: '2026-12-11', newDueDate: '2026-12-20', reference: 'Circular 3/2026' }),
      recipient: { userId: 'u1', name: 'Olivia', email: 'o@acme.example', slackUserId: null, teamsUserId: null },
      item: { id: 'i1', code: 'GSTR1', name: 'GSTR-1', entityName: 'Acme Mfg', registration: null, periodKey: '2026-11', dueDate: '2026-12-20', statutoryDueDate: '2026-12-11', extensionReference: 'Circular 3/2026', status: 'pending' },
      links: { item: 'http://x/i1', acknowledge: null },
    };
    const email = renderEmail(ctx);
    expect(email.subject).toBe('[Acme] Due date changed: GSTR-1 · Acme Mfg · Nov 2026 (due 20 Dec 2026)');
    expect(email.text).toContain('Moved from 11 Dec 2026 to 20 Dec 2026 (Circular 3/2026).');
    expect(escalationText(ctx.item!).text).toEqual([
      { icon: 'escalation' }, ' Overdue: ', { bold: 'GSTR-1' }, ' (', 'Nov 2026', ') for ', { bold: 'Acme Mfg' }, ' was due 20 Dec 2026 and is still pending.',
    ]);
  });

  it('by email and chat: the item under the names in force for its period (Form 26, tax year 2026-27)', () => {
    const ctx: MessageContext = {
      notificationId: 'n1', tenantId: 't1', tenantName: 'Acme', timezone: 'Asia/Kolkata', notification: readNotification('due_soon', {}),
      recipient: { userId: 'u1', name: 'Olivia', email: 'o@acme.example', slackUserId: null, teamsUserId: null },
      item: {
        id: 'i1', code: 'TAX_AUDIT_3CD', name: 'Tax audit report (Form 26)', entityName: 'Acme Mfg', registration: null, periodKey: 'FY2026-27', periodName: 'TY 2026-27',
        dueDate: '2027-09-30', statutoryDueDate: '2027-09-30', extensionReference: null, status: 'pending',
      },
      links: { item: null, acknowledge: null },
    };
    const email = renderEmail(ctx);
    expect(email.subject).toBe('[Acme] Due soon: Tax audit report (Form 26) · Acme Mfg · TY 2026-27 (due 30 Sep 2027)');
    expect(email.text).toContain('Obligation: Tax audit report (Form 26)\nEntity: Acme Mfg\nPeriod: TY 2026-27');
    expect(escalationText(ctx.item!).text.slice(0, 5)).toEqual([{ icon: 'escalation' }, ' Overdue: ', { bold: 'Tax audit report (Form 26)' }, ' (', 'TY 2026-27']);
  });
});

describe('an email about an item under an MCA fee waiver', () => {
  // MGT-7 FY 2024-25: due 29 Nov 2025; GC 08/2025 waived the additional fee until 31 Jan 2026 (the due date stayed):
  // https://taxguru.in/company-law/mca-companies-file-annual-returns-extra-fees-december-31-2025.html
  it('keeps the legal due date and says until when no additional fee is charged, and by which circular', () => {
    const email = renderEmail({
      notificationId: 'n1', tenantId: 't1', tenantName: 'Acme', timezone: 'Asia/Kolkata', notification: readNotification('escalation', {}),
      recipient: { userId: 'u1', name: 'Chitra', email: 'c@acme.example', slackUserId: null, teamsUserId: null },
      item: {
        id: 'i1', code: 'ROC_MGT7', name: 'MGT-7 / MGT-7A — annual return', entityName: 'Acme Mfg', registration: null, periodKey: 'FY2024-25', dueDate: '2025-11-29',
        statutoryDueDate: '2025-11-29', extensionReference: null, feeWaiver: { until: '2026-01-31', reference: 'MCA General Circular 08/2025' }, status: 'pending',
      },
      links: { item: null, acknowledge: null },
    });
    expect(email.subject).toBe('[Acme] Overdue: escalated to you: MGT-7 / MGT-7A — annual return · Acme Mfg · FY2024-25 (due 29 Nov 2025)');
    expect(email.text).toContain('Due date: 29 Nov 2025; no additional fee until 31 Jan 2026 (MCA General Circular 08/2025)\n');
  });
});

describe('chooseChannel', () => {
  const slack = { channel: 'slack' as const, connected: true, reaches: (id: string) => id === 'u-linked' };
  const teams = { channel: 'teams' as const, connected: true, reaches: (id: string) => id !== 'u-none' };

  it('picks the first chat that reaches the person, else email', () => {
    expect(chooseChannel([slack, teams], 'u-linked', 'due_soon')).toBe('slack');
    expect(chooseChannel([slack, teams], 'u-other', 'due_soon')).toBe('teams');
    expect(chooseChannel([slack, teams], 'u-none', 'due_soon')).toBe('email');
    expect(chooseChannel([], 'u-linked', 'due_soon')).toBe('email');
  });

  it('sends the weekly digest by email whatever chat reaches the person', () => {
    expect(chooseChannel([slack], 'u-linked', 'weekly_digest')).toBe('email');
  });

  it("opens an item's thread in the chat that reaches its preparer, else in the first chat connected, else nowhere", () => {
    expect(chooseChannel([slack, teams], 'u-linked', 'thread_opened')).toBe('slack');
    expect(chooseChannel([slack, teams], 'u-other', 'thread_opened')).toBe('teams');
    expect(chooseChannel([slack, teams], 'u-none', 'thread_opened')).toBe('slack');
    expect(chooseChannel([{ ...slack, connected: false }, teams], 'u-none', 'thread_opened')).toBe('teams');
    expect(chooseChannel([], 'u-none', 'thread_opened')).toBe('email');
  });
});

describe('a batch of escalations by email', () => {
  const item = (id: string, name: string, dueDate: string) => ({
    id, code: 'X', name, entityName: 'Acme Mfg', registration: null, periodKey: '2026-10', periodName: 'Oct 2026', dueDate, statutoryDueDate: dueDate, extensionReference: null, status: 'pending',
  });
  const batch = (payload: Record<string, unknown>): MessageContext => ({
    notificationId: 'n1', tenantId: 't1', tenantName: 'Acme', timezone: 'Asia/Kolkata', notification: readNotification('escalation', payload),
    recipient: { userId: 'u1', name: 'Chitra', email: 'c@acme.example', slackUserId: null, teamsUserId: null },
    item: null, items: [item('a', 'TDS deposit', '2026-11-07'), item('b', 'GSTR-3B', '2026-11-20')],
    links: { item: null, acknowledge: null, acknowledgeItems: { a: 'http://x/ack/a', b: 'http://x/ack/b' }, items: { a: 'http://x/a', b: 'http://x/b' } },
  });

  it('lists every item by name with its own acknowledgement link', () => {
    const email = renderEmail(batch({ items: [{ instanceId: 'a', day: '2026-11-10' }, { instanceId: 'b', day: '2026-11-23' }] }));
    expect(email.subject).toBe('[Acme] Overdue: 2 items escalated to you');
    expect(email.text).toContain([
      '- TDS deposit · Acme Mfg · Oct 2026: was due 7 Nov 2026, still pending.', '  Open: http://x/a', '  Acknowledge (stops the repeats): http://x/ack/a',
      '- GSTR-3B · Acme Mfg · Oct 2026: was due 20 Nov 2026, still pending.', '  Open: http://x/b', '  Acknowledge (stops the repeats): http://x/ack/b',
    ].join('\n'));
    expect(email.html.match(/Acknowledge<\/a>/g)).toHaveLength(2);
  });

  it('says why it came by email when a chat refused it', () => {
    const email = renderEmail(batch({ items: [], fallback: { from: 'slack', problem: 'The Slack connection no longer works (token revoked) — reconnect Slack.' } }));
    expect(email.text).toContain('Sent by email because Slack could not deliver it: The Slack connection no longer works (token revoked) — reconnect Slack.');
  });
});

describe('which messages list several items', () => {
  it('escalations always; reminders only by email and only when there are several; nothing else', () => {
    expect(sentAsList('escalation', 'slack', 1)).toBe(true);
    expect(sentAsList('due_soon', 'email', 2)).toBe(true);
    expect(sentAsList('due_today', 'email', 2)).toBe(true);
    expect(sentAsList('due_soon', 'email', 1)).toBe(false);
    expect(sentAsList('due_soon', 'slack', 30)).toBe(false);
    expect(sentAsList('review_requested', 'email', 5)).toBe(false);
  });
});

describe('a batch of reminders by email', () => {
  const item = (id: string, name: string, dueDate: string) => ({
    id, code: 'X', name, entityName: 'Acme Mfg', registration: null, periodKey: '2026-11', periodName: 'Nov 2026', dueDate, statutoryDueDate: dueDate, extensionReference: null, status: 'pending',
  });
  const batch = (kind: 'due_soon' | 'due_today'): MessageContext => ({
    notificationId: 'n1', tenantId: 't1', tenantName: 'Acme', timezone: 'Asia/Kolkata',
    notification: readNotification(kind, { items: [{ instanceId: 'a', day: '2026-12-04' }, { instanceId: 'b', day: '2026-12-17' }] }),
    recipient: { userId: 'u1', name: 'Olivia', email: 'o@acme.example', slackUserId: null, teamsUserId: null },
    item: null, items: [item('a', 'TDS deposit', '2026-12-07'), item('b', 'GSTR-3B', '2026-12-20')],
    links: { item: null, acknowledge: null, items: { a: 'http://x/a', b: 'http://x/b' } },
  });

  it('one email listing what falls due, each item by name and due date with its page, and nothing to acknowledge', () => {
    const email = renderEmail(batch('due_soon'));
    expect(email.subject).toBe('[Acme] Due soon: 2 filings to prepare');
    expect(email.text).toContain([
      '- TDS deposit · Acme Mfg · Nov 2026: due 7 Dec 2026.', '  Open: http://x/a',
      '- GSTR-3B · Acme Mfg · Nov 2026: due 20 Dec 2026.', '  Open: http://x/b',
    ].join('\n'));
    expect(email.text).not.toContain('Acknowledge');
    expect(email.html.match(/<li>/g)).toHaveLength(2);
  });

  it('to the approver on the due day, asking for approval', () => {
    const email = renderEmail(batch('due_today'));
    expect(email.subject).toBe('[Acme] Due today: 2 items awaiting approval');
    expect(email.text).toContain('please review and approve');
  });
});
