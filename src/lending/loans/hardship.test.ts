import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../platform/errors/app-error.ts';
import { roundToFen, sumMoney, type Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import type { CostCap } from '../shared/cost-cap.ts';
import { DEFAULT_HARDSHIP_RULES, planHardship, type HardshipAsk, type HardshipRules } from './hardship.ts';
import { contractFor, DEFAULT_LOAN_PRODUCT, type LoanContract } from './loan-contract.ts';
import { outstandingOf, type LoanState } from './loan-state.ts';
import { MemoryLoanBook } from './memory-loan-book.ts';
import type { RepaymentMethod } from './schedule.ts';
import { advance, daysPastDue, instalmentViews, replay } from './servicing.ts';

const D = (text: string) => text as LocalDate;
const fen = (value: bigint | number) => BigInt(value) as Money;
const START = D('2026-01-15');
const CAP_24: CostCap = {
  annualRate: parseRate('0.24'),
  rule: { effectiveFrom: D('2020-08-20'), kind: 'fixed', annualRate: parseRate('0.24'), basis: 'test' },
};

function contract(
  options: {
    principal?: bigint;
    term?: number;
    apr?: string;
    method?: RepaymentMethod;
    basis?: 'daily' | 'monthly';
  } = {},
): LoanContract {
  return contractFor(
    { ...DEFAULT_LOAN_PRODUCT, basis: options.basis ?? 'monthly', terms: [3, 6, 12, 24] },
    {
      loanId: 'ln_1',
      customerId: 'cus_1',
      facilityId: 'fac_1',
      principal: fen(options.principal ?? 1_000_000n),
      apr: parseRate(options.apr ?? '0.18'),
      term: options.term ?? 12,
      method: options.method ?? 'equal-installment',
      startDate: START,
    },
  );
}

/** A book with one loan, stepped through `today` as the service steps it before booking a request. */
function bookOn(c: LoanContract, today: LocalDate, repayments: readonly [LocalDate, number][] = []) {
  const book = new MemoryLoanBook();
  book.open(c);
  for (const [date, amount] of repayments) {
    book.dayEnd(addDays(date, -1));
    book.receive(c.loanId, {
      kind: 'repayment',
      effectiveDate: date,
      amount: fen(amount),
      intent: 'scheduled',
    });
  }
  book.dayEnd(today);
  return book;
}

function apply(
  book: MemoryLoanBook,
  c: LoanContract,
  today: LocalDate,
  ask: HardshipAsk,
  rules?: HardshipRules,
) {
  const plan = planHardship(
    { contract: c, state: book.state(c.loanId), events: book.events(c.loanId), today },
    ask,
    rules ?? DEFAULT_HARDSHIP_RULES,
    CAP_24,
    'hsr_1',
  );
  book.receive(c.loanId, { kind: 'hardship', effectiveDate: today, requestId: 'hsr_1', change: plan.change });
  expect(book.violations()).toEqual([]);
  return plan;
}

function refusal(run: () => unknown): { field: string; rule: string } | undefined {
  try {
    run();
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION_FAILED') {
      const issue = (error as AppError).issues[0];
      return issue ? { field: issue.field, rule: issue.rule } : undefined;
    }
    throw error;
  }
  return undefined;
}

