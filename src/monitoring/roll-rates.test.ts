import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';
import {
  createRollRateAggregator,
  ROLL_STATES,
  lineStateOn,
  loanStateOn,
  monthEndsIn,
  positionsOf,
  type LineHistory,
  type LoanHistory,
  type RollRecord,
} from './roll-rates.ts';

const d = (text: string): LocalDate => parseLocalDate(text);
const bounds: readonly [number, number] = [30, 60];

describe('month-end states derived from the dated history', () => {
  it('month ends of a window: both ends inclusive, February and December right', () => {
    expect(monthEndsIn(d('2026-11-15'), d('2027-03-31'))).toEqual([
      '2026-11-30',
      '2026-12-31',
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
    ]);
    expect(monthEndsIn(d('2026-12-01'), d('2026-12-30'))).toEqual([]);
  });

  it('a loan: days past due from the oldest instalment unsettled at the end of the day', () => {
    const loan: LoanHistory = {
      startDate: d('2026-08-15'),
      processedThrough: d('2026-12-31'),
      closedOn: null,
      writtenOffOn: null,
      instalments: [
        { dueDate: d('2026-09-15'), settledOn: d('2026-10-31') }, // paid 46 days late
        { dueDate: d('2026-10-15'), settledOn: null },
      ],
      bucketBounds: bounds,
    };
    expect(loanStateOn(loan, d('2026-08-14'))).toBeNull(); // not drawn yet
    expect(loanStateOn(loan, d('2026-08-31'))).toBe('M0');
    expect(loanStateOn(loan, d('2026-09-30'))).toBe('M1'); // 15 days
    expect(loanStateOn(loan, d('2026-10-30'))).toBe('M2'); // 45 days
    // Paid on 10-31: at the end of that day the oldest unsettled instalment is 10-15's, 16 days.
    expect(loanStateOn(loan, d('2026-10-31'))).toBe('M1');
    expect(loanStateOn(loan, d('2026-11-30'))).toBe('M2'); // 46 days
    expect(loanStateOn(loan, d('2026-12-31'))).toBe('M3+'); // 77 days
    expect(loanStateOn(loan, d('2027-01-31'))).toBeNull(); // not serviced that far
    const writtenOff = { ...loan, writtenOffOn: d('2027-01-10') };
    expect(loanStateOn(writtenOff, d('2027-01-31'))).toBe('written_off');
    const repaid = { ...loan, closedOn: d('2026-12-02') };
    expect(loanStateOn(repaid, d('2027-05-31'))).toBe('closed');
  });

  it('a line: days past due from the oldest missed minimum not yet met at the end of the day', () => {
    const line: LineHistory = {
      openedOn: d('2026-08-01'),
      processedThrough: d('2026-12-31'),
      chargedOffOn: null,
      closedOn: null,
      dueOutcomes: [
        { dueDate: d('2026-09-25'), minimumMet: true, curedOn: null },
        { dueDate: d('2026-10-25'), minimumMet: false, curedOn: d('2026-12-01') },
        { dueDate: d('2026-11-25'), minimumMet: false, curedOn: d('2026-12-01') },
        { dueDate: d('2026-12-25'), minimumMet: true, curedOn: null },
      ],
      bucketBounds: bounds,
    };
    expect(lineStateOn(line, d('2026-09-30'))).toBe('M0');
    expect(lineStateOn(line, d('2026-10-31'))).toBe('M1'); // 6 days
    expect(lineStateOn(line, d('2026-11-30'))).toBe('M2'); // 36 days from 10-25
    expect(lineStateOn(line, d('2026-12-31'))).toBe('M0'); // both met on 12-01
    expect(lineStateOn({ ...line, chargedOffOn: d('2026-12-20') }, d('2026-12-31'))).toBe('written_off');
    // Closed at zero balance: closed from that day on, even past the servicing date.
    expect(lineStateOn({ ...line, closedOn: d('2026-12-20') }, d('2027-02-28'))).toBe('closed');
    expect(lineStateOn({ ...line, closedOn: d('2026-12-20') }, d('2026-11-30'))).toBe('M2');
    expect(lineStateOn(line, d('2026-07-31'))).toBeNull();
  });

  it('balances at each month end add the net receivable postings of every month up to it', () => {
    const positions = positionsOf(
      [d('2026-10-31'), d('2026-11-30'), d('2026-12-31')],
      (date) => (date === '2026-10-31' ? null : 'M0'),
      new Map([
        ['2026-09', 100_000n],
        ['2026-11', -30_001n],
        ['2027-01', -5n], // after the last month end: not counted
      ]),
    );
    expect(positions).toEqual([
      { monthEnd: '2026-11-30', state: 'M0', balance: 69_999n },
      { monthEnd: '2026-12-31', state: 'M0', balance: 69_999n },
    ]);
  });
});

