import { mkdirSync, writeFileSync } from 'node:fs';
import { ZenEngine } from '@gorules/zen-engine';
import { createApp } from '../src/app.ts';
import { insertCustomers } from '../src/customers/customers.pg.ts';
import { generatePopulation, populationFeatureTable } from '../src/demo/index.ts';
import { syntheticCustomerRecord } from '../src/demo/population/population-store.ts';
import type { DecisionRecord } from '../src/decisions/decision.ts';
import { termsJson, type DecisionFacts } from '../src/decisions/decision-facts.ts';
import { insertDecision } from '../src/decisions/decisions.pg.ts';
import { evaluateDecision, type EvaluatedDecision } from '../src/decisions/evaluate-decision.ts';
import { systemUnavailableReason } from '../src/decisions/principal-reasons.ts';
import { createPiiVault } from '../src/identity/pii-vault.ts';
import { contractFor, DEFAULT_LOAN_PRODUCT } from '../src/lending/loans/loan-contract.ts';
import type { LoanEvent } from '../src/lending/loans/loan-state.ts';
import { insertLoans, saveLoanStates } from '../src/lending/loans/loans.pg.ts';
import { generateSchedule } from '../src/lending/loans/schedule.ts';
import { replay } from '../src/lending/loans/servicing.ts';
import {
  createSimulation,
  renderMonitoringReport,
  renderSimulationReport,
  type SimulationRecord,
} from '../src/monitoring/index.ts';
import { testPiiConfig } from '../src/platform/config/config.ts';
import type { Database } from '../src/platform/database/database.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { openPglite } from '../src/platform/database/pglite.ts';
import { openPostgres } from '../src/platform/database/postgres.ts';
import { createIdGenerator, seededRandomBytes } from '../src/platform/ids/ids.ts';
import { createMemoryLogger } from '../src/platform/logging/logger.ts';
import { fen, type Money } from '../src/platform/money/money.ts';
import { ManualClock } from '../src/platform/time/clock.ts';
import {
  addDays,
  addMonths,
  businessDateOf,
  parseLocalDate,
  startOfBusinessDate,
  type LocalDate,
} from '../src/platform/time/local-date.ts';
import { bucketOf, compilePolicy, type CompiledPolicy, type ZenObject } from '../src/policy/index.ts';
import { policyChecksum } from '../src/policy/policy-service.ts';
import { installDefaultPolicies } from '../src/policy/policy-files.node.ts';
import { contextFor, scorer } from '../test/decisions/applicants.ts';
import { defaultPolicyGraph, tightenedPolicy } from '../test/monitoring/policies.ts';
import type { BenchSuite, Measurement } from './harness.ts';

/**
 * Policy simulation over a book of recorded decisions, and the monitoring reports on it.
 *
 * The book: 26 weeks of cash-loan and credit-line applications to 2026-11-22 on an in-memory PGlite —
 * feature rows of a synthetic population the demo model was not trained on (another seed), over the
 * last eight weeks a growing share of them (6% more each week) borrowing more than the training
 * population did (utilisation +20 points, two more recent applications) — decided by the demo scorecard and the default policy (champion, 80% of
 * customers) or a challenger with cut-offs 20 points lower (20%); an outage afternoon; appeal re-checks
 * and reviewers' overrides; and a cash loan on each customer's first approved cash-loan application,
 * repaid, or abandoned with a chance of twice the recorded PD, serviced to the last day by the
 * lending context's own core.
 *
 * Measured: `services.monitoring.simulate` of a tightened candidate over the whole book (records read from
 * the database, evaluated, aggregated), against @gorules/zen-engine evaluating the same candidate on the
 * same stored policy documents in memory (the policy alone: no database, no aggregation); and the data of
 * the 8-week monitoring report. The two HTML pages go to bench/out/.
 */
const DECISIONS = 20_000;
const CUSTOMERS = 4_000;
const WEEKS = 26;
/**
 * Over the last eight weeks a growing share of applicants borrows more than the training population did:
 * 6% more each week (stable, then monitor, then unstable in the 8-week report).
 */
