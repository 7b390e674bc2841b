import { addDays } from '../src/platform/time/local-date.ts';
import {
  COVERED_BY_THE_1000_RUN,
  DAYS,
  MemoryTarget,
  population,
  simulate,
  START,
  THE_1000_RUN,
} from '../test/lending/loan-simulation.ts';
import type { BenchSuite, Measurement } from './harness.ts';

/**
 * The seeded lending simulation (test/lending/loan-simulation.ts) at 1,000 customers over 400 days on the
 * pure servicing core in memory — the run that used to be a test. Every day it checks every invariant
 * (Σ debits = Σ credits, cached balances = Σ postings, each loan's accounts = what its state implies, no
 * negative receivable, no instalment overpaid, each customer's used limit = outstanding principal and
 * within the limit, no loan missing a day-end, buckets as their days past due say); at the end it checks
 * the books once more and that the run exercised exactly what test/lending/simulation-database-matches-
 * memory.test.ts relies on its small population to cover. Any failure throws, so no figure is reported
 * for a run that broke an invariant. No peer fits (no other lending core runs this model), so it reports
 * throughput.
 */
const suite: BenchSuite = {
  name: 'loan simulation',
  description: `${THE_1000_RUN.customers} customers × ${DAYS} days on the in-memory servicing core, every invariant checked every day`,
  async run(log) {
    const customers = population(THE_1000_RUN.customers, THE_1000_RUN.populationSeed);
    const target = new MemoryTarget(customers);
    const started = performance.now();
    const result = await simulate(target, customers, THE_1000_RUN.behaviourSeed);
    const seconds = (performance.now() - started) / 1000;
    const finalViolations = await target.violations(addDays(START, DAYS - 1));
    if (result.checks !== DAYS || finalViolations.length > 0)
      throw new Error(`invariants: ${result.checks} days checked; ${finalViolations.slice(0, 5).join('; ')}`);
    const totals = target.book.ledger.totals();
    if (totals.debits !== totals.credits)
      throw new Error(`debits ${totals.debits} ≠ credits ${totals.credits}`);
    const coverage = [...target.coverage()].sort();
    const expected = [...COVERED_BY_THE_1000_RUN].sort();
    if (JSON.stringify(coverage) !== JSON.stringify(expected))
      throw new Error(
        `the 1,000-customer run now covers ${coverage.join(', ')}; update COVERED_BY_THE_1000_RUN and re-check the test's small population`,
      );
    const states = [...target.book.loans.values()].map((loan) => loan.state);
    const closed = states.filter((s) => s.status === 'closed').length;
    const writtenOff = states.filter((s) => s.status === 'written_off').length;
    const journals = target.book.ledger.journals.length;
    log(
      `${result.loans} loans (${closed} closed, ${writtenOff} written off), ${result.backDated} back-dated repayments, ${journals} journals; books reconcile (Σ debits = Σ credits = ${totals.debits} fen); ${coverage.length} coverage items as expected`,
    );
    const invariants = `all invariants held on all ${result.checks} days; ${coverage.length} coverage items`;
    const measurements: Measurement[] = [
      {
        metric: 'simulation wall time, 1,000 customers × 400 days',
        unit: 's',
        ours: seconds,
        higherIsBetter: false,
        note: invariants,
      },
      {
        metric: 'simulated customer-days per second (invariants checked daily)',
        unit: 'customer-days/s',
        ours: (THE_1000_RUN.customers * DAYS) / seconds,
        higherIsBetter: true,
        note: `${journals} journals posted`,
      },
    ];
    return measurements;
  },
};

export default suite;
