import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen } from '../platform/money/money.ts';
import { addDays, parseLocalDate, startOfBusinessDate, type LocalDate } from '../platform/time/local-date.ts';
import { appealCalendar, DEFAULT_APPEAL_SETTINGS } from './appeal-settings.ts';
import { appealPriority, slaBreached, slaDue } from './appeal-sla.ts';

const calendar = appealCalendar(DEFAULT_APPEAL_SETTINGS);
const at = (date: string, hour = 10) =>
  new Date(startOfBusinessDate(parseLocalDate(date)).getTime() + hour * 3_600_000);

describe('the SLA clock (3 Shanghai business days, the 2026 holiday notice)', () => {
  it('counts business days after the filing date and runs out at the end of the last one', () => {
    expect(slaDue(at('2026-11-23'), calendar, 3)).toEqual({
      dueDate: '2026-11-26',
      dueAt: new Date('2026-11-26T16:00:00.000Z'),
    });
    expect(slaDue(at('2026-11-27'), calendar, 3).dueDate).toBe('2026-12-02'); // Friday → Wednesday
    expect(slaDue(at('2026-11-28'), calendar, 3).dueDate).toBe('2026-12-02'); // Saturday: counting starts Monday
    expect(slaDue(at('2026-09-29'), calendar, 3).dueDate).toBe('2026-10-09'); // National Day week skipped
    expect(slaDue(at('2026-09-18'), calendar, 3).dueDate).toBe('2026-09-22'); // Sunday 20 Sep is a make-up day
    expect(slaDue(at('2026-10-08'), calendar, 3).dueDate).toBe('2026-10-12'); // Saturday 10 Oct is a make-up day
    expect(slaDue(at('2026-02-13'), calendar, 3).dueDate).toBe('2026-02-25'); // Spring Festival
    // 23:59 Shanghai is still that day; midnight is the next.
    expect(slaDue(new Date('2026-11-23T15:59:00Z'), calendar, 3).dueDate).toBe('2026-11-26');
    expect(slaDue(new Date('2026-11-23T16:00:00Z'), calendar, 3).dueDate).toBe('2026-11-27');
  });

  it('always lands on a business day exactly N business days after the filing date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 10 }), (offset, days) => {
        const filed = addDays(parseLocalDate('2026-01-01'), offset);
        const { dueDate, dueAt } = slaDue(startOfBusinessDate(filed), calendar, days);
        expect(calendar.isBusinessDay(dueDate)).toBe(true);
        expect(calendar.businessDaysBetween(filed, dueDate)).toBe(days);
        expect(calendar.businessDaysBetween(filed, addDays(dueDate, -1))).toBe(days - 1);
        expect(dueAt.getTime()).toBe(startOfBusinessDate(addDays(dueDate, 1) as LocalDate).getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('is breached once the due instant passes unresolved, or when resolved at or after it', () => {
    const dueAt = new Date('2026-11-26T16:00:00Z');
    expect(slaBreached(dueAt, null, new Date('2026-11-26T15:59:59Z'))).toBe(false);
    expect(slaBreached(dueAt, null, dueAt)).toBe(true);
    expect(slaBreached(dueAt, new Date('2026-11-25T02:00:00Z'), new Date('2026-12-30T00:00:00Z'))).toBe(
      false,
    );
    expect(slaBreached(dueAt, new Date('2026-11-27T02:00:00Z'), new Date('2026-11-27T02:00:00Z'))).toBe(true);
    expect(slaBreached(null, null, dueAt)).toBe(false);
  });
});

describe('queue priority', () => {
  const appeal = {
    category: 'data_error' as const,
    amountAtStake: fen(6_000_000n),
    filedAt: at('2026-11-23'),
    slaDueAt: new Date('2026-11-26T16:00:00Z'),
    recheckBetter: false,
  };

  it('weighs category, amount, business days waited and the SLA', () => {
    expect(appealPriority(appeal, at('2026-11-23', 11), calendar)).toBe(30 + 18);
    expect(appealPriority(appeal, at('2026-11-25'), calendar)).toBe(30 + 18 + 20 + 50); // due by the end of tomorrow
    expect(appealPriority(appeal, at('2026-11-27'), calendar)).toBe(30 + 18 + 40 + 100); // breached
    expect(
      appealPriority(
        { ...appeal, category: 'other', amountAtStake: fen(0n) },
        at('2026-11-23', 11),
        calendar,
      ),
    ).toBe(10);
    expect(
      appealPriority({ ...appeal, amountAtStake: fen(100_000_000n) }, at('2026-11-23', 11), calendar),
    ).toBe(30 + 30);
    expect(appealPriority({ ...appeal, recheckBetter: true }, at('2026-11-23', 11), calendar)).toBe(
      30 + 18 + 25,
    );
  });

  it('never falls as an appeal waits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * 24 }), fc.integer({ min: 1, max: 24 }), (hours, more) => {
        const now = new Date(appeal.filedAt.getTime() + hours * 3_600_000);
        const later = new Date(now.getTime() + more * 3_600_000);
        expect(appealPriority(appeal, later, calendar)).toBeGreaterThanOrEqual(
          appealPriority(appeal, now, calendar),
        );
      }),
    );
  });
});
