import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { DecisionRecord } from './decision.ts';
import type { ManualReviewRequest } from './decision-requests.ts';
import type { DecisionsDeps } from './decisions-ports.ts';
import { findDecision } from './decisions.pg.ts';
import { personDecision } from './person-decision.ts';
import { writeDecision } from './record-decision.ts';

/**
 * Records a person's decision on a referred decision as a new decision (kind `manual_review`, linked to the
 * referral case) that overrides it — replayable like an override — and applies an approval to the
 * facility, inside the caller's transaction.
 */
export async function recordManualReview(
  deps: Pick<DecisionsDeps, 'clock' | 'ids' | 'facilities'>,
  request: ManualReviewRequest,
  options: { readonly tx: Queryable },
): Promise<DecisionRecord> {
  const referred = await findDecision(options.tx, request.decisionId);
  if (!referred) throw AppError.notFound('decision', request.decisionId);
  if (referred.outcome !== 'referred')
    throw AppError.invalid('decisionId', 'referred', 'a manual review decides a referred decision');
  const record = personDecision(deps, referred, request, {
    kind: 'manual_review',
    linkedTo: request.referralId,
    reasons: request.reasons,
    productType: request.productType,
  });
  return writeDecision(deps, options.tx, record, true);
}
