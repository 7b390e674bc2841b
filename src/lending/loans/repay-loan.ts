import { AppError } from '../../platform/errors/app-error.ts';
import { takeEvent } from './loan-command.ts';
import type { LoanDeps, LoanService } from './loan-ports.ts';

/** A repayment, value-dated back at most to the drawdown and not after today. */
export function repayLoan(
  deps: LoanDeps,
  request: Parameters<LoanService['repay']>[0],
): ReturnType<LoanService['repay']> {
  if (request.amount <= 0n) throw AppError.invalid('amount', 'positive', 'the amount must be above zero');
  return takeEvent(
    deps,
    request.loanId,
    request.idempotencyKey,
    'loan.repayment',
    { amount: request.amount, intent: request.intent, effectiveDate: request.effectiveDate ?? null },
    (record, today) => {
      const effectiveDate = request.effectiveDate ?? today;
      if (effectiveDate > today) {
        throw AppError.invalid(
          'effectiveDate',
          'not-in-the-future',
          `the value date cannot be after today (${today})`,
        );
      }
      if (effectiveDate < record.contract.startDate) {
        throw AppError.invalid(
          'effectiveDate',
          'not-before-drawdown',
          `the loan was drawn on ${record.contract.startDate}`,
        );
      }
      return {
        seq: record.nextEventSeq,
        kind: 'repayment',
        effectiveDate,
        amount: request.amount,
        intent: request.intent,
      };
    },
  );
}
