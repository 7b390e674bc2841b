import { AppError } from '../../platform/errors/app-error.ts';
import { subMoney, ZERO } from '../../platform/money/money.ts';
import { REVERSAL_REASONS } from '../shared/reversals.ts';
import type { CreditLineDeps } from './credit-line-ports.ts';
import { lineEvents } from './credit-lines.pg.ts';
import { availableAfter, command, take } from './line-command.ts';
import { linePaymentReversed } from './line-messages.ts';
import {
  lineReversalCodec,
  type LineReversalReceipt,
  type LineReversalRequest,
  type LineReversalResult,
  type MinimumDue,
} from './line-receipts.ts';
import {
  advanceLine,
  lineBalancesOf,
  lineDaysPastDue,
  minimumOutstanding,
  reversibleLinePayment,
} from './line-servicing.ts';
import type { LineEvent, LineState } from './line-state.ts';

function minimumsOf(state: LineState): MinimumDue[] {
  return state.statements.map((statement, index) => ({
    seq: statement.seq,
    dueDate: statement.dueDate,
    minimumOutstanding: minimumOutstanding(state, index),
  }));
}

/**
 * Reverses a credit-line payment that did not stand — returned by the payer's bank or charged back (issue 15,
 * item 5). A `reversal` event names it; the line is restated exactly as if it had never been made
 * (`replayLine`: statement balances, minimums, plan instalments, interest and grace, late fees, days past due
 * and the facility's suspension re-run, available credit), the difference booked as one restatement journal
 * per contract, the facility's `used` put back by the principal it had repaid (even above the limit: owed, not
 * spent), and the customer told (`payment_reversed`, zh-CN and en). Statements already sent stay as sent; the
 * next one carries the difference as `reversals`. Idempotent under its key; one transaction, facility then
 * line locked.
 *
 * Refused, with nothing written: a seq that is not a payment of this line (`paymentSeq` / `a-payment` — so a
 * reversal of a reversal too), a payment already reversed (`not-reversed-already`), one whose money was held
 * for the customer and has since been paid out to them (`held-money-not-paid-out`), a closed line (`line` /
 * `line-open`).
 */
export async function reverseLinePayment(
  deps: CreditLineDeps,
  request: LineReversalRequest,
): Promise<LineReversalResult> {
  if (!Number.isSafeInteger(request.paymentSeq) || request.paymentSeq < 1) {
    throw AppError.invalid('paymentSeq', 'positive-integer', 'name the payment by its number (seq)');
  }
  if (!(REVERSAL_REASONS as readonly string[]).includes(request.reason)) {
    throw AppError.invalid('reason', 'one-of', `the reason is one of ${REVERSAL_REASONS.join(', ')}`);
  }
  const { lineId } = request;
  const { value, replayed } = await command<LineReversalReceipt>(
    deps,
    lineId,
    request.idempotencyKey,
    'line.reversal',
    { paymentSeq: request.paymentSeq, reason: request.reason },
    lineReversalCodec,
    async (tx, facility, record) => {
      const { terms } = record;
      const today = deps.clock.today();
      const earlier = await lineEvents(tx, terms.customerId, lineId);
      const payment = reversibleLinePayment(earlier, request.paymentSeq);
      const event: LineEvent = {
        seq: record.nextEventSeq,
        kind: 'reversal',
        effectiveDate: today,
        amount: payment.amount,
        reverses: payment.seq,
        reason: request.reason,
      };
      // The line as it stood today before the reversal (the day steps up to today are booked first).
      const standing = advanceLine(terms, record.state, today).state;
      const taken = await take(deps, tx, facility, record, event, earlier);
      if (deps.outbox) {
        await deps.outbox.write(tx, [
          linePaymentReversed({
            customerId: terms.customerId,
            lineId,
            seq: event.seq,
            amount: payment.amount,
            paidOn: payment.effectiveDate,
            reason: request.reason,
            state: taken.state,
          }),
        ]);
      }
      return {
        lineId,
        seq: event.seq,
        reverses: payment.seq,
        reason: request.reason,
        amount: payment.amount,
        paidOn: payment.effectiveDate,
        effectiveDate: today,
        balancesBefore: lineBalancesOf(standing),
        balances: lineBalancesOf(taken.state),
        interestChange: subMoney(taken.after.line.interestAccrued, taken.before.line.interestAccrued),
        lateFeeChange: subMoney(
          taken.after.line.lateFeesCharged ?? ZERO,
          taken.before.line.lateFeesCharged ?? ZERO,
        ),
        minimumsBefore: minimumsOf(standing),
        minimums: minimumsOf(taken.state),
        daysPastDueBefore: lineDaysPastDue(standing, today),
        daysPastDue: lineDaysPastDue(taken.state, today),
        availableAfter: await availableAfter(tx, terms.customerId),
        journalIds: taken.journalIds,
      };
    },
  );
  return { receipt: value, replayed };
}
