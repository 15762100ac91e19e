import { describe, expect, it } from '@jest/globals';
import { formatMoment } from '../../core/engine/dates.js';
import { itemTimeline, type ItemHistory, type TimelineAuditEntry, type TimelineNotification } from '../../core/items/timeline.js';

// 20 Nov 2026, 14:44 in Kolkata (09:14 UTC); each entry a minute after the one before.
const AT = Date.parse('2026-11-20T09:14:00Z');
const MINUTE = 60_000;
const SHA = `3f5a${'0'.repeat(60)}`;

const PEOPLE = new Map([
  ['u-priya', 'Priya Preparer'], ['u-anita', 'Anita Approver'], ['u-chitra', 'Chitra CFO'], ['u-asha', 'Asha Admin'], ['u-raj', 'Raj Kumar'], ['u-ravi', 'Ravi Auditor'],
]);

type EntryInput = Partial<TimelineAuditEntry> & { action: string };
/** Entries in chain order, a minute apart, by people the portal labels with their emails (the timeline uses names). */
function entries(...list: EntryInput[]): TimelineAuditEntry[] {
  return list.map((e, i) => ({
    seq: 41 + i, occurredAt: new Date(AT + i * MINUTE), actorType: 'user', actorId: 'u-priya', actorLabel: 'someone@demo.example',
    objectType: e.action.startsWith('evidence.') ? 'evidence' : 'instance', before: null, after: null, ...e,
  }));
}

const history = (over: Partial<ItemHistory>): ItemHistory => ({ timezone: 'Asia/Kolkata', entries: [], notifications: [], people: PEOPLE, ...over });
const texts = (over: Partial<ItemHistory>) => itemTimeline(history(over)).map((l) => l.text);

function notice(over: Partial<TimelineNotification> & { kind: string }): TimelineNotification {
  return {
    channel: 'slack', status: 'sent', recipientUserId: 'u-priya', payload: {},
    createdAt: new Date(AT), sentAt: new Date(AT + 5_000), updatedAt: new Date(AT + 5_000), ...over,
  };
}
const said = (n: TimelineNotification) => texts({ notifications: [n] })[0];

