import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Money } from '../../platform/money/money.ts';
import { parseRate, rate } from '../../platform/money/rate.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import { contractFor, DEFAULT_LOAN_PRODUCT, type LoanContract, type LoanProduct } from './loan-contract.ts';
import { outstandingOf, type LoanState, type RepaymentIntent } from './loan-state.ts';
import { MemoryLoanBook } from './memory-loan-book.ts';
import { INTEREST_BASES, REPAYMENT_METHODS, type InterestBasis, type RepaymentMethod } from './schedule.ts';
import { advance, bucketOf, daysPastDue, payoffQuote, replay } from './servicing.ts';

const D = (text: string) => text as LocalDate;
const fen = (value: bigint | number) => BigInt(value) as Money;

function loan(
  overrides: Partial<{
    principal: bigint;
    apr: string;
    term: number;
    method: RepaymentMethod;
    basis: InterestBasis;
    start: string;
    product: Partial<LoanProduct>;
  }> = {},
  id = 'ln_1',
): LoanContract {
  const product: LoanProduct = {
    ...DEFAULT_LOAN_PRODUCT,
    basis: overrides.basis ?? 'monthly',
    ...overrides.product,
  };
  return contractFor(product, {
    loanId: id,
    customerId: 'cus_1',
    facilityId: 'fac_1',
    principal: fen(overrides.principal ?? 1_000_000n),
    apr: parseRate(overrides.apr ?? '0.18'),
    term: overrides.term ?? 12,
    method: overrides.method ?? 'equal-installment',
    startDate: D(overrides.start ?? '2026-01-15'),
  });
}

function pay(
  book: MemoryLoanBook,
  loanId: string,
  date: string,
  amount: bigint,
  intent: RepaymentIntent = 'scheduled',
) {
  book.dayEnd(addDays(D(date), -1));
  return book.receive(loanId, { kind: 'repayment', effectiveDate: D(date), amount: fen(amount), intent });
}

describe('accrual and billing', () => {
  it('Given the golden loan paid on every due date, Then each instalment is the schedule and it closes with nothing owed', () => {
    const book = new MemoryLoanBook();
    const contract = loan();
    book.open(contract);
    const payments: bigint[] = [];
    for (const [index, due] of contract.dueDates.entries()) {
      const amount = index === 11 ? 91_681n : 91_680n;
      pay(book, 'ln_1', due, amount);
      payments.push(amount);
      const instalment = book.state('ln_1').instalments[index];
      expect((instalment?.principal ?? 0n) + (instalment?.interest ?? 0n)).toBe(amount);
      expect(instalment?.settledOn).toBe(due);
    }
    const state = book.state('ln_1');
    expect(state.status).toBe('closed');
    expect(state.closedOn).toBe('2027-01-15');
    expect(state.counters.interestAccrued).toBe(100_161n);
    expect(outstandingOf(state)).toEqual({
      principal: 0n,
      interest: 0n,
      penalty: 0n,
      overpayment: 0n,
      writtenOff: 0n,
    });
    expect(book.ledger.contractBalances('cus_1', 'ln_1')).toEqual({
      interest_income: 100_161n,
      funding: 100_161n,
    });
    expect(book.violations()).toEqual([]);
  });

  it('Given the daily basis, When days pass, Then each day accrues APR/365 of the principal (0.05% a day at 18.25%)', () => {
    const contract = loan({ apr: '0.1825', basis: 'daily' });
    const { state, changes } = advance(contract, replay(contract, [], contract.startDate), D('2026-01-25'));
    expect(changes).toHaveLength(10);
    expect(changes.map((change) => change.after.interestAccrued - change.before.interestAccrued)).toEqual(
      Array(10).fill(500n),
    );
    expect(state.periodPosted).toBe(5_000n);
  });

  it('Given the monthly basis, When February passes, Then the period accrues exactly APR/12 spread over 28 days', () => {
    const contract = loan();
    const afterJanuary = replay(contract, [], D('2026-02-15'));
    const pays = {
      kind: 'repayment' as const,
      seq: 1,
      effectiveDate: D('2026-02-15'),
      amount: fen(91_680n),
      intent: 'scheduled' as const,
    };
    const state = replay(contract, [pays], D('2026-03-15'));
    expect(afterJanuary.instalments[0]?.interest).toBe(15_000n);
    expect(state.instalments[1]?.interest).toBe(13_850n); // 923,320 × 1.5% = 13,849.8 → 13,850
  });
});

