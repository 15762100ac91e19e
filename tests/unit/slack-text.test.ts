import { describe, expect, it } from '@jest/globals';
import { md } from '../../bot/slack/blocks/text.js';
import { HOSTILE, HOSTILE_ESCAPED } from '../support/slack-text.js';

/* Chat text as Slack mrkdwn: core's words, Slack's markup, and nothing people typed acts as a control. */

describe('md', () => {
  it('escapes every plain string and the text inside markup, whoever wrote it', () => {
    expect(md(['Reason: ', HOSTILE])).toBe(`Reason: ${HOSTILE_ESCAPED}`);
    expect(md([{ bold: HOSTILE }, ' ', { italic: 'a & b' }, ' ', { code: '<x>' }])).toBe(`*${HOSTILE_ESCAPED}* _a &amp; b_ \`&lt;x&gt;\``);
  });

  it('mentions a person only by a real Slack id; otherwise by name, else "nobody" in italics', () => {
    expect(md([{ mention: 'U0OWNER' }, ' ', { mention: `U0X> ${HOSTILE}` }])).toBe(`<@U0OWNER> U0X&gt; ${HOSTILE_ESCAPED}`);
    expect(md([{ person: { chatId: 'W0GRID', name: 'Grid' }, nobody: 'nobody assigned' }])).toBe('<@W0GRID>');
    expect(md([{ person: { chatId: 'not-an-id', name: `Ann ${HOSTILE}` }, nobody: 'nobody assigned' }])).toBe(`Ann ${HOSTILE_ESCAPED}`);
    expect(md([{ person: { chatId: null, name: null }, nobody: 'nobody assigned' }])).toBe('_nobody assigned_');
  });

  it('writes our commands as the slash command, and icons and RAG as emoji', () => {
    expect(md(['Narrow it down, e.g. ', { command: 'status <entity>' }, '.'])).toBe('Narrow it down, e.g. `/compliance status <entity>`.');
    expect(md([{ usage: 'due [days]' }])).toBe('*`/compliance due [days]`*');
    expect(md([{ icon: 'done' }, ' ', { rag: 'red' }, ' ', { icon: 'celebrate' }])).toBe(':white_check_mark: :red_circle: :tada:');
  });
});