describe('itemTimeline: what people did', () => {
  it('an upload and the submission written with it read as one line, with the file, size and full SHA-256', () => {
    expect(texts({
      entries: entries(
        { action: 'evidence.uploaded', after: { instanceId: 'i1', version: 1, fileName: 'challan.pdf', sizeBytes: 120 * 1024, sha256: SHA, channel: 'slack' } },
        { action: 'instance.submitted', before: { status: 'pending' }, after: { status: 'submitted', evidenceVersion: 1 } },
      ),
    })).toEqual([`Priya Preparer uploaded version 1 in Slack (challan.pdf, 120.0 KB, SHA-256 ${SHA})`]);
  });

  it('names where a file came from: Teams, or the portal', () => {
    const upload = (channel: string) => texts({ entries: entries({ action: 'evidence.uploaded', after: { version: 3, fileName: 'ecr.pdf', sizeBytes: 900, sha256: SHA, channel } }) })[0];
    expect(upload('teams')).toBe(`Priya Preparer uploaded version 3 in Teams (ecr.pdf, 900 bytes, SHA-256 ${SHA})`);
    expect(upload('portal')).toBe(`Priya Preparer uploaded version 3 on the portal (ecr.pdf, 900 bytes, SHA-256 ${SHA})`);
  });

  it('an approval says the version and the filing reference, and when it came after the due date', () => {
    const approval = (late: boolean) => texts({
      entries: entries(
        { action: 'evidence.approved', actorId: 'u-anita', after: { version: 1, sha256: SHA } },
        { action: 'instance.approved', actorId: 'u-anita', before: { status: 'submitted' }, after: { status: 'approved', late, filingReference: 'ARN123' } },
      ),
    });
    expect(approval(false)).toEqual(['Anita Approver approved version 1 (filing reference ARN123)']);
    expect(approval(true)).toEqual(['Anita Approver approved version 1 (filing reference ARN123), after the due date']);
  });

  it('a rejection, not applicable and a reopening give the reason', () => {
    expect(texts({
      entries: entries(
        { action: 'evidence.rejected', actorId: 'u-anita', after: { version: 2, sha256: SHA, reason: 'Wrong month on the challan' } },
        { action: 'instance.rejected', actorId: 'u-anita', before: { status: 'submitted' }, after: { status: 'rejected', reason: 'Wrong month on the challan' } },
        { action: 'instance.not_applicable', actorId: 'u-anita', before: { status: 'rejected' }, after: { status: 'not_applicable', reason: 'No TDS deducted in November' } },
        { action: 'instance.reopened', actorId: 'u-asha', before: { status: 'not_applicable' }, after: { status: 'pending', reason: 'A contractor was paid after all' } },
      ),
    })).toEqual([
      'Anita Approver rejected version 2: Wrong month on the challan',
      'Anita Approver marked it not applicable: No TDS deducted in November',
      'Asha Admin reopened it: A contractor was paid after all',
    ]);
  });

  it('the item’s half of a pair alone (older entries) still reads as a sentence', () => {
    expect(texts({
      entries: entries(
        { action: 'instance.submitted', after: { status: 'submitted', evidenceVersion: 4 } },
        { action: 'instance.approved', actorId: 'u-anita', after: { status: 'approved', late: false, filingReference: null } },
        { action: 'evidence.approved', actorId: 'u-anita', after: { version: 4 } },
        { action: 'instance.rejected', actorId: 'u-anita', after: { reason: 'Blurred scan' } },
      ),
    })).toEqual(['Priya Preparer submitted version 4 for review', 'Anita Approver approved it', 'Anita Approver approved version 4', 'Anita Approver rejected it: Blurred scan']);
  });

  it('a due date moved by an extension names the dates and the reference; by a job, no one; to a working day, why', () => {
    expect(texts({
      entries: entries(
        { action: 'instance.due_date_changed', actorId: 'u-asha', before: { dueDate: '2026-11-20' }, after: { dueDate: '2026-11-30', statutoryDueDate: '2026-11-20', extendedDueDate: '2026-11-30', reference: 'CBIC Notification 12/2026' } },
        { action: 'instance.due_date_changed', actorType: 'system', actorId: 'job:apply-extensions', actorLabel: 'Extension job', before: { dueDate: '2026-11-30' }, after: { dueDate: '2026-12-07', statutoryDueDate: '2026-11-20', extendedDueDate: '2026-12-07', reference: 'CBIC Notification 13/2026' } },
        { action: 'instance.due_date_changed', actorType: 'system', actorId: 'cli', actorLabel: 'Command line', before: { dueDate: '2027-01-07' }, after: { dueDate: '2027-01-08', statutoryDueDate: '2027-01-07', extendedDueDate: null, reference: null } },
      ),
    })).toEqual([
      'Due date moved from 20 Nov 2026 to 30 Nov 2026 by Asha Admin (extension: CBIC Notification 12/2026)',
      'Due date moved from 30 Nov 2026 to 7 Dec 2026 (extension: CBIC Notification 13/2026)',
      'Due date moved from 7 Jan 2027 to 8 Jan 2027 (the next working day)',
    ]);
  });

  it('a reassignment names the people in and out of each role', () => {
    const item = { id: 'i1', status: 'pending', owner_user_id: 'u-priya', approver_user_id: 'u-anita' };
    expect(texts({
      entries: entries(
        { action: 'instance.updated', actorId: 'u-asha', before: item, after: { ...item, owner_user_id: 'u-raj' } },
        { action: 'instance.updated', actorId: 'u-asha', before: { ...item, owner_user_id: null }, after: { ...item, owner_user_id: 'u-priya', approver_user_id: null } },
        { action: 'instance.updated', actorId: 'u-asha', before: item, after: item },
        { action: 'instance.updated', actorId: 'u-asha', before: item, after: { ...item, owner_user_id: 'u-gone' } },
      ),
    })).toEqual([
      'Asha Admin made Raj Kumar the preparer in place of Priya Preparer',
      'Asha Admin made Priya Preparer the preparer and left it without an approver (was Anita Approver)',
      'Asha Admin updated the item',
      'Asha Admin made someone no longer listed the preparer in place of Priya Preparer',
    ]);
  });

  it('names the registration an item was put under', () => {
    const set = (actorType: TimelineAuditEntry['actorType'], registrationId: string) =>
      entries({ action: 'instance.registration_set', actorType, actorId: actorType === 'user' ? 'u-asha' : 'seed', actorLabel: 'Demo seed', after: { registrationId } })[0]!;
    expect(texts({ entries: [set('user', 'r1')], registrations: new Map([['r1', 'GSTIN 27AABCD1234F1Z5']]) })).toEqual(['Asha Admin put it under GSTIN 27AABCD1234F1Z5']);
    expect(texts({ entries: [set('system', 'r-unknown')] })).toEqual(['Now owed under one of its entity’s registrations']);
  });

  it('an acknowledgement, a verified download and a refused one', () => {
    expect(texts({
      entries: entries(
        { action: 'escalation.acknowledged', actorId: 'u-chitra', after: { acknowledgedAt: '2026-11-24T05:00:00.000Z' } },
        { action: 'evidence.downloaded', actorId: 'u-ravi', after: { version: 1, sha256: SHA, verified: true } },
        { action: 'evidence.download_refused', actorId: 'u-ravi', after: { version: 1, problems: ['ALTERED', 'NO UPLOAD RECORD'], storedSha256: 'b'.repeat(64), recordSha256: SHA } },
        { action: 'evidence.download_refused', actorId: 'u-ravi', after: { version: 2, problems: ['SOMETHING_NEW'] } },
        { action: 'evidence.downloaded', actorId: 'u-ravi', after: { verified: false } },
      ),
    })).toEqual([
      'Acknowledged by Chitra CFO: the escalation stops repeating',
      'Evidence version 1 downloaded by Ravi Auditor, its SHA-256 checked',
      'Download of evidence version 1 by Ravi Auditor refused: the stored file has changed since it was uploaded; the audit trail has no record of its upload',
      'Download of evidence version 2 by Ravi Auditor refused: something new',
      'Evidence downloaded by Ravi Auditor',
    ]);
  });

  it('an action it has no sentence for reads as who and what, never as JSON keys', () => {
    const lines = texts({
      entries: entries(
        { action: 'instance.archived_for_audit', actorId: 'u-asha', after: { someKey: { nested: 1 } } },
        { action: 'evidence.watermarked', actorId: 'u-asha', after: { version: 2 } },
        { action: 'instance.created', actorId: 'u-asha', after: { id: 'i1' } },
        { action: 'toString', actorId: 'u-asha' },
        { action: 'evidence.rescanned', actorId: 'u-asha', after: { problems: 'none' } },
      ),
    });
    expect(lines).toEqual([
      'Asha Admin recorded "archived for audit" on this item',
      'Asha Admin recorded "watermarked" on evidence version 2',
      'Asha Admin created this item',
      'Asha Admin recorded "toString" on this item',
      'Asha Admin recorded "rescanned" on evidence',
    ]);
  });

  it('names a platform admin by the label the chain has, a job by its name, a person unknown by their label', () => {
    expect(texts({
      entries: entries(
        { action: 'evidence.downloaded', actorType: 'platform_user', actorId: 'p1', actorLabel: 'platform@demo.example', after: { version: 1, verified: true } },
        { action: 'instance.reopened', actorType: 'system', actorId: 'cli', actorLabel: 'Command line', after: { reason: 'Filed twice by mistake' } },
        { action: 'instance.reopened', actorId: 'u-left', actorLabel: 'Old Name', after: {} },
      ),
    })).toEqual([
      'Evidence version 1 downloaded by Platform admin platform@demo.example, its SHA-256 checked',
      'Command line reopened it: Filed twice by mistake',
      'Old Name reopened it',
    ]);
  });
});

