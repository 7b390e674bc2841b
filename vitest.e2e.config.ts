import { defineConfig } from 'vitest/config';

/**
 * The customer app's end-to-end tests (web/e2e): one server with the demo seeded once for the whole run and
 * one Chromium (both started in web/e2e/support/global-setup.ts), the test files one after another (a
 * browser and a server on a 2-core machine). Skipped, saying why, when /usr/bin/chromium is missing.
 */
export default defineConfig({
  test: {
    include: ['web/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['web/e2e/support/global-setup.ts'],
    // With CREDENCE_TEST_CPU_LOG=<file>: each file's CPU (its worker, the server, Chromium) logged to <file>.
    setupFiles: ['web/e2e/support/cpu-log.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    env: { TZ: 'UTC' },
  },
});
