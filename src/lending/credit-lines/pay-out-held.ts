import { AppError } from '../../platform/errors/app-error.ts';
import { toDecimalString } from '../../platform/money/money.ts';
import type { CreditLineDeps, CreditLineService } from './credit-line-ports.ts';
import { command, positive, take } from './line-command.ts';
import { payoutCodec, type PayoutReceipt } from './line-receipts.ts';
import { lineEvents } from './credit-lines.pg.ts';
import { advanceLine, freeHeldOf, heldFor, lineBalancesOf } from './line-servicing.ts';
import { lineReservationOf } from './reserve-held.ts';
import type { LineEvent } from './line-state.ts';

/** Pays money held for the customer out to them. */
export async function payOutHeld(
  deps: CreditLineDeps,
  request: Parameters<CreditLineService['payout']>[0],
): ReturnType<CreditLineService['payout']> {
  if (request.amount !== undefined) positive(request.amount);
  const { value, replayed } = await command<PayoutReceipt>(
    deps,
    request.lineId,
    request.idempotencyKey,
    'line.payout',
    { amount: request.amount ?? null },
    payoutCodec,
    async (tx, facility, record) => {
      const today = deps.clock.today();
      const { state } = advanceLine(record.terms, record.state, today);
      const events = await lineEvents(tx, record.terms.customerId, request.lineId);
      // A pay-out the provider confirmed is paid from its reservation while that stands; anything else
      // from money held and not reserved.
      const reservation =
        request.payoutId === undefined ? undefined : lineReservationOf(events, request.payoutId);
      const reserved =
        reservation?.reserved !== undefined && !reservation.released && !reservation.paid
          ? reservation.reserved.amount
          : undefined;
      const held = reserved ?? freeHeldOf(state);
      const amount = request.amount ?? held;
      if (amount <= 0n) {
        throw AppError.invalid('amount', 'within-held', 'nothing is held for the customer to pay out');
      }
      if (amount > held) {
        throw AppError.invalid(
          'amount',
          'within-held',
          `at most ${toDecimalString(held)} is held for the customer and can be paid out`,
        );
      }
      const event: LineEvent = {
        seq: record.nextEventSeq,
        kind: 'payout',
        effectiveDate: today,
        amount,
        ...(reserved !== undefined && request.payoutId !== undefined ? { payoutId: request.payoutId } : {}),
      };
      const taken = await take(deps, tx, facility, record, event, events);
      return {
        lineId: request.lineId,
        seq: event.seq,
        amount,
        effectiveDate: today,
        heldBefore: heldFor(state),
        heldAfter: heldFor(taken.state),
        balances: lineBalancesOf(taken.state),
        journalIds: taken.journalIds,
      };
    },
  );
  return { receipt: value, replayed };
}
