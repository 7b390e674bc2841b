import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { loanBalances } from '../../src/lending/loans/loan-books.ts';
import { decodeState } from '../../src/lending/loans/loan-codec.ts';
import type { LoanCounters, LoanState, RepaymentIntent } from '../../src/lending/loans/loan-state.ts';
import type { RepaymentMethod } from '../../src/lending/loans/schedule.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { addDays, startOfBusinessDate, type LocalDate } from '../../src/platform/time/local-date.ts';
import { pgliteStore } from '../support/stores.ts';
import {
  COVERED_BY_THE_1000_RUN,
  DAYS,
  MemoryTarget,
  population,
  PRODUCT,
  simulate,
  START,
  type Customer,
  type Target,
} from './loan-simulation.ts';
import { lendingWorld, type LendingWorld } from './support.ts';

/**
 * The seeded lending simulation (./loan-simulation.ts) on a small population, twice: through the real
 * services on the database and on the pure core in memory, every invariant checked after every one of
 * the 400 days, and the two final books equal fen for fen. The 1,000-customer in-memory run is a
 * benchmark now (bench/loan-simulation.bench.ts, `npm run bench`); this population is chosen so it
 * exercises everything that run does — the coverage is asserted below, so it cannot silently shrink.
 */

/** The smallest population found (20 customers, seed 1; behaviour seed 5) that covers all of it. */
const SMALL = { customers: 20, populationSeed: 1, behaviourSeed: 5 };

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

describe('seeded simulation over 400 days, month ends and 29 February 2028', () => {
  it('a small population on the database through the real services: every invariant every day, books equal to the in-memory run fen for fen, covering everything the 1,000-customer run does', async () => {
    const twins = population(SMALL.customers, SMALL.populationSeed);
    const inMemory = new MemoryTarget(twins);
    const memoryRun = await simulate(inMemory, twins, SMALL.behaviourSeed);
    // What the 1,000-customer test asserted, on the small population.
    expect(memoryRun.checks).toBe(DAYS);
    expect(memoryRun.backDated).toBeGreaterThan(0);
    const states = [...inMemory.book.loans.values()].map((loan) => loan.state);
    expect(states.filter((s) => s.status === 'written_off').length).toBeGreaterThan(0);
    expect(states.filter((s) => s.status === 'closed').length).toBeGreaterThan(0);
    expect(states.some((s) => s.instalments.some((i) => i.dueDate === '2028-02-29'))).toBe(true);
    expect(states.some((s) => s.instalments.some((i) => i.penalty > 0n))).toBe(true);
    expect([...inMemory.coverage()].sort()).toEqual(expect.arrayContaining(COVERED_BY_THE_1000_RUN));

    const world = await lendingWorld(pgliteStore, { start: START, product: PRODUCT });
    const onDatabase = new DatabaseTarget(world);
    const customers = population(SMALL.customers, SMALL.populationSeed);
    await onDatabase.init(customers);
    const databaseRun = await simulate(onDatabase, customers, SMALL.behaviourSeed);
    expect(databaseRun).toEqual(memoryRun);
    expect(await onDatabase.finalCounters()).toEqual(await inMemory.finalCounters());
  }, 240_000);
});
