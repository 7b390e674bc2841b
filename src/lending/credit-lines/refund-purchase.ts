import { AppError } from '../../platform/errors/app-error.ts';
import { subMoney, toDecimalString } from '../../platform/money/money.ts';
import type { CreditLineDeps, CreditLineService } from './credit-line-ports.ts';
import { findPurchase } from './credit-lines.pg.ts';
import { credit } from './line-command.ts';

/** A merchant's refund of (part of) a purchase; a refund of a converted purchase goes to its plan first. */
export function refundPurchase(
  deps: CreditLineDeps,
  request: Parameters<CreditLineService['refund']>[0],
): ReturnType<CreditLineService['refund']> {
  return credit(
    deps,
    'refund',
    request.lineId,
    request.idempotencyKey,
    request.amount,
    { purchaseId: request.purchaseId },
    async (record, today, tx) => {
      const purchase = await findPurchase(tx, record.terms.customerId, request.purchaseId);
      if (!purchase || purchase.lineId !== record.terms.lineId)
        throw AppError.notFound('purchase', request.purchaseId);
      const refundable = subMoney(purchase.amount, purchase.refunded);
      if (request.amount > refundable) {
        throw AppError.invalid(
          'amount',
          'within-purchase',
          `at most ${toDecimalString(refundable)} of purchase ${request.purchaseId} is left to refund`,
        );
      }
      return {
        seq: record.nextEventSeq,
        kind: 'refund',
        effectiveDate: today,
        amount: request.amount,
        purchaseId: request.purchaseId,
      };
    },
  );
}
