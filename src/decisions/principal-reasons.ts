import { factorText } from '../explain/index.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import { toExactRateString, type Rate } from '../platform/money/rate.ts';
import { REASON_STAGE, renderReason, type PolicyReasonParams, type RenderedReason } from '../policy/index.ts';
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

/** `review`: a person decided (an override on appeal); shown in views, never produced by a policy. */
export type ReasonKind = 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';

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
  if (typeof value !== 'object' || value === null) return value;
  if (isRate(value)) return toExactRateString(value);
  if (Array.isArray(value)) return value.map(paramJson);
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key in record) if (Object.hasOwn(record, key)) out[key] = paramJson(record[key]);
  return out;
}

/** A key that tells typed reason parameters apart (the values are numbers, fen, rates, dates or null). */
function paramsKey(code: string, params: Readonly<Record<string, unknown>>): string {
  let key = code;
  for (const name in params) {
    const value = params[name];
    key += `|${name}=`;
    if (typeof value === 'bigint') key += `${value}n`;
    else if (isRate(value)) key += `${value.num}/${value.den}`;
    else key += typeof value === 'string' ? `"${value}"` : String(value);
  }
  return key;
}

/**
 * Principal reasons of policy rules by their parameters, rendered once. The same parameters give the same
 * text and JSON (the templates are pure), and many decisions share them — a first limit of ¥5,000 after 0
 * cycles, a score of 587 against 600 — so the zh and en texts and the parameters' JSON are built once per
 * distinct set and the frozen reason is shared. Bounded: emptied when it holds 10,000.
 */
const policyReasonCache = new Map<string, PrincipalReason>();
const POLICY_REASON_CACHE_SIZE = 10_000;

/** The principal reason of one policy rule's parameters (`policyReasonParams`), rendered or from the cache. */
export function cachedPolicyReason(reason: PolicyReasonParams): PrincipalReason {
  const params = reason.params as Readonly<Record<string, unknown>>;
  const key = paramsKey(reason.code, params);
  let principal = policyReasonCache.get(key);
  if (!principal) {
    const rendered = renderReason(reason.code, reason.params as never);
    principal = Object.freeze({
      code: rendered.code,
      kind: REASON_STAGE[rendered.code],
      params: Object.freeze(paramJson(rendered.params) as ReasonParamsJson),
      text: Object.freeze(rendered.text),
    });
    if (policyReasonCache.size >= POLICY_REASON_CACHE_SIZE) policyReasonCache.clear();
    policyReasonCache.set(key, principal);
  }
  return principal;
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

/**
 * A score factor as a principal reason. The text is the customer's (`factorText`: the factor in everyday
 * words, their own value, what helps); the parameters keep what staff read — the characteristic, its bin,
 * the value and the points it cost.
 */
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
    text: factorText({ feature: reason.feature, value: reason.value, label: reason.params.label }),
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
  return rankPrincipalReasons(
    input.outcome,
    input.policyReasons.map(policyReason),
    input.scoreIsCause ? input.scoreReasons : [],
  );
}

/** Which groups come first, by outcome (the ranking above); `score` stands for the score factors. */
const ORDER: Readonly<Record<RankingInput['outcome'], readonly string[]>> = {
  declined: ['knockout', 'score', 'limit'],
  referred: ['referral', 'knockout', 'score', 'limit'],
  // The cap that set the limit comes before the shortfall it causes.
  approved: ['cap', 'shortfall', 'score'],
};

/**
 * The ranking of `principalReasons` over policy reasons already in principal form and the score factors
 * that count (empty when the score is not a cause); converts only the score factors it keeps.
 */
export function rankPrincipalReasons(
  outcome: RankingInput['outcome'],
  policy: readonly PrincipalReason[],
  scores: readonly ScoreReason[],
): PrincipalReason[] {
  const ranked: PrincipalReason[] = [];
  for (const group of ORDER[outcome]) {
    if (group === 'score') {
      for (let i = 0; i < scores.length && ranked.length < MAX_PRINCIPAL_REASONS; i += 1)
        ranked.push(scoreReason(scores[i] as ScoreReason));
      continue;
    }
    for (const reason of policy) {
      if (ranked.length >= MAX_PRINCIPAL_REASONS) break;
      const belongs =
        group === 'cap'
          ? reason.kind === 'limit' && reason.code !== 'LIMIT_BELOW_REQUEST'
          : group === 'shortfall'
            ? reason.kind === 'limit' && reason.code === 'LIMIT_BELOW_REQUEST'
            : reason.kind === group;
      if (belongs) ranked.push(reason);
    }
  }
  return ranked;
}