describe('early repayment and payoff', () => {
  it('Given a payoff quote for D, When it is paid on D, Then every bucket is zero and interest ran only to D', () => {
    const book = new MemoryLoanBook();
    const contract = loan({ apr: '0.1825', basis: 'daily' });
    book.open(contract);
    book.dayEnd(D('2026-01-24'));
    const quote = payoffQuote(contract, book.state('ln_1'), D('2026-01-25'));
    expect(quote).toEqual({
      date: '2026-01-25',
      principal: 1_000_000n,
      interest: 5_000n,
      penalty: 0n,
      heldForCustomer: 0n,
      total: 1_005_000n,
    });
    book.receive('ln_1', {
      kind: 'repayment',
      effectiveDate: D('2026-01-25'),
      amount: quote.total,
      intent: 'prepayment',
    });
    const state = book.state('ln_1');
    expect(state.status).toBe('closed');
    expect(outstandingOf(state)).toEqual({
      principal: 0n,
      interest: 0n,
      penalty: 0n,
      overpayment: 0n,
      writtenOff: 0n,
    });
    expect(book.dayEnd(D('2026-02-20'))).toBe(0);
    expect(book.ledger.contractBalances('cus_1', 'ln_1')).toEqual({
      interest_income: 5_000n,
      funding: 5_000n,
    });
  });

  it('Given a partial prepayment, Then later instalments shrink over the same term and interest follows the lower balance', () => {
    const book = new MemoryLoanBook();
    const contract = loan({ apr: '0.1825', basis: 'daily' });
    book.open(contract);
    pay(book, 'ln_1', '2026-01-25', 505_000n, 'prepayment'); // interest 50.00, principal 5,000.00
    const state = book.state('ln_1');
    expect(state.unbilledPrincipal).toBe(500_000n);
    expect(state.counters.interestRepaid).toBe(5_000n);
    book.dayEnd(D('2026-02-15'));
    // Period 1: 10 days on ¥10,000 (¥50, already paid) + 21 days on ¥5,000 (¥52.50).
    expect(book.state('ln_1').instalments[0]).toMatchObject({ interest: 10_250n, interestPaid: 5_000n });
    expect(
      book
        .state('ln_1')
        .principalPlan.slice(1)
        .every((p) => p < 80_000n),
    ).toBe(true);
    expect(book.violations()).toEqual([]);
  });

  it('Given more than is due (scheduled), Then the rest is held and used on the next instalment', () => {
    const book = new MemoryLoanBook();
    book.open(loan());
    pay(book, 'ln_1', '2026-02-15', 100_000n);
    expect(outstandingOf(book.state('ln_1')).overpayment).toBe(8_320n);
    book.dayEnd(D('2026-03-15'));
    const second = book.state('ln_1').instalments[1];
    expect((second?.principalPaid ?? 0n) + (second?.interestPaid ?? 0n)).toBe(8_320n);
    expect(outstandingOf(book.state('ln_1')).overpayment).toBe(0n);
    expect(book.violations()).toEqual([]);
  });
});

