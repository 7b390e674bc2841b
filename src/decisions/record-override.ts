import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { DecisionRecord } from './decision.ts';
import type { OverrideRequest } from './decision-requests.ts';
import type { DecisionsDeps } from './decisions-ports.ts';
import { findDecision } from './decisions.pg.ts';
import { getDecision } from './get-decision.ts';
import { personDecision } from './person-decision.ts';
import { storeDecision, writeDecision } from './record-decision.ts';

/**
 * Records a person's decision on an appeal as a new decision that overrides an earlier one (and applies an
 * approval to the facility unless told not to). With `options.tx` it is written inside the caller's
 * transaction (the appeals context writes the override and the appeal's resolution together); otherwise in
 * its own.
 */
export async function recordOverride(
  deps: Pick<DecisionsDeps, 'db' | 'clock' | 'ids' | 'facilities' | 'referralCases'>,
  request: OverrideRequest,
  options: { readonly tx?: Queryable } = {},
): Promise<DecisionRecord> {
  const { tx } = options;
  const overridden = tx
    ? await findDecision(tx, request.decisionId)
    : await getDecision(deps, request.decisionId);
  if (!overridden) throw AppError.notFound('decision', request.decisionId);
  const record = personDecision(deps, overridden, request, { kind: 'override', linkedTo: request.appealId });
  const apply = request.applyToFacility !== false;
  return tx ? writeDecision(deps, tx, record, apply) : storeDecision(deps, record, apply);
}
