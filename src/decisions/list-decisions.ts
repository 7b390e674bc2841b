import { AppError } from '../platform/errors/app-error.ts';
import type { DecisionSummary } from './decision.ts';
import type { DecisionsDeps } from './decisions-ports.ts';
import { listDecisions as listStoredDecisions } from './decisions.pg.ts';

/** A customer's decisions, newest first (at most `limit`, 1–500; `before` pages by decision id). */
export async function listDecisions(
  deps: Pick<DecisionsDeps, 'db'>,
  customerId: string,
  options: { limit?: number; before?: string } = {},
): Promise<DecisionSummary[]> {
  const limit = options.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw AppError.invalid('limit', 'range', 'limit must be from 1 to 500');
  return listStoredDecisions(deps.db, customerId, {
    limit,
    ...(options.before ? { before: options.before } : {}),
  });
}
