import { AppError } from '../platform/errors/app-error.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { PolicyInput, PolicyReasonHit, PolicyResult } from './policy-inputs.ts';
import { renderReason, type RenderedReason } from './reasons.ts';

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

/** The customer-facing text of one reason a policy produced, with parameters taken from the input and result. */
export function renderPolicyReason(
  hit: PolicyReasonHit,
  input: PolicyInput,
  result: PolicyResult,
  context: ReasonContext = {},
): RenderedReason {
  switch (hit.code) {
    case 'BLOCKLISTED':
    case 'REFERRED_FOR_REVIEW':
    case 'SYSTEM_UNAVAILABLE':
      return renderReason(hit.code, {});
    case 'ACTIVE_RISK_HOLD':
      return renderReason(hit.code, { until: context.holdUntil ?? null });
    case 'VERIFICATION_LEVEL_TOO_LOW':
      return renderReason(hit.code, {
        current: input.verificationLevel,
        required: input.product.requiredVerificationLevel,
      });
    case 'AGE_OUTSIDE_RANGE':
      return renderReason(hit.code, {
        age: input.age,
        minAge: input.product.minAge,
        maxAge: input.product.maxAge,
      });
    case 'OVERDUE_HERE':
      return renderReason(hit.code, { amount: input.overdueAmountHere });
    case 'OVERDUE_ELSEWHERE':
      return renderReason(hit.code, { amount: input.overdueAmountElsewhere });
    case 'MULTI_HEAD_BORROWING':
      return renderReason(hit.code, { applications: input.inquiries30d, days: 30, maximum: threshold(hit) });
    case 'SCORE_BELOW_CUTOFF':
      return renderReason(hit.code, { score: input.score, cutoff: result.baseCutoff });
    case 'POLICY_TIGHTENED':
      return renderReason(hit.code, {
        score: input.score,
        cutoff: result.cutoff,
        usualCutoff: result.baseCutoff,
      });
    case 'THIN_FILE':
      return renderReason(hit.code, { historyMonths: input.historyMonths, requiredMonths: threshold(hit) });
    case 'NEW_USER_RAMP':
      return renderReason(hit.code, { limit: result.computedLimit, onTimeCycles: input.onTimeCycles });
    case 'LIMIT_CAPPED_BY_DEBT_SERVICE':
      return renderReason(hit.code, {
        limit: result.computedLimit,
        monthlyIncome: input.monthlyIncome,
        monthlyDebtPayments: input.monthlyDebtPayments,
      });
    case 'LIMIT_REDUCED_BY_RISK_APPETITE':
      return renderReason(hit.code, { limit: result.computedLimit, scale: input.appetite.limitScale });
    case 'LIMIT_BELOW_PRODUCT_MINIMUM':
      return renderReason(hit.code, { limit: result.computedLimit, minimum: input.product.minLimit });
    case 'LIMIT_BELOW_REQUEST':
      return renderReason(hit.code, {
        limit: result.limit,
        requested: input.requestedAmount ?? result.limit,
      });
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
