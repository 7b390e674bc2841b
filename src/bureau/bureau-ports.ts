import type { PurposeConsentChange } from '../identity/index.ts';
import type { Queryable } from '../platform/database/database.ts';
import type { Money } from '../platform/money/money.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { BureauQueryRecord, BureauReport, QueryReason } from './bureau.ts';
import type { AccountStatusCode } from './report-layout.ts';

/**
 * The credit bureau, asked for one person's report. A real adapter maps the customer to the bureau's
 * subject (name and ID number, through the identity vault) and the bureau's records to customer events;
 * `createSandboxCreditBureau` answers deterministically for tests and demos.
 */
export interface CreditBureau {
  /** The provider's name, logged with every query. */
  readonly name: string;
  /**
   * The report of `customerId` as of `asOf`, for `reason`. Throws `UNAVAILABLE` when the bureau cannot
   * answer (nothing is logged then: no report was received).
   */
  queryReport(request: {
    readonly customerId: string;
    readonly reason: QueryReason;
    readonly asOf: Date;
  }): Promise<BureauReport>;
}

/** The consent in force for a purpose, from the customers context. */
export interface ConsentLookup {
  inForce(customerId: string, purpose: string, at: Date): Promise<PurposeConsentChange | undefined>;
}

/** Customer events in: appended in the caller's transaction, idempotent by (source, event id). */
export interface EventIngest {
  ingest(
    tx: Queryable,
    rows: readonly Readonly<Record<string, unknown>>[],
  ): Promise<{
    accepted: number;
    duplicates: number;
    rejected: readonly { field: string; reason: string }[];
  }>;
}

/** The use log (`bureau_queries`). */
export interface BureauQueryLog {
  /** The query recorded under a caller's key, if any. */
  findByKey(q: Queryable, customerId: string, requestKey: string): Promise<BureauQueryRecord | undefined>;
  insert(tx: Queryable, record: BureauQueryRecord): Promise<void>;
  /** Names the decision a query was made for (once; a query already linked keeps its decision). */
  linkDecision(q: Queryable, customerId: string, queryId: string, decisionId: string): Promise<boolean>;
  /** A customer's queries, oldest first. */
  list(q: Queryable, customerId: string): Promise<BureauQueryRecord[]>;
}

/** One account (a loan or a credit line) as it stood at the end of a date. */
export interface AccountMonth {
  readonly customerId: string;
  readonly accountId: string;
  readonly accountType: 'loan' | 'line';
  readonly openedOn: LocalDate;
  /** The loan's principal, or the line's limit. */
  readonly amount: Money;
  /** Everything owed (principal, interest, fees, penalty). */
  readonly balance: Money;
  /** Owed and past its due date. */
  readonly overdueAmount: Money;
  readonly daysPastDue: number;
  /** The due date of the oldest unpaid instalment (the overdue episode), null when nothing is overdue. */
  readonly overdueSince: LocalDate | null;
  readonly status: 'normal' | 'overdue' | 'closed' | 'written_off';
  readonly closedOn: LocalDate | null;
}

/** The lender's accounts at the end of a date, from the lending context. */
export interface ReportableAccounts {
  accountsAt(date: LocalDate, onProgress?: (done: number, total: number) => void): Promise<AccountMonth[]>;
}

/**
 * Where the monthly file goes (the bureau's submission channel). `submit` receives a file already checked
 * against the layout; an adapter checks it again on its side of the wire. `createSandboxBureauReporter`
 * validates and keeps or writes the file.
 */
export interface BureauReporter {
  readonly name: string;
  submit(fileName: string, content: string): Promise<{ location: string }>;
}

/** An advance notice of negative information (`bureau_negative_notices`). */
export interface NegativeNotice {
  readonly customerId: string;
  readonly accountId: string;
  readonly overdueSince: LocalDate;
  readonly overdueAmount: Money;
  readonly notifiedAt: Date;
  /** The first business date the negative information may be reported (notified + the notice period). */
  readonly reportNotBefore: LocalDate;
  readonly noticeDays: number;
}

export type RecordDisposition = 'reported' | 'held' | 'no_consent';

/** What a run decided for one account (`bureau_report_records`). */
export interface StoredReportRecord {
  readonly customerId: string;
  readonly month: string;
  readonly accountId: string;
  readonly accountType: 'loan' | 'line';
  readonly disposition: RecordDisposition;
  readonly accountStatus: AccountStatusCode;
  readonly balance: Money;
  readonly overdueAmount: Money;
  readonly daysPastDue: number;
  /** The overdue episode's notice (`YYYY-MM-DD` of `overdueSince`) a negative record relied on or waits for. */
  readonly noticeOccasion: string | null;
}

/** A monthly run (`bureau_report_runs`). */
export interface ReportRun {
  readonly month: string;
  readonly layoutVersion: string;
  readonly monthEnd: LocalDate;
  readonly status: 'running' | 'reported';
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly fileName: string | null;
  readonly fileSha256: string | null;
  readonly records: number | null;
  readonly held: number | null;
  readonly withoutConsent: number | null;
}

/** Storage of runs, records and notices. */
export interface BureauReportStore {
  findRun(q: Queryable, month: string): Promise<ReportRun | undefined>;
  listRuns(q: Queryable): Promise<ReportRun[]>;
  /** Starts a month's run (or finds the one started); returns it. */
  startRun(
    q: Queryable,
    run: { month: string; layoutVersion: string; monthEnd: LocalDate; startedAt: Date },
  ): Promise<ReportRun>;
  /** The run, locked for the final transaction. */
  lockRun(tx: Queryable, month: string): Promise<ReportRun | undefined>;
  finishRun(
    tx: Queryable,
    month: string,
    result: {
      finishedAt: Date;
      fileName: string;
      fileSha256: string;
      records: number;
      held: number;
      withoutConsent: number;
    },
  ): Promise<void>;
  insertRecords(tx: Queryable, records: readonly StoredReportRecord[]): Promise<void>;
  /** Records reported in months `from`..`to` (inclusive) of the given accounts, for the status history. */
  reportedBetween(
    q: Queryable,
    accountIds: readonly string[],
    from: string,
    to: string,
  ): Promise<StoredReportRecord[]>;
  /** A customer's records, newest month first. */
  recordsOf(q: Queryable, customerId: string): Promise<StoredReportRecord[]>;
  findNotice(
    q: Queryable,
    customerId: string,
    accountId: string,
    overdueSince: LocalDate,
  ): Promise<NegativeNotice | undefined>;
  /** Inserts a notice; false when that episode's notice exists already. */
  insertNotice(tx: Queryable, notice: NegativeNotice): Promise<boolean>;
  noticesOf(q: Queryable, customerId: string): Promise<NegativeNotice[]>;
}
