import type { Money } from '../platform/money/money.ts';
import type { ProductType } from '../policy/index.ts';
import type { DecisionKind } from './decision.ts';
import type { PrincipalReason } from './principal-reasons.ts';

/** What the decisions use cases are asked: a decision, a person's override, a manual review. */

export interface DecisionRequest {
  readonly customerId: string;
  readonly productCode: string;
  /** The amount asked for; null or omitted for "the most I can get". */
  readonly requestedAmount?: Money | null;
  /** Default `application`. */
  readonly kind?: DecisionKind;
  /** The appeal, review or decision this one belongs to. */
  readonly linkedTo?: string | null;
  /**
   * Whether an approval opens or adjusts the facility in the same transaction (default true). A limit
   * review that only wants to see the answer first passes false.
   */
  readonly applyToFacility?: boolean;
}

export interface OverrideRequest {
  /** The decision a person overrides. */
  readonly decisionId: string;
  /** The appeal the override belongs to. */
  readonly appealId: string;
  readonly reviewer: string;
  readonly note: string;
  readonly outcome: 'approved' | 'declined' | 'referred';
  readonly limit: Money;
  /** Exact APR for an approval; null otherwise. */
  readonly apr: string | null;
  readonly applyToFacility?: boolean;
}

/** A person's decision on a referred decision (a referral case), recorded as a `manual_review`. */
export interface ManualReviewRequest {
  /** The referred decision the person decides on. */
  readonly decisionId: string;
  /** The referral case (`ref_…`): the new decision's `linkedTo`. */
  readonly referralId: string;
  /** Who decided (maker, and checker when a second person approved). */
  readonly reviewer: string;
  readonly note: string;
  readonly outcome: 'approved' | 'declined';
  readonly limit: Money;
  /** Exact APR for an approval; null for a decline. */
  readonly apr: string | null;
  /** What the customer reads: the decline's catalogue reasons, or the approval's. */
  readonly reasons: readonly PrincipalReason[];
  /** The product's type (a decision referred before its policy was known has none recorded). */
  readonly productType: ProductType;
}
