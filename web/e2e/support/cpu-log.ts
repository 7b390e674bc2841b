import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * With CREDENCE_TEST_CPU_LOG=<file> (vitest.e2e.config.ts's setup file), each browser test file's CPU time is
 * appended to <file> as "milliseconds<TAB>path<TAB>worker<TAB>server<TAB>chromium" (issue 12, item 15): the
 * test file's own worker (its code, and a demo server it starts itself), the vitest main process (where the
 * global setup's demo server answers the file's requests) and the Chromium the global setup started (every
 * live process of its tree, and the ended ones through their parents' cutime/cstime). CPU, not wall time:
 * the machine is shared. Linux only (/proc); elsewhere it logs nothing.
 */
const cpuLog = process.env.CREDENCE_TEST_CPU_LOG;

interface Sample {
  readonly worker: number;
  readonly server: number;
  readonly chromium: number;
}

/** utime + stime (+ cutime + cstime: the ended children it waited for) of a process, in ms; 0 if gone. */
function processCpuMs(pid: number, withChildren: boolean): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks =
      Number(fields[11]) + Number(fields[12]) + (withChildren ? Number(fields[13]) + Number(fields[14]) : 0);
    return ticks * 10;
  } catch {
    return 0;
  }
}

/** The pids of every live process under `root` (not `root` itself). */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended meanwhile
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    for (const [child, ppid] of parent)
      if (ppid === pid) {
        found.push(child);
        queue.push(child);
      }
  }
  return found;
}

function sample(): Sample {
  const main = process.ppid;
  const own = process.cpuUsage();
  const chromium = descendants(main).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('chrom');
    } catch {
      return false;
    }
  });
  return {
    worker: Math.round((own.user + own.system) / 1000),
    // The main process alone: its children (the workers, Chromium) are counted on their own.
    server: processCpuMs(main, false),
    chromium: chromium.reduce((sum, pid) => sum + processCpuMs(pid, true), 0),
  };
}

if (cpuLog && process.platform === 'linux') {
  const start = sample();
  let file = '?';
  beforeAll((suite) => {
    if ('filepath' in suite && typeof suite.filepath === 'string')
      file = relative(process.cwd(), suite.filepath);
  });
  afterAll(() => {
    const end = sample();
    const worker = end.worker - start.worker;
    const server = end.server - start.server;
    const chromium = end.chromium - start.chromium;
    appendFileSync(cpuLog, `${worker + server + chromium}\t${file}\t${worker}\t${server}\t${chromium}\n`);
  });
}
