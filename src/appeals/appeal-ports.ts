import type { CustomerSnapshot, CustomerView } from '../customers/index.ts';
import type {
  DecisionRecord,
  DecisionRequest,
  DecisionSummary,
  OverrideRequest,
} from '../decisions/index.ts';
import type { Facility } from '../lending/facilities/facility.ts';
import type { LoanView } from '../lending/index.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import type { Database, Queryable } from '../platform/database/database.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Money } from '../platform/money/money.ts';
import type { Rate } from '../platform/money/rate.ts';
import type { BusinessCalendar } from '../platform/time/business-calendar.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { LegalRateCap, Product, ProductType } from '../policy/index.ts';
import type {
  Actor,
  Appeal,
  AppealCategory,
  AppealNotification,
  AppealStatus,
  AuditEvent,
  OverrideTerms,
  Resolution,
} from './appeal.ts';
import type { AppealSettings } from './appeal-settings.ts';
import type { UpholdReasonInput } from './appeal-texts.ts';
import type { EvidenceCipher, EvidenceInfo } from './evidence.ts';
import type { Notifier } from './notifier.ts';

/** The other contexts' types the appeals use cases work with, named once here (this file is their door). */
export type { CustomerSnapshot, CustomerView } from '../customers/index.ts';
export type { DecisionRecord, DecisionSummary } from '../decisions/index.ts';
export type { Facility } from '../lending/facilities/facility.ts';
export type { LoanView } from '../lending/index.ts';

/**
 * The appeals context's ports: what its use cases need from the other contexts (`AppealPorts`, wired by
 * the composition root through `appealPortsFrom`), and the dependencies every use case is handed
 * (`AppealDeps`). A use case takes the part of `AppealDeps` it uses.
 */

/** What the appeals context needs from the others; the composition root wires them. */
export interface AppealPorts {
  /** A decision with its evidence (NOT_FOUND when there is none). */
  decision(decisionId: string): Promise<DecisionRecord>;
  /** A customer's decisions, newest first, paged by id. */
  decisions(customerId: string, options: { limit: number; before?: string }): Promise<DecisionSummary[]>;
  /** Decides again: the re-check (`kind: 'recheck'`, linked to the appeal). */
  decide(request: DecisionRequest): Promise<DecisionRecord>;
  /** Records a person's override inside the caller's transaction (with the facility change). */
  recordOverride(tx: Queryable, request: OverrideRequest): Promise<DecisionRecord>;
  /** Re-runs identity verification through the provider and records the result (customers context). */
  verify(customerId: string): Promise<unknown>;
  /** The customer, masked. */
  customer(customerId: string): Promise<CustomerView>;
  /** The customer's snapshot now (features, holds, verification). */
  snapshot(customerId: string): Promise<CustomerSnapshot>;
  loans(customerId: string): Promise<readonly LoanView[]>;
  facilities(customerId: string): Promise<readonly Facility[]>;
  /** The product's bounds and the legal caps in force on a date (policy context). */
  productTerms(request: {
    productCode: string;
    customerId: string;
    date: LocalDate;
  }): Promise<{ product: Product; legalRateCaps: readonly LegalRateCap[] }>;
  /** Opens or adjusts the facility inside the caller's transaction, for a re-check that resolves an appeal. */
  applyToFacility(
    tx: Queryable,
    input: {
      customerId: string;
      productType: ProductType;
      limit: Money;
      apr: Rate;
      decisionId: string;
      reason: string;
    },
  ): Promise<'opened' | 'adjusted' | 'unchanged'>;
  /** An active reviewer (or admin) key by id, for assignment; undefined when unknown. */
  reviewer(keyId: string): Promise<Actor | undefined>;
}

/** Points where tests inject a crash (a thrown error stands for the process dying there). */
export interface AppealHooks {
  /** After the appeal is filed (committed), before its re-check starts. */
  afterFiled?(appealId: string): void | Promise<void>;
  /** After the re-check decision is recorded, before the appeal is settled. */
  afterRecheckDecision?(appealId: string): void | Promise<void>;
}

