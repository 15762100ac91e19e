import { describe, expect, it } from '@jest/globals';
import { endSentence } from '../../core/sentences.js';

describe('endSentence', () => {
  it.each([
    ['it is empty (0 bytes)', 'it is empty (0 bytes).'],
    ['This item is already approved, so it cannot be approved.', 'This item is already approved, so it cannot be approved.'],
    ['Are you sure?', 'Are you sure?'],
    ['trailing space. ', 'trailing space.'],
  ])('%j → %j', (text, sentence) => expect(endSentence(text)).toBe(sentence));
});