describe('itemTimeline: messages sent about the item', () => {
  it.each([
    ['due_soon', { day: '2026-11-17' }, 'Reminder sent to Priya Preparer by Slack'],
    ['due_today', { day: '2026-11-20' }, 'Due-today reminder sent to Priya Preparer by Slack'],
    ['review_requested', { version: 2, uploadedBy: 'u-priya' }, 'Review request for version 2 sent to Priya Preparer by Slack'],
    ['approved', { version: 1, late: true }, 'Approval notice (filed late) sent to Priya Preparer by Slack'],
    ['rejected', { version: 1, reason: 'Blurred' }, 'Rejection notice sent to Priya Preparer by Slack'],
    ['due_date_changed', { oldDueDate: '2026-11-20', newDueDate: '2026-11-30', reference: 'CBIC 12/2026' }, 'Notice of the new due date (30 Nov 2026) sent to Priya Preparer by Slack'],
    ['not_applicable', { reason: 'No TDS' }, 'Not-applicable notice sent to Priya Preparer by Slack'],
    ['reopened', { reason: 'Again' }, 'Reopening notice sent to Priya Preparer by Slack'],
    ['assigned', { as: 'approver' }, 'Notice of assignment as approver sent to Priya Preparer by Slack'],
    ['work_assigned', { count: 3, nearestDue: '2026-12-07', items: [{ instanceId: 'i1', as: 'owner' }] }, 'New-work notice sent to Priya Preparer by Slack'],
    ['weekly_digest', { week: '2026-W47' }, 'Weekly digest sent to Priya Preparer by Slack'],
    ['delivery_alert', { problem: 'Slack is disconnected' }, 'Delivery alert sent to Priya Preparer by Slack'],
    ['payment_confirmed', { anything: true }, 'Payment confirmed message sent to Priya Preparer by Slack'],
  ])('%s, sent', (kind, payload, text) => {
    expect(said(notice({ kind, payload }))).toBe(text);
  });

  it('an escalation, the item’s thread, and a message to a person no longer listed', () => {
    expect(said(notice({ kind: 'escalation', channel: 'email', recipientUserId: 'u-chitra', payload: { items: [{ instanceId: 'i1', day: '2026-11-23' }] } }))).toBe('Escalated to Chitra CFO by email');
    expect(said(notice({ kind: 'escalation', channel: 'teams', recipientUserId: 'u-chitra', payload: { day: '2026-11-23' } }))).toBe('Escalated to Chitra CFO by Teams');
    expect(said(notice({ kind: 'thread_opened' }))).toBe('Item thread opened in Slack');
    expect(said(notice({ kind: 'thread_opened', status: 'failed' }))).toBe('Item thread could not be opened in Slack');
    expect(said(notice({ kind: 'due_soon', recipientUserId: 'u-gone' }))).toBe('Reminder sent to someone no longer listed by Slack');
  });

  it('one not delivered, given up, or still waiting says so', () => {
    expect(said(notice({ kind: 'due_soon', status: 'failed', sentAt: null }))).toBe('Reminder to Priya Preparer by Slack could not be delivered');
    expect(said(notice({ kind: 'escalation', status: 'dead', channel: 'email', recipientUserId: 'u-chitra', sentAt: null }))).toBe('Escalation to Chitra CFO by email could not be delivered after repeated tries');
    expect(said(notice({ kind: 'review_requested', status: 'pending', channel: 'email', recipientUserId: 'u-anita', payload: { version: 1 }, sentAt: null })))
      .toBe('Review request for version 1 to Anita Approver by email waiting to be sent');
  });

  it('the email sent because a chat refused says why; one sent in place of a missing person says whom it stands in for', () => {
    expect(said(notice({ kind: 'due_soon', channel: 'email', payload: { day: '2026-11-17', fallback: { from: 'slack', problem: 'Slack says the channel was not found: check the channel id.' } } })))
      .toBe('Reminder sent to Priya Preparer by email, because Slack could not deliver it: Slack says the channel was not found: check the channel id');
    expect(said(notice({ kind: 'review_requested', channel: 'email', recipientUserId: 'u-asha', payload: { version: 1, addressedTo: { kind: 'role', role: 'tenant_admin', missing: 'approver' } } })))
      .toBe('Review request for version 1 sent to Asha Admin by email (no approver is assigned)');
  });

  it('stands each message at its moment: sent when sent, failed when given up, waiting since queued', () => {
    const lines = itemTimeline(history({
      notifications: [
        notice({ kind: 'due_soon', status: 'pending', createdAt: new Date(AT + 30 * MINUTE), sentAt: null, updatedAt: new Date(AT + 31 * MINUTE) }),
        notice({ kind: 'due_today', status: 'sent', createdAt: new Date(AT), sentAt: new Date(AT + 20 * MINUTE), updatedAt: new Date(AT + 20 * MINUTE) }),
        notice({ kind: 'escalation', status: 'failed', createdAt: new Date(AT), sentAt: null, updatedAt: new Date(AT + 10 * MINUTE) }),
      ],
    }));
    expect(lines.map((l) => [l.when, l.text])).toEqual([
      ['20 Nov 2026, 14:54 IST', 'Escalation to Priya Preparer by Slack could not be delivered'],
      ['20 Nov 2026, 15:04 IST', 'Due-today reminder sent to Priya Preparer by Slack'],
      ['20 Nov 2026, 15:14 IST', 'Reminder to Priya Preparer by Slack waiting to be sent'],
    ]);
  });
});