/** What `createAppealService` is given by the composition root. */
export interface AppealServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly settings: AppealSettings;
  readonly notifier: Notifier;
  readonly ports: AppealPorts;
  /** Seals evidence at rest with the PII keys (the identity context's vault). */
  readonly evidenceCipher: EvidenceCipher;
  readonly hooks?: AppealHooks;
  /** Faults swallowed where the request must still succeed (an inline re-check, a delivery): report them. */
  readonly onError?: (error: unknown, context: string) => void;
}

/** Everything an appeals use case may take: the service's dependencies and the SLA calendar built once. */
export interface AppealDeps extends AppealServiceDeps {
  /** The business calendar of the SLA (`appealCalendar(settings)`). */
  readonly calendar: BusinessCalendar;
}

/* The service and the types its methods name: here, so the context's index can export them without
   loading a use case (nothing in this file opens a database). */

/**
 * The appeals context's use cases bound to their dependencies, for the routes, the CLI and the composition
 * root. Each use case is a function of its own file (`file-appeal.ts`, `recheck-appeal.ts`,
 * `decide-appeal.ts`, …) taking `(deps, input)`; this object only binds `deps` and keeps the positional
 * signatures its callers use. See docs/appeals.md for the flow.
 * The factory is `createAppealService` (`appeal-service.ts`), called by the composition root only.
 */
export interface AppealService {
  /** Stores an evidence file for a customer (checked type, size and content; de-duplicated by hash). */
  uploadEvidence(input: {
    customerId: string;
    declaredType: string | undefined;
    content: Uint8Array;
    by: Principal;
  }): Promise<{ evidence: EvidenceInfo; created: boolean }>;
  /** Files an appeal durably, then runs the re-check (a failure there leaves it for the recovery pass). */
  file(input: FileAppealInput, by: Principal): Promise<Appeal>;
  /** Runs (or resumes) the re-check step of one filed appeal, when it is due and free. */
  recheck(appealId: string): Promise<Appeal>;
  /**
   * Start-up and day-end pass: every due re-check, then every undelivered notification, then the SLA
   * breaches not yet on the record.
   */
  recover(options?: { limit?: number }): Promise<RecoveryReport>;
  /**
   * Writes an `sla_breached` audit event for each open appeal past its due instant that has none yet (once
   * per appeal, under its row lock); returns how many were written.
   */
  recordSlaBreaches(options?: { limit?: number }): Promise<number>;
  withdraw(appealId: string, customerId: string, by: Principal): Promise<Appeal>;
  /** The appeal as the customer sees it; NOT_FOUND unless it is this customer's. */
  customerView(appealId: string, customerId: string): Promise<CustomerAppealView>;
  get(appealId: string): Promise<Appeal>;
  /** The queue (or any listing) with priority, highest first. */
  list(filter?: AppealListFilter): Promise<QueueItem[]>;
  caseFile(appealId: string): Promise<CaseFile>;
  claim(appealId: string, by: Principal): Promise<Appeal>;
  /** Claims the queued appeal with the highest priority; undefined when the queue is empty. */
  claimNext(by: Principal): Promise<Appeal | undefined>;
  assign(appealId: string, reviewerKeyId: string, by: Principal): Promise<Appeal>;
  release(appealId: string, by: Principal): Promise<Appeal>;
  comment(appealId: string, note: string, by: Principal): Promise<Appeal>;
  decide(appealId: string, decision: ReviewerDecision, by: Principal): Promise<Appeal>;
  approve(appealId: string, by: Principal): Promise<Appeal>;
  reject(appealId: string, note: string, by: Principal): Promise<Appeal>;
  history(appealId: string): Promise<AuditEvent[]>;
  notifications(appealId: string): Promise<AppealNotification[]>;
  evidenceContent(appealId: string, evidenceId: string): Promise<{ info: EvidenceInfo; content: Uint8Array }>;
  /**
   * Seals evidence not yet under the active PII key — rows in clear from before migration 0604 and rows
   * under an older key — in batches; returns how many rows were sealed (`credence kyc reencrypt`).
   */
  reencryptEvidence(options?: { batchSize?: number; onProgress?: (done: number) => void }): Promise<number>;
  stats(range?: { from?: Date; to?: Date }): Promise<AppealStats>;
  /** The SLA calendar in use. */
  readonly calendar: BusinessCalendar;
  readonly settings: AppealSettings;
}

