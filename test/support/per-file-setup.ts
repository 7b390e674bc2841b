import { afterAll } from 'vitest';
import { releaseStoresOfThisFile } from './stores.ts';

// Runs before each test file (vitest's setupFiles), whether or not files share their modules in a worker:
// the file's schemas are dropped and its PGlite instance closed when the file ends (test/support/stores.ts).
afterAll(releaseStoresOfThisFile);