describe('overdue: days past due, penalty, buckets, write-off', () => {
  it('Given instalment 1 unpaid, Then penalty runs from the day after the due date at min(1.5 × APR, cap)/365 on its principal', () => {
    const contract = loan();
    const state = replay(contract, [], D('2026-02-25'));
    // 1.5 × 18 % = 27 % is above the 24 % cap (issue 15; this test pinned 567 fen at 27 % before):
    // 76,680 fen overdue × 0.24 / 365 × 10 days = 504.19… → 504 fen (rounded down at the cap).
    expect(state.instalments[0]?.penalty).toBe(504n);
    expect(replay(contract, [], D('2026-02-16')).instalments[0]?.penalty).toBe(50n); // one day: 50.41 → 50
    expect(replay(contract, [], D('2026-02-15')).instalments[0]?.penalty).toBe(0n); // not on the due date
    expect(daysPastDue(state, D('2026-02-25'))).toBe(10);
    // Below the cap the multiple applies as before: 1.5 × 12 % = 18 %, half up.
    const lawful = loan({ apr: '0.12' });
    const first = replay(lawful, [], D('2026-02-25')).instalments[0];
    const overdue = (first?.principal ?? 0n) - (first?.principalPaid ?? 0n);
    expect(first?.penalty).toBe((overdue * 18n * 10n * 2n + 36_500n) / (36_500n * 2n));
  });

  it('moves through M0, M1, M2 and M3+ by the oldest unpaid due date', () => {
    const contract = loan();
    const at = (date: string) => {
      const state = replay(contract, [], D(date));
      return bucketOf(daysPastDue(state, D(date)), contract.bucketBounds);
    };
    expect(at('2026-02-15')).toBe('M0');
    expect(at('2026-02-16')).toBe('M1');
    expect(at('2026-03-17')).toBe('M1'); // 30 days
    expect(at('2026-03-18')).toBe('M2'); // 31 days
    expect(at('2026-04-16')).toBe('M2'); // 60 days
    expect(at('2026-04-17')).toBe('M3+');
  });

  it('writes off after 180 days past due; later money is a recovery', () => {
    const book = new MemoryLoanBook();
    const contract = loan({ term: 3 });
    book.open(contract);
    book.dayEnd(D('2026-08-14')); // 180 days past 2026-02-15
    expect(book.state('ln_1').status).toBe('active');
    book.dayEnd(D('2026-08-15'));
    const state = book.state('ln_1');
    expect(state.status).toBe('written_off');
    expect(state.writtenOffOn).toBe('2026-08-15');
    const balances = book.ledger.contractBalances('cus_1', 'ln_1');
    expect(balances.principal_receivable).toBeUndefined();
    expect(balances.write_off_expense).toBe(
      state.counters.principalWrittenOff +
        state.counters.interestWrittenOff +
        state.counters.penaltyWrittenOff,
    );
    book.receive('ln_1', {
      kind: 'repayment',
      effectiveDate: D('2026-08-20'),
      amount: fen(50_000n),
      intent: 'scheduled',
    });
    expect(book.state('ln_1').counters.recovered).toBe(50_000n);
    expect(book.violations()).toEqual([]);
  });

  it('allocates by component (all penalty, all interest, then principal) or by instalment, as configured', () => {
    const events = [
      {
        kind: 'repayment' as const,
        seq: 1,
        effectiveDate: D('2026-03-20'),
        amount: fen(100_000n),
        intent: 'scheduled' as const,
      },
    ];
    const byComponent = replay(loan(), events, D('2026-03-20'));
    const byInstalment = replay(
      loan({
        product: { allocation: { order: ['penalty', 'interest', 'principal'], mode: 'by-instalment' } },
      }),
      events,
      D('2026-03-20'),
    );
    // by component: both instalments' penalty and interest are paid before any principal.
    expect(byComponent.instalments.map((i) => i.interestPaid)).toEqual([15_000n, 13_850n]);
    expect(byComponent.instalments[1]?.principalPaid).toBe(0n);
    // by instalment: the first is cleared completely, the rest goes to the second.
    expect(byInstalment.instalments[0]?.settledOn).toBe('2026-03-20');
    expect(byInstalment.instalments[1]?.principalPaid).toBe(0n);
    expect(byInstalment.instalments[1]?.interestPaid).toBeGreaterThan(0n);
  });
});

describe('back-dated repayments restate the books', () => {
  it('Given a repayment dated on the due date that arrives 10 days late, Then the penalty that accrued is reversed', () => {
    const book = new MemoryLoanBook();
    book.open(loan());
    book.dayEnd(D('2026-02-25'));
    expect(book.state('ln_1').counters.penaltyAccrued).toBe(504n); // at the 24 % cap (was 567 at 27 %)
    const { changes } = book.receive('ln_1', {
      kind: 'repayment',
      effectiveDate: D('2026-02-15'),
      amount: fen(91_680n),
      intent: 'scheduled',
    });
    expect(changes).toHaveLength(1);
    expect(changes[0]?.cause).toBe('restatement');
    const journal = book.ledger.journals.at(-1);
    expect(journal?.lines).toContainEqual({ kind: 'penalty_income', side: 'D', amount: 504n });
    expect(book.state('ln_1').counters.penaltyAccrued).toBe(0n);
    expect(daysPastDue(book.state('ln_1'), D('2026-02-25'))).toBe(0);
    expect(book.violations()).toEqual([]);
  });
});

// ——— properties over random histories ———