// ¥10,000 at 18 % over 12 months, monthly basis: 91,680 fen a month × 11 and 91,681 (schedule.test.ts).
describe('hardship tools on a ¥10,000 loan at 18 % over 12 months (monthly basis), exact figures', () => {
  it('waiver: penalty and interest owed are waived, booked against income; more than owed is refused', () => {
    const c = contract();
    // Instalment 1 (2026-02-15, ¥916.80) unpaid, 23 days overdue on 2026-03-10. Penalty: 1.5 × 18 % = 27 %
    // is above the 24 % cap, so 76,680 principal × 23 days × 24 % / 365 = 1,159.65, down: 1,159.
    const book = bookOn(c, D('2026-03-10'));
    const owed = outstandingOf(book.state('ln_1'));
    expect(owed.penalty).toBe(fen(1_159));
    // 15,000 billed (period 1) + 923,320 × 1.5 % × 23 / 28 days of period 2 = 11,376.62, half up 11,377.
    expect(owed.interest).toBe(fen(26_377));
    expect(
      refusal(() =>
        planHardship(
          { contract: c, state: book.state('ln_1'), events: [], today: D('2026-03-10') },
          { tool: 'waiver', interest: fen(0), penalty: fen(1_160), fees: fen(0) },
          DEFAULT_HARDSHIP_RULES,
          CAP_24,
          'hsr_1',
        ),
      ),
    ).toEqual({ field: 'penalty', rule: 'within-owed' });
    const plan = apply(book, c, D('2026-03-10'), {
      tool: 'waiver',
      interest: fen(15_000),
      penalty: fen(1_159),
      fees: fen(0),
    });
    expect(plan.moneyEffect).toBe(fen(16_159));
    const after = book.state('ln_1');
    expect(outstandingOf(after).penalty).toBe(fen(0));
    expect(outstandingOf(after).interest).toBe(fen(11_377));
    expect(after.counters.interestWaived).toBe(fen(15_000));
    expect(after.counters.penaltyWaived).toBe(fen(1_159));
    // Instalment 1 is now owed principal only; it stays overdue until that is paid.
    expect(daysPastDue(after, D('2026-03-10'))).toBe(23);
    // D interest income 150.00, D penalty income 11.59; the receivables fall by as much.
    const balances = book.ledger.contractBalances('cus_1', 'ln_1');
    expect(balances.interest_income).toBe(fen(26_377 - 15_000));
    expect(balances.penalty_income ?? 0n).toBe(0n);
  });

  it('settlement: the customer pays ¥6,000.00 of ¥10,275.36 owed, the rest is written off, the loan closed as settled', () => {
    const c = contract();
    const book = bookOn(c, D('2026-03-10'));
    const plan = apply(book, c, D('2026-03-10'), { tool: 'settlement', amount: fen(600_000) });
    const state = book.state('ln_1');
    expect(state.status).toBe('closed');
    expect(state.settledOn).toBe('2026-03-10');
    // Owed: 1,000,000 principal + 26,377 interest + 1,159 penalty = 1,027,536; paid 600,000 → 427,536 off.
    // The 600,000 pays as a prepayment: penalty 1,159, billed interest 15,000, billed principal 76,680,
    // interest accrued 11,377, then 495,784 of principal not yet billed.
    expect(plan.moneyEffect).toBe(fen(427_536));
    expect(state.counters.penaltyRepaid).toBe(fen(1_159));
    expect(state.counters.interestRepaid).toBe(fen(26_377));
    expect(state.counters.principalRepaid).toBe(fen(76_680 + 495_784));
    expect(state.counters.principalWrittenOff).toBe(fen(427_536));
    expect(book.ledger.contractBalances('cus_1', 'ln_1').write_off_expense).toBe(fen(427_536));
    expect(book.ledger.contractBalances('cus_1', 'ln_1').principal_receivable ?? 0n).toBe(0n);
    expect(daysPastDue(state, D('2026-03-10'))).toBe(0);
    // Paying the whole debt is not a settlement for less.
    const other = bookOn(c, D('2026-03-10'));
    expect(
      refusal(() =>
        planHardship(
          { contract: c, state: other.state('ln_1'), events: [], today: D('2026-03-10') },
          { tool: 'settlement', amount: fen(1_027_536) },
          DEFAULT_HARDSHIP_RULES,
          CAP_24,
          'hsr_1',
        ),
      ),
    ).toEqual({ field: 'amount', rule: 'less-than-owed' });
  });

  it('reschedule: the principal left over 18 instalments from the next due date, at the contract rate', () => {
    const c = contract();
    // Three instalments paid on their due dates; on 2026-05-01 nine are left (2026-05-15 … 2027-01-15).
    const book = bookOn(c, D('2026-05-01'), [
      [D('2026-02-15'), 91_680],
      [D('2026-03-15'), 91_680],
      [D('2026-04-15'), 91_680],
    ]);
    const unbilled = book.state('ln_1').unbilledPrincipal;
    // 1,000,000 − 76,680 − 77,830 − 78,998 billed and paid.
    expect(unbilled).toBe(fen(766_492));
    const plan = apply(book, c, D('2026-05-01'), { tool: 'reschedule', instalments: 18 });
    expect(plan.moneyEffect).toBe(fen(766_492));
    const upcoming = plan.after.filter((view) => view.status === 'upcoming');
    expect(upcoming).toHaveLength(18);
    expect(upcoming[0]?.dueDate).toBe('2026-05-15');
    expect(upcoming[17]?.dueDate).toBe('2027-10-15');
    // The level instalment of 766,492 over 18 months at 1.5 % a month, 766,492 × 0.015 / (1 − 1.015^−18)
    // = 48,906.6…, half up 48,907 (was 91,680); the first period's interest 766,492 × 1.5 % = 11,497.
    expect(upcoming[0]?.interest).toBe(fen(11_497));
    expect(upcoming[0]?.principal).toBe(fen(48_907 - 11_497));
    expect((upcoming[1]?.principal ?? 0n) + (upcoming[1]?.interest ?? 0n)).toBe(fen(48_907));
    expect(sumMoney(upcoming.map((view) => view.principal))).toBe(unbilled);
    // Stepping through the whole new schedule, paying each instalment as billed, closes the loan on the last
    // due date: the schedule shown is the schedule billed.
    for (const view of upcoming) {
      book.dayEnd(view.dueDate);
      const billed = book.state('ln_1').instalments.find((i) => i.dueDate === view.dueDate);
      expect(billed && billed.principal + billed.interest).toBe(view.principal + view.interest);
      book.receive('ln_1', {
        kind: 'repayment',
        effectiveDate: view.dueDate,
        amount: view.owed,
        intent: 'scheduled',
      });
    }
    const state = book.state('ln_1');
    expect(state.closedOn).toBe('2027-10-15');
    expect(state.status).toBe('closed');
    expect(book.violations()).toEqual([]);
  });

  it('reschedule above the legal cap in force today is refused, naming the rule', () => {
    const c = contract({ apr: '0.18' });
    const book = bookOn(c, D('2026-05-01'));
    const lowCap: CostCap = {
      annualRate: parseRate('0.12'),
      rule: { effectiveFrom: D('2025-05-20'), kind: 'fixed', annualRate: parseRate('0.12'), basis: 'test' },
    };
    expect(
      refusal(() =>
        planHardship(
          { contract: c, state: book.state('ln_1'), events: [], today: D('2026-05-01') },
          { tool: 'reschedule', instalments: 18 },
          DEFAULT_HARDSHIP_RULES,
          lowCap,
          'hsr_1',
        ),
      ),
    ).toEqual({ field: 'instalments', rule: 'legal-cap' });
  });

  it('holiday: the next 2 instalments skipped, their interest deferred in equal parts to the 10 after', () => {
    const c = contract();
    const book = bookOn(c, D('2026-02-01'));
    const plan = apply(book, c, D('2026-02-01'), { tool: 'holiday', instalments: 2 });
    const upcoming = plan.after.filter((view) => view.status === 'upcoming');
    expect(upcoming).toHaveLength(14);
    expect(upcoming.slice(0, 2).map((view) => [view.dueDate, view.owed])).toEqual([
      ['2026-02-15', 0n],
      ['2026-03-15', 0n],
    ]);
    expect(upcoming[13]?.dueDate).toBe('2027-03-15');
    // Skipped periods bill nothing: on 2026-03-16 the loan is current and holds ¥300.00 of deferred interest
    // (1.5 % of ¥10,000 for each of the two months, no interest on interest).
    book.dayEnd(D('2026-03-16'));
    const state = book.state('ln_1');
    expect(daysPastDue(state, D('2026-03-16'))).toBe(0);
    expect(state.carriedInterest).toBe(fen(30_000));
    // The first instalment after the holiday bills ⌊30,000 ÷ 12⌋ = 2,500 of it with its own.
    book.dayEnd(D('2026-04-15'));
    const first = book.state('ln_1').instalments.find((i) => i.dueDate === '2026-04-15');
    expect(first?.interest).toBe(fen(15_000 + 2_500));
    expect(book.violations()).toEqual([]);
  });

  it('holiday on a closed loan is refused (loanId / active-loan), as is a second within 12 months', () => {
    const c = contract();
    const book = bookOn(c, D('2026-02-01'));
    book.receive('ln_1', {
      kind: 'repayment',
      effectiveDate: D('2026-02-01'),
      amount: fen(2_000_000),
      intent: 'prepayment',
    });
    expect(book.state('ln_1').status).toBe('closed');
    expect(
      refusal(() =>
        planHardship(
          { contract: c, state: book.state('ln_1'), events: book.events('ln_1'), today: D('2026-02-01') },
          { tool: 'holiday', instalments: 1 },
          DEFAULT_HARDSHIP_RULES,
          CAP_24,
          'hsr_2',
        ),
      ),
    ).toEqual({ field: 'loanId', rule: 'active-loan' });
    const open = bookOn(c, D('2026-02-01'));
    apply(open, c, D('2026-02-01'), { tool: 'holiday', instalments: 1 });
    open.dayEnd(D('2026-03-01'));
    expect(
      refusal(() =>
        planHardship(
          { contract: c, state: open.state('ln_1'), events: open.events('ln_1'), today: D('2026-03-01') },
          { tool: 'holiday', instalments: 1 },
          DEFAULT_HARDSHIP_RULES,
          CAP_24,
          'hsr_2',
        ),
      ),
    ).toEqual({ field: 'tool', rule: 'once-per-period' });
  });

  it('re-age: after 3 instalments paid, the 4th and 5th overdue are spread over the 7 left; the loan is current', () => {
    const c = contract();
    const book = bookOn(c, D('2026-06-20'), [
      [D('2026-02-15'), 91_680],
      [D('2026-03-15'), 91_680],
      [D('2026-04-15'), 91_680],
    ]);
    const before = book.state('ln_1');
    expect(daysPastDue(before, D('2026-06-20'))).toBe(36);
    const overdue = outstandingOf(before);
    const plan = apply(book, c, D('2026-06-20'), { tool: 're-age' });
    const after = book.state('ln_1');
    expect(daysPastDue(after, D('2026-06-20'))).toBe(0);
    // Nothing is forgiven and nothing booked: the same amounts owed, due later.
    expect(outstandingOf(after)).toEqual(overdue);
    expect(book.ledger.journals.at(-1)?.sourceKey).not.toContain('hardship');
    expect(plan.moneyEffect).toBe(
      sumMoney(plan.before.filter((view) => view.status === 'overdue').map((view) => view.owed)),
    );
    const upcoming = plan.after.filter((view) => view.status === 'upcoming');
    expect(upcoming).toHaveLength(7);
    expect(sumMoney(upcoming.map((view) => view.principal))).toBe(after.unbilledPrincipal);
    // Fewer than 3 instalments in a row paid: refused.
    const early = bookOn(c, D('2026-04-01'));
    expect(
      refusal(() =>
        planHardship(
          { contract: c, state: early.state('ln_1'), events: [], today: D('2026-04-01') },
          { tool: 're-age' },
          DEFAULT_HARDSHIP_RULES,
          CAP_24,
          'hsr_2',
        ),
      ),
    ).toEqual({ field: 'tool', rule: 'min-consecutive-paid' });
  });
});