describe('roll-rate matrices', () => {
  const window = { from: d('2026-10-01'), to: d('2026-12-31'), product: null };
  const at = (monthEnd: string, state: RollRecord['positions'][number]['state'], balance: bigint) => ({
    monthEnd: d(monthEnd),
    state,
    balance,
  });

  it('counts accounts and fen from each bucket to the next month end, shares half-even to 6 places', () => {
    const aggregator = createRollRateAggregator(window);
    // Three current loans at the end of October: two stay current, one rolls to M1.
    aggregator.add({
      product: 'cash_loan',
      accountId: 'ln_a',
      positions: [at('2026-10-31', 'M0', 100_000n), at('2026-11-30', 'M0', 90_000n)],
    });
    aggregator.add({
      product: 'cash_loan',
      accountId: 'ln_b',
      positions: [at('2026-10-31', 'M0', 200_000n), at('2026-11-30', 'M0', 180_000n)],
    });
    aggregator.add({
      product: 'cash_loan',
      accountId: 'ln_c',
      positions: [
        at('2026-10-31', 'M0', 50_001n),
        at('2026-11-30', 'M1', 50_001n),
        at('2026-12-31', 'written_off', 0n),
      ],
    });
    // A line in M1 at the end of November that cures, and one known only at the end of October.
    aggregator.add({
      product: 'credit_line',
      accountId: 'lin_a',
      positions: [at('2026-11-30', 'M1', 30_000n), at('2026-12-31', 'M0', 0n)],
    });
    aggregator.add({
      product: 'credit_line',
      accountId: 'lin_b',
      positions: [at('2026-10-31', 'M0', 7n)],
    });
    const report = aggregator.report();
    expect(report.states).toEqual(['M0', 'M1', 'M2', 'M3+', 'written_off', 'closed']);
    expect(report.products.map((product) => product.product)).toEqual(['cash_loan', 'credit_line']);

    const cash = report.products[0];
    expect(cash?.months.map((month) => [month.month, month.from, month.to])).toEqual([
      ['2026-10', '2026-10-31', '2026-11-30'],
      ['2026-11', '2026-11-30', '2026-12-31'],
    ]);
    const october = cash?.months[0]?.rows[0];
    expect(october).toMatchObject({ from: 'M0', accounts: 3, balance: 350_001n });
    expect(october?.to[0]).toEqual({
      to: 'M0',
      accounts: 2,
      balance: 300_000n,
      balanceNext: 270_000n,
      accountRate: '0.666667',
      balanceRate: '0.857140', // 300000/350001 = 0.85714040…
    });
    expect(october?.to[1]).toEqual({
      to: 'M1',
      accounts: 1,
      balance: 50_001n,
      balanceNext: 50_001n,
      accountRate: '0.333333',
      balanceRate: '0.142860', // 50001/350001 = 0.14285959…
    });
    expect(october?.to.slice(2).every((cell) => cell.accounts === 0 && cell.accountRate === '0.000000')).toBe(
      true,
    );
    // November: the M1 loan is written off: a row of one, rate 1.
    const novemberM1 = cash?.months[1]?.rows[1];
    expect(novemberM1?.to.find((cell) => cell.to === 'written_off')).toEqual({
      to: 'written_off',
      accounts: 1,
      balance: 50_001n,
      balanceNext: 0n,
      accountRate: '1.000000',
      balanceRate: '1.000000',
    });
    // An empty row has no shares, not zero ones.
    expect(cash?.months[1]?.rows[2]).toMatchObject({ from: 'M2', accounts: 0, balance: 0n });
    expect(cash?.months[1]?.rows[2]?.to[0]?.accountRate).toBeNull();
    // The total adds the months up.
    expect(cash?.total[0]).toMatchObject({ from: 'M0', accounts: 3, balance: 350_001n });
    expect(cash?.total[1]?.to[4]).toMatchObject({ to: 'written_off', accounts: 1 });

    const lines = report.products[1];
    expect(lines?.months[0]?.rows.every((row) => row.accounts === 0)).toBe(true); // lin_b has no next
    expect(lines?.months[1]?.rows[1]?.to[0]).toMatchObject({
      to: 'M0',
      accounts: 1,
      balance: 30_000n,
      balanceNext: 0n,
      accountRate: '1.000000',
    });
    // Combined: every product's transitions.
    expect(report.combined.total.map((row) => [row.from, row.accounts, row.balance])).toEqual([
      ['M0', 3, 350_001n],
      ['M1', 2, 80_001n],
      ['M2', 0, 0n],
      ['M3+', 0, 0n],
    ]);
  });

  it('skips a gap: positions two month ends apart are not a one-month roll', () => {
    const aggregator = createRollRateAggregator(window);
    aggregator.add({
      product: 'cash_loan',
      accountId: 'ln_gap',
      positions: [at('2026-10-31', 'M0', 1n), at('2026-12-31', 'M2', 1n)],
    });
    expect(aggregator.report().combined.total.every((row) => row.accounts === 0)).toBe(true);
  });
});

