// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { builtinRules } from 'eslint/use-at-your-own-risk';

/**
 * Files that are allowed to do I/O: adapters, entry points and the composition root.
 * Everything else under src/ is domain core and must stay pure (see docs/architecture.md).
 */
const adapterFiles = [
  'src/app.ts',
  'src/services.ts',
  'src/config.ts',
  'src/cli/**',
  'src/http/**',
  'src/platform/database/**',
  'src/platform/http/**',
  'src/platform/logging/**',
  'src/platform/config/**',
  'src/**/*.pg.ts',
  'src/**/*.http.ts',
  'src/**/*.dto.ts',
  'src/**/*.routes.ts',
  'src/**/*.cli.ts',
  'src/**/*.node.ts',
  'src/**/*.repository.ts',
  'src/**/*.test.ts',
  'src/**/*.test-support.ts',
];

const ioModules = [
  'pg',
  'pg-*',
  '@electric-sql/*',
  'fs',
  'fs/*',
  'node:fs',
  'node:fs/*',
  'http',
  'https',
  'net',
  'node:http',
  'node:https',
  'node:http2',
  'node:net',
  'node:dgram',
  'node:child_process',
  'node:readline',
  'node:worker_threads',
  'fastify',
  '@fastify/*',
  'pino',
  'commander',
  'cli-progress',
];

/**
 * Money and clock discipline (issue 18). Two ESLint core rules under names of their own, so these checks
 * add to the purity rules above instead of replacing them (ESLint keeps one option list per rule name and
 * file; a second `no-restricted-syntax` block would silently drop the first one's selectors).
 * - `as Money` / `<Money>` only inside src/platform/money: everything else gets money from `fen`, `parseMoney`,
 *   `moneyFromDb`, `moneyFromJson` or the typed operations (`addMoney`, `subMoney`, `roundToFen`, …).
 *   Test fixtures keep their literal casts (`500n as Money`): tests change only in their imports.
 * - `performance.now()` / `Date.now()` only in the clock adapter (src/platform/time/system-clock.node.ts):
 *   durations come from the `MonotonicClock` port, instants from the `Clock` port.
 */
const disciplineRules = {
  rules: {
    'money-casts': builtinRules.get('no-restricted-syntax'),
    'clock-reads': builtinRules.get('no-restricted-properties'),
  },
};
const moneyCastMessage =
  'Money is made in src/platform/money only: use fen(), parseMoney(), moneyFromDb(), moneyFromJson() or a typed operation (addMoney, subMoney, roundToFen, …).';
const clockMessage = 'Read time through the Clock / MonotonicClock ports (src/platform/time), injected where it is used.';
const testFiles = ['src/**/*.test.ts', 'src/**/*.test-support.ts'];
const moneyAndClockBlocks = [
  {
    files: ['src/**/*.ts'],
    ignores: ['src/platform/money/**', ...testFiles],
    plugins: { credence: disciplineRules },
    rules: {
      'credence/money-casts': [
        'error',
        { selector: "TSAsExpression[typeAnnotation.typeName.name='Money']", message: moneyCastMessage },
        { selector: "TSAsExpression > TSUnionType > TSTypeReference[typeName.name='Money']", message: moneyCastMessage },
        { selector: "TSTypeAssertion[typeAnnotation.typeName.name='Money']", message: moneyCastMessage },
        { selector: "TSTypeAssertion > TSUnionType > TSTypeReference[typeName.name='Money']", message: moneyCastMessage },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/platform/time/system-clock.node.ts', ...testFiles],
    plugins: { credence: disciplineRules },
    rules: {
      'credence/clock-reads': [
        'error',
        { object: 'performance', property: 'now', message: clockMessage },
        { object: 'Date', property: 'now', message: clockMessage },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', '.credence/**', 'console/dist/**', 'web/dist/**', 'web/e2e/screenshots/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: adapterFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ioModules,
              message: 'Domain core must stay pure: do I/O in an adapter (*.pg.ts, *.http.ts, *.dto.ts, *.routes.ts, src/cli, src/http) behind a port.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in src/platform/config and pass it in.' },
        { object: 'Date', property: 'now', message: 'Take the time from the Clock port.' },
        { object: 'Math', property: 'random', message: 'Take randomness from an injected source (ids, seeded RNG).' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Take the time from the Clock port.',
        },
      ],
    },
  },
  ...moneyAndClockBlocks,
);
