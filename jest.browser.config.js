import base from './jest.config.js';

/**
 * Headless browser tests of the admin portal (tests/browser): Debian's chromium driven by
 * playwright-core. Kept out of `npm test`, which must not need a browser; run with
 * `npm run test:browser`.
 */
/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
  // Generous: the machine is shared, and each file starts a portal (its components bundled at start).
  testTimeout: 180000,
};
