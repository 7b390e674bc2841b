import { AppError } from '../../platform/errors/app-error.ts';
import { addMoney, positivePart, subMoney } from '../../platform/money/money.ts';
import { checkDraw } from '../facilities/facility.ts';
import type { CreditLineDeps, CreditLineService } from './credit-line-ports.ts';
import { availableAfter, command, Declined, positive, take } from './line-command.ts';
import { temporaryExpired } from './line-lifecycle.ts';
import { purchaseCodec, type PurchaseReceipt } from './line-receipts.ts';
import { advanceLine, heldFor, lineDaysPastDue } from './line-servicing.ts';
import type { LineEvent } from './line-state.ts';

/** A purchase against the available limit; an expected refusal is an outcome and writes nothing. */
export async function purchaseOnLine(
  deps: CreditLineDeps,
  request: Parameters<CreditLineService['purchase']>[0],
): ReturnType<CreditLineService['purchase']> {
  positive(request.amount);
  const description = request.description.trim();
  if (description.length === 0 || description.length > 200) {
    throw AppError.invalid('description', 'length', 'describe the purchase in 1–200 characters');
  }
  try {
    const { value, replayed } = await command<PurchaseReceipt>(
      deps,
      request.lineId,
      request.idempotencyKey,
      'line.purchase',
      { amount: request.amount, description },
      purchaseCodec,
      async (tx, facility, record) => {
        const today = deps.clock.today();
        const { state } = advanceLine(record.terms, record.state, today);
        if (state.writtenOffOn)
          throw new Declined({ reason: 'line-written-off', writtenOffOn: state.writtenOffOn });
        if (state.suspended) {
          const limit = record.terms.suspendAfterDpd;
          throw new Declined({
            reason: 'line-overdue',
            daysPastDue: lineDaysPastDue(state, today),
            limit,
          });
        }
        const held = heldFor(state);
        // A temporary limit past its last day no longer counts (the booking below removes it).
        const usable = temporaryExpired(facility.temporary, today)
          ? { ...facility, temporary: null }
          : facility;
        const refusal = checkDraw(usable, positivePart(subMoney(request.amount, held)));
        if (refusal)
          throw new Declined(
            refusal.reason === 'insufficient-available-credit'
              ? { ...refusal, requested: request.amount, available: addMoney(refusal.available, held) }
              : refusal,
          );
        const event: LineEvent = {
          seq: record.nextEventSeq,
          kind: 'purchase',
          effectiveDate: today,
          amount: request.amount,
          purchaseId: deps.ids.next('purchase'),
          description,
        };
        const taken = await take(deps, tx, facility, record, event);
        return {
          lineId: request.lineId,
          purchaseId: event.purchaseId,
          seq: event.seq,
          amount: request.amount,
          effectiveDate: today,
          heldUsed: subMoney(taken.after.line.overpaymentApplied, taken.before.line.overpaymentApplied),
          availableAfter: await availableAfter(tx, record.terms.customerId),
          journalIds: taken.journalIds,
        };
      },
    );
    return { outcome: 'made', receipt: value, replayed };
  } catch (error) {
    if (error instanceof Declined) return { outcome: 'declined', refusal: error.refusal };
    throw error;
  }
}
