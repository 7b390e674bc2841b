import { availableCredit, checkDraw, type Facility } from '../../src/lending/facilities/facility.ts';
import {
  contractFor,
  DEFAULT_LOAN_PRODUCT,
  type LoanContract,
} from '../../src/lending/loans/loan-contract.ts';
import type { LoanCounters, LoanState, RepaymentIntent } from '../../src/lending/loans/loan-state.ts';
import { MemoryLoanBook } from '../../src/lending/loans/memory-loan-book.ts';
import {
  generateSchedule,
  REPAYMENT_METHODS,
  type RepaymentMethod,
} from '../../src/lending/loans/schedule.ts';
import { bucketOf, daysPastDue, payoffQuote } from '../../src/lending/loans/servicing.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { seededUniform } from '../../src/scoring/synthetic-data.ts';
import { addDays, type LocalDate } from '../../src/platform/time/local-date.ts';

/**
 * A seeded simulation of a lender's book: customers draw cash loans within their limits, most pay on time,
 * some pay late (a third of those payments reach the lender days after their value date, so the books are
 * restated), some pay off early, some stop paying and are written off — over 400 days from 2027-11-15,
 * through every month end and 29 February 2028. Every invariant is checked after every simulated day.
 *
 * The targets: the pure servicing core in memory (`MemoryTarget`, over `MemoryLoanBook`) here, the real
 * services on a database in test/lending/simulation-database-matches-memory.test.ts, whose small
 * population's final books must equal the in-memory run of the same customers fen for fen. The
 * 1,000-customer in-memory run is bench/loan-simulation.bench.ts. No vitest here, so the bench can use it.
 */

export const START = '2027-11-15' as LocalDate;
export const DAYS = 400;
export const PRODUCT = { ...DEFAULT_LOAN_PRODUCT, basis: 'daily' as const };

export const THE_1000_RUN = { customers: 1000, populationSeed: 20271115, behaviourSeed: 99 };

/**
 * Everything the 1,000-customer run (`population(1000, THE_1000_RUN.populationSeed)`, behaviour seed
 * `THE_1000_RUN.behaviourSeed`) exercised, as `MemoryTarget.coverage()` names it. The bench checks its run
 * still covers exactly this; the test checks its small population covers all of it.
 */
export const COVERED_BY_THE_1000_RUN = [
  'account:customer_overpayment',
  'account:funding',
  'account:interest_income',
  'account:interest_receivable',
  'account:penalty_income',
  'account:penalty_receivable',
  'account:principal_receivable',
  'account:write_off_expense',
  'bucket:M0',
  'bucket:M1',
  'bucket:M2',
  'bucket:M3+',
  'draw refused:delinquent',
  'draw refused:limit',
  'due 2028-02-29',
  'event:repayment:prepayment',
  'event:repayment:scheduled',
  'journal:day-end',
  'journal:drawdown',
  'journal:repayment',
  'journal:restatement',
  'method:equal-installment',
  'method:equal-principal',
  'method:interest-first',
  'penalty charged',
  'status:active',
  'status:closed',
  'status:written_off',
  'term:12',
  'term:3',
  'term:6',
];

export type Behaviour = 'on-time' | 'early' | 'late' | 'stops';

export interface Customer {
  readonly index: number;
  readonly limit: bigint;
  readonly apr: string;
  readonly behaviour: Behaviour;
  loan?: {
    id: string;
    /** The days this customer pays, with the period paid. */
    payDays: Map<LocalDate, number>;
    firstDue: LocalDate;
    payments: readonly bigint[];
    payoffOn: LocalDate | null;
    stopAfter: number;
  };
  loansTaken: number;
}

/** What the simulation needs from a book: the in-memory core or the services on a database. */
export interface Target {
  draw(
    customer: Customer,
    amount: bigint,
    term: number,
    method: RepaymentMethod,
    today: LocalDate,
  ): Promise<{ id: string; contract: LoanContract } | undefined>;
  pay(loanId: string, amount: bigint, intent: RepaymentIntent, effectiveDate: LocalDate): Promise<void>;
  quote(loanId: string, date: LocalDate): Promise<bigint>;
  status(loanId: string): Promise<LoanState['status']>;
  nightly(through: LocalDate): Promise<void>;
  violations(today: LocalDate): Promise<string[]>;
  finalCounters(): Promise<LoanCounters[][]>;
}

export class MemoryTarget implements Target {
  readonly book = new MemoryLoanBook();
  readonly facilities = new Map<number, Facility>();
  readonly loansOf = new Map<number, string[]>();
  /** The delinquency buckets loans were seen in (checked every day). */
  readonly bucketsSeen = new Set<string>();
  /** How often a draw was refused, by reason. */
  readonly refused = new Set<'limit' | 'delinquent'>();
  private loanCount = 0;

