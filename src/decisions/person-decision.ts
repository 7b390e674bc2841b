import { AppError } from '../platform/errors/app-error.ts';
import { fen } from '../platform/money/money.ts';
import { parseRate, toExactRateString } from '../platform/money/rate.ts';
import { businessDateOf } from '../platform/time/local-date.ts';
import { dailyRateOf, type ProductType } from '../policy/index.ts';
import type { DecisionKind, DecisionOverride, DecisionRecord } from './decision.ts';
import type { OverrideRequest } from './decision-requests.ts';
import type { DecisionsDeps } from './decisions-ports.ts';
import type { PrincipalReason } from './principal-reasons.ts';

/**
 * A person's decision as a record: the decision it overrides (its evidence, which a replay re-derives),
 * with the person's outcome, limit and price, and the instruction that says so (`override`). Shared by
 * appeal overrides and manual reviews of referrals.
 */
export function personDecision(
  deps: Pick<DecisionsDeps, 'clock' | 'ids'>,
  overridden: DecisionRecord,
  request: Pick<OverrideRequest, 'reviewer' | 'note' | 'outcome' | 'limit' | 'apr'>,
  origin: {
    kind: DecisionKind;
    linkedTo: string;
    reasons?: readonly PrincipalReason[];
    productType?: ProductType;
  },
): DecisionRecord {
  if (request.outcome === 'declined' && request.limit !== 0n)
    throw AppError.invalid('limit', 'declined-zero', 'a declined decision has no limit');
  if (request.outcome === 'approved' && request.apr === null)
    throw AppError.invalid('apr', 'required', 'an approval needs a rate');
  if (request.limit < 0n) throw AppError.invalid('limit', 'non-negative', 'a limit cannot be negative');
  const apr = request.apr === null ? null : parseRate(request.apr, 'apr');
  if (request.reviewer.trim() === '')
    throw AppError.invalid('reviewer', 'required', 'the reviewer is required');
  const decidedAt = deps.clock.now();
  const override: DecisionOverride = {
    overrides: overridden.id,
    reviewer: request.reviewer,
    note: request.note,
    outcome: request.outcome,
    limit: request.limit.toString(),
    apr: apr === null ? null : toExactRateString(apr),
    ...(origin.reasons ? { reasons: origin.reasons } : {}),
  };
  return {
    ...overridden,
    id: deps.ids.next('decision'),
    kind: origin.kind,
    productType: origin.productType ?? overridden.productType,
    linkedTo: origin.linkedTo,
    outcome: request.outcome,
    limit: fen(request.limit),
    apr,
    dailyRate: apr === null ? null : dailyRateOf(apr),
    override,
    facilityChange: null,
    decidedAt,
    decisionDate: businessDateOf(decidedAt),
  };
}
