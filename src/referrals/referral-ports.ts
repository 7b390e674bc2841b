import type { Notifier } from '../appeals/index.ts';
import type { DecisionRecord } from '../decisions/decision.ts';
import type { DecisionRequest, ManualReviewRequest } from '../decisions/decision-service.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Database, Queryable } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Money } from '../platform/money/money.ts';
import type { BusinessCalendar } from '../platform/time/business-calendar.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { LegalRateCap, Product } from '../policy/index.ts';
import type { ReferralSettings } from './referral-settings.ts';

/** The other contexts' types the referral use cases work with, named once here (this file is their door). */
export type { DecisionRecord } from '../decisions/decision.ts';
export type { ManualReviewRequest, ReferralCaseOpener } from '../decisions/decision-service.ts';

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
