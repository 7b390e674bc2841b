import { createApp } from '../src/app.ts';
import { insertCustomers } from '../src/customers/customers.pg.ts';
import type { DecisionFacts } from '../src/decisions/decision-facts.ts';
import { evaluateDecision } from '../src/decisions/evaluate-decision.ts';
import { generatePopulation } from '../src/demo/index.ts';
import { syntheticCustomerRecord } from '../src/demo/population/population-store.ts';
import { trainDemoScorecard } from '../src/demo/scorecard/demo-scorecard.ts';
import { createPiiVault } from '../src/identity/pii-vault.ts';
import { verdictsByDecision } from '../src/monitoring/backtest-run.ts';
import { createBacktestAggregator, type BacktestSide } from '../src/monitoring/index.ts';
import { createPgPortfolioReadModel } from '../src/lending/portfolio-read-model.pg.ts';
import { testPiiConfig } from '../src/platform/config/config.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { openPglite } from '../src/platform/database/pglite.ts';
import { openPostgres } from '../src/platform/database/postgres.ts';
import { createIdGenerator, seededRandomBytes } from '../src/platform/ids/ids.ts';
import { createMemoryLogger } from '../src/platform/logging/logger.ts';
import { ManualClock } from '../src/platform/time/clock.ts';
import { addDays, parseLocalDate } from '../src/platform/time/local-date.ts';
import { appetiteOn, compilePolicy, productOn } from '../src/policy/index.ts';
import { policyChecksum } from '../src/policy/policy-service.ts';
import { installDefaultPolicies } from '../src/policy/policy-files.node.ts';
import { createScorer, type Scorer } from '../src/scoring/index.ts';
import { scorer } from '../test/decisions/applicants.ts';
import { defaultPolicyGraph, tightenedPolicy } from '../test/monitoring/policies.ts';
import type { BenchSuite, Measurement } from './harness.ts';
import { buildBook, storeLoans } from './simulate.bench.ts';

/**
 * Backtesting a candidate scorecard (issue 17 item 5) on 20,000 past applications: the book of the
 * `simulate` suite (26 weeks of cash-loan and credit-line decisions of a synthetic population, champion and
 * challenger policies, an outage, re-checks and overrides; a cash loan drawn on each customer's first
 * approval, serviced to the last day, going bad with a chance of twice the recorded PD) and a candidate
 * trained on another synthetic sample (seed 9). Each application is re-decided from the facts its decision
 * recorded, by the active model and by the candidate, through the current policy.
 *
 * Ours: `services.monitoring.backtest` — decisions read in keyset pages of 2,000 (facts only where they
 * are used), the matured outcomes read once from the accounts. Peer: the same re-decision and the same fold,
 * each application's recorded facts read on its own (one primary-key SELECT per decision, as a per-case
 * loop over a list of ids would). The two reports must agree (checked). Also the job path (queue, progress
 * written every 2,000 decisions, stored report) against the direct call.
 */
const END = parseLocalDate('2026-11-22');
const START = addDays(END, -(26 * 7 - 1));
const CUSTOMERS = 4_000;