describe('itemTimeline: order and time', () => {
  it('puts changes and messages together oldest first; within a minute, a change before the messages it caused', () => {
    const lines = itemTimeline(history({
      entries: entries(
        { action: 'evidence.uploaded', after: { version: 1, fileName: 'a.pdf', sizeBytes: 10, sha256: SHA, channel: 'slack' } },
        { action: 'instance.submitted', after: { evidenceVersion: 1 } },
        { action: 'evidence.approved', actorId: 'u-anita', after: { version: 1 } },
        { action: 'instance.approved', actorId: 'u-anita', after: { filingReference: 'ARN9' } },
      ).map((e) => ({ ...e, occurredAt: new Date(AT + 20 * MINUTE + e.seq) })),
      notifications: [
        // Stamped by the database at its transaction's start, a few milliseconds before the upload it reports.
        notice({ kind: 'review_requested', status: 'pending', recipientUserId: 'u-anita', payload: { version: 1 }, createdAt: new Date(AT + 20 * MINUTE), sentAt: null }),
        notice({ kind: 'due_soon', sentAt: new Date(AT - 3 * 86_400_000) }),
        notice({ kind: 'approved', sentAt: new Date(AT + 22 * MINUTE) }),
      ],
    }));
    expect(lines.map((l) => l.text)).toEqual([
      'Reminder sent to Priya Preparer by Slack',
      `Priya Preparer uploaded version 1 in Slack (a.pdf, 10 bytes, SHA-256 ${SHA})`,
      'Anita Approver approved version 1 (filing reference ARN9)',
      'Review request for version 1 to Anita Approver by Slack waiting to be sent',
      'Approval notice sent to Priya Preparer by Slack',
    ]);
    expect(lines[0]!.when).toBe('17 Nov 2026, 14:44 IST');
  });

  it('keeps messages sent at one moment in the order they were queued, whatever order they arrive in', () => {
    const sentAt = new Date(AT + 5 * MINUTE);
    expect(texts({
      notifications: [
        notice({ kind: 'approved', createdAt: new Date(AT + 2_000), sentAt }),
        notice({ kind: 'review_requested', recipientUserId: 'u-anita', payload: { version: 1 }, createdAt: new Date(AT + 1_000), sentAt }),
      ],
    })).toEqual(['Review request for version 1 sent to Anita Approver by Slack', 'Approval notice sent to Priya Preparer by Slack']);
  });

  it('reads in the tenant’s timezone, naming it: Kolkata and New York, across a day boundary', () => {
    const at = new Date('2026-11-20T20:00:00Z');
    const upload = entries({ action: 'instance.reopened', actorId: 'u-asha', occurredAt: at, after: { reason: 'x' } });
    const when = (timezone: string) => itemTimeline(history({ timezone, entries: upload }))[0]!.when;
    expect(when('Asia/Kolkata')).toBe('21 Nov 2026, 01:30 IST');
    expect(when('America/New_York')).toBe('20 Nov 2026, 15:00 EST');
    expect(itemTimeline(history({ timezone: 'Asia/Kolkata', entries: upload }))[0]!.at).toEqual(at);
  });

  it('says how many older entries were left out', () => {
    const lines = itemTimeline(history({ entries: entries({ action: 'instance.reopened', actorId: 'u-asha', after: { reason: 'x' } }), omitted: 12 }));
    expect(lines.map((l) => [l.when, l.text])).toEqual([
      ['before 20 Nov 2026, 14:44 IST', '12 older entries are not shown here'],
      ['20 Nov 2026, 14:44 IST', 'Asha Admin reopened it: x'],
    ]);
  });

  it('is empty for an item nothing has happened to', () => {
    expect(itemTimeline(history({}))).toEqual([]);
  });
});

