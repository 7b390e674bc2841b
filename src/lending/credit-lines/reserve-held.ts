import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { payoutReservationOf } from '../shared/payout-reservation.ts';
import type { Money } from '../../platform/money/money.ts';
import { lockFacilityById } from '../facilities/facility.pg.ts';
import type { CreditLineDeps } from './credit-line-ports.ts';
import { lineEvents, lockLine } from './credit-lines.pg.ts';
import { locate, take } from './line-command.ts';
import type { LineEvent } from './line-state.ts';

/**
 * Held money reserved for a pay-out while the provider has it (migration 0440), the credit line's half of
 * `reserve-loan-held.ts`. Both steps run in the caller's transaction (the one that records or refuses the
 * pay-out) and are idempotent by the pay-out's id.
 */

export interface LineReservationRequest {
  readonly customerId: string;
  readonly lineId: string;
  readonly payoutId: string;
}

/** What the events say of one pay-out (`payoutReservationOf`, shared with the other product). */
export const lineReservationOf = (events: readonly LineEvent[], payoutId: string) =>
  payoutReservationOf(events, payoutId);

async function locked(tx: Queryable, request: LineReservationRequest) {
  // Lock order everywhere: facility, then line.
  const where = await locate(tx, request.lineId);
  if (where.customerId !== request.customerId) throw AppError.notFound('credit line', request.lineId);
  const facility = await lockFacilityById(tx, where.customerId, where.facilityId);
  if (!facility) throw new AppError('INTERNAL', `the facility of line ${request.lineId} is missing`);
  const record = await lockLine(tx, where.customerId, request.lineId);
  if (!record) throw AppError.notFound('credit line', request.lineId);
  const events = await lineEvents(tx, where.customerId, request.lineId);
  return { facility, record, events };
}

/**
 * Sets `amount` of the money held on the line aside for pay-out `payoutId`, dated today. Refused (422
 * `amount` / `within-held`) when less than that is held and not already reserved — today's statement cut
 * counted first.
 */
export async function reserveLineHeld(
  deps: CreditLineDeps,
  tx: Queryable,
  request: LineReservationRequest & { readonly amount: Money },
): Promise<{ seq: number }> {
  const { facility, record, events } = await locked(tx, request);
  const known = lineReservationOf(events, request.payoutId).reserved;
  if (known) return { seq: known.seq };
  const event: LineEvent = {
    seq: record.nextEventSeq,
    kind: 'reserve',
    effectiveDate: deps.clock.today(),
    amount: request.amount,
    payoutId: request.payoutId,
  };
  await take(deps, tx, facility, record, event, events);
  return { seq: event.seq };
}

/**
 * Gives pay-out `payoutId`'s reservation back to the customer's use (the provider refused it). Nothing to
 * do when it was never reserved, is released already, or was paid out.
 */
export async function releaseLineHeld(
  deps: CreditLineDeps,
  tx: Queryable,
  request: LineReservationRequest,
): Promise<{ seq: number } | undefined> {
  const { facility, record, events } = await locked(tx, request);
  const found = lineReservationOf(events, request.payoutId);
  if (!found.reserved || found.released || found.paid) return undefined;
  const event: LineEvent = {
    seq: record.nextEventSeq,
    kind: 'release',
    effectiveDate: deps.clock.today(),
    amount: found.reserved.amount,
    payoutId: request.payoutId,
  };
  await take(deps, tx, facility, record, event, events);
  return { seq: event.seq };
}
