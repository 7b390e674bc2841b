import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../platform/time/local-date.ts';
import {
  DEFAULT_CREDIT_LINE_PRODUCT,
  dueDateOf,
  firstStatementDateAfter,
  nextStatementDate,
  validateCycleDays,
  validateProduct,
} from './line-terms.ts';

const d = (text: string) => text as LocalDate;

describe('statement and due dates', () => {
  it('keeps a statement day of 31 on the last day of short months and back on the 31st after', () => {
    const dates = [d('2026-01-31')];
    for (let i = 0; i < 4; i += 1) dates.push(nextStatementDate(dates[dates.length - 1] as LocalDate, 31));
    expect(dates).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    expect(nextStatementDate(d('2028-01-31'), 31)).toBe('2028-02-29');
  });

  it('puts the first statement on the first statement day after the opening date', () => {
    expect(firstStatementDateAfter(d('2026-01-05'), 1)).toBe('2026-02-01');
    expect(firstStatementDateAfter(d('2026-02-01'), 1)).toBe('2026-03-01');
    expect(firstStatementDateAfter(d('2026-02-10'), 31)).toBe('2026-02-28');
    expect(firstStatementDateAfter(d('2026-02-28'), 31)).toBe('2026-03-31');
  });

  it('puts the due date on the first due day after the statement date, clamped at month ends', () => {
    expect(dueDateOf(d('2026-02-01'), { dayOfMonth: 10 })).toBe('2026-02-10');
    expect(dueDateOf(d('2026-01-31'), { dayOfMonth: 25 })).toBe('2026-02-25');
    expect(dueDateOf(d('2026-02-28'), { dayOfMonth: 25 })).toBe('2026-03-25');
    expect(dueDateOf(d('2026-01-20'), { dayOfMonth: 31 })).toBe('2026-01-31');
    expect(dueDateOf(d('2026-02-01'), { dayOfMonth: 31 })).toBe('2026-02-28');
  });

  it('refuses a statement day and due day whose due date can reach the next statement date', () => {
    expect(() => validateCycleDays(31, { dayOfMonth: 30 })).toThrow(
      /due day 30 falls on or after the next statement date/,
    );
    expect(() => validateCycleDays(10, { dayOfMonth: 10 })).toThrow(/falls on or after/);
    expect(() => validateCycleDays(0, { dayOfMonth: 10 })).toThrow(/statementDay/);
    expect(() => validateCycleDays(31, { dayOfMonth: 25 })).not.toThrow();
    expect(() => validateCycleDays(1, { dayOfMonth: 31 })).not.toThrow();
    expect(() => validateCycleDays(10, { daysAfterStatement: 27 })).not.toThrow();
    expect(() => validateCycleDays(10, { daysAfterStatement: 28 })).toThrow(/1–27 days/);
    expect(dueDateOf(d('2026-01-31'), { daysAfterStatement: 20 })).toBe('2026-02-20');
  });

  it('accepts the default product and refuses a waterfall that is not a permutation', () => {
    expect(validateProduct(DEFAULT_CREDIT_LINE_PRODUCT)).toBe(DEFAULT_CREDIT_LINE_PRODUCT);
    expect(() =>
      validateProduct({
        ...DEFAULT_CREDIT_LINE_PRODUCT,
        waterfall: { order: ['fee', 'fee', 'principal'], mode: 'by-component' },
      }),
    ).toThrow(/waterfall.order/);
  });
});