interface Scenario {
  readonly contract: LoanContract;
  readonly events: readonly {
    effectiveDate: LocalDate;
    delay: number;
    amount: Money;
    intent: RepaymentIntent;
  }[];
  readonly end: LocalDate;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    principal: fc.bigInt({ min: 10_000n, max: 20_000_000n }),
    aprBps: fc.integer({ min: 0, max: 3600 }),
    term: fc.constantFrom(3, 6, 12),
    method: fc.constantFrom(...REPAYMENT_METHODS),
    basis: fc.constantFrom(...INTEREST_BASES),
    startOffset: fc.integer({ min: 0, max: 800 }),
    writeOffAfter: fc.constantFrom(60, 180, null),
    byInstalment: fc.boolean(),
    events: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 420 }),
        delay: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })),
        share: fc.integer({ min: 1, max: 60 }),
        intent: fc.constantFrom<RepaymentIntent>('scheduled', 'scheduled', 'prepayment'),
      }),
      { maxLength: 14 },
    ),
  })
  .map((r) => {
    const start = addDays(D('2027-06-01'), r.startOffset);
    const contract = contractFor(
      {
        ...DEFAULT_LOAN_PRODUCT,
        basis: r.basis,
        writeOffAfterDpd: r.writeOffAfter,
        allocation: {
          order: ['penalty', 'interest', 'principal'],
          mode: r.byInstalment ? 'by-instalment' : 'by-component',
        },
      },
      {
        loanId: 'ln_p',
        customerId: 'cus_p',
        facilityId: 'fac_p',
        principal: fen(r.principal),
        apr: rate(BigInt(r.aprBps), 10_000n),
        term: r.term,
        method: r.method,
        startDate: start,
      },
    );
    return {
      contract,
      events: r.events.map((e) => ({
        effectiveDate: addDays(start, e.day),
        delay: e.delay,
        amount: fen((r.principal * BigInt(e.share)) / 100n + 1n),
        intent: e.intent,
      })),
      end: addDays(start, 460),
    };
  });

/** Feeds the events as they would arrive (value date + delay), running the day-end every day in between. */
function runArrivalOrder(s: Scenario, order: 'arrival' | 'effective'): MemoryLoanBook {
  const book = new MemoryLoanBook();
  book.open(s.contract);
  const arrivals = s.events
    .map((event, index) => ({
      event,
      index,
      arrives: addDays(event.effectiveDate, order === 'arrival' ? event.delay : 0),
    }))
    .sort((a, b) => (a.arrives === b.arrives ? a.index - b.index : a.arrives < b.arrives ? -1 : 1));
  for (const { event, arrives } of arrivals) {
    book.dayEnd(addDays(arrives, -1));
    book.receive('ln_p', {
      kind: 'repayment',
      effectiveDate: event.effectiveDate,
      amount: event.amount,
      intent: event.intent,
    });
  }
  book.dayEnd(s.end);
  return book;
}

describe('servicing invariants (property)', () => {
  it('every journal balances, cached = recomputed, books = state, nothing owed below zero — whatever the history', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const book = runArrivalOrder(s, 'arrival');
        expect(book.violations()).toEqual([]);
        const c = book.state('ln_p').counters;
        // Cash is conserved: every fen received is repaid, recovered or held.
        expect(c.cashReceived).toBe(
          c.principalRepaid +
            c.interestRepaid +
            c.penaltyRepaid +
            c.recovered +
            c.overpaid -
            c.overpaymentApplied,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('replay equivalence: arrival order (with back-dated repayments) and effective-date order give the same books', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const late = runArrivalOrder(s, 'arrival');
        const onTime = runArrivalOrder(s, 'effective');
        const a: LoanState = late.state('ln_p');
        const b: LoanState = onTime.state('ln_p');
        expect(a).toEqual(b);
        expect(late.ledger.contractBalances('cus_p', 'ln_p')).toEqual(
          onTime.ledger.contractBalances('cus_p', 'ln_p'),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('a payoff quote for any day, paid that day, leaves zero in every bucket', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 400 }), (s, day) => {
        const book = new MemoryLoanBook();
        book.open(s.contract);
        const date = addDays(s.contract.startDate, day);
        for (const event of s.events.filter((e) => e.effectiveDate < date)) {
          book.dayEnd(addDays(event.effectiveDate, -1));
          book.receive('ln_p', {
            kind: 'repayment',
            effectiveDate: event.effectiveDate,
            amount: event.amount,
            intent: event.intent,
          });
        }
        book.dayEnd(addDays(date, -1));
        const state = book.state('ln_p');
        const wasActive = state.status === 'active';
        const quote = payoffQuote(s.contract, state, date);
        if (quote.total > 0n) {
          book.receive('ln_p', {
            kind: 'repayment',
            effectiveDate: date,
            amount: quote.total,
            intent: 'prepayment',
          });
        }
        const after = book.state('ln_p');
        const owed = outstandingOf(after);
        if (after.status !== 'written_off') {
          expect(after.status).toBe('closed');
          expect([owed.principal, owed.interest, owed.penalty]).toEqual([0n, 0n, 0n]);
          // Paying off an active loan uses up what was held; a loan closed earlier may still hold change.
          if (wasActive && after.closedOn === date) expect(owed.overpayment).toBe(0n);
        } else {
          expect(owed.writtenOff).toBe(0n);
        }
        expect(book.violations()).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