  constructor(customers: readonly Customer[]) {
    for (const c of customers) {
      this.facilities.set(c.index, {
        id: `fac_${c.index}`,
        customerId: `cus_${c.index}`,
        product: 'cash-loan',
        status: 'active',
        limit: c.limit as Money,
        used: 0n as Money,
        apr: parseRate(c.apr),
        decisionId: `dec_${c.index}`,
        statusReason: null,
        version: 1,
        openedAt: new Date(0),
        updatedAt: new Date(0),
      });
      this.loansOf.set(c.index, []);
    }
  }

  private release(customerIndex: number, before: bigint, after: bigint): void {
    const facility = this.facilities.get(customerIndex) as Facility;
    this.facilities.set(customerIndex, { ...facility, used: (facility.used - (after - before)) as Money });
  }

  async draw(customer: Customer, amount: bigint, term: number, method: RepaymentMethod, today: LocalDate) {
    const facility = this.facilities.get(customer.index) as Facility;
    if (checkDraw(facility, amount as Money)) {
      this.refused.add('limit');
      return undefined;
    }
    const delinquent = (this.loansOf.get(customer.index) ?? []).some((id) => {
      const state = this.book.state(id);
      return (
        state.status === 'written_off' ||
        (state.status === 'active' && daysPastDue(state, state.processedThrough) > 0)
      );
    });
    if (delinquent) {
      this.refused.add('delinquent');
      return undefined;
    }
    this.loanCount += 1;
    const contract = contractFor(PRODUCT, {
      loanId: `ln_${this.loanCount}`,
      customerId: facility.customerId,
      facilityId: facility.id,
      principal: amount as Money,
      apr: facility.apr,
      term,
      method,
      startDate: today,
    });
    this.book.open(contract);
    this.facilities.set(customer.index, { ...facility, used: (facility.used + amount) as Money });
    this.loansOf.get(customer.index)?.push(contract.loanId);
    return { id: contract.loanId, contract };
  }

  private customerOf(loanId: string): number {
    return Number(this.book.loans.get(loanId)?.contract.customerId.slice(4));
  }

  async pay(loanId: string, amount: bigint, intent: RepaymentIntent, effectiveDate: LocalDate) {
    const before = this.book.state(loanId).counters.principalRepaid;
    this.book.receive(loanId, { kind: 'repayment', effectiveDate, amount: amount as Money, intent });
    this.release(this.customerOf(loanId), before, this.book.state(loanId).counters.principalRepaid);
  }

  async quote(loanId: string, date: LocalDate) {
    const loan = this.book.loans.get(loanId);
    if (!loan) throw new Error(loanId);
    return payoffQuote(loan.contract, loan.state, date).total;
  }

  async status(loanId: string) {
    return this.book.state(loanId).status;
  }

  async nightly(through: LocalDate) {
    const before = new Map(
      [...this.book.loans].map(([id, loan]) => [id, loan.state.counters.principalRepaid]),
    );
    this.book.dayEnd(through);
    for (const [id, loan] of this.book.loans) {
      const previous = before.get(id) ?? 0n;
      if (loan.state.counters.principalRepaid !== previous)
        this.release(this.customerOf(id), previous, loan.state.counters.principalRepaid);
    }
  }

  async violations(today: LocalDate) {
    const found = this.book.violations();
    for (const [index, facility] of this.facilities) {
      let used = 0n;
      for (const id of this.loansOf.get(index) ?? []) {
        const state = this.book.state(id);
        used += state.counters.disbursed - state.counters.principalRepaid;
        if (state.status === 'active' && state.processedThrough < addDays(today, -1))
          found.push(`${id} missed a day-end`);
        const dpd = daysPastDue(state, state.processedThrough);
        if (state.status === 'active') this.bucketsSeen.add(bucketOf(dpd, PRODUCT.bucketBounds));
        if (
          bucketOf(dpd, PRODUCT.bucketBounds) !==
          (dpd === 0 ? 'M0' : dpd <= 30 ? 'M1' : dpd <= 60 ? 'M2' : 'M3+')
        )
          found.push(`${id} bucket`);
      }
      if (facility.used !== used)
        found.push(`customer ${index}: used ${facility.used} ≠ outstanding ${used}`);
      if (facility.used > facility.limit) found.push(`customer ${index} over limit`);
      if (availableCredit(facility) < 0n) found.push(`customer ${index} available < 0`);
    }
    return found;
  }

  /**
   * What the run exercised, as a set of names: the journal kinds booked (`journal:day-end`,
   * `journal:restatement`, …) and reversals, the accounts posted to, the events received by kind and
   * intent, the final statuses, the buckets loans passed through, the methods and terms drawn, the refusals,
   * penalties charged and instalments due on 29 February 2028. The test asserts its small population covers
   * everything the 1,000-customer run does, so the cheap run cannot silently prove less.
   */
  coverage(): Set<string> {
    const seen = new Set<string>();
    for (const journal of this.book.ledger.journals) {
      seen.add(`journal:${journal.kind}`);
      if (journal.reversesJournalId) seen.add(`journal:${journal.kind}:reversal`);
      for (const line of journal.lines) seen.add(`account:${line.kind}`);
    }
    for (const { contract, state, events } of this.book.loans.values()) {
      seen.add(`status:${state.status}`);
      seen.add(`method:${contract.method}`);
      seen.add(`term:${contract.term}`);
      for (const event of events)
        seen.add(event.kind === 'repayment' ? `event:repayment:${event.intent}` : `event:${event.kind}`);
      if (state.instalments.some((i) => i.penalty > 0n)) seen.add('penalty charged');
      if (state.instalments.some((i) => i.dueDate === '2028-02-29')) seen.add('due 2028-02-29');
    }
    for (const bucket of this.bucketsSeen) seen.add(`bucket:${bucket}`);
    for (const reason of this.refused) seen.add(`draw refused:${reason}`);
    return seen;
  }

