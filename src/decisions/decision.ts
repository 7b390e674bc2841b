import type { Money } from '../platform/money/money.ts';
import type { Rate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { Arm, ProductType, TraceEntry, ZenObject } from '../policy/index.ts';
import type { DecisionFacts } from './decision-facts.ts';
import type { DecisionRecourse, Outcome } from './evaluate-decision.ts';
import type { PrincipalReason } from './principal-reasons.ts';

/**
 * A decision as recorded: what was decided, why, on what facts, by which model and policy version — the
 * evidence a replay recomputes from. Records are append-only.
 */

/**
 * Why a decision was made: a customer asked, a limit review, a re-check (an appeal's, or a referral's
 * re-run), a person's override of an appealed decision, a person's decision on a referred one.
 */
export type DecisionKind = 'application' | 'limit_review' | 'recheck' | 'override' | 'manual_review';
export const DECISION_KINDS: readonly DecisionKind[] = [
  'application',
  'limit_review',
  'recheck',
  'override',
  'manual_review',
];

/**
 * The kinds that are a person's decision (an appeal's override, a referral's manual review): they copy
 * the evidence of the decision they override, so what the engine decided is read from that one instead.
 */
export const PERSON_DECISION_KINDS: readonly DecisionKind[] = ['override', 'manual_review'];

export function isPersonsDecision(kind: string): boolean {
  return (PERSON_DECISION_KINDS as readonly string[]).includes(kind);
}

/** The stage that failed when a decision had to be referred for a technical fault. */
export type FaultStage = 'snapshot' | 'facility' | 'scoring' | 'policy' | 'provider';

export interface DecisionFault {
  readonly stage: FaultStage;
  /** A short machine code: `timeout`, `unavailable`, `error`, `PROVIDER_UNAVAILABLE`. */
  readonly code: string;
  /** What failed, in words safe to show staff (no personal data). */
  readonly message: string;
}

/**
 * A person's decision, recorded as a decision that overrides an earlier one: on an appeal (kind
 * `override`), or on a referred decision (kind `manual_review`, which carries the reasons the person gave).
 */
export interface DecisionOverride {
  /** The decision it overrides. */
  readonly overrides: string;
  readonly reviewer: string;
  readonly note: string;
  readonly outcome: Outcome;
  /** Integer fen as a string. */
  readonly limit: string;
  /** Exact decimal APR, or null when declined. */
  readonly apr: string | null;
  /** A manual review's reasons for the customer (a decline's catalogue reasons, or the approval's). */
  readonly reasons?: readonly PrincipalReason[];
}

export interface DecisionRecord {
  readonly id: string;
  readonly customerId: string;
  readonly kind: DecisionKind;
  readonly linkedTo: string | null;
  readonly productCode: string;
  readonly productType: ProductType | null;
  readonly outcome: Outcome;
  readonly limit: Money;
  readonly requestedAmount: Money | null;
  readonly apr: Rate | null;
  readonly dailyRate: Rate | null;
  readonly score: number | null;
  readonly pd: number | null;
  readonly subScores: Readonly<Record<string, number>> | null;
  readonly reasons: readonly PrincipalReason[];
  readonly recourse: DecisionRecourse | null;
  readonly policyVersionId: string | null;
  readonly policyChecksum: string | null;
  readonly arm: Arm | null;
  readonly modelVersion: string | null;
  readonly modelHash: string | null;
  readonly legalCap: { readonly effectiveFrom: string; readonly annualRate: string } | null;
  readonly facts: DecisionFacts | null;
  readonly scorecardRow: Readonly<Record<string, number | string | null>> | null;
  readonly policyDocument: ZenObject | null;
  readonly policyOutput: ZenObject | null;
  readonly trace: readonly TraceEntry[] | null;
  readonly fault: DecisionFault | null;
  readonly override: DecisionOverride | null;
  readonly facilityChange: 'opened' | 'adjusted' | 'unchanged' | null;
  readonly decidedAt: Date;
  readonly decisionDate: LocalDate;
}

/** A decision in a listing: the outcome and its headline figures, without the evidence. */
export type DecisionSummary = Pick<
  DecisionRecord,
  | 'id'
  | 'customerId'
  | 'kind'
  | 'linkedTo'
  | 'productCode'
  | 'outcome'
  | 'limit'
  | 'requestedAmount'
  | 'apr'
  | 'score'
  | 'reasons'
  | 'policyVersionId'
  | 'modelVersion'
  | 'arm'
  | 'decidedAt'
>;