describe('roll-rate matrices, for any accounts', () => {
  const window = { from: d('2026-01-01'), to: d('2026-12-31'), product: null };
  const ends = monthEndsIn(window.from, window.to);
  const account = fc.record({
    product: fc.constantFrom('cash_loan', 'credit_line'),
    // Each month end: unknown (null), or a state and what was owed.
    positions: fc.array(
      fc.option(fc.record({ state: fc.constantFrom(...ROLL_STATES), balance: fc.bigInt(0n, 10_000_000n) }), {
        nil: null,
      }),
      { minLength: ends.length, maxLength: ends.length },
    ),
  });

  it('counts every one-month step out of a bucket once, and every row adds up exactly', () => {
    fc.assert(
      fc.property(fc.array(account, { maxLength: 30 }), (accounts) => {
        const aggregator = createRollRateAggregator(window);
        let steps = 0;
        let owed = 0n;
        accounts.forEach((entry, index) => {
          const positions = entry.positions.flatMap((position, i) =>
            position === null ? [] : [{ monthEnd: ends[i] as LocalDate, ...position }],
          );
          entry.positions.forEach((position, i) => {
            const next = entry.positions[i + 1];
            if (!position || !next || position.state === 'written_off' || position.state === 'closed') return;
            steps += 1;
            owed += position.balance;
          });
          aggregator.add({ product: entry.product, accountId: `acc_${index}`, positions });
        });
        const report = aggregator.report();
        const rows = report.combined.months.flatMap((month) => month.rows);
        expect(rows.reduce((sum, row) => sum + row.accounts, 0)).toBe(steps);
        expect(rows.reduce((sum, row) => sum + row.balance, 0n)).toBe(owed);
        for (const row of [...rows, ...report.combined.total]) {
          expect(row.to.reduce((sum, cell) => sum + cell.accounts, 0)).toBe(row.accounts);
          expect(row.to.reduce((sum, cell) => sum + cell.balance, 0n)).toBe(row.balance);
        }
        // The products split the combined view exactly.
        const byProduct = report.products.flatMap((product) => product.total);
        expect(byProduct.reduce((sum, row) => sum + row.accounts, 0)).toBe(steps);
      }),
      { numRuns: 100 },
    );
  });
});
