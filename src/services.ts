/**
 * The shapes the composition root (`app.ts`) builds and the delivery layer (HTTP routes, CLI commands) uses:
 * types only. Routes and commands import these from here, never from `app.ts`, so nothing below the root
 * depends on the root (no import cycle through it) and a command module loads no application code until it
 * opens one.
 */
import type { AppealService } from './appeals/index.ts';
import type { PrivacyService } from './privacy/privacy-service.ts';
import type { ChangeService, PolicyService } from './policy/index.ts';
import type { CollectionsService } from './collections/collections-service.ts';
import type { CustomerService } from './customers/customer-service.ts';
import type { DecisionService } from './decisions/index.ts';
import type { DayEndService } from './lending/eod/day-end.ts';
import type { DayEndRunProgress } from './lending/eod/day-end-jobs.ts';
import type { DayEndJobRun } from './lending/eod/day-end-jobs.pg.ts';
import type { JobQueue } from './platform/jobs/jobs.ts';
import type { BackgroundWork } from './platform/config/config.ts';

export interface DayEndRuns {
  /** The batch as a run of `partitions` jobs; `work`: this process takes jobs too (always on PGlite). */
  service(options: {
    readonly partitions: number;
    readonly work: boolean;
    readonly worker: string;
  }): DayEndService;
  progress(runId: string): Promise<DayEndRunProgress | undefined>;
  recent(limit: number): Promise<DayEndJobRun[]>;
  /** Gives partitions whose job fell silent a new job; returns how many. */
  takeOver(): Promise<number>;
  /** How often a worker should run `takeOver` (ms). */
  readonly takeOverEveryMs: number;
}
import type { FacilityOverrideService } from './lending/facilities/facility-override-service.ts';
import type { FacilityService } from './lending/facilities/facility-service.ts';
import type { LimitReviewService } from './lending/credit-lines/limit-review-service.ts';
import type { CreditLineService } from './lending/credit-lines/credit-line-service.ts';
import type { LineHardshipService } from './lending/credit-lines/line-hardship-service.ts';
import type { LoanService } from './lending/loans/loan-service.ts';
import type { AutoRepayService } from './lending/payments/auto-repay-service.ts';
import type { LoanHardshipService } from './lending/loans/hardship-service.ts';
import type { ModelBacktests } from './scoring/backtest-jobs.ts';
import type { ModelRegistry } from './scoring/model-registry.ts';
import type { MonitoringService } from './monitoring/index.ts';
import type { PolicySimulations } from './policy/policy-simulations.ts';
import type { ReferralService } from './referrals/index.ts';
import type { CopyService } from './privacy/copy-service.ts';
import type { CorrectionService } from './privacy/correction-service.ts';
import type { AuditLog } from './platform/audit/audit-log.ts';
import type { BureauService } from './bureau/bureau-service.ts';
import type { ApiKeyStore } from './platform/auth/api-keys.ts';
import type { CustomerSessions } from './platform/auth/customer-sessions.ts';
import type { StaffAuth } from './platform/auth/staff-auth.ts';
import type { Config } from './config.ts';
import type { Database } from './platform/database/database.ts';
import type { HttpServer } from './platform/http/server.ts';
import type { IdGenerator } from './platform/ids/ids.ts';
import type { Logger } from './platform/logging/logger.ts';
import type { Notifications } from './platform/notifications/notifications.ts';
import type { Clock, MonotonicClock } from './platform/time/clock.ts';

