import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One test file per core. vitest's default is cores - 1, which on a 2-core machine runs every file one
    // after another while the main process, which only collects results, keeps a core to itself.
    maxWorkers: availableParallelism(),
    // Makes the migrated PGlite snapshot every storage suite starts from (test/support/pglite-snapshot.ts)
    // and trains the demo scorecard once for the run.
    globalSetup: ['test/support/global-setup.ts'],
    // Before each test file: closes the file's PGlite instance and drops its schemas when the file ends.
    setupFiles: ['test/support/per-file-setup.ts'],
    env: { TZ: 'UTC' },
  },
});
