import type { LoanService } from '../loans/loan-ports.ts';
import { heldFor } from '../loans/loan-state.ts';
import { advance } from '../loans/servicing.ts';
import { loanStore, locateLoan } from '../loans/loans.pg.ts';
import { ZERO } from '../../platform/money/money.ts';
import { owedOn, type UnpaidDue } from './auto-repay.ts';
import type { AutoRepayAccounts } from './payment-ports.ts';

/**
 * Cash loans for auto-repay: what is due is every billed instalment not settled (principal, interest and
 * penalty accrued on it, less what was paid of it), by due date; money collected is booked through the
 * loan's repayment use case (intent `scheduled`); money held paid back through the loan's payout use case.
 */
export function loanAutoRepayAccounts(
  loans: Pick<LoanService, 'repay' | 'payout' | 'reserveHeld' | 'releaseHeld'>,
): AutoRepayAccounts {
  return {
    product: 'cash_loan',
    owns: (accountId) => accountId.startsWith('ln_'),
    async find(q, accountId) {
      const where = await locateLoan(q, accountId);
      if (!where) return undefined;
      const record = await loanStore.find(q, where.customerId, accountId);
      if (!record) return undefined;
      return { customerId: where.customerId, open: record.state.status === 'active' };
    },
    async unpaid(q, accounts) {
      const records = await loanStore.load(
        q,
        accounts.map((account) => ({ customerId: account.customerId, id: account.accountId })),
      );
      const result = new Map<string, UnpaidDue[]>();
      for (const record of records) {
        if (record.state.status !== 'active') continue;
        result.set(
          record.contract.loanId,
          record.state.instalments
            .filter((instalment) => instalment.settledOn === null)
            .map((instalment): UnpaidDue => ({
              dueDate: instalment.dueDate,
              owed: owedOn(
                [instalment.principal, instalment.interest, instalment.penalty],
                [instalment.principalPaid, instalment.interestPaid, instalment.penaltyPaid],
              ),
            })),
        );
      }
      return result;
    },
    async book({ accountId, amount, effectiveDate, paymentId }) {
      const { receipt } = await loans.repay({
        loanId: accountId,
        amount,
        intent: 'scheduled',
        effectiveDate,
        idempotencyKey: paymentId,
      });
      return { seq: receipt.seq };
    },
    async held(q, customerId, accountId, today) {
      const record = await loanStore.find(q, customerId, accountId);
      if (!record) return ZERO;
      const state =
        today > record.state.processedThrough
          ? advance(record.contract, record.state, today).state
          : record.state;
      return heldFor(state.counters);
    },
    async reserveHeld(tx, { customerId, accountId, amount, payoutId }) {
      await loans.reserveHeld(tx, { customerId, loanId: accountId, amount, payoutId });
    },
    async releaseHeld(tx, { customerId, accountId, payoutId }) {
      await loans.releaseHeld(tx, { customerId, loanId: accountId, payoutId });
    },
    async bookPayout({ accountId, amount, payoutId }) {
      const { receipt } = await loans.payout({
        loanId: accountId,
        amount,
        idempotencyKey: payoutId,
        payoutId,
      });
      return { seq: receipt.seq };
    },
  };
}
