import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { releaseStoresOfThisFile } from './stores.ts';

// With CREDENCE_TEST_CPU_LOG=<file>, each test file's CPU time (this worker process: the tests, their PGlite
// instances and what they load) is appended to <file> as "milliseconds<TAB>path" — CPU, not wall time, so
// the slow files can be found on a loaded machine (issue 12, item 15). Registered first, so (hooks run as a
// stack) it is the last afterAll and counts the clean-up below too.
const cpuLog = process.env.CREDENCE_TEST_CPU_LOG;
if (cpuLog) {
  let start = process.cpuUsage();
  let file = '';
  beforeAll((suite) => {
    start = process.cpuUsage();
    file =
      'filepath' in suite && typeof suite.filepath === 'string'
        ? relative(process.cwd(), suite.filepath)
        : '?';
  });
  afterAll(() => {
    const used = process.cpuUsage(start);
    appendFileSync(cpuLog, `${Math.round((used.user + used.system) / 1000)}\t${file}\n`);
  });
}

// Runs before each test file (vitest's setupFiles), whether or not files share their modules in a worker:
// the file's schemas are dropped and its PGlite instance closed when the file ends (test/support/stores.ts).
afterAll(releaseStoresOfThisFile);
