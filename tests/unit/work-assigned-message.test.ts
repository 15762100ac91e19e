import { describe, expect, it } from '@jest/globals';
import { workAssignedMessage } from '../../bot/slack/blocks/work-assigned.js';
import { readNotification } from '../../core/notifications/kinds.js';
import { renderEmail, type MessageContext } from '../../core/notifications/message.js';

/* The new-work message as Slack and email show it, at the edges: the most it lists, long and hostile names, one item. */

const item = (n: number, name: string): NonNullable<MessageContext['item']> => ({
  id: `i${n}`, code: `CODE${n}`, name, entityName: 'Acme <!channel> Mfg', registration: null, periodKey: '2026-11',
  dueDate: '2026-12-07', statutoryDueDate: '2026-12-07', extensionReference: null, status: 'pending',
});

const context = (count: number, items: NonNullable<MessageContext['item']>[]): MessageContext => ({
  notificationId: 'n1', tenantId: 't1', tenantName: 'Acme', timezone: 'Asia/Kolkata',
  notification: readNotification('work_assigned', { count, nearestDue: '2026-12-07', items: items.map((i) => ({ instanceId: i.id, as: 'owner' })) }),
  recipient: { userId: 'u1', name: 'Priya', email: 'p@acme.example', slackUserId: 'U0PRIYA', teamsUserId: null },
  item: null, items, links: { item: 'http://x/admin/resources/compliance_instances?sortBy=due_date&direction=asc', acknowledge: null },
});

describe('new work in Slack', () => {
  it('stays inside Block Kit limits with ten items of very long names, and escapes them', () => {
    const items = Array.from({ length: 10 }, (_, n) => item(n, `${'Very long obligation name '.repeat(200)}<@U0EVIL>`));
    const message = workAssignedMessage(context(240, items));
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    // Every text object in the message, wherever it sits (sections, context, the button).
    const texts: string[] = [];
    JSON.stringify(message.blocks, (key, value: unknown) => {
      if (key === 'text' && typeof value === 'string') texts.push(value);
      return value;
    });
    expect(texts.every((t) => t.length <= 3000)).toBe(true);
    expect(texts.join('')).not.toMatch(/<!channel>|<@U0EVIL>/);
    expect(message.text).toBe('New work assigned: 240 items');
  });

  it('one item: singular, no "more" line', () => {
    const message = workAssignedMessage(context(1, [item(1, 'TDS deposit')]));
    expect(message.text).toBe('New work assigned: 1 item');
    expect(message.blocks.map((b) => b.type)).toEqual(['section', 'section', 'actions']);
    expect(JSON.stringify(message.blocks[1])).toContain('*TDS deposit* · Acme &lt;!channel&gt; Mfg · Nov 2026 · due *7 Dec 2026* (you prepare)');
  });
});

describe('new work by email', () => {
  it('escapes names in the HTML body', () => {
    const email = renderEmail(context(1, [item(1, 'TDS <b>deposit</b>')]));
    expect(email.subject).toBe('[Acme] New work assigned: 1 item');
    expect(email.html).toContain('<li>TDS &lt;b&gt;deposit&lt;/b&gt; · Acme &lt;!channel&gt; Mfg · Nov 2026 · due 7 Dec 2026 (you prepare)</li>');
    expect(email.text).toContain('You are named on 1 new item; the nearest is due 7 Dec 2026.');
  });
});
