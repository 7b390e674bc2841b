import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Makes the migrated PGlite snapshot every storage suite starts from (test/support/pglite-snapshot.ts).
    globalSetup: ['test/support/global-setup.ts'],
    env: { TZ: 'UTC' },
  },
});
