import { describe, expect, it } from 'vitest';
import { parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';
import {
  createPerformanceAggregator,
  lineVerdict,
  lineWorstDaysPastDue,
  loanVerdict,
  worstDaysPastDue,
  type LinePerformanceRecord,
  type LoanPerformanceRecord,
} from './performance.ts';

const d = (text: string): LocalDate => parseLocalDate(text);

function loan(overrides: Partial<LoanPerformanceRecord> = {}): LoanPerformanceRecord {
  return {
    loanId: 'ln_1',
    productCode: 'cash_loan',
    startDate: d('2026-09-15'),
    principal: 1_000_000n,
    status: 'active',
    processedThrough: d('2026-11-22'),
    instalments: [],
    score: 704,
    pd: 0.02,
    arm: 'champion',
    ...overrides,
  };
}

describe('loan performance', () => {
  it('takes the worst days past due over every instalment, paid late or still owed', () => {
    expect(
      worstDaysPastDue({
        processedThrough: d('2026-11-22'),
        instalments: [
          { dueDate: d('2026-10-15'), settledOn: d('2026-11-20') }, // 36 days late when paid
          { dueDate: d('2026-11-15'), settledOn: null }, // 7 days past due now
        ],
      }),
    ).toBe(36);
    expect(
      worstDaysPastDue({
        processedThrough: d('2026-11-22'),
        instalments: [{ dueDate: d('2026-10-15'), settledOn: d('2026-10-15') }],
      }),
    ).toBe(0);
  });

  it('calls a loan bad at 30 days past due, not at 29; immature until an instalment is 30 days old', () => {
    const due = d('2026-10-15');
    expect(
      loanVerdict(
        loan({ processedThrough: d('2026-11-14'), instalments: [{ dueDate: due, settledOn: null }] }),
      ),
    ).toBe('bad');
    expect(
      loanVerdict(
        loan({ processedThrough: d('2026-11-13'), instalments: [{ dueDate: due, settledOn: null }] }),
      ),
    ).toBe('immature');
    expect(
      loanVerdict(
        loan({ processedThrough: d('2026-11-14'), instalments: [{ dueDate: due, settledOn: due }] }),
      ),
    ).toBe('good');
    expect(loanVerdict(loan({ status: 'written_off' }))).toBe('bad');
    expect(loanVerdict(loan({ status: 'closed' }))).toBe('good');
    expect(loanVerdict(loan())).toBe('immature');
  });

  it('folds loans into bad rates by score band and vintage with the recorded PD beside them', () => {
    const aggregator = createPerformanceAggregator({
      from: d('2026-01-01'),
      to: d('2026-11-22'),
      product: null,
    });
    const paid = [{ dueDate: d('2026-10-15'), settledOn: d('2026-10-15') }];
    const late = [{ dueDate: d('2026-10-15'), settledOn: null }];
    aggregator.add(loan({ loanId: 'a', score: 704, pd: 0.02, instalments: paid }));
    aggregator.add(loan({ loanId: 'b', score: 712, pd: 0.04, instalments: late }));
    aggregator.add(
      loan({ loanId: 'c', score: 666, pd: 0.05, instalments: late, startDate: d('2026-10-02') }),
    );
    aggregator.add(loan({ loanId: 'd', score: 749, pd: 0.03, startDate: d('2026-11-01') }));
    aggregator.add(loan({ loanId: 'e', score: null, pd: null, status: 'written_off' }));
    const report = aggregator.report();
    const band700 = report.bands.find((band) => band.from === 700);
    expect(band700).toMatchObject({
      band: '700–749',
      loans: 3,
      observable: 2,
      bads: 1,
      badRate: '0.500000',
      principal: 3_000_000n,
    });
    expect(band700?.expectedBadRate).toBeCloseTo(0.03, 12);
    expect(report.vintages.map((v) => [v.vintage, v.loans, v.observable, v.bads, v.badRate])).toEqual([
      ['2026-09', 3, 3, 2, '0.666667'],
      ['2026-10', 1, 1, 1, '1.000000'],
      ['2026-11', 1, 0, 0, null],
    ]);
    expect(report.vintages[0]?.bands.map((b) => [b.band, b.loans, b.bads])).toEqual([['700–749', 2, 1]]);
    expect(report.unscored).toMatchObject({ loans: 1, observable: 1, bads: 1, expectedBadRate: null });
    expect(report.total).toMatchObject({ loans: 5, observable: 4, bads: 3, badRate: '0.750000' });
  });
});

function line(overrides: Partial<LinePerformanceRecord> = {}): LinePerformanceRecord {
  return {
    lineId: 'lin_1',
    productCode: 'credit_line',
    openedOn: d('2026-08-03'),
    drawn: 500_000n,
    chargedOffOn: null,
    closedOn: null,
    processedThrough: d('2026-11-22'),
    dueOutcomes: [],
    score: 704,
    pd: 0.04,
    arm: 'champion',
    ...overrides,
  };
}

describe('credit-line performance', () => {
  it('a missed minimum counts from its due date to the day it was met, or to the servicing date', () => {
    const dueOutcomes = [
      { dueDate: d('2026-09-25'), minimumPayment: 10_000n, minimumMet: false, curedOn: d('2026-10-20') }, // 25
      { dueDate: d('2026-10-25'), minimumPayment: 10_000n, minimumMet: false, curedOn: null }, // 28 now
    ];
    expect(lineWorstDaysPastDue({ dueOutcomes, processedThrough: d('2026-11-22') })).toBe(28);
    expect(lineVerdict(line({ dueOutcomes }))).toBe('good'); // 28 < 30, and 09-25 is 58 days old
    expect(lineVerdict(line({ dueOutcomes, processedThrough: d('2026-11-23') }))).toBe('good'); // 29
    expect(lineVerdict(line({ dueOutcomes, processedThrough: d('2026-11-24') }))).toBe('bad'); // 30
  });

  it('a line never asked for a minimum cannot go bad: immature; a charge-off is bad', () => {
    const zeroMinimum = [{ dueDate: d('2026-09-25'), minimumPayment: 0n, minimumMet: true, curedOn: null }];
    expect(lineVerdict(line({ dueOutcomes: zeroMinimum }))).toBe('immature');
    expect(lineVerdict(line({ chargedOffOn: d('2026-11-01') }))).toBe('bad');
    const recent = [{ dueDate: d('2026-11-01'), minimumPayment: 5_000n, minimumMet: true, curedOn: null }];
    expect(lineVerdict(line({ dueOutcomes: recent }))).toBe('immature'); // 21 days: not yet observable
    // Closed at zero balance: good once drawn on (all repaid); never drawn, it could not have gone bad.
    expect(lineVerdict(line({ dueOutcomes: recent, closedOn: d('2026-11-20') }))).toBe('good');
    expect(lineVerdict(line({ drawn: 0n, closedOn: d('2026-11-20') }))).toBe('immature');
  });

  it('lines and loans share the bands, vintages by month opened, and are split by product', () => {
    const aggregator = createPerformanceAggregator({
      from: d('2026-01-01'),
      to: d('2026-11-22'),
      product: null,
    });
    aggregator.add(loan({ instalments: [{ dueDate: d('2026-10-15'), settledOn: null }] })); // 38 days: bad
    const missed = [{ dueDate: d('2026-09-25'), minimumPayment: 1n, minimumMet: true, curedOn: null }];
    aggregator.add(line({ dueOutcomes: missed })); // good
    aggregator.add(line({ lineId: 'lin_2', drawn: 0n, dueOutcomes: [] })); // immature
    const report = aggregator.report();
    expect(report.products).toEqual([
      {
        product: 'cash_loan',
        loans: 1,
        observable: 1,
        bads: 1,
        badRate: '1.000000',
        expectedBadRate: 0.02,
        principal: 1_000_000n,
      },
      {
        product: 'credit_line',
        loans: 2,
        observable: 1,
        bads: 0,
        badRate: '0.000000',
        expectedBadRate: 0.04,
        principal: 500_000n,
      },
    ]);
    expect(report.vintages.map((vintage) => [vintage.vintage, vintage.loans, vintage.observable])).toEqual([
      ['2026-08', 2, 1],
      ['2026-09', 1, 1],
    ]);
    expect(report.total).toMatchObject({ loans: 3, observable: 2, bads: 1, badRate: '0.500000' });
  });
});
