import type { Money } from '../platform/money/money.ts';
import { toExactRateString } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { DecisionPolicy } from '../policy/index.ts';
import type { Scorer } from '../scoring/index.ts';
import type { DecisionRecord } from './decision.ts';
import type { DecisionFacts } from './decision-facts.ts';
import type { EvaluatedDecision, Outcome } from './evaluate-decision.ts';

/**
 * Shadow mode's record: what a shadow policy and/or model would have decided on the very facts a live
 * decision was made on, kept beside that decision (`shadow_decisions`, migration 0831). It never acts: the
 * customer got the decision it shadows. The champion's headline is copied so a comparison reads one row.
 */

/** What a shadow run starts from: the decision as recorded and the very inputs it was evaluated on. */
export interface ShadowInput {
  readonly record: DecisionRecord;
  readonly facts: DecisionFacts;
  readonly resolved: DecisionPolicy;
  /** The scorer that decided (the shadow's when no shadow model is named). */
  readonly scorer: Scorer;
}

/** A reason as the shadow gave it (its code, kind and typed parameters; the texts are the customer's). */
export interface ShadowReason {
  readonly code: string;
  readonly kind: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** What the shadow would have decided, or why it could not say. */
export type ShadowOutcome =
  | {
      readonly ok: true;
      readonly outcome: Outcome;
      readonly limit: Money;
      /** Exact decimal APR after the legal cap; null when declined. */
      readonly apr: string | null;
      readonly dailyRate: string | null;
      readonly score: number;
      readonly pd: number;
      readonly reasons: readonly ShadowReason[];
    }
  | {
      readonly ok: false;
      /** A short code (`timeout`, `unavailable`, `unknown-policy`, `unknown-model`, `error`) and words for staff. */
      readonly error: {
        readonly stage: 'policy' | 'model' | 'evaluate';
        readonly code: string;
        readonly message: string;
      };
    };

export interface ShadowDecision {
  readonly customerId: string;
  readonly decisionId: string;
  readonly kind: string;
  readonly productCode: string;
  readonly decisionDate: LocalDate;
  readonly decidedAt: Date;
  readonly champion: {
    readonly outcome: Outcome;
    readonly limit: Money;
    readonly apr: string | null;
    readonly score: number | null;
    readonly pd: number | null;
    readonly reasonCodes: readonly string[];
    readonly policyVersionId: string | null;
    readonly modelVersion: string | null;
  };
  /** What ran as the shadow (null where it failed before it was known). */
  readonly shadowPolicy: { readonly versionId: string; readonly checksum: string } | null;
  readonly shadowModel: { readonly version: string; readonly contentHash: string } | null;
  readonly result: ShadowOutcome;
  /** How long the shadow took, from the decision's commit to its result (ms, monotonic). */
  readonly elapsedMs: number;
  readonly recordedAt: Date;
}

/** The champion's side of a shadow record, from the decision as recorded. */
export function championOf(record: DecisionRecord): ShadowDecision['champion'] {
  return {
    outcome: record.outcome,
    limit: record.limit,
    apr: record.apr === null ? null : toExactRateString(record.apr),
    score: record.score,
    pd: record.pd,
    reasonCodes: record.reasons.map((reason) => reason.code),
    policyVersionId: record.policyVersionId,
    modelVersion: record.modelVersion,
  };
}

/** The shadow's answer from its evaluation: outcome, limit, price, score and the ranked reasons. */
export function shadowOutcomeOf(evaluated: EvaluatedDecision): ShadowOutcome {
  const priced = evaluated.outcome !== 'declined';
  return {
    ok: true,
    outcome: evaluated.outcome,
    limit: evaluated.limit,
    apr: priced ? toExactRateString(evaluated.apr) : null,
    dailyRate: priced ? toExactRateString(evaluated.dailyRate) : null,
    score: evaluated.score.score,
    pd: evaluated.score.pd,
    reasons: evaluated.reasons.map((reason) => ({
      code: reason.code,
      kind: reason.kind,
      params: reason.params as Readonly<Record<string, unknown>>,
    })),
  };
}
