import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Money } from '../../platform/money/money.ts';
import { parseRate, rate } from '../../platform/money/rate.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import { formatReportedRate } from '../shared/irr.ts';
import {
  dueDatesFor,
  generateSchedule,
  INTEREST_BASES,
  levelInstalment,
  REPAYMENT_METHODS,
} from './schedule.ts';

const jan15 = '2026-01-15' as LocalDate;

describe('golden schedules, to the fen', () => {
  it('¥10,000 at 1.5% a month for 12 months, equal instalments: 91,680 fen a month, the last 91,681', () => {
    const schedule = generateSchedule({
      principal: 1_000_000n as Money,
      apr: parseRate('0.18'),
      term: 12,
      method: 'equal-installment',
      basis: 'monthly',
      startDate: jan15,
    });
    expect(schedule.lines.map((line) => line.payment)).toEqual([...Array(11).fill(91_680n), 91_681n]);
    // interest = balance × 1.5% half up; principal = 91,680 − interest; the last takes what is left.
    expect(schedule.lines.map((line) => line.interest)).toEqual([
      15_000n,
      13_850n,
      12_682n,
      11_497n,
      10_295n,
      9_074n,
      7_835n,
      6_577n,
      5_301n,
      4_005n,
      2_690n,
      1_355n,
    ]);
    expect(schedule.lines.at(-1)).toMatchObject({ principal: 90_326n, interest: 1_355n, balance: 0n });
    expect(schedule.totalInterest).toBe(100_161n);
    expect(formatReportedRate(schedule.apr)).toBe('0.180002');
    expect(schedule.lines.map((line) => line.dueDate)).toEqual(dueDatesFor(jan15, 12));
  });

  it('equal principal, monthly basis: ¥10,000 in 12 parts of ¥833.33 and ¥833.37 last', () => {
    const schedule = generateSchedule({
      principal: 1_000_000n as Money,
      apr: parseRate('0.18'),
      term: 12,
      method: 'equal-principal',
      basis: 'monthly',
      startDate: jan15,
    });
    expect(schedule.lines.map((line) => line.principal)).toEqual([...Array(11).fill(83_333n), 83_337n]);
    expect(schedule.lines[0]?.interest).toBe(15_000n);
    expect(schedule.lines[1]?.interest).toBe(13_750n); // 916,667 × 1.5% = 13,750.005 → 13,750
    expect(schedule.totalInterest).toBe(97_500n);
  });

  it('interest first, daily basis: interest for the actual days, principal at the end', () => {
    const schedule = generateSchedule({
      principal: 1_000_000n as Money,
      apr: parseRate('0.1825'),
      term: 3,
      method: 'interest-first',
      basis: 'daily',
      startDate: jan15,
    });
    // 0.1825/365 = 0.05% a day: ¥5.00 a day on ¥10,000 — 31, 28 and 31 days.
    expect(schedule.lines.map((line) => [line.days, line.interest, line.principal])).toEqual([
      [31, 15_500n, 0n],
      [28, 14_000n, 0n],
      [31, 15_500n, 1_000_000n],
    ]);
  });

  it('daily-basis equal instalments are level except the last, which takes the remainder', () => {
    const schedule = generateSchedule({
      principal: 1_000_000n as Money,
      apr: parseRate('0.18'),
      term: 12,
      method: 'equal-installment',
      basis: 'daily',
      startDate: jan15,
    });
    expect(new Set(schedule.lines.slice(0, 11).map((line) => line.payment))).toEqual(new Set([91_644n]));
    expect(schedule.lines.at(-1)?.payment).toBe(91_646n);
    // February (28 days) charges less interest than January (31 days) on a similar balance.
    expect(schedule.lines[1]?.interest).toBe(12_754n);
  });

  it('due dates stay on the drawdown day and clamp at month ends, 29 February included', () => {
    expect(dueDatesFor('2027-12-31' as LocalDate, 4)).toEqual([
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
      '2028-04-30',
    ]);
    expect(dueDatesFor('2026-01-31' as LocalDate, 2)).toEqual(['2026-02-28', '2026-03-31']);
  });

  it('a zero rate splits the principal, the last instalment taking the remainder', () => {
    expect(levelInstalment(20_000n as Money, Array(3).fill({ num: 0n, den: 12n }))).toBe(6_667n);
    const schedule = generateSchedule({
      principal: 20_000n as Money,
      apr: rate(0n),
      term: 3,
      method: 'equal-installment',
      basis: 'monthly',
      startDate: jan15,
    });
    expect(schedule.lines.map((line) => line.payment)).toEqual([6_667n, 6_667n, 6_666n]);
    expect(schedule.apr).toBe(0);
  });

  it('refuses bad terms naming the field and rule', () => {
    const base = {
      principal: 100n as Money,
      apr: rate(1n, 10n),
      term: 3,
      method: 'equal-installment',
      basis: 'monthly',
      startDate: jan15,
    } as const;
    expect(() => generateSchedule({ ...base, principal: 0n as Money })).toThrow(/principal/);
    expect(() => generateSchedule({ ...base, term: 0 })).toThrow(/term/);
    expect(() => generateSchedule({ ...base, apr: rate(-1n, 10n) })).toThrow(/apr/);
  });
});

describe('schedule invariants (property)', () => {
  const terms = fc.record({
    principal: fc.bigInt({ min: 1n, max: 100_000_000n }),
    aprBps: fc.integer({ min: 0, max: 3600 }),
    term: fc.integer({ min: 1, max: 36 }),
    method: fc.constantFrom(...REPAYMENT_METHODS),
    basis: fc.constantFrom(...INTEREST_BASES),
    startOffset: fc.integer({ min: 0, max: 3000 }),
  });

  it('principal parts sum to the principal, balances fall to zero, payment = principal + interest', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const schedule = generateSchedule({
          principal: t.principal as Money,
          apr: rate(BigInt(t.aprBps), 10_000n),
          term: t.term,
          method: t.method,
          basis: t.basis,
          startDate: addDays('2024-01-01' as LocalDate, t.startOffset),
        });
        let balance = t.principal;
        let totalInterest = 0n;
        for (const line of schedule.lines) {
          expect(line.principal).toBeGreaterThanOrEqual(0n);
          expect(line.interest).toBeGreaterThanOrEqual(0n);
          expect(line.payment).toBe(line.principal + line.interest);
          balance -= line.principal;
          expect(line.balance).toBe(balance);
          totalInterest += line.interest;
        }
        expect(balance).toBe(0n);
        expect(schedule.totalInterest).toBe(totalInterest);
        if (t.method === 'equal-installment' && t.term > 1 && t.principal > 10_000n) {
          const level = new Set(schedule.lines.slice(0, -1).map((line) => line.payment));
          expect(level.size).toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
