import { once, parseIdempotencyKey } from '../../ledger/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { lockFacilityById } from '../facilities/facility.pg.ts';
import { bookEvent, locate } from './loan-command.ts';
import { loanPaymentReversed } from './loan-messages.ts';
import type { LoanDeps } from './loan-ports.ts';
import { reversalCodec, type ReversalReceipt, type ReversalResult } from './loan-receipts.ts';
import {
  outstandingOf,
  outstandingOfCounters,
  REVERSAL_REASONS,
  type LoanEvent,
  type ReversalReason,
} from './loan-state.ts';
import { loanEvents, lockLoan } from './loans.pg.ts';
import { daysPastDue, reversibleRepayment } from './servicing.ts';

export interface ReversalRequest {
  readonly loanId: string;
  /** The seq of the repayment that did not stand. */
  readonly paymentSeq: number;
  readonly reason: ReversalReason;
  readonly idempotencyKey: string;
}

/**
 * Reverses a repayment that did not stand — returned by the payer's bank or charged back (issue 15, item 5).
 * A `reversal` event names it; the books are restated as if it had never been received (interest, penalty,
 * days past due and the instalments' settlement recomputed from the drawdown by `replay`), the difference
 * booked as one restatement journal, the facility's utilisation moved back by the principal it had repaid,
 * and the customer told (SMS: which payment, why, what is owed and overdue now). Idempotent under its key;
 * one transaction, facility then loan locked (the lock order everywhere).
 *
 * Refused, with nothing written: a seq that is not a repayment of this loan (`paymentSeq`, `a-repayment` —
 * so a reversal of a reversal too), one already reversed (`not-reversed-already`), and one whose money was
 * held for the customer and has since been paid back to them (`held-money-not-paid-out`: recover it first).
 */
export async function reverseRepayment(deps: LoanDeps, request: ReversalRequest): Promise<ReversalResult> {
  const key = parseIdempotencyKey(request.idempotencyKey);
  if (!Number.isSafeInteger(request.paymentSeq) || request.paymentSeq < 1) {
    throw AppError.invalid('paymentSeq', 'positive-integer', 'name the repayment by its number (seq)');
  }
  if (!(REVERSAL_REASONS as readonly string[]).includes(request.reason)) {
    throw AppError.invalid('reason', 'one-of', `the reason is one of ${REVERSAL_REASONS.join(', ')}`);
  }
  const { loanId } = request;
  const where = await locate(deps.db, loanId);
  return deps.db.transaction(async (tx) => {
    const { value, replayed } = await once<ReversalReceipt>(
      deps.idempotency,
      tx,
      {
        customerId: where.customerId,
        scope: 'loan.reversal',
        key,
        request: { loanId, paymentSeq: request.paymentSeq, reason: request.reason },
      },
      deps.clock.now(),
      reversalCodec,
      async () => {
        await lockFacilityById(tx, where.customerId, where.facilityId);
        const record = await lockLoan(tx, where.customerId, loanId);
        if (!record) throw AppError.notFound('loan', loanId);
        const today = deps.clock.today();
        const earlier = await loanEvents(tx, where.customerId, loanId);
        const repayment = reversibleRepayment(earlier, request.paymentSeq);
        const event: LoanEvent = {
          seq: record.nextEventSeq,
          kind: 'reversal',
          effectiveDate: today,
          reverses: repayment.seq,
          reason: request.reason,
        };
        // The events read above (under the lock) are the ones the restatement replays: not read twice.
        const { state, changes, journals } = await bookEvent(tx, deps, record, event, earlier);
        // What was owed just before the restatement: where its booked change starts (the loan stepped
        // through today), derived from the counters rather than stepping the days a second time.
        const restatement = changes[changes.length - 1];
        if (deps.outbox) {
          await deps.outbox.write(tx, [
            loanPaymentReversed({
              loanId,
              customerId: where.customerId,
              seq: event.seq,
              amount: repayment.amount,
              paidOn: repayment.effectiveDate,
              reason: request.reason,
              stateAfter: state,
            }),
          ]);
        }
        return {
          loanId,
          seq: event.seq,
          reverses: repayment.seq,
          reason: request.reason,
          amount: repayment.amount,
          paidOn: repayment.effectiveDate,
          effectiveDate: today,
          outstandingBefore: outstandingOfCounters(restatement?.before ?? state.counters),
          outstanding: outstandingOf(state),
          daysPastDue: daysPastDue(state, state.processedThrough),
          status: state.status,
          journalIds: journals.map((journal) => journal.id),
        };
      },
    );
    return { receipt: value, replayed };
  });
}
