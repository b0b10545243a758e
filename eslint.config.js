// @ts-check
// `npm run lint`, part of `npm run check`. The recommended rules of ESLint and
// typescript-eslint, plus the house rules a machine can check; type-aware only
// for promises (a request that forgets to await a write answers before the
// write is durable), which keeps the whole run in about 20 s.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.wrangler/', 'test-output/', 'db/d1/', 'web/static/assets.gen.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // `const { secret: _s, ...rest } = row` drops a field on purpose; an unused catch binding is fine.
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none',
      }],
      // The code strips control characters on purpose (CSV and XLSX cells, headers, terminal colours).
      'no-control-regex': 'off',
      // The repository stands alone: nothing outside it may be read or imported.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/shared', '**/shared/**'], message: 'Nothing outside the repository: copy data into test/fixtures/.' }] }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)) } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    // Domain rules are pure: no framework, database, runtime or Node built-in (house rule).
    files: ['server/domain/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/shared', '**/shared/**'], message: 'Nothing outside the repository.' },
          { group: ['hono', 'hono/*', 'kysely', 'better-sqlite3', 'node:*', '**/runtime/*', '**/db/repositories/*'], message: 'server/domain is pure: pass data in.' },
        ],
      }],
    },
  },
  {
    // Schema-agnostic Kysely (migrations, the D1 dialect, the SQL generator),
    // messages from the writer thread, and tests reading arbitrary JSON replies
    // use `any`; everywhere else it is an error.
    files: ['db/migrations/**', 'server/runtime/**', 'scripts/**', 'test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // SurveyJS expressions compare loosely ("1" = 1), as survey-core does.
    files: ['server/domain/survey/expressions.ts'],
    rules: { eqeqeq: 'off' },
  },
  {
    // The e-mail pattern is survey-core's, kept character for character so the two validators agree.
    files: ['server/domain/survey/validator.ts'],
    rules: { 'no-useless-escape': 'off' },
  },
  {
    // Plain JavaScript run by Node: the writer thread and config files.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setImmediate: 'readonly', URL: 'readonly' } },
  },
);
