import { AppError } from '../../platform/errors/app-error.ts';
import { takeEvent } from './loan-command.ts';
import type { LoanDeps, LoanService } from './loan-ports.ts';

/** Writes an active loan off (what is owed moves to the written-off accounts; recoveries are repayments). */
export function writeOffLoan(
  deps: LoanDeps,
  request: Parameters<LoanService['writeOff']>[0],
): ReturnType<LoanService['writeOff']> {
  return takeEvent(deps, request.loanId, request.idempotencyKey, 'loan.write-off', {}, (record, today) => {
    if (record.state.status !== 'active') {
      throw new AppError(
        'UNPROCESSABLE',
        `loan ${record.contract.loanId} is ${record.state.status}; only an active loan can be written off`,
      );
    }
    return { seq: record.nextEventSeq, kind: 'write-off', effectiveDate: today };
  });
}
