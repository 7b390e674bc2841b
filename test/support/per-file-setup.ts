import { appendFileSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { releaseStoresOfThisFile } from './stores.ts';

// With CREDENCE_TEST_CPU_LOG=<file>, each test file's CPU time is appended to <file> as
// "milliseconds<TAB>path<TAB>children milliseconds": the first figure is this worker process (the tests,
// their PGlite instances and what they load), the last the processes the file started and waited for (a
// `credence` CLI or server it spawns: Linux's cutime + cstime of the worker, 0 elsewhere) — CPU, not wall
// time, so the slow files can be found on a loaded machine (issue 12, item 15). Counted from here, before the
// test file is imported, so its collection (transforming and importing what it needs that the worker has not
// loaded yet) counts too. Registered first, so (hooks run as a stack) it is the last afterAll and counts the
// clean-up below too.
const cpuLog = process.env.CREDENCE_TEST_CPU_LOG;
if (cpuLog) {
  const start = process.cpuUsage();
  const childrenStart = childrenCpuMs();
  let file = '';
  beforeAll((suite) => {
    file =
      'filepath' in suite && typeof suite.filepath === 'string'
        ? relative(process.cwd(), suite.filepath)
        : '?';
  });
  afterAll(() => {
    const used = process.cpuUsage(start);
    const children = childrenCpuMs() - childrenStart;
    appendFileSync(cpuLog, `${Math.round((used.user + used.system) / 1000)}\t${file}\t${children}\n`);
  });
}

/** CPU milliseconds of this process's children that have ended and been waited for (Linux), else 0. */
function childrenCpuMs(): number {
  try {
    // /proc/self/stat: "pid (comm) state ..."; after the closing parenthesis, cutime and cstime are the
    // 14th and 15th fields, in clock ticks (100 a second on Linux).
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

// Runs before each test file (vitest's setupFiles), whether or not files share their modules in a worker:
// the file's schemas are dropped and its PGlite instance closed when the file ends (test/support/stores.ts).
afterAll(releaseStoresOfThisFile);
