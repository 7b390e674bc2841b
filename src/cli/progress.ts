import cliProgress from 'cli-progress';
import type { MonotonicClock } from '../platform/time/clock.ts';
import { systemMonotonicClock } from '../platform/time/system-clock.node.ts';

/** Progress of long work, on stderr; a bar on a terminal, a line every few seconds otherwise. */
export interface Progress {
  update(done: number, detail?: string): void;
  setTotal(total: number): void;
  stop(): void;
}

/** `clock` times the plain-line form (every 2 s, the seconds so far); the process's monotonic clock by default. */
export function createProgress(
  label: string,
  total: number,
  options: { quiet?: boolean; clock?: MonotonicClock } = {},
): Progress {
  const clock = options.clock ?? systemMonotonicClock;
  if (options.quiet) return { update() {}, setTotal() {}, stop() {} };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left {detail}`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { detail: '' });
    return {
      update: (done, detail) => bar.update(done, { detail: detail ?? '' }),
      setTotal: (next) => bar.setTotal(next),
      stop: () => bar.stop(),
    };
  }
  let last = Number.NEGATIVE_INFINITY;
  let currentTotal = total;
  const started = clock.nowMs();
  return {
    update(done, detail) {
      const now = clock.nowMs();
      if (now - last < 2000 && done < currentTotal) return;
      last = now;
      const percent = currentTotal > 0 ? Math.floor((done / currentTotal) * 100) : 100;
      process.stderr.write(
        `${label}: ${done}/${currentTotal} (${percent}%) ${((now - started) / 1000).toFixed(1)}s ${detail ?? ''}\n`,
      );
    },
    setTotal(next) {
      currentTotal = next;
    },
    stop() {},
  };
}
