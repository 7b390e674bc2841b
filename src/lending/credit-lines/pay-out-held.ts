import { AppError } from '../../platform/errors/app-error.ts';
import { toDecimalString } from '../../platform/money/money.ts';
import type { CreditLineDeps, CreditLineService } from './credit-line-ports.ts';
import { command, positive, take } from './line-command.ts';
import { payoutCodec, type PayoutReceipt } from './line-receipts.ts';
import { advanceLine, heldFor, lineBalancesOf } from './line-servicing.ts';
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
      const held = heldFor(state);
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
      const event: LineEvent = { seq: record.nextEventSeq, kind: 'payout', effectiveDate: today, amount };
      const taken = await take(deps, tx, facility, record, event);
      return {
        lineId: request.lineId,
        seq: event.seq,
        amount,
        effectiveDate: today,
        heldBefore: held,
        heldAfter: heldFor(taken.state),
        balances: lineBalancesOf(taken.state),
        journalIds: taken.journalIds,
      };
    },
  );
  return { receipt: value, replayed };
}
