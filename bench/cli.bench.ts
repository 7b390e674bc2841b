import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededUniform, syntheticCreditData } from '../src/scoring/synthetic-data.ts';
import type { BenchSuite, Measurement } from './harness.ts';
import { writeSynthetic } from './scoring.bench.ts';

/**
 * The CLI as a user runs it: whole processes, start-up included, side by side with a peer in the same run.
 *
 * 1. `credence --help` against `node -e 0` (what any Node program costs to start): compiled (dist/, what
 *    an install runs) and from the TypeScript sources through tsx (what every run cost before dist/).
 * 2. `credence train` on the synthetic 150,000 × 10 population (plus its 64,286-row holdout, the same
 *    files and split as the scoring suite) against scikit-learn's whole process on the same files
 *    (`bench/peers/sklearn_logreg.py --repeat 1`: Python start-up, imports, reading the CSV, the fit and
 *    the holdout AUC; ours reads, trains, measures the holdout and writes the artefact).
 *
 * Each process is timed by /usr/bin/time when there is one: CPU seconds (user + system) are the figure
 * compared, as in the scoring suite (the machine is shared; CPU time is what a run costs), wall time is
 * noted. Runs alternate between the two sides; the median is reported. dist/ is built first if it is
 * missing or older than src/, and a run that fell back to the sources is reported as such.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/credence.js');
const PYTHON = '/usr/bin/python3';
const PEER = join(ROOT, 'bench/peers/sklearn_logreg.py');
const TIME = '/usr/bin/time';
const FELL_BACK = 'running the TypeScript sources';

interface Timed {
  readonly wall: number;
  readonly cpu: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** One whole process: wall seconds, and CPU seconds (user + system) when /usr/bin/time can say. */
function timeProcess(command: string, args: string[], env: NodeJS.ProcessEnv, scratch: string): Timed {
  const report = join(scratch, 'time.txt');
  const viaTime = existsSync(TIME);
  const started = performance.now();
  const result = viaTime
    ? spawnSync(TIME, ['-f', '%U %S', '-o', report, command, ...args], { env, encoding: 'utf8' })
    : spawnSync(command, args, { env, encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  let cpu = Number.NaN;
  if (viaTime) {
    const [user, system] =
      readFileSync(report, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
    cpu = (user ?? Number.NaN) + (system ?? Number.NaN);
  }
  return { wall, cpu, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** dist/ current (same test as bin/credence.js), else built now. */
async function ensureBuilt(log: (line: string) => void): Promise<void> {
  const { newestSourceTime } = (await import(join(ROOT, 'bin/source-time.js'))) as {
    newestSourceTime(dir: string): number;
  };
  try {
    const stamp = JSON.parse(readFileSync(join(ROOT, 'dist/build-stamp.json'), 'utf8')) as {
      sourceTime: number;
    };
    if (newestSourceTime(join(ROOT, 'src')) <= stamp.sourceTime) return;
  } catch {
    // no build yet
  }
  log('dist/ is missing or older than src/: npm run build:cli');
  const built = spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT, stdio: 'ignore' });
  if (built.status !== 0) throw new Error('npm run build:cli failed');
}

/** Runs `sides` in turn, `rounds` times; medians of CPU and wall per side. */
function alternate(
  rounds: number,
  sides: Record<string, () => Timed>,
): Record<string, { cpu: number; wall: number; runs: Timed[] }> {
  const runs: Record<string, Timed[]> = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, run] of Object.entries(sides)) runs[name]?.push(run());
  }
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [
      name,
      { cpu: median(list.map((r) => r.cpu)), wall: median(list.map((r) => r.wall)), runs: list },
    ]),
  );
}

