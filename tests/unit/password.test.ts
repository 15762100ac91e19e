import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { estimatedSecretBits, passwordProblem, secretProblem } from '../../core/setup/password.js';

describe('passwordProblem (every password a person sets)', () => {
  it('needs 12 characters, not counting spaces at either end: 12 spaces are no password', () => {
    const short = 'use at least 12 characters (spaces at the start or end do not count); a few words of your own make a good one';
    expect(passwordProblem(' '.repeat(12))).toBe(short);
    expect(passwordProblem(`  ${'\t'.repeat(10)}  `)).toBe(short);
    expect(passwordProblem('   tenletters   ')).toBe(short);
  });

  it('needs at least 6 different characters', () => {
    for (const weak of ['aaaaaaaaaaaaaaaa', 'abababababab', '1212 1212 1212']) {
      expect(passwordProblem(weak)).toBe('use at least 6 different characters: a few repeated (like "aaaaaaaaaaaa" or "abababababab") are guessed at once');
    }
  });

  it('refuses the well-known passwords and the product’s name, however dressed up with digits and symbols', () => {
    for (const weak of ['password1234', 'Password!2026', 'Qwerty123456!', '123456789012', 'letmein-letmein', 'ComplianceOS2026', 'compliance os 1']) {
      expect(passwordProblem(weak)).toBe('too close to a well-known password (like "password", "123456", "qwerty" or this product’s name, with digits): choose words of your own');
    }
  });

  it('refuses a run of the alphabet or the keyboard', () => {
    expect(passwordProblem('abcdefghijklm')).toBe('a run like "abcdefghijkl" is guessed at once: choose words of your own');
    expect(passwordProblem('zyxwvutsrqpo')).toBe('a run like "abcdefghijkl" is guessed at once: choose words of your own');
  });

  it('refuses a password containing the person’s email name', () => {
    expect(passwordProblem('priya.shah in 2026 rocks', 'Priya.Shah@example.com')).toBe('do not use your email name ("priya.shah") in your password: choose words of your own');
    expect(passwordProblem('PRIYA.SHAH in 2026 rocks', 'priya.shah@example.com')).toMatch(/email name/);
    // A short local part ("al") is part of too many words to refuse.
    expect(passwordProblem('a calm alpine lake at dawn', 'al@example.com')).toBeUndefined();
  });

  it('accepts passphrases of a few words', () => {
    for (const good of ['correct horse battery staple', 'a brand new long password', 'mango-tiger-quartz-41', 'Ranga’s 3 yellow kites']) {
      expect(passwordProblem(good, 'ops@example.com')).toBeUndefined();
    }
  });
});

describe('secretProblem (APP_SECRET, ENCRYPTION_KEY)', () => {
  const advice = 'Make one with: openssl rand -hex 32';

  it('refuses long ones made of runs, sequences and repeats, saying how to make a good one', () => {
    for (const weak of ['a'.repeat(32), 'p'.repeat(40), 'a'.repeat(64), 'abcdefghijklmnopqrstuvwxyz012345', 'deadbeef'.repeat(8), '0123456789abcdef'.repeat(4), 'ab12'.repeat(10)]) {
      const problem = secretProblem(weak);
      expect(problem).toMatch(/^too easy to guess: about \d+ bits of randomness, at least 128 needed/);
      expect(problem).toContain(advice);
    }
    expect(secretProblem('a'.repeat(32))).toMatch(/about [0-9] bits/);
  });

  it('accepts what openssl rand makes, hex or base64', () => {
    expect(secretProblem('de69a9725509eb31de2b5528f53ad457e3f479a00ac988c410e6b3e6b52e0e87')).toBeUndefined();
    expect(secretProblem('+DyAnUpbcvLAHaNyrAq0RZtWpYNcdmcOzQg9DTIt9fU=')).toBeUndefined();
    for (let i = 0; i < 200; i++) {
      expect(secretProblem(randomBytes(32).toString('hex'))).toBeUndefined();
      expect(secretProblem(randomBytes(24).toString('base64'))).toBeUndefined();
    }
  });

  it('estimates 4 bits per random hex character and next to nothing for a repeat', () => {
    expect(estimatedSecretBits('de69a9725509eb31de2b5528f53ad457e3f479a00ac988c410e6b3e6b52e0e87')).toBeGreaterThan(200);
    expect(estimatedSecretBits('deadbeef'.repeat(8))).toBeLessThan(50);
  });
});
