import { describe, expect, it } from '@jest/globals';
import { homeView, type ApprovalsPart } from '../../../core/chat/home.js';
import type { ItemLine } from '../../../core/ports/work-reads.js';
import { inMemoryReads } from './in-memory-chat.js';

/* A person's home in chat as data (core/chat). */

const SLACK = { chat: 'slack' as const, name: 'Slack' };
const item = (n: number, over: Partial<ItemLine> = {}): ItemLine => ({
  instanceId: `i${n}`, code: `C${n}`, name: `N${n}`, entityId: 'e1', entityName: 'Acme', registration: null, periodKey: '2026-11', dueDate: '2026-12-07', status: 'pending', rag: 'green', ...over,
});
const reads = () => inMemoryReads({
  people: [], entities: [],
  mine: { u1: {
    toPrepare: [item(1, { rag: 'red' }), item(2, { rag: 'red' }), item(3, { rag: 'amber' }), item(4)],
    toApprove: Array.from({ length: 12 }, (_, i) => item(10 + i, { status: 'submitted', ...(i % 2 === 0 ? { evidence: { id: `ev${i}`, version: i + 1 } } : {}) })),
  } },
});

describe('homeView', () => {
  it('for someone it does not know, says how to be added (naming the chat), without reading anything', async () => {
    const r = reads();
    expect(await homeView({ platform: SLACK, reads: r }, 't', null, new Date())).toEqual({ parts: [
      { kind: 'title', text: 'Compliance OS' },
      { kind: 'paragraph', lines: [['Compliance OS does not know your Slack account yet. Ask your compliance admin to add you with the email address you use in Slack.']] },
    ] });
    expect(r.asked).toEqual([]);
  });

  it("counts their items by RAG as of the tenant's today, lists ten approvals with buttons and says how many more", async () => {
    const r = reads();
    const view = await homeView({ platform: SLACK, reads: r }, 't', 'u1', new Date('2026-11-30T20:00:00Z'), [{ icon: 'done' }, ' Approved.']);
    expect(view.parts[1]).toEqual({ kind: 'note', text: ['2 overdue · 1 due soon or rejected · 1 on track · updated 2026-12-01'] });
    expect(view.parts[2]).toEqual({ kind: 'paragraph', lines: [[{ icon: 'done' }, ' Approved.']] });
    const approvals = view.parts.find((p): p is ApprovalsPart => p.kind === 'approvals')!;
    expect(approvals.title).toBe('Awaiting your approval (12)');
    expect(approvals.items).toHaveLength(10);
    expect(approvals.items[0]!.review).toEqual({ instanceId: 'i10', evidenceId: 'ev0', version: 1 });
    expect(approvals.items[1]!.review).toBeNull();
    expect(approvals.more).toEqual(["…and 2 more, each in its item's thread."]);
    expect(r.asked).toContainEqual({ recentlyCompleted: { userId: 'u1', today: '2026-12-01', days: 14 } });
  });
});
