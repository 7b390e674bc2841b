import type { AuditActor, AuditLog } from '../platform/audit/audit-log.ts';
import type { Database } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { MessageOutbox } from '../platform/notifications/index.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type {
  BureauQueryLog,
  BureauReporter,
  BureauReportStore,
  ConsentLookup,
  CreditBureau,
  EventIngest,
  ReportableAccounts,
  ReportRun,
} from './bureau-ports.ts';
import type { BureauSettings } from './bureau-settings.ts';
import { listBureauUse, type BureauUseOfCustomer } from './list-bureau-use.ts';
import { queryBureau, type BureauQueryInput, type BureauQueryOutcome } from './query-bureau.ts';
import { runMonthlyReport, type ReportRunOutcome } from './run-monthly-report.ts';
import { sendNegativeNotices, type NoticeRunSummary } from './send-negative-notices.ts';

export interface BureauServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly audit: AuditLog;
  readonly bureau: CreditBureau;
  readonly consents: ConsentLookup;
  readonly ingest: EventIngest;
  readonly log: BureauQueryLog;
  readonly store: BureauReportStore;
  readonly accounts: ReportableAccounts;
  readonly reporter: BureauReporter;
  readonly outbox: MessageOutbox;
  readonly settings: BureauSettings;
}

/**
 * The bureau context's use cases bound to one set of dependencies: queries with the use log, advance
 * notices of negative information, and the monthly report.
 */
export interface BureauService {
  readonly settings: BureauSettings;
  /** Asks the bureau for a person's report (consent required), ingests it and logs the use. */
  query(input: BureauQueryInput): Promise<BureauQueryOutcome>;
  /** Names the decision a query was made for. */
  linkDecision(customerId: string, queryId: string, decisionId: string): Promise<boolean>;
  /** Everything the bureau context holds about a customer's bureau use, for their copy. */
  useOf(customerId: string): Promise<BureauUseOfCustomer>;
  /** Sends the advance notices due (daily). */
  notify(options?: {
    asOf?: LocalDate;
    onProgress?: (done: number, total: number) => void;
  }): Promise<NoticeRunSummary>;
  /** The month's report (idempotent per month). */
  report(input: {
    month: string;
    actor: AuditActor;
    onProgress?: (done: number, total: number) => void;
  }): Promise<ReportRunOutcome>;
  runs(): Promise<ReportRun[]>;
}

export function createBureauService(deps: BureauServiceDeps): BureauService {
  return {
    settings: deps.settings,
    query: (input) => queryBureau(deps, input),
    linkDecision: (customerId, queryId, decisionId) =>
      deps.log.linkDecision(deps.db, customerId, queryId, decisionId),
    useOf: (customerId) => listBureauUse(deps, customerId),
    notify: (options) => sendNegativeNotices(deps, options),
    report: (input) => runMonthlyReport(deps, input),
    runs: () => deps.store.listRuns(deps.db),
  };
}
