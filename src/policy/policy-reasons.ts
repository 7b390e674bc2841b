import { AppError } from '../platform/errors/app-error.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { PolicyInput, PolicyReasonHit, PolicyResult } from './policy-inputs.ts';
import { renderReason, type ReasonCode, type ReasonParams, type RenderedReason } from './reasons.ts';

export interface ReasonContext {
  /** When the active risk hold ends, if known (from the customer's holds). */
  readonly holdUntil?: LocalDate | null;
}

function threshold(hit: PolicyReasonHit): number {
  if (hit.threshold === null) {
    throw new AppError('UNPROCESSABLE', `policy row for ${hit.code} must output its threshold`, {
      details: { rule: 'policy-output' },
    });
  }
  return hit.threshold;
}

/** A reason's code with the typed parameters its text takes. */
export type PolicyReasonParams = {
  [C in ReasonCode]: { readonly code: C; readonly params: ReasonParams<C> };
}[ReasonCode];

/** The customer-facing text of one reason a policy produced, with parameters taken from the input and result. */
export function renderPolicyReason(
  hit: PolicyReasonHit,
  input: PolicyInput,
  result: PolicyResult,
  context: ReasonContext = {},
): RenderedReason {
  const { code, params } = policyReasonParams(hit, input, result, context);
  return renderReason(code, params as ReasonParams<typeof code>);
}

/**
 * The parameters of one reason a policy produced, taken from the input and result, before any text is
 * rendered (`renderReason(code, params)` renders them): callers that see the same parameters again can
 * reuse a text rendered once.
 */
export function policyReasonParams(
  hit: PolicyReasonHit,
  input: PolicyInput,
  result: PolicyResult,
  context: ReasonContext = {},
): PolicyReasonParams {
  switch (hit.code) {
    case 'BLOCKLISTED':
    case 'REFERRED_FOR_REVIEW':
    case 'SYSTEM_UNAVAILABLE':
      return { code: hit.code, params: {} };
    case 'ACTIVE_RISK_HOLD':
      return { code: hit.code, params: { until: context.holdUntil ?? null } };
    case 'VERIFICATION_LEVEL_TOO_LOW':
      return {
        code: hit.code,
        params: {
          current: input.verificationLevel,
          required: input.product.requiredVerificationLevel,
        },
      };
    case 'AGE_OUTSIDE_RANGE':
      return {
        code: hit.code,
        params: {
          age: input.age,
          minAge: input.product.minAge,
          maxAge: input.product.maxAge,
        },
      };
    case 'OVERDUE_HERE':
      return { code: hit.code, params: { amount: input.overdueAmountHere } };
    case 'OVERDUE_ELSEWHERE':
      return { code: hit.code, params: { amount: input.overdueAmountElsewhere } };
    case 'MULTI_HEAD_BORROWING':
      return {
        code: hit.code,
        params: { applications: input.inquiries30d, days: 30, maximum: threshold(hit) },
      };
    case 'SCORE_BELOW_CUTOFF':
      // The cut-off the decision applied (after risk appetite), never the base one: a reason that said
      // "below the 600 this product requires" while 630 was applied told someone at 605 they would pass.
      return { code: hit.code, params: { score: input.score, cutoff: result.cutoff } };
    case 'POLICY_TIGHTENED':
      return {
        code: hit.code,
        params: {
          score: input.score,
          cutoff: result.cutoff,
          usualCutoff: result.baseCutoff,
        },
      };
    case 'THIN_FILE':
      return {
        code: hit.code,
        params: { historyMonths: input.historyMonths, requiredMonths: threshold(hit) },
      };
    case 'NEW_USER_RAMP':
      return { code: hit.code, params: { limit: result.computedLimit, onTimeCycles: input.onTimeCycles } };
    case 'LIMIT_CAPPED_BY_DEBT_SERVICE':
      return {
        code: hit.code,
        params: {
          limit: result.computedLimit,
          monthlyIncome: input.monthlyIncome,
          monthlyDebtPayments: input.monthlyDebtPayments,
        },
      };
    case 'LIMIT_REDUCED_BY_RISK_APPETITE':
      return { code: hit.code, params: { limit: result.computedLimit, scale: input.appetite.limitScale } };
    case 'LIMIT_BELOW_PRODUCT_MINIMUM':
      return { code: hit.code, params: { limit: result.computedLimit, minimum: input.product.minLimit } };
    case 'LIMIT_BELOW_REQUEST':
      return {
        code: hit.code,
        params: {
          limit: result.limit,
          requested: input.requestedAmount ?? result.limit,
        },
      };
  }
}

/** Every reason of a result, rendered, in the policy's order (knock-outs first). */
export function renderPolicyReasons(
  input: PolicyInput,
  result: PolicyResult,
  context: ReasonContext = {},
): RenderedReason[] {
  return result.reasons.map((hit) => renderPolicyReason(hit, input, result, context));
}
