import { AppError } from '../platform/errors/app-error.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { appetiteOn, assignmentOn, productOn } from '../policy/index.ts';
import { createBacktestAggregator, type BacktestReport, type BacktestState } from './backtest.ts';
import type { BacktestPolicy, DecisionPosition, MonitoringDeps } from './monitoring-ports.ts';
import { DEFAULT_DAYS } from './monitoring-rules.ts';
import { BAD_DAYS_PAST_DUE, lineVerdict, loanVerdict } from './performance.ts';
import { readWindow } from './read-window.ts';
import type { MonitoringWindow, WindowParams } from './window.ts';

/** A backtest: a candidate model of the registry over a window of past applications. */
export interface BacktestRequest extends WindowParams {
  /** The candidate's model version (any status: a candidate, a retired or the active one). */
  readonly model: string;
}

/**
 * Where a run stands after a page, enough to go on from there: the run's date (the policy in force and
 * the maturity of outcomes are read as of it), the window as resolved, the decisions read and the last of
 * them, and the fold so far. JSON-safe: a job keeps it with the run.
 */
export interface BacktestCheckpoint {
  readonly version: 2;
  readonly runDate: LocalDate;
  /** The active model's version when the run began: a resumed run compares with it, not with a newer one. */
  readonly champion: string;
  readonly window: MonitoringWindow;
  readonly read: number;
  readonly after: DecisionPosition | null;
  readonly state: BacktestState;
}

export interface BacktestOptions {
  /**
   * After each page of decisions: decisions read, the total to read, and the checkpoint there (made only
   * when asked: it copies the matured sample). Awaited, so a caller may yield or write the checkpoint.
   */
  readonly onProgress?: (
    done: number,
    total: number,
    checkpoint: () => BacktestCheckpoint,
  ) => void | Promise<void>;
  /** A checkpoint of an earlier run of the same request: the run goes on after its last decision. */
  readonly resume?: BacktestCheckpoint;
}

type Deps = Pick<MonitoringDeps, 'clock' | 'policies' | 'models' | 'decisions' | 'portfolio' | 'pageSize'>;

/**
 * The policy both models run through, per product: the champion policy (by the product's assignment) in
 * force on `date`, with the product, risk appetite and legal caps in force that day.
 */
async function currentPolicies(
  deps: Pick<Deps, 'policies'>,
  date: LocalDate,
): Promise<{ byProduct: Map<string, BacktestPolicy>; versions: Record<string, string> }> {
  const settings = await deps.policies.settings();
  const byProduct = new Map<string, BacktestPolicy>();
  const versions: Record<string, string> = {};
  const codes = [...new Set(settings.products.map((dated) => dated.product.code))].sort();
  for (const code of codes) {
    const product = productOn(settings.products, code, date);
    if (!product) continue;
    const name = assignmentOn(settings.assignments, code, date)?.championPolicy ?? 'default';
    const version = await deps.policies.inForce(name, date);
    if (!version) continue;
    byProduct.set(code, {
      product: product.product,
      appetite: appetiteOn(settings.riskAppetite, date),
      policy: await deps.policies.compiled(version.id),
      legalRateCaps: settings.legalRateCaps,
    });
    versions[code] = version.id;
  }
  return { byProduct, versions };
}

/**
 * The matured outcome of each decision that opened an account (a loan drawn or a line opened from the
 * window's first day to `today`), by decision id: monitoring's verdicts — bad if any account it opened went
 * bad, good if one is observable and none went bad; immature accounts give none.
 */
