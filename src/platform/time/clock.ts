import { businessDateOf, startOfBusinessDate, type LocalDate } from './local-date.ts';

/** The Clock port: the only way core code learns the time. */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's business date in Asia/Shanghai. */
  today(): LocalDate;
}

/** A clock that only moves when told to: for tests, replays and the day-end batch's "as of" runs. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | LocalDate) {
    this.current = typeof start === 'string' ? startOfBusinessDate(start).getTime() : start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  today(): LocalDate {
    return businessDateOf(this.now());
  }

  set(instant: Date | LocalDate): void {
    this.current = typeof instant === 'string' ? startOfBusinessDate(instant).getTime() : instant.getTime();
  }

  advanceMs(ms: number): void {
    this.current += ms;
  }

  advanceDays(days: number): void {
    this.current += days * 86_400_000;
  }
}

/**
 * The monotonic clock port: milliseconds from an arbitrary origin that never go backwards (a wall clock can,
 * when it is set). For durations, timeouts and rate windows only — never turned into a date (that is `Clock`).
 */
export interface MonotonicClock {
  /** Milliseconds since an arbitrary origin, fractions allowed. */
  nowMs(): number;
}

/** A monotonic clock that only moves when told to: for tests of timeouts and timings. */
export class ManualMonotonicClock implements MonotonicClock {
  private current: number;

  constructor(startMs = 0) {
    this.current = startMs;
  }

  nowMs(): number {
    return this.current;
  }

  advanceMs(ms: number): void {
    if (ms < 0) throw new RangeError('a monotonic clock does not go backwards');
    this.current += ms;
  }
}