/** Everything the contexts offer, built once here and shared by the HTTP routes and the CLI. */
export interface Services {
  readonly apiKeys: ApiKeyStore;
  /** The append-only audit log: sign-ins, staff user and API key changes, approvals, overrides (GET /v1/audit). */
  readonly audit: AuditLog;
  /** Staff users of the console, their sign-in (scrypt passwords, lock-out) and cookie sessions. */
  readonly staff: StaffAuth;
  /** Customer sessions (`cs_…`): issued to the lender's app for one customer, checked on `/v1/me`. */
  readonly customerSessions: CustomerSessions;
  /** Customers, identity verification, consent, events and point-in-time snapshots (`getSnapshot`). */
  readonly customers: CustomerService;
  /** Credit facilities: a customer's limit per product, opened and adjusted by approved decisions. */
  readonly facilities: FacilityService;
  /** Manual changes of a facility's terms: audited overrides of an approved decision, maker-checker above a limit. */
  readonly facilityOverrides: FacilityOverrideService;
  /** Cash loans: drawdown, repayment, write-off, payoff quotes, schedules and statements. */
  readonly loans: LoanService;
  /** Auto-repay of loans through the payment provider: consent per account, attempts, settling. */
  readonly autoRepay: AutoRepayService;
  /** Hardship tools on cash loans: requests with reasons, maker-checker, applied as loan events. */
  readonly loanHardship: LoanHardshipService;
  /** Credit lines: purchases, refunds, payments, statements, instalment conversions. */
  readonly creditLines: CreditLineService;
  /** Hardship tools on credit lines (waivers so far), requests with maker-checker. */
  readonly lineHardship: LineHardshipService;
  /** Credit-line limit reviews: monthly in the day-end batch, and on demand; each a decision of kind limit_review. */
  readonly lineReviews: LimitReviewService;
  /** The day-end batch over every product's processor (credit lines add theirs here), in this process. */
  readonly dayEnd: DayEndService;
  /**
   * The day-end as a run of jobs partitioned by customer (`credence eod`, `credence worker`): the same
   * steps, then the same steps after the batch as `dayEnd`; progress of runs; the take-over pass.
   */
  readonly dayEndRuns: DayEndRuns;
  /** Scorecard models: registry, and compiled scorers (`models.scorer()` is the active one). */
  readonly models: ModelRegistry;
  /** Credit policies (versioned JDM graphs), lending settings, and `resolve()` for one decision. */
  readonly policies: PolicyService;
  /** Four-eyes changes: policy versions, model activations and lending settings wait for a second person. */
  readonly changes: ChangeService;
  /** Policy simulations for the editor, run in the background with progress (kept in policy_simulations). */
  readonly policySimulations: PolicySimulations;
  /** Backtests of a candidate model on past applications, run in the background (kept in model_backtests). */
  readonly modelBacktests: ModelBacktests;
  /** Monitoring: outcomes, loan performance, drift and alerts from the records; policy simulation. */
  readonly monitoring: MonitoringService;
  /** Credit decisions: decide (with reasons and recourse), read, list, replay, overrides. */
  readonly decisions: DecisionService;
  /** Customer messages: the outbox servicing writes to, its delivery pass, and each customer's messages. */
  readonly notifications: Notifications;
  /** Credit-bureau queries with their use log, advance notices of negative information, the monthly report. */
  readonly bureau: BureauService;
  /** Appeals: file (with evidence), automatic re-check, review queue, overturn with maker-checker, audit trail. */
  readonly appeals: AppealService;
  /** Referral reviews: every referred application opens a case; reviewers re-run or decide within authority. */
  readonly referrals: ReferralService;
  /** Copies of one's data (PIPL Art. 45): jobs with progress, sealed files with an expiry (data_exports). */
  readonly copies: CopyService;
  /** A person's data rights (PIPL): data keys and their rotation, erasure with legal holds and retention. */
  readonly privacy: PrivacyService;
  /** Collections: the call queue with claims, cases with their history, the contact log, promises to pay. */
  readonly collections: CollectionsService;
  /** Corrections of wrong facts (更正 / 异议) with their own SLA; a correction appends an event (data_corrections). */
  readonly corrections: CorrectionService;
}

export interface App {
  readonly config: Config;
  readonly db: Database;
  readonly clock: Clock;
  /** Durations and timeouts (never dates): `performance.now` in production. */
  readonly monotonic: MonotonicClock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly services: Services;
  readonly http: HttpServer;
  /** The jobs queue of this process (pg-boss on PostgreSQL, in process on PGlite); stopped by `stop()`. */
  readonly jobs: JobQueue;
  /**
   * The background work as jobs (customer-message delivery, the appeals' recovery pass, due limit
   * reviews): who runs it (`mode`, from `CREDENCE_BACKGROUND_WORK`), and `schedule`, which `credence
   * worker` calls — it enqueues each pass on `jobs` on its interval until the returned stop is called.
   */
  readonly background: {
    readonly mode: BackgroundWork;
    schedule(): () => void;
  };
  readonly version: string;
  /** Starts listening; resolves with the base URL. */
  start(): Promise<string>;
  /** Stops listening and closes the database. Safe to call twice. */
  stop(): Promise<void>;
}
