import type { LocalizedText } from '../platform/i18n/localized.ts';
import { toExactRateString, type Rate } from '../platform/money/rate.ts';
import { REASON_STAGE, renderReason, type RenderedReason } from '../policy/index.ts';
import type { ReasonCode as ScoreReason } from '../scoring/index.ts';

/**
 * The principal reasons of a decision: at most four, ranked, each tied to a rule that fired or a score
 * factor that cost points, with the typed parameters its zh-CN and en text was rendered from.
 *
 * Ranking (docs/decisions.md, "Reasons"):
 * 1. a declined decision: the knock-out rules that fired, in the policy's rank order; then — only when the
 *    score is among the causes — the score factors by points lost;
 * 2. a referral: the review band first, then the score factors (the score put it in the band);
 * 3. an approval below what was asked (or a capped first limit): the cap that set the limit, the shortfall,
 *    then the score factors when a better score would have raised the limit.
 * "The score is among the causes" is decided by the counterfactual, not assumed: the policy is run again
 * with the best possible score and everything else equal, and the score counts only if that outcome is
 * better.
 */

/** Parameters as JSON: money as integer-fen strings, rates as exact decimal strings, dates as they are. */
export type ReasonParamsJson = Readonly<Record<string, unknown>>;

export type ReasonKind = 'knockout' | 'limit' | 'referral' | 'system' | 'score';

export interface PrincipalReason {
  readonly code: string;
  readonly kind: ReasonKind;
  readonly params: ReasonParamsJson;
  readonly text: LocalizedText;
}

function isRate(value: unknown): value is Rate {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Rate).num === 'bigint' &&
    typeof (value as Rate).den === 'bigint'
  );
}

/** A parameter value as JSON: bigint fen → string, Rate → exact decimal string, objects field by field. */
export function paramJson(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (isRate(value)) return toExactRateString(value);
  if (Array.isArray(value)) return value.map(paramJson);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = paramJson(item);
    return out;
  }
  return value;
}

/** A policy reason as a principal reason. */
export function policyReason(reason: RenderedReason): PrincipalReason {
  return {
    code: reason.code,
    kind: REASON_STAGE[reason.code],
    params: paramJson(reason.params) as ReasonParamsJson,
    text: reason.text,
  };
}

/** A score factor as a principal reason: the characteristic, its bin, and the points it cost. */
export function scoreReason(reason: ScoreReason): PrincipalReason {
  return {
    code: reason.code,
    kind: 'score',
    params: {
      feature: reason.feature,
      dimension: reason.dimension,
      label: reason.params.label,
      bin: reason.params.bin,
      value: reason.value,
      pointsLost: reason.pointsLost,
    },
    text: reason.text,
  };
}

/** The one reason of a decision that could not be made because a dependency failed. */
export function systemUnavailableReason(): PrincipalReason {
  return policyReason(renderReason('SYSTEM_UNAVAILABLE', {}));
}

export interface RankingInput {
  readonly outcome: 'approved' | 'declined' | 'referred';
  /** The policy's reasons, rendered, in the policy's order. */
  readonly policyReasons: readonly RenderedReason[];
  /** The scorer's reasons, most points lost first. */
  readonly scoreReasons: readonly ScoreReason[];
  /** Whether a better score alone would have given a better decision (the counterfactual). */
  readonly scoreIsCause: boolean;
}

export const MAX_PRINCIPAL_REASONS = 4;

/** Ranks and merges policy and score reasons into at most four principal reasons. */
export function principalReasons(input: RankingInput): PrincipalReason[] {
  const policy = input.policyReasons.map(policyReason);
  const scores = input.scoreIsCause ? input.scoreReasons.map(scoreReason) : [];
  const ofKind = (kind: ReasonKind) => policy.filter((reason) => reason.kind === kind);
  let ranked: PrincipalReason[];
  switch (input.outcome) {
    case 'declined':
      ranked = [...ofKind('knockout'), ...scores, ...ofKind('limit')];
      break;
    case 'referred':
      ranked = [...ofKind('referral'), ...ofKind('knockout'), ...scores, ...ofKind('limit')];
      break;
    case 'approved': {
      // The cap that set the limit comes before the shortfall it causes.
      const limits = ofKind('limit');
      const caps = limits.filter((reason) => reason.code !== 'LIMIT_BELOW_REQUEST');
      const shortfall = limits.filter((reason) => reason.code === 'LIMIT_BELOW_REQUEST');
      ranked = [...caps, ...shortfall, ...scores];
      break;
    }
  }
  return ranked.slice(0, MAX_PRINCIPAL_REASONS);
}
