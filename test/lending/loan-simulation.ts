import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { availableCredit, checkDraw, type Facility } from '../../src/lending/facilities/facility.ts';
import { loanBalances } from '../../src/lending/loans/loan-books.ts';
import { decodeState } from '../../src/lending/loans/loan-codec.ts';
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
import { addDays, startOfBusinessDate, type LocalDate } from '../../src/platform/time/local-date.ts';
import { pgliteStore } from '../support/stores.ts';
import { lendingWorld, type LendingWorld } from './support.ts';

/**
 * A seeded simulation of a lender's book: customers draw cash loans within their limits, most pay on time,
 * some pay late (a third of those payments reach the lender days after their value date, so the books are
 * restated), some pay off early, some stop paying and are written off — over 400 days from 2027-11-15,
 * through every month end and 29 February 2028. Every invariant is checked after every simulated day.
 *
 * The 1,000-customer run drives the pure servicing core in memory (`MemoryLoanBook`); a 20-customer run
 * drives the real services on the database with the same behaviour, and its final books must equal the
 * in-memory run of the same 20 customers fen for fen.
 */

const START = '2027-11-15' as LocalDate;
const DAYS = 400;
const PRODUCT = { ...DEFAULT_LOAN_PRODUCT, basis: 'daily' as const };

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Behaviour = 'on-time' | 'early' | 'late' | 'stops';

interface Customer {
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
interface Target {
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

class MemoryTarget implements Target {
  readonly book = new MemoryLoanBook();
  readonly facilities = new Map<number, Facility>();
  readonly loansOf = new Map<number, string[]>();
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
    if (checkDraw(facility, amount as Money)) return undefined;
    const delinquent = (this.loansOf.get(customer.index) ?? []).some((id) => {
      const state = this.book.state(id);
      return (
        state.status === 'written_off' ||
        (state.status === 'active' && daysPastDue(state, state.processedThrough) > 0)
      );
    });
    if (delinquent) return undefined;
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

  async finalCounters() {
    return [...this.loansOf.values()].map((ids) => ids.map((id) => this.book.state(id).counters));
  }
}

class DatabaseTarget implements Target {
  readonly customerIds: string[] = [];
  readonly loansOf = new Map<number, string[]>();

  constructor(readonly world: LendingWorld) {}

  async init(customers: readonly Customer[]) {
    for (const c of customers) {
      this.customerIds.push(await this.world.customerWithLimit(c.limit, c.apr));
      this.loansOf.set(c.index, []);
    }
  }

  async draw(customer: Customer, amount: bigint, term: number, method: RepaymentMethod, today: LocalDate) {
    this.world.today(today);
    const result = await this.world.loans.drawdown({
      customerId: this.customerIds[customer.index] as string,
      amount: amount as Money,
      term,
      method,
      idempotencyKey: `draw-${customer.index}-${customer.loansTaken}`,
    });
    if (result.outcome !== 'drawn') return undefined;
    this.loansOf.get(customer.index)?.push(result.receipt.loanId);
    return { id: result.receipt.loanId, contract: result.receipt.contract };
  }

  async pay(loanId: string, amount: bigint, intent: RepaymentIntent, effectiveDate: LocalDate) {
    await this.world.loans.repay({
      loanId,
      amount: amount as Money,
      intent,
      effectiveDate,
      idempotencyKey: `${loanId}-${effectiveDate}-${amount}-${intent}`,
    });
  }

  async quote(loanId: string, date: LocalDate) {
    return (await this.world.loans.payoffQuote(loanId, date)).total;
  }

  async status(loanId: string) {
    return (await this.world.loans.getLoan(loanId)).status;
  }

  async nightly(through: LocalDate) {
    this.world.today(addDays(through, 1));
    await this.world.dayEnd.run({ through });
  }

