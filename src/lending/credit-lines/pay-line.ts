import { AppError } from '../../platform/errors/app-error.ts';
import type { CreditLineDeps, CreditLineService } from './credit-line-ports.ts';
import { credit } from './line-command.ts';

/** A payment, value-dated back within the cycle at most to today. */
export function payLine(
  deps: CreditLineDeps,
  request: Parameters<CreditLineService['pay']>[0],
): ReturnType<CreditLineService['pay']> {
  return credit(
    deps,
    'payment',
    request.lineId,
    request.idempotencyKey,
    request.amount,
    { effectiveDate: request.effectiveDate ?? null },
    async (record, today) => {
      const effectiveDate = request.effectiveDate ?? today;
      if (effectiveDate > today) {
        throw AppError.invalid(
          'effectiveDate',
          'not-in-the-future',
          `the value date cannot be after today (${today})`,
        );
      }
      return { seq: record.nextEventSeq, kind: 'payment', effectiveDate, amount: request.amount };
    },
  );
}