const suite: BenchSuite = {
  name: 'backtest',
  description: 'backtest of a candidate model on 20,000 past applications: paged vs one read per application',
  async run(log) {
    const clock = new ManualClock(new Date('2026-11-22T12:00:00Z'));
    const ids = createIdGenerator(clock, seededRandomBytes(5));
    const url = process.env.DATABASE_URL;
    const schema = `bench_backtest_${process.pid}`;
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
      const candidateCard = trainDemoScorecard({
        customers: 4_000,
        seed: 9,
        version: 'bench-candidate-s9',
        trainedAt: '2026-11-01T00:00:00.000Z',
      }).card;
      await app.services.models.register(candidateCard);

      const vault = createPiiVault(testPiiConfig());
      const population = generatePopulation({ customers: CUSTOMERS, months: 1, seed: 3, end: START });
      for (let i = 0; i < population.customers.length; i += 500) {
        await insertCustomers(
          db,
          population.customers
            .slice(i, i + 500)
            .map((customer) => syntheticCustomerRecord(vault, customer).customer),
        );
      }
      const policyOf = (graph: unknown) => ({
        graph,
        policy: compilePolicy(graph),
        checksum: policyChecksum(graph),
      });
      const book = buildBook(
        population.customers.map((customer) => customer.customerId),
        policyOf(defaultPolicyGraph()),
        policyOf(
          tightenedPolicy({
            cutoffRaise: { cash_loan: -20, credit_line: -20 },
            bandRaise: 0,
            multiHeadStricter: 0,
            limitScale: 1,
            priceRaiseBps: 0,
          }),
        ),
      );
      const { insertDecision } = await import('../src/decisions/decisions.pg.ts');
      for (const day of book.days) {
        await db.transaction(async (tx) => {
          for (const record of day) await insertDecision(tx, record);
        });
      }
      await storeLoans(db, book.records, clock.today());
      log(`book: ${book.records.length} decisions, ${book.loans} cash loans`);

      const window = { from: START, to: END };
      const request = { ...window, model: candidateCard.version };
      await app.services.monitoring.backtest(request); // warm: compiled scorers, caches
      const t0 = performance.now();
      const report = await app.services.monitoring.backtest(request);
      const oursSeconds = (performance.now() - t0) / 1000;
      const d = report.discrimination;
      log(
        `ours: ${report.applications} applications re-scored in ${oursSeconds.toFixed(2)} s; matured ${report.matured.applications} (${report.matured.bads} bad); AUC ${d?.champion.auc?.toFixed(4)} → ${d?.candidate.auc?.toFixed(4)}, KS ${d?.champion.ks?.toFixed(4)} → ${d?.candidate.ks?.toFixed(4)}; swap-ins ${report.comparison.swapIns.count}, swap-outs ${report.comparison.swapOuts.count}`,
      );

      // The peer: the same decisions and verdicts, each application's facts read on its own.
      const settings = await app.services.policies.settings();
      const today = clock.today();
      const inForce = await app.services.policies.inForce('default', today);
      const policy = await app.services.policies.compiled(inForce?.id ?? '');
      const champion = await app.services.models.scorer();
      const candidate: Scorer = createScorer(candidateCard);
      const refs = book.records.map((record) => ({ customerId: record.customerId, id: record.id }));
      const t1 = performance.now();
      const aggregator = createBacktestAggregator({ from: START, to: END, product: null });
      const peerReport = await (async () => {
        // The matured outcomes exactly as ours reads them (one pass over the accounts).
        const verdicts = await verdictsByDecision(
          { portfolio: createPgPortfolioReadModel(db), pageSize: 2_000 },
          { from: START, to: END, product: null },
          today,
        );
        for (const ref of refs) {
          const { rows } = await db.query<{
            id: string;
            kind: string;
            product_code: string;
            decision_date: string;
            fault: unknown;
            facts: DecisionFacts | null;
          }>(
            'select id, kind, product_code, decision_date, fault, facts from decisions where customer_id = $1 and id = $2',
            [ref.customerId, ref.id],
          );
          const row = rows[0];
          if (!row) continue;
          if (row.kind === 'override' || row.kind === 'manual_review') {
            aggregator.skip('overrides');
            continue;
          }
          if (row.fault !== null || row.facts === null) {
            aggregator.skip('faults');
            continue;
          }
          const facts = row.facts;
          const product = productOn(settings.products, row.product_code, today);
          if (!product) {
            aggregator.skip('noPolicy');
            continue;
          }
          const context = {
            product: product.product,
            appetite: appetiteOn(settings.riskAppetite, today),
            policy,
            legalRateCaps: settings.legalRateCaps,
          };
          const side = (card: Scorer): BacktestSide => {
            const evaluated = evaluateDecision(facts, card, context, { recourse: false });
            return {
              outcome: evaluated.outcome,
              limit: evaluated.limit,
              apr: evaluated.outcome === 'declined' ? null : evaluated.apr,
              score: evaluated.score.score,
              pd: evaluated.score.pd,
            };
          };
          const income = facts.features.income_monthly_estimate;
          aggregator.add({
            decisionId: row.id,
            productCode: row.product_code,
            decisionDate: row.decision_date as typeof END,
            age: facts.age,
            monthlyIncomeFen: typeof income === 'number' ? BigInt(Math.round(income)) : null,
            champion: side(champion),
            candidate: side(candidate),
            verdict: verdicts.get(row.id) ?? null,
          });
        }
        return aggregator.report({
          champion: champion.card,
          candidate: candidateCard,
          policy: report.policy,
          badDaysPastDue: 30,
        });
      })();
      const peerSeconds = (performance.now() - t1) / 1000;
      const same =
        JSON.stringify(peerReport.comparison.matrix) === JSON.stringify(report.comparison.matrix) &&
        peerReport.applications === report.applications &&
        peerReport.matured.bads === report.matured.bads &&
        peerReport.discrimination?.candidate.auc === report.discrimination?.candidate.auc;
      log(
        `peer: one read per application, ${peerReport.applications} re-scored in ${peerSeconds.toFixed(2)} s; comparison ${same ? 'identical to ours' : 'DIFFERS from ours'}`,
      );

      // The job path: queue, progress written every 2,000 decisions, report stored; polled as the console would.
      const j0 = performance.now();
      const job = await app.services.modelBacktests.start(request, 'bench');
      const readings = new Set<number>();
      let run = await app.services.modelBacktests.get(job.id);
      while (run.status === 'queued' || run.status === 'running') {
        if (run.total > 0 && run.done < run.total) readings.add(run.done);
        await new Promise((resolve) => setTimeout(resolve, 25));
        run = await app.services.modelBacktests.get(job.id);
      }
      const jobSeconds = (performance.now() - j0) / 1000;
      log(
        `job: ${run.status} in ${jobSeconds.toFixed(2)} s with ${readings.size} progress readings before done`,
      );

      const measurements: Measurement[] = [
        {
          metric: `backtest of a candidate model on ${report.applications.toLocaleString('en')} past applications (read facts, re-score both models, policy, fold), ${store}`,
          unit: 'applications/s',
          ours: report.applications / oursSeconds,
          peer: peerReport.applications / peerSeconds,
          peerName: 'the same, each application’s facts read on its own (one SELECT per decision)',
          higherIsBetter: true,
          note: same ? 'same comparison as ours' : 'comparison DIFFERS',
        },
        {
          metric: `backtest as a job with progress (start → done), ${store}`,
          unit: 's',
          ours: jobSeconds,
          peer: oursSeconds,
          peerName: 'monitoring.backtest called directly',
          higherIsBetter: false,
          note: `${readings.size} progress readings before done`,
        },
      ];
      return measurements;
    } finally {
      await app.services.modelBacktests.idle();
      if (url) await db.exec(`drop schema if exists ${schema} cascade`);
      await app.stop();
    }
  },
};

export default suite;