const ANY_RULES: HardshipRules = {
  ...DEFAULT_HARDSHIP_RULES,
  holidayOncePerMonths: 0,
  reAgeOncePerMonths: 0,
  reAgeMinConsecutivePaid: 0,
};

/** A tool to ask for; waiver and settlement amounts as a percentage of what is owed then (some above it). */
type AskShape =
  | Exclude<HardshipAsk, { tool: 'waiver' | 'settlement' }>
  | { tool: 'waiver'; interestPct: number; penaltyPct: number }
  | { tool: 'settlement'; pct: number };

const askArb: fc.Arbitrary<AskShape> = fc.oneof(
  fc.record({ tool: fc.constant('reschedule' as const), instalments: fc.integer({ min: 1, max: 30 }) }),
  fc.constant({ tool: 're-age' as const }),
  fc.record({ tool: fc.constant('holiday' as const), instalments: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    tool: fc.constant('waiver' as const),
    interestPct: fc.integer({ min: 0, max: 110 }),
    penaltyPct: fc.integer({ min: 0, max: 110 }),
  }),
  fc.record({ tool: fc.constant('settlement' as const), pct: fc.integer({ min: 1, max: 105 }) }),
);

function askOf(shape: AskShape, state: LoanState): HardshipAsk {
  const owed = outstandingOf(state);
  const part = (amount: bigint, pct: number) => fen((amount * BigInt(pct)) / 100n);
  if (shape.tool === 'waiver')
    return {
      tool: 'waiver',
      interest: part(owed.interest, shape.interestPct),
      penalty: part(owed.penalty, shape.penaltyPct),
      fees: fen(0),
    };
  if (shape.tool === 'settlement')
    return { tool: 'settlement', amount: part(owed.principal + owed.interest + owed.penalty, shape.pct) };
  return shape;
}