const DRIFT_PER_WEEK = 0.06;
const DRIFT_WEEKS = 8;
const END = parseLocalDate('2026-11-22');
const START = addDays(END, -(WEEKS * 7 - 1));

const suite: BenchSuite = {
  name: 'simulate',
  description:
    'policy simulation over 20,000 stored decisions vs zen-engine on the same documents; the monitoring reports',
  async run(log) {
    const clock = new ManualClock(new Date('2026-11-22T12:00:00Z'));
    const ids = createIdGenerator(clock, seededRandomBytes(5));
    // PostgreSQL when DATABASE_URL is set (a fresh schema, dropped after), else PGlite in memory.
    const url = process.env.DATABASE_URL;
    const schema = `bench_simulate_${process.pid}`;
    const db = url ? await openPostgres({ connectionString: url, schema, max: 4 }) : await openPglite({});
    const store = url ? 'PostgreSQL' : 'PGlite';
    await migrate(db);
    const app = await createApp({
      config: {
        port: 0,
        host: '127.0.0.1',
        dataDir: '/nonexistent-credence-bench-dir',
        databaseUrl: undefined,
        logLevel: 'warn',
        bodyLimit: 1_048_576,
        pii: testPiiConfig(),
      },
      db,
      clock,
      ids,
      logger: createMemoryLogger('warn').logger,
      migrate: false,
    });
    try {
      await installDefaultPolicies(app.services.policies);
      await app.services.models.register(scorer.card);
      await app.services.models.activate(scorer.card.version);

      // Customers (the decisions' foreign key): synthetic identities, PII sealed as the service does.
      const vault = createPiiVault(testPiiConfig());
      const population = generatePopulation({ customers: CUSTOMERS, months: 1, seed: 3, end: START });
      const customerIds = population.customers.map((customer) => customer.customerId);
      for (let i = 0; i < population.customers.length; i += 500) {
        await insertCustomers(
          db,
          population.customers
            .slice(i, i + 500)
            .map((customer) => syntheticCustomerRecord(vault, customer).customer),
        );
      }

      const defaultGraph = defaultPolicyGraph();
      const champion = {
        graph: defaultGraph,
        policy: compilePolicy(defaultGraph),
        checksum: policyChecksum(defaultGraph),
      };
      const challengerGraph = tightenedPolicy({
        cutoffRaise: { cash_loan: -20, credit_line: -20 },
        bandRaise: 0,
        multiHeadStricter: 0,
        limitScale: 1,
        priceRaiseBps: 0,
      });
      const challenger = {
        graph: challengerGraph,
        policy: compilePolicy(challengerGraph),
        checksum: policyChecksum(challengerGraph),
      };

      const started = performance.now();
      const book = buildBook(customerIds, champion, challenger);
      for (const day of book.days) {
        await db.transaction(async (tx) => {
          for (const record of day) await insertDecision(tx, record);
        });
      }
      await storeLoans(db, book.records, clock.today());
      log(
        `book: ${book.records.length} decisions (${book.outcomes.approved} approved, ${book.outcomes.declined} declined, ${book.outcomes.referred} referred; ${book.faults} outage referrals, ${book.rechecks} re-checks, ${book.overrides} overrides) and ${book.loans} cash loans, stored in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );

      // The simulation, twice (the first warms the compiled candidate and the database's caches).
      const candidate = tightenedPolicy({
        cutoffRaise: { cash_loan: 20, credit_line: 0 },
        bandRaise: 10,
        multiHeadStricter: 1,
        limitScale: 0.9,
        priceRaiseBps: 50,
      });
      const window = { from: START, to: END };
      await app.services.monitoring.simulate({ ...window, policy: candidate });
      const t0 = performance.now();
      const result = await app.services.monitoring.simulate({ ...window, policy: candidate });
      const seconds = (performance.now() - t0) / 1000;
      const ours = result.recordsRead / seconds;
      const current = await app.services.monitoring.simulate({ ...window, policy: defaultGraph });
      log(
        `candidate: ${result.report.total.swapOuts} swap-outs, ${result.report.total.swapIns} swap-ins; approval ${result.report.total.approvalRateBefore} → ${result.report.total.approvalRateAfter}`,
      );
      log(
        `the default policy on its own records: ${current.report.reproduction.reproduced} of ${current.report.reproduction.records} reproduced exactly`,
      );

      // The policy editor's path (issue 14): the same candidate as a background run with progress
      // (POST /v1/policies/simulations), polled as the editor polls GET …/simulations/:id.
      const e0 = performance.now();
      const editorRun = await app.services.policySimulations.start(
        { graph: candidate, from: START, to: END },
        'bench',
      );
      const readings: Array<{ done: number; total: number }> = [];
      let run = await app.services.policySimulations.get(editorRun.id);
      while (run.status === 'queued' || run.status === 'running') {
        if (run.total > 0 && run.done < run.total) readings.push({ done: run.done, total: run.total });
        await new Promise((resolve) => setTimeout(resolve, 25));
        run = await app.services.policySimulations.get(editorRun.id);
      }
      const editorSeconds = (performance.now() - e0) / 1000;
      const distinct = new Set(readings.map((reading) => reading.done)).size;
      log(
        `editor simulation: ${run.status} in ${editorSeconds.toFixed(2)} s, ${run.done} of ${run.total} records; ${distinct} distinct progress readings before done (${readings
          .slice(0, 6)
          .map((reading) => `${reading.done}/${reading.total}`)
          .join(
            ', ',
          )}${readings.length > 6 ? ', …' : ''}); swap-outs ${run.report?.swapOuts.count} (direct: ${result.report.total.swapOuts})`,
      );

      // The peer: zen-engine evaluating the same candidate on the same stored documents, in memory.
      const documents = book.records
        .filter((record) => record.kind !== 'override' && record.policyDocument !== null)
        .map((record) => JSON.parse(JSON.stringify(record.policyDocument)) as ZenObject);
      const zen = new ZenEngine().createDecision(candidate);
      for (let i = 0; i < 500; i += 1) await zen.evaluate(documents[i % documents.length] as ZenObject);
      const z0 = performance.now();
      for (const document of documents) await zen.evaluate(document);
      const theirs = documents.length / ((performance.now() - z0) / 1000);

      // The pure core alone on the same documents in memory: what zen-engine is compared with.
      const stored = book.records
        .filter((record) => record.kind !== 'override' && record.policyDocument !== null)
        .map((record): SimulationRecord => ({
          id: record.id,
          decisionDate: record.decisionDate,
          productCode: record.productCode,
          arm: record.arm,
          kind: record.kind,
          outcome: record.outcome,
          limit: record.limit,
          apr: record.apr,
          score: record.score ?? 0,
          pd: record.pd,
          policyChecksum: record.policyChecksum,
          policyDocument: JSON.parse(JSON.stringify(record.policyDocument)) as ZenObject,
          legalCap: record.legalCap,
        }));
      const compiled = compilePolicy(candidate);
      const checksum = policyChecksum(candidate);
      const core = (): number => {
        const simulation = createSimulation({ ...window, product: null }, compiled, checksum);
        const c0 = performance.now();
        for (const record of stored) simulation.add(record);
        simulation.report();
        return stored.length / ((performance.now() - c0) / 1000);
      };
      core();
      const coreRate = Math.max(core(), core());

      const t1 = performance.now();
      const data = await app.services.monitoring.report({ from: addDays(END, -55).toString(), to: END });
      const reportSeconds = (performance.now() - t1) / 1000;
      const out = new URL('./out/', import.meta.url);
      mkdirSync(out, { recursive: true });
      writeFileSync(new URL('monitoring-report.html', out), renderMonitoringReport(data));
      writeFileSync(
        new URL('simulation-report.html', out),
        renderSimulationReport(
          result,
          'cut-off +20 (cash), band +10, multi-head from 5, limits ×0.9, prices +0.5%',
        ),
      );
      log(
        `reports: bench/out/monitoring-report.html (${data.alerts.length} alerts), bench/out/simulation-report.html`,
      );

      const measurements: Measurement[] = [
        {
          metric: `policy simulation over ${result.recordsRead.toLocaleString('en')} stored decisions (read, evaluate, aggregate), ${store}`,
          unit: 'records/s',
          ours,
          peer: theirs,
          peerName: '@gorules/zen-engine 0.52.1 (candidate only, documents in memory)',
          higherIsBetter: true,
        },
        {
          metric:
            'policy simulation, the pure core alone on the same documents in memory (evaluate + aggregate)',
          unit: 'records/s',
          ours: coreRate,
          peer: theirs,
          peerName: '@gorules/zen-engine 0.52.1 (candidate only)',
          higherIsBetter: true,
        },
        {
          metric: `policy editor simulation over ${run.total.toLocaleString('en')} decisions, background run with progress (start → done), ${store}`,
          unit: 's',
          ours: editorSeconds,
          peer: seconds,
          peerName: 'monitoring.simulate called directly (no progress, no stored result)',
          higherIsBetter: false,
          note: `${distinct} progress readings before done; ${run.report?.swapOuts.count === result.report.total.swapOuts ? 'same swap set as the direct run' : 'swap set DIFFERS from the direct run'}`,
        },
        {
          metric: 'monitoring report data over 8 weeks (outcomes, drift, alerts, loan performance)',
          unit: 's',
          ours: reportSeconds,
          higherIsBetter: false,
        },
      ];
      return measurements;
    } finally {
      if (url) await db.exec(`drop schema if exists ${schema} cascade`);
      await app.stop();
    }
  },
};

export default suite;

export interface Policy {
  readonly graph: unknown;
  readonly policy: CompiledPolicy;
  readonly checksum: string;
}

export interface Book {
  readonly records: DecisionRecord[];
  readonly days: DecisionRecord[][];
  readonly outcomes: Record<'approved' | 'declined' | 'referred', number>;
  readonly faults: number;
  readonly rechecks: number;
  readonly overrides: number;
  readonly loans: number;
}

/** A seeded uniform draw in [0, 1) for the book's choices (the applicants themselves come from fast-check). */
function uniform(seed: number): () => number {
  const bytes = seededRandomBytes(seed);
  return () => {
    const b = bytes(4);
    return ((b[0] ?? 0) * 2 ** 24 + (b[1] ?? 0) * 2 ** 16 + (b[2] ?? 0) * 2 ** 8 + (b[3] ?? 0)) / 2 ** 32;
  };
}

/** Ids as the platform makes them, at a given instant (the book is written after the fact). */
function idsAt(seed: number): (kind: 'decision' | 'appeal' | 'loan' | 'facility', at: Date) => string {
  const clock = new ManualClock(new Date(0));
  const ids = createIdGenerator(clock, seededRandomBytes(seed));
  return (kind, at) => {
    clock.set(at);
    return ids.next(kind);
  };
}

type Row = Readonly<Record<string, number | string | null>>;

/** Feature rows of a synthetic population (a seed the model was not trained on). */
function applicantRows(): Row[] {
  const population = generatePopulation({ customers: 3_000, months: 24, seed: 99 });
  // As of six months before the history ends, as the demo scorecard's training table is.
  const asOf = startOfBusinessDate(addMonths(businessDateOf(population.end), -6));
  const table = populationFeatureTable(population, { asOf });
  return table.customerIds.map((_, index) => {
    const features: Record<string, number | string | null> = {};
    for (const [name, column] of Object.entries(table.numeric)) {
      const value = column[index];
      features[name] = value === undefined || Number.isNaN(value) ? null : value;
    }
    for (const [name, column] of Object.entries(table.categorical)) features[name] = column[index] ?? null;
    return features;
  });
}

const bump = (value: number | string | null | undefined, by: number, max = Number.POSITIVE_INFINITY) =>
  typeof value === 'number' ? Math.min(max, value + by) : value;

/**
 * One application: a population row as it is, or — for the drifted share — a customer who has been
 * borrowing more: utilisation 20 points higher, two more applications in the last
 * 30, 90 and 180 days.
 */
function applicantFacts(
  row: Row,
  at: { customerId: string; decidedAt: Date; date: LocalDate; drifted: boolean },
  random: () => number,
): DecisionFacts {
  const features: Record<string, number | string | null> = { ...row };
  if (at.drifted) {
    features.utilisation = bump(features.utilisation, 0.2, 1) ?? null;
    for (const name of ['inquiries_30d', 'inquiries_90d', 'inquiries_180d'])
      features[name] = bump(features[name], 2) ?? null;
  }
  const level = typeof features.verification_level === 'number' ? features.verification_level : 3;
  const holds =
    typeof features.risk_holds_active === 'number' && features.risk_holds_active > 0
      ? [
          {
            reasonCode: 'LIMIT_VIEW_SPIKE',
            expiresAt: new Date(at.decidedAt.getTime() + 10 * 86_400_000).toISOString(),
          },
        ]
      : [];
  const asks = random() < 0.3;
  return {
    customerId: at.customerId,
    productCode: random() < 0.75 ? 'cash_loan' : 'credit_line',
    asOf: at.decidedAt.toISOString(),
    asOfDate: at.date,
    requestedAmount: asks ? String((10 + Math.floor(random() * 290)) * 10_000) : null,
    features,
    verification: { level, failures: [], provider: 'sandbox' },
    age: typeof features.age_years === 'number' ? features.age_years : 30,
    holds,
    decay: {},
    facility: null,
    terms: null,
  };
}

export function buildBook(customerIds: readonly string[], champion: Policy, challenger: Policy): Book {
  const random = uniform(17);
  const applicants = applicantRows();
  const records: DecisionRecord[] = [];
  const days: DecisionRecord[][] = [];
  const outcomes = { approved: 0, declined: 0, referred: 0 };
  let faults = 0;
  let rechecks = 0;
  let overrides = 0;
  const perDay = Math.round(DECISIONS / (WEEKS * 7));
  const outageDay = addDays(END, -17);
  const next = idsAt(31);
  for (let d = 0; d < WEEKS * 7; d += 1) {
    const date = addDays(START, d);
    const week = Math.floor(d / 7);
    const day: DecisionRecord[] = [];
    for (let k = 0; k < perDay; k += 1) {
      const index = d * perDay + k;
      const customerId = customerIds[index % customerIds.length] as string;
      const decidedAt = new Date(startOfBusinessDate(date).getTime() + 8 * 3_600_000 + k * 45_000);
      const facts = applicantFacts(
        applicants[index % applicants.length] as Row,
        {
          customerId,
          decidedAt,
          date,
          drifted: random() < DRIFT_PER_WEEK * Math.max(0, week - (WEEKS - DRIFT_WEEKS) + 1),
        },
        random,
      );
      const context = contextFor(facts.productCode as 'cash_loan' | 'credit_line');
      const arm = bucketOf(customerId, 'bench') < 2_000 ? 'challenger' : 'champion';
      const policy = arm === 'challenger' ? challenger : champion;
      const terms = termsJson(date, context.product, context.appetite, context.legalRateCaps);
      const base0 = {
        id: next('decision', decidedAt),
        customerId,
        linkedTo: null,
        productCode: facts.productCode,
        decidedAt,
      };
      // An outage afternoon: the identity provider times out for a fifth of the day's applicants.
      if (date === outageDay && k % 5 === 0) {
        faults += 1;
        outcomes.referred += 1;
        day.push(faultRecord({ ...base0, kind: 'application' }, { ...facts, terms }, arm, policy));
        continue;
      }
      const evaluated = evaluateDecision(
        { ...facts, terms },
        scorer,
        { ...context, policy: policy.policy },
        { recourse: false },
      );
      const record = recordOf({ ...base0, kind: 'application' }, { ...facts, terms }, evaluated, arm, policy);
      outcomes[record.outcome] += 1;
      day.push(record);
      // Appeals: some declines are re-checked the same day, and a few overturned by a reviewer.
      if (record.outcome === 'declined' && random() < 0.03) {
        rechecks += 1;
        const at = new Date(decidedAt.getTime() + 60_000);
        const recheck = recordOf(
          {
            ...base0,
            id: next('decision', at),
            decidedAt: at,
            kind: 'recheck',
            linkedTo: next('appeal', at),
          },
          { ...facts, terms },
          evaluated,
          arm,
          policy,
        );
        outcomes[recheck.outcome] += 1;
        day.push(recheck);
        if (random() < 0.3) {
          overrides += 1;
          const at2 = new Date(decidedAt.getTime() + 120_000);
          day.push({
            ...record,
            id: next('decision', at2),
            kind: 'override',
            linkedTo: recheck.linkedTo,
            outcome: 'approved',
            limit: fen(300_000n),
            apr: evaluated.apr,
            dailyRate: evaluated.dailyRate,
            override: {
              overrides: record.id,
              reviewer: 'rvw_bench',
              note: 'income verified',
              outcome: 'approved',
              limit: '300000',
              apr: '0.146',
            },
            decidedAt: at2,
          });
        }
      }
    }
    records.push(...day);
    days.push(day);
  }
  const loans = records.filter(
    (record) =>
      record.kind === 'application' && record.outcome === 'approved' && record.productType === 'cash_loan',
  ).length;
  return { records, days, outcomes, faults, rechecks, overrides, loans };
}

function recordOf(
  base: Pick<DecisionRecord, 'id' | 'customerId' | 'kind' | 'linkedTo' | 'productCode' | 'decidedAt'>,
  facts: DecisionFacts,
  evaluated: EvaluatedDecision,
  arm: 'champion' | 'challenger',
  policy: Policy,
): DecisionRecord {
  return {
    ...base,
    productType: evaluated.input.productType,
    outcome: evaluated.outcome,
    limit: evaluated.limit,
    requestedAmount: evaluated.input.requestedAmount,
    apr: evaluated.outcome === 'declined' ? null : evaluated.apr,
    dailyRate: evaluated.outcome === 'declined' ? null : evaluated.dailyRate,
    score: evaluated.score.score,
    pd: evaluated.score.pd,
    subScores: { ...evaluated.score.subScores },
    reasons: evaluated.reasons,
    recourse: null,
    policyVersionId: null,
    policyChecksum: policy.checksum,
    arm,
    modelVersion: scorer.card.version,
    modelHash: scorer.card.contentHash,
    legalCap: evaluated.legalCap,
    facts,
    scorecardRow: evaluated.row as Record<string, number | string | null>,
    policyDocument: evaluated.policyDocument,
    policyOutput: evaluated.policyOutput,
    trace: evaluated.trace,
    fault: null,
    override: null,
    facilityChange: null,
    decisionDate: businessDateOf(base.decidedAt),
  };
}

function faultRecord(
  base: Pick<DecisionRecord, 'id' | 'customerId' | 'kind' | 'linkedTo' | 'productCode' | 'decidedAt'>,
  facts: DecisionFacts,
  arm: 'champion' | 'challenger',
  policy: Policy,
): DecisionRecord {
  return {
    ...base,
    productType: facts.productCode === 'cash_loan' ? 'cash_loan' : 'credit_line',
    outcome: 'referred',
    limit: fen(0n),
    requestedAmount: null,
    apr: null,
    dailyRate: null,
    score: null,
    pd: null,
    subScores: null,
    reasons: [systemUnavailableReason()],
    recourse: null,
    policyVersionId: null,
    policyChecksum: policy.checksum,
    arm,
    modelVersion: scorer.card.version,
    modelHash: scorer.card.contentHash,
    legalCap: null,
    facts,
    scorecardRow: null,
    policyDocument: null,
    policyOutput: null,
    trace: null,
    fault: { stage: 'provider', code: 'PROVIDER_UNAVAILABLE', message: 'the identity provider timed out' },
    override: null,
    facilityChange: null,
    decisionDate: businessDateOf(base.decidedAt),
  };
}

/**
 * A cash loan on each approved cash-loan application, drawn the day it was decided: repaid instalment by
 * instalment, or — with a chance of twice the recorded PD — abandoned after 0–2 instalments. Each is
 * serviced to `today` by the lending context's own core (`replay`), with its facility opened by the
 * decision, so the performance view joins them exactly as it would in production.
 */
export async function storeLoans(
  db: Database,
  records: readonly DecisionRecord[],
  today: LocalDate,
): Promise<void> {
  const random = uniform(29);
  const approvals = records.filter(
    (record) =>
      record.kind === 'application' && record.outcome === 'approved' && record.productType === 'cash_loan',
  );
  // One facility per customer and product: a customer's first approval opens it and draws the loan.
  const seen = new Set<string>();
  const first = approvals.filter((record) => !seen.has(record.customerId) && seen.add(record.customerId));
  const next = idsAt(37);
  let serial = 0;
  for (let i = 0; i < first.length; i += 500) {
    const loans = first.slice(i, i + 500).map((record) => {
      serial += 1;
      const principal = fen(((record.limit * 6n) / 10n / 100n) * 100n) as Money;
      const contract = contractFor(DEFAULT_LOAN_PRODUCT, {
        loanId: next('loan', record.decidedAt),
        customerId: record.customerId,
        facilityId: next('facility', record.decidedAt),
        principal,
        apr: record.apr ?? { num: 146n, den: 1000n },
        term: serial % 2 === 0 ? 6 : 12,
        method: 'equal-installment',
        startDate: record.decisionDate,
      });
      const schedule = generateSchedule({
        principal,
        apr: contract.apr,
        term: contract.term,
        method: contract.method,
        basis: contract.basis,
        startDate: contract.startDate,
        upfrontFee: contract.upfrontFee,
      });
      const bad = random() < Math.min(0.9, 2 * (record.pd ?? 0));
      const paid = bad ? Math.floor(random() * 3) : schedule.lines.length;
      const events: LoanEvent[] = schedule.lines.slice(0, paid).flatMap((line, k) =>
        line.dueDate <= today
          ? [
              {
                seq: k + 1,
                kind: 'repayment' as const,
                effectiveDate: line.dueDate,
                amount: fen(line.payment + 100n),
                intent: 'scheduled' as const,
              },
            ]
          : [],
      );
      return { record, contract, state: replay(contract, events, today) };
    });
    await db.transaction(async (tx) => {
      for (const { record, contract } of loans) {
        await tx.query(
          `insert into credit_facilities (customer_id, id, product, status, limit_amount, used_amount, apr_num, apr_den,
                                          decision_id, status_reason, version, opened_at, updated_at)
           values ($1, $2, 'cash-loan', 'active', $3, $4, $5, $6, $7, null, 1, $8, $8)`,
          [
            record.customerId,
            contract.facilityId,
            record.limit,
            contract.principal,
            contract.apr.num,
            contract.apr.den,
            record.id,
            record.decidedAt,
          ],
        );
        await tx.query(
          `insert into credit_facility_changes (customer_id, facility_id, version, change, decision_id, limit_amount,
                                                apr_num, apr_den, status, reason, changed_at)
           values ($1, $2, 1, 'open', $3, $4, $5, $6, 'active', 'bench', $7)`,
          [
            record.customerId,
            contract.facilityId,
            record.id,
            record.limit,
            contract.apr.num,
            contract.apr.den,
            record.decidedAt,
          ],
        );
      }
      const drawnAt = new Date(Math.max(...loans.map(({ record }) => record.decidedAt.getTime())) + 60_000);
      await insertLoans(tx, loans, drawnAt);
      await saveLoanStates(tx, loans, drawnAt);
    });
  }
}
