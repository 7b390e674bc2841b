import { once, parseIdempotencyKey } from '../../ledger/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { moneyFromJson, subMoney } from '../../platform/money/money.ts';
import { availableCredit, checkDraw } from '../facilities/facility.ts';
import { changeUtilisation, lockFacility } from '../facilities/facility.pg.ts';
import { assertFacilityTermsInForce } from '../facilities/facility-terms-guard.ts';
import { costCapInForce } from '../shared/cost-cap-in-force.ts';
import { drawdownJournal, LOAN_ACCOUNT_KINDS } from './loan-books.ts';
import { Declined } from './loan-command.ts';
import { contractFor } from './loan-contract.ts';
import type { LoanDeps, LoanService } from './loan-ports.ts';
import type { DrawdownReceipt } from './loan-receipts.ts';
import { findLoan, hasDelinquentLoan, insertLoans } from './loans.pg.ts';
import { scheduleOf } from './loan-view.ts';
import { initialState } from './servicing.ts';

/** A drawdown on the customer's cash-loan facility; an expected refusal is an outcome and writes nothing. */
export async function drawDown(
  deps: LoanDeps,
  request: Parameters<LoanService['drawdown']>[0],
): ReturnType<LoanService['drawdown']> {
  const key = parseIdempotencyKey(request.idempotencyKey);
  if (request.amount <= 0n) throw AppError.invalid('amount', 'positive', 'the amount must be above zero');
  // Read before the transaction: the settings come through the policy context (cached), not `tx`.
  const today = deps.clock.today();
  const termsInForce = await deps.termsInForce('cash_loan', today);
  try {
    return await deps.db.transaction(async (tx) => {
      const { value, replayed } = await once<{ loanId: string; availableAfter: string }>(
        deps.idempotency,
        tx,
        {
          customerId: request.customerId,
          scope: 'loan.drawdown',
          key,
          request: { amount: request.amount, term: request.term, method: request.method },
        },
        deps.clock.now(),
        { encode: (v) => v, decode: (stored) => stored as { loanId: string; availableAfter: string } },
        async () => {
          const facility = await lockFacility(tx, request.customerId, 'cash-loan');
          if (!facility) throw new Declined({ reason: 'no-facility' });
          const refusal = checkDraw(facility, request.amount);
          if (refusal) throw new Declined(refusal);
          assertFacilityTermsInForce(facility, termsInForce, today);
          if (await hasDelinquentLoan(tx, request.customerId)) {
            throw new Declined({ reason: 'delinquent', detail: 'a loan is past due or written off' });
          }
          const contract = contractFor(deps.product, {
            loanId: deps.ids.next('loan'),
            customerId: request.customerId,
            facilityId: facility.id,
            principal: request.amount,
            apr: facility.apr,
            term: request.term,
            method: request.method,
            startDate: deps.clock.today(),
            ...costCapInForce(termsInForce),
          });
          const state = initialState(contract);
          const now = deps.clock.now();
          await insertLoans(tx, [{ contract, state }], now);
          await deps.ledger.openAccounts(
            tx,
            [{ customerId: contract.customerId, contractId: contract.loanId }],
            LOAN_ACCOUNT_KINDS,
            now,
          );
          await deps.ledger.postJournals(
            tx,
            [drawdownJournal(contract, state.counters, deps.ids.next('journal'))],
            now,
          );
          const used = await changeUtilisation(tx, contract.customerId, facility.id, contract.principal, now);
          const available = availableCredit({ ...facility, used });
          return { loanId: contract.loanId, availableAfter: available.toString() };
        },
      );
      const record = await findLoan(tx, request.customerId, value.loanId);
      if (!record) throw new AppError('INTERNAL', `loan ${value.loanId} vanished after the drawdown`);
      const { contract } = record;
      const receipt: DrawdownReceipt = {
        loanId: contract.loanId,
        contract,
        paidOut: subMoney(contract.principal, contract.upfrontFee),
        schedule: scheduleOf(contract),
        availableAfter: moneyFromJson(value.availableAfter, 'receipt.availableAfter'),
      };
      return { outcome: 'drawn' as const, receipt, replayed };
    });
  } catch (error) {
    if (error instanceof Declined) return { outcome: 'declined', refusal: error.refusal };
    throw error;
  }
}
