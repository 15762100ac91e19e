import { describe, expect, it } from '@jest/globals';
import { itemCard } from '../../../core/chat/item-card.js';
import type { ItemFacts } from '../../../core/ports/item-threads.js';

/* An item's card as data (core/chat): its dates, status, RAG as of the moment given, people and buttons. */

const facts = (over: Partial<ItemFacts> = {}): ItemFacts => ({
  instanceId: 'i1', code: 'GSTR3B', name: 'GSTR-3B', entityName: 'Acme', registration: null, periodKey: '2026-11', statutoryDueDate: '2026-12-20',
  extendedDueDate: null, extensionReference: null, workingDueDate: null, dueDate: '2026-12-20', status: 'pending', approvedLate: null, filingReference: null,
  owner: { chatId: 'U0OWNER', name: 'Olivia' }, approver: { chatId: null, name: null }, timezone: 'Asia/Kolkata', amberWindowDays: 7, ...over,
});
const card = (over: Partial<ItemFacts> = {}, now = '2026-12-01T06:00:00Z') => itemCard(facts(over), new Date(now), 'http://x/item');

describe('itemCard', () => {
  it("takes RAG from the tenant's today at the moment given: green, then amber in the window, then red past due", () => {
    expect(card({}, '2026-12-01T06:00:00Z').rag).toBe('green');
    expect(card({}, '2026-12-13T06:00:00Z').rag).toBe('amber');
    // 19:00 UTC on 20 Dec is 21 Dec in India: overdue there.
    expect(card({}, '2026-12-20T19:00:00Z').rag).toBe('red');
    expect(card({ status: 'approved' }, '2027-01-20T06:00:00Z').rag).toBe('green');
  });

  it('says the due date, and why it differs from the statutory one', () => {
    expect(card().facts[1]).toEqual([{ bold: 'Due:' }, ' 20 Dec 2026']);
    expect(card({ dueDate: '2026-12-31', extendedDueDate: '2026-12-31', extensionReference: 'Notification 9/2026' }).facts[1])
      .toEqual([{ bold: 'Due:' }, ' 31 Dec 2026', ' · extended from 20 Dec 2026', ' (', 'Notification 9/2026', ')']);
    expect(card({ dueDate: '2026-12-21', workingDueDate: '2026-12-21' }).facts[1]).toEqual([{ bold: 'Due:' }, ' 21 Dec 2026', ' · statutory 20 Dec 2026, next working day']);
  });

  // MCA GC 08/2025: no additional fee for MGT-7 FY 2024-25 until 31 Jan 2026; the due date stays:
  // https://taxguru.in/company-law/mca-companies-file-annual-returns-extra-fees-december-31-2025.html
  it('shows a fee waiver beside the due date it leaves alone, and stays red once that date has passed', () => {
    const waived = { code: 'ROC_MGT7', statutoryDueDate: '2025-11-29', dueDate: '2025-11-29', feeWaiver: { until: '2026-01-31', reference: 'MCA General Circular 08/2025' } };
    expect(card(waived, '2025-11-10T06:00:00Z').facts[1])
      .toEqual([{ bold: 'Due:' }, ' 29 Nov 2025', ' · no additional fee until 31 Jan 2026 (MCA General Circular 08/2025)']);
    expect(card(waived, '2025-12-15T06:00:00Z').rag).toBe('red');
    expect(card(waived, '2025-12-15T06:00:00Z').summary.at(-1)).toBe(' · due 29 Nov 2025 · Pending');
  });

  it('labels the status, marks an approval (late when it was) and the filing reference', () => {
    expect(card({ status: 'submitted' }).facts[2]).toEqual([{ rag: 'green' }, ' ', { bold: 'Submitted, awaiting approval' }, '']);
    expect(card({ status: 'approved', approvedLate: true, filingReference: 'ARN-1' }).facts[2])
      .toEqual([{ icon: 'done' }, ' ', { bold: 'Approved' }, ' (late)', ' · ref ', 'ARN-1']);
  });

  it('names who prepares and approves it, or that nobody is assigned', () => {
    expect(card().people).toEqual([
      'Preparer: ', { person: { chatId: 'U0OWNER', name: 'Olivia' }, nobody: 'nobody assigned' }, ' · Approver: ',
      { person: { chatId: null, name: null }, nobody: 'nobody assigned' },
    ]);
  });

  it('offers Mark not applicable only where the status machine allows it', () => {
    expect(['pending', 'submitted', 'approved', 'rejected', 'not_applicable'].map((status) => card({ status: status as ItemFacts['status'] }).actions.markNotApplicable))
      .toEqual([true, false, false, true, false]);
  });

  it('offers Reopen only on a closed item (approved or not applicable)', () => {
    expect(['pending', 'submitted', 'approved', 'rejected', 'not_applicable'].map((status) => card({ status: status as ItemFacts['status'] }).actions.reopen))
      .toEqual([false, false, true, false, true]);
  });

  it('sums the item up in one line', () => {
    expect(card({ status: 'rejected' }).summary).toEqual(['GSTR-3B · Acme · Nov 2026', ' · due 20 Dec 2026 · Rejected']);
  });

  it('names the period as the law in force for it does (tax year 2026-27 under the Income-tax Act 2025)', () => {
    const c = card({ code: 'TAX_AUDIT_3CD', name: 'Tax audit report (Form 26)', periodKey: 'FY2026-27', periodName: 'TY 2026-27' });
    expect(c.title).toBe('Tax audit report (Form 26)');
    expect(c.summary[0]).toBe('Tax audit report (Form 26) · Acme · TY 2026-27');
    expect(c.facts[0]).toEqual([{ bold: 'Acme' }, ' · period ', { bold: 'TY 2026-27' }]);
  });
});
