import { AppError } from '../platform/errors/app-error.ts';
import type { Appeal } from './appeal.ts';
import type { AppealDeps, CustomerAppealView } from './appeal-ports.ts';
import { customerStatusText } from './appeal-texts.ts';
import * as repository from './appeals.pg.ts';

/** The appeal as the customer sees it; NOT_FOUND unless it is this customer's. */
export async function customerAppealView(
  deps: Pick<AppealDeps, 'db' | 'ports'>,
  input: { appealId: string; customerId: string },
): Promise<CustomerAppealView> {
  const appeal = await repository.findAppeal(deps.db, input.appealId);
  if (!appeal || appeal.customerId !== input.customerId) throw AppError.notFound('appeal', input.appealId);
  const granted = await grantedBy(deps, appeal);
  return { appeal, statusText: customerStatusText(appeal, granted), granted };
}

/** The limit and price the customer was granted by a successful appeal (the re-check's or the override's). */
async function grantedBy(
  deps: Pick<AppealDeps, 'ports'>,
  appeal: Appeal,
): Promise<CustomerAppealView['granted']> {
  const decisionId =
    appeal.resolution === 'overturned_by_recheck'
      ? appeal.recheckDecisionId
      : appeal.resolution === 'overturned'
        ? appeal.overrideDecisionId
        : null;
  if (decisionId === null) return null;
  const record = await deps.ports.decision(decisionId);
  return record.apr === null ? null : { limit: record.limit, apr: record.apr, decisionId };
}