describe('formatMoment', () => {
  const at = (iso: string) => new Date(iso);
  it('names the zone by its common abbreviation, summer time included', () => {
    expect(formatMoment(at('2026-11-20T09:14:00Z'), 'Asia/Kolkata')).toBe('20 Nov 2026, 14:44 IST');
    expect(formatMoment(at('2026-11-20T09:14:00Z'), 'Europe/London')).toBe('20 Nov 2026, 09:14 GMT');
    expect(formatMoment(at('2026-07-01T09:14:00Z'), 'Europe/London')).toBe('1 Jul 2026, 10:14 BST');
    expect(formatMoment(at('2026-07-01T09:14:00Z'), 'America/New_York')).toBe('1 Jul 2026, 05:14 EDT');
  });

  it('gives the offset where a zone has no common abbreviation, and UTC, said so, for a zone it does not know', () => {
    expect(formatMoment(at('2026-11-20T09:14:00Z'), 'Asia/Singapore')).toBe('20 Nov 2026, 17:14 UTC+8');
    expect(formatMoment(at('2026-11-20T09:14:00Z'), 'Asia/Kathmandu')).toBe('20 Nov 2026, 14:59 UTC+5:45');
    expect(formatMoment(at('2026-11-20T09:14:00Z'), 'Mars/Olympus')).toBe('20 Nov 2026, 09:14 UTC');
  });
});
