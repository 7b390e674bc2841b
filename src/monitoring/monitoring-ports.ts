import type { Clock } from '../platform/time/clock.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type {
  Arm,
  CompiledPolicy,
  LegalRateCap,
  PolicyService,
  Product,
  RiskAppetite,
} from '../policy/index.ts';
import type { ModelRegistry, Scorer, ScoreRow } from '../scoring/index.ts';
import type { BacktestSide } from './backtest.ts';
import type { OutcomeRecord } from './outcomes.ts';
import type { LinePerformanceRecord, LoanPerformanceRecord } from './performance.ts';
import type { LineHistory, LoanHistory } from './roll-rates.ts';
import type { ShadowRecord } from './shadow-comparison.ts';
import type { SimulationRecord } from './simulation.ts';
import type { MonitoringWindow } from './window.ts';

/**
 * What monitoring reads, as ports: the records are kept by other contexts (decisions, lending, the ledger),
 * so monitoring declares the reads it needs here and each owning context implements them over its own
 * tables (`decisions/decision-read-model.pg.ts`, `lending/portfolio-read-model.pg.ts`,
 * `ledger/receivables-read-model.pg.ts`), wired in `app.ts`. Every read pages (keyset) and selects only
 * the columns its question needs, and every query filters on plain columns with `= any(…)` — no
 * correlated subquery, no join across contexts — so a distributed store (docs/citus.md) runs each as an
 * ordinary multi-shard query.
 */

/** Rows per page: large enough that round trips do not dominate, small enough to stay a few MB. */
export const DEFAULT_PAGE_SIZE = 2_000;

/** A decision as drift sees it: one the model scored (with its row), or the reason it is left out. */
export type DriftRead =
  | {
      readonly use: true;
      readonly decisionDate: LocalDate;
      readonly productCode: string;
      readonly score: number;
      readonly row: ScoreRow;
    }
  | { readonly use: false; readonly reason: 'otherModel' | 'unscored' | 'overrides' };

/** A decision a simulation replays, or the reason it cannot be (a person's override; a fault). */
export type SimulationRead =
  | { readonly use: true; readonly record: SimulationRecord }
  | { readonly use: false; readonly reason: 'overrides' | 'faults' };

/** The decision behind an account: its product, score, PD and arm, as recorded. */
export interface DecisionBehind {
  readonly productCode: string;
  readonly score: number | null;
  readonly pd: number | null;
  readonly arm: Arm | null;
}

/** The policy a backtest runs both models through (the champion policy in force on the run's date). */
export interface BacktestPolicy {
  readonly product: Product;
  readonly appetite: RiskAppetite;
  readonly policy: CompiledPolicy;
  readonly legalRateCaps: readonly LegalRateCap[];
}

/** A past application a backtest re-decides from the facts its decision recorded. */
export interface BacktestCase {
  readonly decisionId: string;
  readonly customerId: string;
  readonly productCode: string;
  readonly decisionDate: LocalDate;
  /** Whole years on the decision date, and the monthly income estimate (fen) the decision read: segments. */
  readonly age: number | null;
  readonly monthlyIncomeFen: bigint | null;
  /**
   * The decision re-run on the recorded facts with this scorer and policy (score, policy, price under the
   * policy's legal caps; no recourse). Pure; throws when the policy cannot evaluate the facts.
   */
  decide(scorer: Scorer, policy: BacktestPolicy): BacktestSide;
}

/** Where a decision stands in the window's reading order `(decision_date, id)`: a resumable cursor. */
export interface DecisionPosition {
  readonly date: string;
  readonly id: string;
}

/**
 * A decision a backtest re-decides, or the reason it cannot be (a person's decision; a fault, no facts),
 * with its position in the reading order (a run resumes after the last one it folded).
 */
export type BacktestRead =
  | { readonly use: true; readonly case: BacktestCase; readonly at: DecisionPosition }
  | { readonly use: false; readonly reason: 'overrides' | 'faults'; readonly at: DecisionPosition };

/** The decisions, read in `(decision_date, id)` order over a window (dates inclusive, product when given). */
export interface DecisionReadModel {
  /** How many decisions (of every kind) a window holds: the total a progress bar counts towards. */
  countDecisions(window: MonitoringWindow): Promise<number>;
  /** The decisions of a window as outcome monitoring reads them, page by page. */
  outcomePages(window: MonitoringWindow, pageSize: number): AsyncIterable<OutcomeRecord[]>;
  /**
   * The decisions of a window for drift against one model (by content hash): the scorecard row is read
   * only for the decisions that model scored; the others come back with the reason they are left out.
   */
  driftPages(window: MonitoringWindow, modelHash: string, pageSize: number): AsyncIterable<DriftRead[]>;
  /** The decisions of a window with the stored policy documents a simulation evaluates, page by page. */
  simulationPages(window: MonitoringWindow, pageSize: number): AsyncIterable<SimulationRead[]>;
  /**
   * The decisions of a window with their recorded facts, for a backtest, page by page; with `after`, only
   * those after that position (a run resuming where it stopped).
   */
  backtestPages(
    window: MonitoringWindow,
    pageSize: number,
    after?: DecisionPosition,
  ): AsyncIterable<BacktestRead[]>;
  /** The named decisions (each with its customer, the distribution column), by decision id. */
  decisionsBehind(
    refs: ReadonlyArray<{ readonly customerId: string; readonly decisionId: string }>,
  ): Promise<ReadonlyMap<string, DecisionBehind>>;
}

