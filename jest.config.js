/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'es6' },
    }],
  },
  // Sources import siblings with the .js suffix NodeNext requires; map them back to .ts.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Redis-specific tests run where REDIS_URL is set (CI sets it); everything else needs no service.
  testMatch: ['<rootDir>/tests/{unit,integration,e2e}/**/*.test.ts', ...(process.env.REDIS_URL ? ['<rootDir>/tests/redis/**/*.test.ts'] : [])],
  globalSetup: '<rootDir>/tests/support/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
  testTimeout: 30000,
  // Test files mostly wait on their database, HTTP fakes and timers: a worker per core (Jest's
  // default leaves one core idle) takes the suite from 8 minutes to under 4 on 2 cores. More than
  // that starves the timed tests under faketime.
  maxWorkers: '100%',
};
