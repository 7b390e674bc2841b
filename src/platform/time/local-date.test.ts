import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar.ts';
import { ManualClock } from './clock.ts';
import {
  addDays,
  addMonths,
  businessDateOf,
  daysBetween,
  fromEpochDay,
  monthsBetween,
  parseLocalDate,
  startOfBusinessDate,
  toEpochDay,
  yearsBetween,
  type LocalDate,
} from './local-date.ts';

const d = (text: string) => parseLocalDate(text);

describe('business dates in Asia/Shanghai', () => {
  it('turns over at 16:00 UTC, midnight in Shanghai', () => {
    expect(businessDateOf(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(businessDateOf(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
    expect(startOfBusinessDate(d('2026-11-23')).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(new ManualClock(d('2026-02-28')).today()).toBe('2026-02-28');
  });

  it('refuses impossible dates', () => {
    expect(() => parseLocalDate('2026-02-29', 'dueDate')).toThrow(/dueDate.*no day 29/);
    expect(parseLocalDate('2028-02-29')).toBe('2028-02-29');
    expect(() => parseLocalDate('2026-13-01')).toThrow(/month 13/);
    expect(() => parseLocalDate('26-1-1')).toThrow(/YYYY-MM-DD/);
  });
});

describe('date arithmetic', () => {
  it('clamps month ends and keeps an anchor day', () => {
    expect(addMonths(d('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(d('2028-01-31'), 1)).toBe('2028-02-29');
    expect(addMonths(d('2026-02-28'), 1, 31)).toBe('2026-03-31');
    expect(addMonths(d('2026-12-15'), 1)).toBe('2027-01-15');
    expect(addMonths(d('2026-01-15'), -2)).toBe('2025-11-15');
  });

  it('counts days, months and whole years', () => {
    expect(daysBetween(d('2028-02-28'), d('2028-03-01'))).toBe(2);
    expect(yearsBetween(d('2000-02-29'), d('2026-02-28'))).toBe(25);
    expect(yearsBetween(d('2000-02-29'), d('2026-03-01'))).toBe(26);
    expect(monthsBetween(d('2026-01-31'), d('2026-02-28'))).toBe(1);
    expect(monthsBetween(d('2026-01-15'), d('2026-02-14'))).toBe(0);
  });

  it('round-trips epoch days and addDays', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200_000, max: 2_000_000 }),
        fc.integer({ min: -5000, max: 5000 }),
        (day, delta) => {
          const date = fromEpochDay(day);
          expect(toEpochDay(date)).toBe(day);
          expect(daysBetween(date, addDays(date, delta))).toBe(delta);
        },
      ),
    );
  });
});

describe('business calendar', () => {
  it('skips weekends and holidays and honours make-up working days', () => {
    const holidays = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'] as LocalDate[];
    const calendar = createBusinessCalendar(holidays, [d('2026-10-10')]);
    expect(calendar.isBusinessDay(d('2026-10-10'))).toBe(true); // Saturday, a make-up day
    expect(calendar.addBusinessDays(d('2026-09-30'), 3)).toBe('2026-10-10'); // Thu 8, Fri 9, make-up Sat 10
    expect(calendar.addBusinessDays(d('2026-11-20'), 3)).toBe('2026-11-25'); // Fri + 3 → Wed
    expect(calendar.businessDaysBetween(d('2026-11-20'), d('2026-11-25'))).toBe(3);
  });
});