/** Penalty of each instalment (its own accrual, without what a re-age carried) within the cap, per day. */
function penaltyWithinCap(c: LoanContract, state: LoanState): boolean {
  const num = c.apr.num * c.penaltyMultiple.num;
  const cap = c.costCap ?? parseRate('0.24');
  return state.instalments.every((instalment) => {
    const own = instalment.penalty - (instalment.penaltyCarried ?? 0n);
    if (instalment.reagedOn !== undefined) return true;
    const principalDays = num === 0n ? 0n : instalment.penaltyExact / num;
    return own <= roundToFen(principalDays * cap.num, 365n * cap.den, 'down');
  });
}

describe('hardship property: random loans × random tools', () => {
  it('books equal a replay, the ledger is sound, nothing above the cap, and paid + waived + written off + outstanding = owed', () => {
    const tools: number[] = [];
    fc.assert(
      fc.property(
        fc.record({
          principal: fc.integer({ min: 100_000, max: 3_000_000 }),
          term: fc.constantFrom(3, 6, 12),
          apr: fc.constantFrom('0.073', '0.15', '0.18', '0.219'),
          method: fc.constantFrom<RepaymentMethod>('equal-installment', 'equal-principal', 'interest-first'),
          basis: fc.constantFrom<'daily' | 'monthly'>('daily', 'monthly'),
        }),
        fc.array(
          fc.record({
            gap: fc.integer({ min: 1, max: 70 }),
            pay: fc.option(fc.integer({ min: 1, max: 400_000 }), { nil: undefined }),
            backDate: fc.integer({ min: 0, max: 20 }),
            ask: fc.option(askArb, { nil: undefined }),
          }),
          { minLength: 1, maxLength: 7 },
        ),
        (terms, steps) => {
          const c = contract({ ...terms, principal: BigInt(terms.principal) });
          const book = new MemoryLoanBook();
          book.open(c);
          let today = START;
          let applied = 0;
          steps.forEach((step, index) => {
            today = addDays(today, step.gap);
            book.dayEnd(today);
            if (step.pay !== undefined) {
              // Sometimes back-dated: the books restate through any hardship change after its date.
              const date = addDays(today, -Math.min(step.backDate, step.gap - 1));
              book.receive('ln_1', {
                kind: 'repayment',
                effectiveDate: date,
                amount: fen(step.pay),
                intent: 'scheduled',
              });
            }
            if (step.ask) {
              const loan = { contract: c, state: book.state('ln_1'), events: book.events('ln_1'), today };
              let plan;
              try {
                plan = planHardship(loan, askOf(step.ask, loan.state), ANY_RULES, CAP_24, `hsr_${index}`);
              } catch (error) {
                if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
              }
              if (plan) {
                book.receive('ln_1', {
                  kind: 'hardship',
                  effectiveDate: today,
                  requestId: `hsr_${index}`,
                  change: plan.change,
                });
                expect(book.state('ln_1').counters).toEqual(plan.stateAfter.counters);
                applied += 1;
              }
            }
            expect(book.violations()).toEqual([]);
          });
          const end = addDays(today, 400);
          book.dayEnd(end);
          const state = book.state('ln_1');
          const replayed = replay(c, book.events('ln_1'), end);
          const actual = advance(c, state, end).state;
          expect(actual.counters).toEqual(replayed.counters);
          expect(actual.instalments).toEqual(replayed.instalments);
          expect(actual.status).toBe(replayed.status);
          expect(penaltyWithinCap(c, actual)).toBe(true);
          const k = actual.counters;
          const owed = outstandingOf(actual);
          // What was owed = paid + waived + written off + outstanding, per component.
          expect(k.disbursed).toBe(k.principalRepaid + k.principalWrittenOff + owed.principal);
          expect(k.interestAccrued).toBe(
            k.interestRepaid + k.interestWaived + k.interestWrittenOff + owed.interest,
          );
          expect(k.penaltyAccrued).toBe(
            k.penaltyRepaid + k.penaltyWaived + k.penaltyWrittenOff + owed.penalty,
          );
          if (actual.status === 'active') {
            // The schedule accounts for every fen owed: billed, carried, accruing, not yet billed.
            const billed = actual.instalments.reduce((sum, i) => sum + (i.interest - i.interestPaid), 0n);
            expect(billed + actual.carriedInterest + actual.periodPosted - actual.periodPaid).toBe(
              owed.interest,
            );
            const penalty = actual.instalments.reduce((sum, i) => sum + (i.penalty - i.penaltyPaid), 0n);
            expect(penalty + actual.carriedPenalty).toBe(owed.penalty);
          }
          expect(instalmentViews(c, actual, end).every((view) => view.owed >= 0n)).toBe(true);
          tools.push(applied);
        },
      ),
      { numRuns: 60 },
    );
    // The runs do apply tools (not only refuse them).
    expect(tools.reduce((a, b) => a + b, 0)).toBeGreaterThan(30);
  });
});