export async function verdictsByDecision(
  deps: Pick<Deps, 'portfolio' | 'pageSize'>,
  window: MonitoringWindow,
  today: LocalDate,
): Promise<Map<string, 'bad' | 'good'>> {
  const accounts: MonitoringWindow = {
    from: window.from,
    to: today < window.from ? window.from : today,
    product: null,
  };
  const verdicts = new Map<string, 'bad' | 'good'>();
  const note = (decisionId: string | null, verdict: 'bad' | 'good' | 'immature'): void => {
    if (decisionId === null || verdict === 'immature') return;
    if (verdict === 'bad' || !verdicts.has(decisionId)) verdicts.set(decisionId, verdict);
  };
  for await (const page of deps.portfolio.loansDrawn(accounts, deps.pageSize)) {
    for (const loan of page)
      note(
        loan.openingDecisionId,
        loanVerdict({
          loanId: loan.accountId,
          productCode: loan.productCode,
          startDate: loan.startDate,
          principal: loan.principal,
          status: loan.status,
          processedThrough: loan.processedThrough,
          instalments: loan.instalments,
          score: null,
          pd: null,
          arm: null,
        }),
      );
  }
  for await (const page of deps.portfolio.linesOpened(accounts, deps.pageSize)) {
    for (const line of page)
      note(
        line.openingDecisionId,
        lineVerdict({
          lineId: line.accountId,
          productCode: line.productCode,
          openedOn: line.openedOn,
          drawn: line.drawn,
          chargedOffOn: line.chargedOffOn,
          closedOn: line.closedOn,
          processedThrough: line.processedThrough,
          dueOutcomes: line.dueOutcomes,
          score: null,
          pd: null,
          arm: null,
        }),
      );
  }
  return verdicts;
}

/** The active model's version: the champion a candidate is compared with (422 `active-model` when none). */
async function championVersion(deps: Pick<Deps, 'models'>): Promise<string> {
  const active = await deps.models.active();
  if (!active)
    throw new AppError(
      'UNPROCESSABLE',
      'no model is active: a backtest compares a candidate with the active model',
      {
        details: { rule: 'active-model' },
      },
    );
  return active.version;
}

/**
 * Backtests a candidate model over the past applications of a window (default: the 365 days to today):
 * each decision's recorded facts re-decided by the active model and by the candidate through the current
 * policy, compared, and measured against the outcomes that have matured. One streamed pass over the
 * decisions (progress after each page) after one pass over the accounts opened since the window began.
 */
export async function runBacktest(
  deps: Deps,
  request: BacktestRequest,
  options: BacktestOptions = {},
): Promise<BacktestReport> {
  // A checkpoint of another layout (an earlier release's) is not resumed: the run starts over.
  const resume = options.resume?.version === 2 ? options.resume : undefined;
  // A resumed run keeps its first run's date, window and champion, so it ends with the report that run
  // would have (outcomes are read as of that date; ones recorded since may still count — docs/scoring.md).
  const window = resume?.window ?? (await readWindow(deps, request, DEFAULT_DAYS.backtest));
  const candidate = await deps.models.scorer(request.model);
  const championModel = resume?.champion ?? (await championVersion(deps));
  const champion = await deps.models.scorer(championModel);
  const today = resume?.runDate ?? deps.clock.today();
  const policies = await currentPolicies(deps, today);
  const verdicts = await verdictsByDecision(deps, window, today);
  const aggregator = createBacktestAggregator(window, resume?.state);
  const total = await deps.decisions.countDecisions(window);
  let read = resume?.read ?? 0;
  let after: DecisionPosition | null = resume?.after ?? null;
  const checkpoint = (): BacktestCheckpoint => ({
    version: 2,
    runDate: today,
    champion: championModel,
    window,
    read,
    after,
    state: aggregator.state(),
  });
  await options.onProgress?.(read, Math.max(total, read), checkpoint);
  for await (const page of deps.decisions.backtestPages(window, deps.pageSize, after ?? undefined)) {
    for (const item of page) {
      if (!item.use) {
        aggregator.skip(item.reason);
        continue;
      }
      const application = item.case;
      const policy = policies.byProduct.get(application.productCode);
      if (!policy) {
        aggregator.skip('noPolicy');
        continue;
      }
      try {
        aggregator.add({
          decisionId: application.decisionId,
          productCode: application.productCode,
          decisionDate: application.decisionDate,
          age: application.age,
          monthlyIncomeFen: application.monthlyIncomeFen,
          champion: application.decide(champion, policy),
          candidate: application.decide(candidate, policy),
          verdict: verdicts.get(application.decisionId) ?? null,
        });
      } catch {
        // A policy that cannot evaluate these facts (or a scorecard that cannot read them): counted, not fatal.
        aggregator.skip('failed');
      }
    }
    read += page.length;
    after = page[page.length - 1]?.at ?? after;
    await options.onProgress?.(read, Math.max(total, read), checkpoint);
  }
  return aggregator.report({
    champion: champion.card,
    candidate: candidate.card,
    policy: { date: today, versions: policies.versions },
    badDaysPastDue: BAD_DAYS_PAST_DUE,
  });
}
