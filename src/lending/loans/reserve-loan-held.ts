import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { payoutReservationOf } from '../shared/payout-reservation.ts';
import type { Money } from '../../platform/money/money.ts';
import { lockFacilityById } from '../facilities/facility.pg.ts';
import { bookEvent, locate } from './loan-command.ts';
import type { LoanServiceDeps } from './loan-ports.ts';
import type { LoanEvent } from './loan-state.ts';
import { loanEvents, lockLoan } from './loans.pg.ts';

/**
 * Held money reserved for a pay-out while the provider has it (see migration 0440). Both steps run inside
 * the caller's transaction — the pay-out's own record is written in the same one, so a pay-out is never
 * sent without its reservation, nor refused without its release — and both are idempotent by the pay-out's
 * id (a second call finds the first event and books nothing).
 */

export interface ReservationRequest {
  readonly customerId: string;
  readonly loanId: string;
  readonly payoutId: string;
}

/** What the events say of one pay-out (`payoutReservationOf`, shared with the other product). */
export const reservationOf = (events: readonly LoanEvent[], payoutId: string) =>
  payoutReservationOf(events, payoutId);

async function lockedLoan(tx: Queryable, request: ReservationRequest) {
  // Lock order everywhere: facility, then loan (a day stepped on the way may move the utilisation).
  const where = await locate(tx, request.loanId);
  await lockFacilityById(tx, where.customerId, where.facilityId);
  const record = await lockLoan(tx, where.customerId, request.loanId);
  if (!record || where.customerId !== request.customerId) throw AppError.notFound('loan', request.loanId);
  return record;
}

/**
 * Sets `amount` of the money held aside for pay-out `payoutId`, dated today. Refused (422 `amount` /
 * `within-held`) when less than that is held and not already reserved — today's due date counted first.
 */
export async function reserveLoanHeld(
  deps: LoanServiceDeps,
  tx: Queryable,
  request: ReservationRequest & { readonly amount: Money },
): Promise<{ seq: number }> {
  const record = await lockedLoan(tx, request);
  const events = await loanEvents(tx, request.customerId, request.loanId);
  const known = reservationOf(events, request.payoutId).reserved;
  if (known) return { seq: known.seq };
  const event: LoanEvent = {
    seq: record.nextEventSeq,
    kind: 'reserve',
    effectiveDate: deps.clock.today(),
    amount: request.amount,
    payoutId: request.payoutId,
  };
  await bookEvent(tx, deps, record, event, events);
  return { seq: event.seq };
}

/**
 * Gives pay-out `payoutId`'s reservation back to the customer's use (the provider refused it): held money
 * free again, used from then on. Nothing to do when it was never reserved, is released already, or was paid.
 */
export async function releaseLoanHeld(
  deps: LoanServiceDeps,
  tx: Queryable,
  request: ReservationRequest,
): Promise<{ seq: number } | undefined> {
  const record = await lockedLoan(tx, request);
  const events = await loanEvents(tx, request.customerId, request.loanId);
  const found = reservationOf(events, request.payoutId);
  if (!found.reserved || found.released || found.paid) return undefined;
  const event: LoanEvent = {
    seq: record.nextEventSeq,
    kind: 'release',
    effectiveDate: deps.clock.today(),
    amount: found.reserved.amount,
    payoutId: request.payoutId,
  };
  await bookEvent(tx, deps, record, event, events);
  return { seq: event.seq };
}
