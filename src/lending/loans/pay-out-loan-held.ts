import { once, parseIdempotencyKey } from '../../ledger/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { lockFacilityById } from '../facilities/facility.pg.ts';
import { bookEvent, locate } from './loan-command.ts';
import type { LoanDeps, LoanService } from './loan-ports.ts';
import { payoutCodec, type PayoutReceipt } from './loan-receipts.ts';
import { freeHeldOf, outstandingOf, type LoanEvent } from './loan-state.ts';
import { loanEvents, lockLoan } from './loans.pg.ts';
import { reservationOf } from './reserve-loan-held.ts';
import { advance } from './servicing.ts';

/**
 * Pays money held for the customer back to them (all that is held and not reserved for a pay-out by
 * default; with `payoutId`, that pay-out's reservation); refuses more than is held.
 */
export async function payOutLoanHeld(
  deps: LoanDeps,
  request: Parameters<LoanService['payout']>[0],
): ReturnType<LoanService['payout']> {
  if (request.amount !== undefined && request.amount <= 0n) {
    throw AppError.invalid('amount', 'positive', 'the amount must be above zero');
  }
  const key = parseIdempotencyKey(request.idempotencyKey);
  const { loanId } = request;
  const where = await locate(deps.db, loanId);
  return deps.db.transaction(async (tx) => {
    const { value, replayed } = await once<PayoutReceipt>(
      deps.idempotency,
      tx,
      {
        customerId: where.customerId,
        scope: 'loan.payout',
        key,
        request: { loanId, amount: request.amount ?? null },
      },
      deps.clock.now(),
      payoutCodec,
      async () => {
        // Lock order everywhere: facility, then loan. Reaching today may bill an instalment (which uses
        // held money and repays principal, moving the facility's utilisation).
        await lockFacilityById(tx, where.customerId, where.facilityId);
        const record = await lockLoan(tx, where.customerId, loanId);
        if (!record) throw AppError.notFound('loan', loanId);
        const today = deps.clock.today();
        // What is held today, after the day steps up to today (a due date today uses held money first).
        const asOfToday =
          today > record.state.processedThrough
            ? advance(record.contract, record.state, today).state
            : record.state;
        const heldBefore = outstandingOf(asOfToday).overpayment;
        const events = await loanEvents(tx, where.customerId, loanId);
        // A pay-out the provider confirmed is paid from its reservation while that stands.
        const reservation =
          request.payoutId === undefined ? undefined : reservationOf(events, request.payoutId);
        const fromReservation =
          reservation?.reserved !== undefined && !reservation.released && !reservation.paid;
        const amount =
          request.amount ??
          (fromReservation ? reservation?.reserved?.amount : undefined) ??
          freeHeldOf(asOfToday);
        if (amount === 0n) {
          throw AppError.invalid('amount', 'within-held', `nothing is held for the customer on ${today}`);
        }
        const event: LoanEvent = {
          seq: record.nextEventSeq,
          kind: 'payout',
          effectiveDate: today,
          amount,
          ...(fromReservation && request.payoutId !== undefined ? { payoutId: request.payoutId } : {}),
        };
        // Refuses more than is held and free, or reserved for it (HeldShortfall → amount / within-held),
        // before anything is written.
        const { state, journals } = await bookEvent(tx, deps, record, event, events);
        return {
          loanId,
          seq: event.seq,
          amount,
          effectiveDate: today,
          heldBefore,
          outstanding: outstandingOf(state),
          status: state.status,
          journalIds: journals.map((journal) => journal.id),
        };
      },
    );
    return { receipt: value, replayed };
  });
}
