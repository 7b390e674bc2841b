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