  async violations(today: LocalDate) {
    const found: string[] = [];
    // The day's postings re-derived every day; the whole ledger every other month and on the last day.
    const full = today.endsWith('-01') && Number(today.slice(5, 7)) % 2 === 0;
    const last = today === addDays(START, DAYS - 1);
    const verification = await verifyLedger(
      this.world.db,
      full || last ? {} : { postedSince: startOfBusinessDate(addDays(today, -1)) },
    );
    if (!verification.ok)
      found.push(
        `ledger: ${JSON.stringify(verification, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`,
      );
    const rows = await this.world.db.query<{
      customer_id: string;
      id: string;
      state: unknown;
      processed_through: string;
      status: string;
      kind: string | null;
      balance: bigint | null;
    }>(
      `select l.customer_id, l.id, l.state, l.processed_through::text as processed_through, l.status, a.kind, a.balance
         from loans l left join ledger_accounts a on a.customer_id = l.customer_id and a.contract_id = l.id`,
    );
    const states = new Map<string, LoanState>();
    const books = new Map<string, Map<string, bigint>>();
    for (const row of rows.rows) {
      if (!states.has(row.id)) states.set(row.id, decodeState(row.state));
      if (row.status === 'active' && row.processed_through < addDays(today, -1))
        found.push(`${row.id} missed a day-end`);
      const accounts = books.get(row.id) ?? new Map<string, bigint>();
      if (row.kind) accounts.set(row.kind, row.balance ?? 0n);
      books.set(row.id, accounts);
    }
    const usedByCustomer = new Map<string, bigint>();
    for (const [id, state] of states) {
      const expected = loanBalances(state.counters);
      for (const [kind, value] of Object.entries(expected)) {
        if ((books.get(id)?.get(kind) ?? 0n) !== value) found.push(`${id} ${kind}`);
      }
      const customer = rows.rows.find((row) => row.id === id)?.customer_id ?? '';
      usedByCustomer.set(
        customer,
        (usedByCustomer.get(customer) ?? 0n) + state.counters.disbursed - state.counters.principalRepaid,
      );
    }
    const facilities = await this.world.db.query<{
      customer_id: string;
      limit_amount: bigint;
      used_amount: bigint;
    }>('select customer_id, limit_amount, used_amount from credit_facilities');
    for (const row of facilities.rows) {
      if (row.used_amount !== (usedByCustomer.get(row.customer_id) ?? 0n))
        found.push(`${row.customer_id} used`);
      if (row.used_amount > row.limit_amount) found.push(`${row.customer_id} over limit`);
    }
    return found;
  }

  async finalCounters() {
    const out: LoanCounters[][] = [];
    for (const ids of this.loansOf.values()) {
      const counters: LoanCounters[] = [];
      for (const id of ids) {
        const where = await this.world.db.query<{ state: unknown }>('select state from loans where id = $1', [
          id,
        ]);
        counters.push(decodeState(where.rows[0]?.state).counters);
      }
      out.push(counters);
    }
    return out;
  }
}

function population(count: number, seed: number): Customer[] {
  const random = mulberry32(seed);
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
async function simulate(
  target: Target,
  customers: Customer[],
  seed: number,
): Promise<{ checks: number; loans: number; backDated: number; writtenOff: number }> {
  const random = mulberry32(seed);
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
  return { checks, loans, backDated, writtenOff: 0 };
}

describe('seeded simulation over 400 days, month ends and 29 February 2028', () => {
  it('1,000 customers on the pure core in memory: every invariant holds every day', async () => {
    const customers = population(1000, 20271115);
    const target = new MemoryTarget(customers);
    const result = await simulate(target, customers, 99);
    expect(result.checks).toBe(400);
    expect(result.loans).toBeGreaterThan(1000);
    expect(result.backDated).toBeGreaterThan(50);
    const states = [...target.book.loans.values()].map((loan) => loan.state);
    expect(states.filter((s) => s.status === 'written_off').length).toBeGreaterThan(10);
    expect(states.filter((s) => s.status === 'closed').length).toBeGreaterThan(500);
    expect(states.some((s) => s.instalments.some((i) => i.dueDate === '2028-02-29'))).toBe(true);
    expect(states.some((s) => s.instalments.some((i) => i.penalty > 0n))).toBe(true);
  });

  it('20 customers on the database through the real services: every invariant every day, books equal to the in-memory run', async () => {
    const world = await lendingWorld(pgliteStore, { start: START, product: PRODUCT });
    const onDatabase = new DatabaseTarget(world);
    const customers = population(20, 7);
    await onDatabase.init(customers);
    const result = await simulate(onDatabase, customers, 5);
    expect(result.checks).toBe(400);
    const twins = population(20, 7);
    const inMemory = new MemoryTarget(twins);
    await simulate(inMemory, twins, 5);
    expect(await onDatabase.finalCounters()).toEqual(await inMemory.finalCounters());
  }, 120_000);
});