const suite: BenchSuite = {
  name: 'cli',
  description: 'whole CLI processes: credence --help vs node -e 0; credence train vs scikit-learn, 150k × 10',
  async run(log) {
    const measurements: Measurement[] = [];
    await ensureBuilt(log);
    const scratch = mkdtempSync(join(tmpdir(), 'credence-bench-cli-'));
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
    delete env.CREDENCE_FROM_SOURCE;
    const fromSource = { ...env, CREDENCE_FROM_SOURCE: '1' };
    try {
      // 1. --help.
      const help = alternate(9, {
        node: () => timeProcess(process.execPath, ['-e', '0'], env, scratch),
        compiled: () => timeProcess(process.execPath, [BIN, '--help'], env, scratch),
        sources: () => timeProcess(process.execPath, [BIN, '--help'], fromSource, scratch),
      });
      const node = help.node;
      const compiled = help.compiled;
      const sources = help.sources;
      if (!node || !compiled || !sources) throw new Error('missing side');
      const stale = compiled.runs.some((r) => r.stderr.includes(FELL_BACK));
      if (compiled.runs.some((r) => r.status !== 0 || !r.stdout.includes('Usage: credence'))) {
        throw new Error(`credence --help failed: ${compiled.runs[0]?.stderr ?? ''}`);
      }
      const cpuKnown = Number.isFinite(compiled.cpu);
      const unit = cpuKnown ? 's CPU' : 's';
      const pick = (side: { cpu: number; wall: number }) => (cpuKnown ? side.cpu : side.wall);
      log(
        `node -e 0: ${node.cpu.toFixed(3)} s CPU, ${node.wall.toFixed(3)} s wall; credence --help compiled: ${compiled.cpu.toFixed(3)} s CPU, ${compiled.wall.toFixed(3)} s wall; from the sources (tsx): ${sources.cpu.toFixed(3)} s CPU, ${sources.wall.toFixed(3)} s wall (medians of 9)`,
      );
      const ratio = pick(compiled) / pick(node);
      measurements.push(
        {
          metric: 'credence --help, whole process (compiled)',
          unit,
          ours: pick(compiled),
          peer: pick(node),
          peerName: 'node -e 0',
          higherIsBetter: false,
          target: '≤ 10× node -e 0',
          met: ratio <= 10 && !stale,
          note: `${ratio.toFixed(1)}× node -e 0; wall ${compiled.wall.toFixed(3)} s vs ${node.wall.toFixed(3)} s (${(compiled.wall / node.wall).toFixed(1)}×)${stale ? '; dist/ went stale during the run: some runs used tsx' : ''}`,
        },
        {
          metric: 'credence --help, whole process (TypeScript sources via tsx)',
          unit,
          ours: pick(sources),
          peer: pick(node),
          peerName: 'node -e 0',
          higherIsBetter: false,
          note: `${(pick(sources) / pick(node)).toFixed(1)}× node -e 0: what every run cost before dist/ (commands now load lazily there too)`,
        },
      );

      // 2. train, whole process, against scikit-learn's whole process on the same files.
      const files = writeSynthetic(syntheticCreditData(214_286, seededUniform(20261122)), 150_000, scratch);
      const trainArgs = [
        BIN,
        'train',
        '--data',
        files.data,
        '--split',
        files.split,
        '--target',
        'bad',
        '--bad',
        '1',
        '--categorical',
        'home,job,city_tier',
        '--special',
        'ontime_rate_12m=-1',
        '--version',
        'bench',
        '--out',
        join(scratch, 'model.json'),
        '--json',
      ];
      const peerReady = spawnSync(PYTHON, ['-c', 'import sklearn'], { encoding: 'utf8' }).status === 0;
      if (!peerReady) log('scikit-learn is not available (python3-sklearn): the peer is skipped');
      const peerEnv = { ...env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
      const peerArgs = [
        PEER,
        '--data',
        files.data,
        '--split',
        files.split,
        '--target',
        'bad',
        '--bad',
        '1',
        '--categorical',
        'home,job,city_tier',
        '--repeat',
        '1',
      ];
      const train = alternate(3, {
        compiled: () => timeProcess(process.execPath, trainArgs, env, scratch),
        ...(peerReady ? { peer: () => timeProcess(PYTHON, peerArgs, peerEnv, scratch) } : {}),
      });
      const ours = train.compiled;
      if (!ours) throw new Error('missing side');
      const failed = ours.runs.find((r) => r.status !== 0);
      if (failed)
        throw new Error(`credence train failed: ${failed.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      const summary = JSON.parse(ours.runs[0]?.stdout ?? '{}') as { holdout?: { auc?: number } };
      const peer = train.peer;
      const peerAuc = peer
        ? (JSON.parse(peer.runs[0]?.stdout.trim().split('\n').at(-1) ?? '{}') as { auc?: number }).auc
        : undefined;
      const trainStale = ours.runs.some((r) => r.stderr.includes(FELL_BACK));
      log(
        `credence train: ${ours.cpu.toFixed(2)} s CPU, ${ours.wall.toFixed(2)} s wall, holdout AUC ${summary.holdout?.auc?.toFixed(4) ?? '?'}` +
          (peer
            ? `; scikit-learn: ${peer.cpu.toFixed(2)} s CPU, ${peer.wall.toFixed(2)} s wall, AUC ${peerAuc?.toFixed(4) ?? '?'}`
            : '') +
          ' (medians of 3)',
      );
      measurements.push({
        metric: 'credence train, whole process, synthetic 150k × 10',
        unit,
        ours: pick(ours),
        ...(peer ? { peer: pick(peer), peerName: 'scikit-learn, whole process' } : {}),
        higherIsBetter: false,
        target: 'faster than the peer',
        met: peer ? pick(ours) < pick(peer) && !trainStale : undefined,
        note: `wall ${ours.wall.toFixed(2)} s${peer ? ` vs ${peer.wall.toFixed(2)} s` : ''}${trainStale ? '; dist/ went stale during the run: some runs used tsx' : ''}`,
      });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    return measurements;
  },
};

export default suite;
