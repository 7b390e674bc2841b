import { AppError } from '../platform/errors/app-error.ts';
import type { DecisionRecord } from './decision.ts';
import type { DecisionsDeps } from './decisions-ports.ts';
import { findDecision } from './decisions.pg.ts';

/** One decision with all its evidence; NOT_FOUND when there is no such decision. */
export async function getDecision(
  deps: Pick<DecisionsDeps, 'db'>,
  decisionId: string,
): Promise<DecisionRecord> {
  const record = await findDecision(deps.db, decisionId);
  if (!record) throw AppError.notFound('decision', decisionId);
  return record;
}
