import type { Notifier } from '../appeals/index.ts';
import type { DecisionRecord, DecisionRequest, ManualReviewRequest } from '../decisions/index.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import type { Database, Queryable } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Money } from '../platform/money/money.ts';
import type { Rate } from '../platform/money/rate.ts';
import type { BusinessCalendar } from '../platform/time/business-calendar.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { LegalRateCap, Product } from '../policy/index.ts';
import type { ReferralCase, ReferralEvent, ReferralNotification, ReferralStatus } from './referral.ts';
import type { ReferralSettings } from './referral-settings.ts';
import type { DeclineReasonInput } from './referral-texts.ts';

/** The other contexts' types the referral use cases work with, named once here (this file is their door). */
export type { DecisionRecord, ManualReviewRequest, ReferralCaseOpener } from '../decisions/index.ts';

/**
 * The referral queue's ports: what its use cases need from the other contexts (`ReferralPorts`, wired by the
 * composition root), and the dependencies every use case is handed (`ReferralDeps`). A use case takes the
 * part of `ReferralDeps` it uses.
 */

/** What the referral queue needs from the other contexts; the composition root wires them. */
export interface ReferralPorts {
  /** A decision with its evidence (NOT_FOUND when there is none). */
  decision(decisionId: string): Promise<DecisionRecord>;
  /** Decides again now (the re-run), recording and applying it like any decision. */
  decide(request: DecisionRequest): Promise<DecisionRecord>;
  /** Records the person's decision inside the caller's transaction (with the facility change). */
  recordManualReview(tx: Queryable, request: ManualReviewRequest): Promise<DecisionRecord>;
  /** Re-runs identity verification (a referral for a provider outage is often cured by it). */
  verify(customerId: string): Promise<unknown>;
  /** The product's bounds and the legal caps in force on a date (policy context). */
  productTerms(request: {
    productCode: string;
    customerId: string;
    date: LocalDate;
  }): Promise<{ product: Product; legalRateCaps: readonly LegalRateCap[] }>;
}

export interface ReferralDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly settings: ReferralSettings;
  /** The business calendar of every SLA (the appeals' one). */
  readonly calendar: BusinessCalendar;
  /** An approval whose limit is above this needs a second person (one threshold with appeals). */
  readonly secondPersonAbove: Money;
  readonly notifier: Notifier;
  /** The platform's audit log, when there is one: every action and refusal is recorded there too. */
  readonly audit?: Pick<AuditLog, 'record'>;
  readonly ports: ReferralPorts;
  /** Faults swallowed where the request must still succeed (a delivery, a verification): report them. */
  readonly onError?: (error: unknown, context: string) => void;
}

export type ReviewerDecision =
  | { readonly outcome: 'approved'; readonly limit: Money; readonly apr: Rate; readonly note: string }
  | { readonly outcome: 'declined'; readonly reasons: readonly DeclineReasonInput[]; readonly note: string };

/** A case with what a reviewer reads of it. */
export interface CaseView {
  readonly referral: ReferralCase;
  readonly decision: DecisionRecord;
  readonly result: DecisionRecord | null;
  readonly history: readonly ReferralEvent[];
}

export interface ReferralListFilter {
  readonly statuses?: readonly ReferralStatus[];
  readonly productCode?: string;
  readonly claimedBy?: string;
  readonly customerId?: string;
  /** Keyset paging: cases with an id before this one. */
  readonly before?: string;
  /** 1 to 500; 50 when left out. */
  readonly limit?: number;
}

export interface ReferralRecoveryReport {
  /** Cases opened for referred decisions that had none (recorded before migration 0370). */
  readonly opened: number;
  /** Open cases closed because the customer applied again since. */
  readonly superseded: number;
  readonly notificationsDelivered: number;
}

export interface ReferralService {
  readonly settings: ReferralSettings;
  /** Cases newest first (keyset paging by id), as they stand now. */
  list(filter?: ReferralListFilter): Promise<ReferralCase[]>;
  get(referralId: string): Promise<CaseView>;
  /** The case of a decision, if it has one. */
  caseOfDecision(customerId: string, decisionId: string): Promise<ReferralCase | undefined>;
  claim(referralId: string, by: Principal): Promise<ReferralCase>;
  release(referralId: string, by: Principal): Promise<ReferralCase>;
  /** Decides again now; a result that no longer refers closes the case with it. */
  rerun(referralId: string, by: Principal): Promise<{ referral: ReferralCase; decision: DecisionRecord }>;
  /** The reviewer's decision: the new decision record, or (above authority) a proposal for a second person. */
  decide(
    referralId: string,
    decision: ReviewerDecision,
    by: Principal,
  ): Promise<{ referral: ReferralCase; decision: DecisionRecord | null }>;
  approve(referralId: string, by: Principal): Promise<{ referral: ReferralCase; decision: DecisionRecord }>;
  reject(referralId: string, note: string, by: Principal): Promise<ReferralCase>;
  /** What the customer was told about their referrals, oldest first. */
  notifications(customerId: string, referralId?: string): Promise<ReferralNotification[]>;
  /**
   * The recovery pass (at start-up, `credence referrals recover`, POST /v1/referrals/recover; not in the
   * day-end batch): cases for referrals that have none, superseded cases, undelivered notifications.
   */
  recover(options?: { limit?: number }): Promise<ReferralRecoveryReport>;
}
