import { describe, expect, it } from '@jest/globals';
import { teamsText } from '../../bot/teams/cards/text.js';
import type { IMention } from '@microsoft/teams.cards';

const PRIYA = '0a1b2c3d-1111-4222-8333-000000000001';

describe('chat text as Adaptive Card markdown', () => {
  it('marks up our words and escapes theirs: no bold, link or mention spelled by a name or reason', () => {
    expect(teamsText([{ bold: 'Reason:' }, ' see *this* [link](http://x) <at>Boss</at> a_b_c'])).toBe('**Reason:** see \\*this\\* \\[link\\](http://x) ‹at>Boss‹/at> a\\_b\\_c');
  });

  it('mentions a linked person by AAD object id, once however often named, and names anyone else', () => {
    const mentions: IMention[] = [];
    const text = teamsText([
      { person: { chatId: PRIYA, name: 'Priya <Preparer>' }, nobody: 'nobody' }, ' and ', { person: { chatId: PRIYA, name: 'Priya <Preparer>' }, nobody: 'nobody' },
      ' · ', { person: { chatId: 'U0SLACK', name: 'Sam' }, nobody: 'nobody' }, ' · ', { person: { chatId: null, name: null }, nobody: 'nobody assigned' },
    ], mentions);
    expect(text).toBe('<at>Priya Preparer</at> and <at>Priya Preparer</at> · Sam · _nobody assigned_');
    expect(mentions).toEqual([{ type: 'mention', text: '<at>Priya Preparer</at>', mentioned: { id: PRIYA, name: 'Priya <Preparer>' } }]);
  });
});
