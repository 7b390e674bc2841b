import { AppError } from '../../platform/errors/app-error.ts';
import { findLine, listLineChanges, locateLine, type LineChangeRecord } from './credit-lines.pg.ts';
import type { LineLifecycleDeps } from './line-lifecycle-command.ts';

/**
 * The line's lifecycle use cases (rules in `line-lifecycle.ts`), one file each — `close-line.ts`,
 * `request-lower-limit.ts`, `lift-customer-limit-cap.ts`, `grant-temporary-limit.ts`,
 * `change-line-statement-day.ts` — on one command frame (`line-lifecycle-command.ts`: idempotency key, lock
 * order, history row, audit); and the line's history.
 */
export {
  type LineChangeReceipt,
  type LineChangeResult,
  type LineLifecycleDeps,
  type Requester,
} from './line-lifecycle-command.ts';
export { closeLine } from './close-line.ts';
export { requestLowerLimit } from './request-lower-limit.ts';
export { liftCustomerLimitCap } from './lift-customer-limit-cap.ts';
export { grantTemporaryLimit } from './grant-temporary-limit.ts';
export { changeLineStatementDay } from './change-line-statement-day.ts';

/** The line's history of lifecycle changes, oldest first. */
export async function lineChanges(
  deps: Pick<LineLifecycleDeps, 'db'>,
  lineId: string,
): Promise<LineChangeRecord[]> {
  const where = await locateLine(deps.db, lineId);
  if (!where) throw AppError.notFound('credit line', lineId);
  const record = await findLine(deps.db, where.customerId, lineId);
  if (!record) throw AppError.notFound('credit line', lineId);
  return listLineChanges(deps.db, where.customerId, lineId);
}
