import { describe, expect, it } from '@jest/globals';
import { GST_STATE_CODES } from '../../core/engine/registrations.js';
import { STATE_CODES, STATE_NAMES, stateCodeOf } from '../../core/engine/states.js';

describe('states and union territories', () => {
  it('names every state a GSTIN can be registered in', () => {
    for (const code of Object.values(GST_STATE_CODES)) expect(STATE_NAMES[code]).toBeTruthy();
  });

  it('are listed by name, as a picker shows them', () => {
    const names = STATE_CODES.map((code) => STATE_NAMES[code]!);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('are found by code or by name, in any case, and nothing else is', () => {
    expect(stateCodeOf('Gujarat')).toBe('GJ');
    expect(stateCodeOf('WEST BENGAL')).toBe('WB');
    expect(stateCodeOf('ka')).toBe('KA');
    expect(stateCodeOf('Bombay')).toBeUndefined();
    expect(stateCodeOf('toString')).toBeUndefined();
  });
});