/** What a customer files, before it is checked. */
export interface FileAppealInput {
  readonly decisionId: string;
  /** The customer the app acts for: it must own the decision. */
  readonly customerId: string;
  readonly category: string;
  readonly statement: string;
  readonly evidenceIds?: readonly string[];
}

/** Re-check, notification and SLA-breach counts of one recovery pass (`recoverAppeals`). */
export interface RecoveryReport {
  /** Appeals whose re-check step was attempted. */
  readonly attempted: number;
  readonly resolved: number;
  readonly queued: number;
  /** Still filed: a dependency is down, retried later. */
  readonly deferred: number;
  readonly failed: number;
  readonly notificationsDelivered: number;
  /** Open appeals found past their SLA due instant whose breach was written to their audit trail now. */
  readonly slaBreachesRecorded: number;
}

/** What the customer reads about an appeal. */
export interface CustomerAppealView {
  readonly appeal: Appeal;
  readonly statusText: LocalizedText;
  /** The limit and price granted, when the appeal succeeded. */
  readonly granted: { readonly limit: Money; readonly apr: Rate; readonly decisionId: string } | null;
}

export interface QueueItem {
  readonly appeal: Appeal;
  readonly priority: number;
  readonly slaBreached: boolean;
}

export interface AppealListFilter {
  readonly statuses?: readonly AppealStatus[];
  readonly category?: AppealCategory;
  readonly assigneeId?: string;
  readonly customerId?: string;
  /** 1 to 1000; 100 when left out. */
  readonly limit?: number;
}

/** Everything a reviewer sees of a case. */
export interface CaseFile {
  readonly appeal: Appeal;
  readonly priority: number;
  readonly slaBreached: boolean;
  readonly original: DecisionRecord;
  readonly recheck: DecisionRecord | null;
  readonly override: DecisionRecord | null;
  readonly evidence: readonly EvidenceInfo[];
  readonly customer: CustomerView;
  readonly history: {
    readonly decisions: readonly DecisionSummary[];
    readonly appeals: readonly Appeal[];
    readonly loans: readonly LoanView[];
    readonly facilities: readonly Facility[];
    readonly snapshot: CustomerSnapshot | null;
  };
}

/** A reviewer's decision on the appeal they hold (`decideAppeal`). */
export type ReviewerDecision =
  | {
      readonly outcome: 'uphold';
      readonly reasons: readonly UpholdReasonInput[];
      readonly message?: LocalizedText | null;
      readonly note?: string;
    }
  | { readonly outcome: 'overturn'; readonly terms: OverrideTerms; readonly note: string };

/** Appeals filed in a range: counts, rates, SLA breaches, median hours (`appealStats`). */
export interface AppealStats {
  readonly from: Date;
  readonly to: Date;
  readonly total: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly byResolution: Readonly<Record<string, number>>;
  /** Overturned (by re-check or by a person) / resolved; null when none resolved. */
  readonly overturnRate: number | null;
  /** Resolved by the re-check / resolved. */
  readonly recheckShare: number | null;
  /** Overrides recorded (decision records of kind override). */
  readonly overrides: number;
  /** Closed (resolved or withdrawn) late, and still open past due. */
  readonly slaBreaches: { readonly resolvedLate: number; readonly openOverdue: number };
  readonly medianHoursToResolution: Readonly<Record<Resolution | 'all', number | null>>;
}