  async finalCounters() {
    return [...this.loansOf.values()].map((ids) => ids.map((id) => this.book.state(id).counters));
  }
}

export function population(count: number, seed: number): Customer[] {
  const random = seededUniform(seed);
  return Array.from({ length: count }, (_, index) => {
    const r = random();
    const behaviour: Behaviour = r < 0.68 ? 'on-time' : r < 0.8 ? 'early' : r < 0.93 ? 'late' : 'stops';
    return {
      index,
      limit: BigInt(Math.round(2_000 + random() * 48_000)) * 100n,
      apr: ['0.1095', '0.18', '0.1825', '0.24'][Math.floor(random() * 4)] as string,
      behaviour,
      loansTaken: 0,
    };
  });
}

/** Runs the behaviour model against a target, checking every invariant after every day. */
export async function simulate(
  target: Target,
  customers: Customer[],
  seed: number,
): Promise<{ checks: number; loans: number; backDated: number }> {
  const random = seededUniform(seed);
  const arrivals = new Map<LocalDate, { loanId: string; amount: bigint; effectiveDate: LocalDate }[]>();
  let checks = 0;
  let loans = 0;
  let backDated = 0;
  for (let day = 0; day < DAYS; day += 1) {
    const today = addDays(START, day);
    await target.nightly(addDays(today, -1));
    for (const late of arrivals.get(today) ?? []) {
      await target.pay(late.loanId, late.amount, 'scheduled', late.effectiveDate);
      backDated += 1;
    }
    arrivals.delete(today);
    for (const customer of customers) {
      const loan = customer.loan;
      if (loan) {
        const period = loan.payDays.get(today);
        // Look at the loan on the days something happens to it, and weekly once it has fallen due.
        const look =
          loan.payoffOn === today || period !== undefined || (loan.firstDue <= today && day % 7 === 0);
        const status = look ? await target.status(loan.id) : 'active';
        if (status !== 'active') {
          customer.loan = undefined;
          continue;
        }
        if (loan.payoffOn === today) {
          const total = await target.quote(loan.id, today);
          if (total > 0n) await target.pay(loan.id, total, 'prepayment', today);
          continue;
        }
        if (period !== undefined && period < loan.stopAfter) {
          const amount = (loan.payments[period] ?? 0n) + (customer.behaviour === 'late' ? 2_000n : 0n);
          if (customer.behaviour === 'late' && random() < 0.35) {
            const arrives = addDays(today, 1 + Math.floor(random() * 9));
            arrivals.set(arrives, [
              ...(arrivals.get(arrives) ?? []),
              { loanId: loan.id, amount, effectiveDate: today },
            ]);
          } else {
            await target.pay(loan.id, amount, 'scheduled', today);
          }
        }
      } else if (random() < 0.02) {
        const amount =
          BigInt(Math.max(100, Math.floor((Number(customer.limit) / 100) * (0.2 + random() * 0.7)))) * 100n;
        const term = PRODUCT.terms[Math.floor(random() * 3)] as number;
        const method = REPAYMENT_METHODS[Math.floor(random() * 3)] as RepaymentMethod;
        const drawn = await target.draw(customer, amount, term, method, today);
        if (drawn) {
          loans += 1;
          customer.loansTaken += 1;
          const c = drawn.contract;
          const schedule = generateSchedule({
            principal: c.principal,
            apr: c.apr,
            term: c.term,
            method: c.method,
            basis: c.basis,
            startDate: c.startDate,
          });
          const lag = customer.behaviour === 'late' ? 1 + (customer.index % 25) : 0;
          customer.loan = {
            id: drawn.id,
            payDays: new Map(c.dueDates.map((due, period) => [addDays(due, lag), period])),
            firstDue: c.dueDates[0] as LocalDate,
            payments: schedule.lines.map((line) => line.payment),
            payoffOn: customer.behaviour === 'early' ? addDays(today, 5 + Math.floor(random() * 80)) : null,
            stopAfter: customer.behaviour === 'stops' ? Math.floor(random() * 3) : Number.MAX_SAFE_INTEGER,
          };
        }
      }
    }
    const violations = await target.violations(today);
    if (violations.length > 0) throw new Error(`day ${today}: ${violations.slice(0, 5).join('; ')}`);
    checks += 1;
  }
  return { checks, loans, backDated };
}
