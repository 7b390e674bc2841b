import type { Clock } from './clock.ts';

/**
 * Waiting to take over work a stopped process left behind (a copy of someone's data, a backtest): a job
 * whose last progress is more recent than `staleMs` may still have a live owner, so it is left alone until
 * it has been silent that long — then `fire` is called, which re-reads the job and claims it atomically
 * (the claim is what decides; this only makes sure somebody tries again). One timer per job id; the clock
 * is read again when the timer fires, and a job not yet stale (the clock is behind the timer, or progress
 * moved on) waits again. `recheckMs` caps one wait (default: the time left plus a second), so a test with
 * a manual clock sees the take-over within `recheckMs` of moving the clock past the window.
 */
export interface StaleTakeOver {
  /** 'now' if the job is already stale (the caller takes it over), else 'waiting' (a timer is set). */
  wait(id: string, lastProgress: Date, fire: () => void): 'now' | 'waiting';
  /** The jobs with a timer set. */
  readonly waiting: number;
  /** Clears one job's timer (taken over now by another path). */
  cancel(id: string): void;
  /** Clears every timer (shutdown). */
  close(): void;
}

export function createStaleTakeOver(options: {
  readonly clock: Clock;
  readonly staleMs: number;
  readonly recheckMs?: number;
}): StaleTakeOver {
  const { clock, staleMs } = options;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let closed = false;
  const silentFor = (lastProgress: Date): number => clock.now().getTime() - lastProgress.getTime();
  const arm = (id: string, lastProgress: Date, fire: () => void): void => {
    const left = staleMs - silentFor(lastProgress) + 1_000;
    const timer = setTimeout(
      () => {
        timers.delete(id);
        if (closed) return;
        if (silentFor(lastProgress) > staleMs) fire();
        else arm(id, lastProgress, fire);
      },
      Math.max(1, options.recheckMs === undefined ? left : Math.min(left, options.recheckMs)),
    );
    timer.unref();
    timers.set(id, timer);
  };
  return {
    wait(id, lastProgress, fire) {
      if (silentFor(lastProgress) > staleMs) {
        this.cancel(id);
        return 'now';
      }
      if (!timers.has(id) && !closed) arm(id, lastProgress, fire);
      return 'waiting';
    },
    get waiting() {
      return timers.size;
    },
    cancel(id) {
      const timer = timers.get(id);
      if (timer) clearTimeout(timer);
      timers.delete(id);
    },
    close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
