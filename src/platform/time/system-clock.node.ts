import type { Clock, MonotonicClock } from './clock.ts';
import { businessDateOf, type LocalDate } from './local-date.ts';

/** The real clock, used by the composition root only. */
export const systemClock: Clock = {
  now: (): Date => new Date(),
  today: (): LocalDate => businessDateOf(new Date()),
};

/**
 * The real monotonic clock (`performance.now()`): the one place durations are read from the process. Built
 * into the composition root and the CLI's entry points, handed to what takes timings.
 */
export const systemMonotonicClock: MonotonicClock = {
  nowMs: (): number => performance.now(),
};