/** An account (a loan or a line) and the decision that set its facility's terms when it was opened. */
export interface OpenedAccount {
  readonly accountId: string;
  readonly customerId: string;
  /**
   * The latest change of the account's facility with a decision at or before the account was created (null:
   * none, e.g. a facility set by hand).
   */
  readonly openingDecisionId: string | null;
  /** The lending product in the public spelling (`cash_loan`, `credit_line`). */
  readonly productCode: string;
}

/** A loan as performance reads it. */
export interface LoanAccount extends OpenedAccount {
  readonly startDate: LocalDate;
  readonly principal: bigint;
  readonly status: 'active' | 'closed' | 'written_off';
  readonly processedThrough: LocalDate;
  readonly instalments: LoanPerformanceRecord['instalments'];
}

/** A credit line as performance reads it. */
export interface LineAccount extends OpenedAccount {
  readonly openedOn: LocalDate;
  /** Everything purchased on the line so far. */
  readonly drawn: bigint;
  readonly closedOn: LocalDate | null;
  /** The date the line was written off (charged off), or null. */
  readonly chargedOffOn: LocalDate | null;
  readonly processedThrough: LocalDate;
  readonly dueOutcomes: LinePerformanceRecord['dueOutcomes'];
}

/** An account whose month-end states roll rates derive, with the contracts its balance is the sum of. */
export interface RollAccount<History> {
  readonly accountId: string;
  readonly customerId: string;
  /** The lending product in the public spelling (`cash_loan`, `credit_line`). */
  readonly productCode: string;
  /** The ledger contracts whose receivables make its balance (a line: itself and its instalment plans). */
  readonly contractIds: readonly string[];
  readonly history: History;
}

/** The loans and credit lines, each page in account id order. */
export interface PortfolioReadModel {
  /** Loans drawn within the window's dates (by start date), with the decision behind each. */
  loansDrawn(window: MonitoringWindow, pageSize: number): AsyncIterable<LoanAccount[]>;
  /** Credit lines opened within the window's dates (by opening date), with the decision behind each. */
  linesOpened(window: MonitoringWindow, pageSize: number): AsyncIterable<LineAccount[]>;
  /** Loans started by `lastMonthEnd` and serviced to `from` or later, with their history. */
  loanHistories(
    lastMonthEnd: LocalDate,
    from: LocalDate,
    pageSize: number,
  ): AsyncIterable<RollAccount<LoanHistory>[]>;
  /** Credit lines opened by `lastMonthEnd` and serviced to `from` or later, with their history. */
  lineHistories(
    lastMonthEnd: LocalDate,
    from: LocalDate,
    pageSize: number,
  ): AsyncIterable<RollAccount<LineHistory>[]>;
}

/** The ledger's receivables. */
export interface ReceivablesReadModel {
  /**
   * The net receivable postings per contract and month (`YYYY-MM`, effective date) up to `through`, for the
   * given (customer, contract) pairs, by contract id.
   */
  receivablesByMonth(
    contracts: ReadonlyArray<{ readonly customerId: string; readonly contractId: string }>,
    through: LocalDate,
  ): Promise<ReadonlyMap<string, ReadonlyMap<string, bigint>>>;
}

/** Shadow mode's records (decisions' `shadow_decisions`), read in `(decision_date, decision_id)` order. */
export interface ShadowReadModel {
  shadowPages(window: MonitoringWindow, pageSize: number): AsyncIterable<ShadowRecord[]>;
}

/** What monitoring's use cases need. */
export interface MonitoringDeps {
  readonly clock: Clock;
  readonly models: Pick<ModelRegistry, 'active' | 'scorer'>;
  readonly policies: Pick<PolicyService, 'load' | 'settings' | 'inForce' | 'compiled'>;
  readonly decisions: DecisionReadModel;
  readonly portfolio: PortfolioReadModel;
  readonly receivables: ReceivablesReadModel;
  /** Shadow mode's records (absent: the shadow comparison answers UNAVAILABLE). */
  readonly shadows?: ShadowReadModel;
  /** A monotonic millisecond clock for timing runs (performance.now in production). */
  readonly elapsed: () => number;
  readonly pageSize: number;
}
