import { once, parseIdempotencyKey } from '../../ledger/index.ts';
import type { JournalEntry } from '../../ledger/index.ts';
import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { subMoney, ZERO } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { changeUtilisation, lockFacilityById } from '../facilities/facility.pg.ts';
import { journalOf } from './loan-books.ts';
import { loanPaymentReceived } from './loan-messages.ts';
import type { LoanDeps, LoanServiceDeps } from './loan-ports.ts';
import {
  allocationOf,
  decodeReceipt,
  encodeReceipt,
  type DrawdownRefusal,
  type RepaymentReceipt,
  type RepaymentResult,
} from './loan-receipts.ts';
import { outstandingOf, type LoanEvent, type LoanState } from './loan-state.ts';
import {
  findLoan,
  insertLoanEvent,
  loanEvents,
  locateLoan,
  lockLoan,
  saveLoanStates,
  type LoanRecord,
} from './loans.pg.ts';
import { receiveEvent, type BookedChange } from './servicing.ts';

/**
 * What the loan use cases share: finding a loan, booking an event on a locked loan (`bookEvent`), and the
 * frame of repayments and write-offs (`takeEvent`: the idempotency key, the facility then the loan locked,
 * one transaction). The use cases are one file each beside it.
 */

/** Raised inside a transaction to roll it back and hand a value out (a declined command writes nothing). */
export class Declined extends Error {
  constructor(readonly refusal: DrawdownRefusal) {
    super('declined');
  }
}

/**
 * Books an event on a locked loan: applies it (advancing or restating as its date requires), posts the
 * journals, saves the state and moves the facility's utilisation by the principal repaid. Shared by
 * repayments and write-offs.
 */
export async function bookEvent(
  tx: Queryable,
  deps: LoanServiceDeps,
  record: LoanRecord,
  event: LoanEvent,
  /** The loan's events so far, when the caller has read them under the lock already. */
  known?: readonly LoanEvent[],
): Promise<{ state: LoanState; changes: BookedChange[]; journals: JournalEntry[] }> {
  const { contract } = record;
  const earlier = known ?? (await loanEvents(tx, contract.customerId, contract.loanId));
  const { state, changes } = receiveEvent(contract, record.state, earlier, event);
  const journals: JournalEntry[] = [];
  for (const change of changes) {
    const journal = journalOf(contract, change, deps.ids.next('journal'));
    if (journal) journals.push(journal);
  }
  const now = deps.clock.now();
  await insertLoanEvent(tx, contract.customerId, contract.loanId, event, now);
  await deps.ledger.postJournals(tx, journals, now);
  await saveLoanStates(tx, [{ contract, state, nextEventSeq: record.nextEventSeq + 1 }], now);
  const repaid = state.counters.principalRepaid - record.state.counters.principalRepaid;
  if (repaid !== 0n) await changeUtilisation(tx, contract.customerId, contract.facilityId, -repaid, now);
  return { state, changes, journals };
}

export async function locate(
  q: Queryable,
  loanId: string,
): Promise<{ customerId: string; facilityId: string }> {
  const where = await locateLoan(q, loanId);
  if (!where) throw AppError.notFound('loan', loanId);
  return where;
}

/** A loan by id, wherever it is. */
export async function load(deps: Pick<LoanDeps, 'db'>, loanId: string): Promise<LoanRecord> {
  const where = await locate(deps.db, loanId);
  const record = await findLoan(deps.db, where.customerId, loanId);
  if (!record) throw AppError.notFound('loan', loanId);
  return record;
}

/** Runs a repayment or write-off on a locked loan under its idempotency key. */
export async function takeEvent(
  deps: LoanDeps,
  loanId: string,
  idempotencyKey: string,
  scope: string,
  request: Record<string, unknown>,
  makeEvent: (record: LoanRecord, today: LocalDate) => LoanEvent,
): Promise<RepaymentResult> {
  const key = parseIdempotencyKey(idempotencyKey);
  const where = await locate(deps.db, loanId);
  return deps.db.transaction(async (tx) => {
    const { value, replayed } = await once<RepaymentReceipt>(
      deps.idempotency,
      tx,
      { customerId: where.customerId, scope, key, request: { loanId, ...request } },
      deps.clock.now(),
      { encode: encodeReceipt, decode: decodeReceipt },
      async () => {
        // Lock order everywhere: facility, then loan (the day-end batch follows it too).
        await lockFacilityById(tx, where.customerId, where.facilityId);
        const record = await lockLoan(tx, where.customerId, loanId);
        if (!record) throw AppError.notFound('loan', loanId);
        const event = makeEvent(record, deps.clock.today());
        const { state, changes, journals } = await bookEvent(tx, deps, record, event);
        const last = changes[changes.length - 1];
        const restated = last?.cause === 'restatement';
        const allocation = last
          ? allocationOf(last.before, last.after)
          : allocationOf(state.counters, state.counters);
        // A recovery on a written-off loan is not a payment the borrower is told about here.
        if (deps.outbox && event.kind === 'repayment' && allocation.recovered === 0n) {
          await deps.outbox.write(tx, [
            loanPaymentReceived({
              loanId,
              customerId: where.customerId,
              seq: event.seq,
              amount: event.amount,
              principal: allocation.principal,
              interest: allocation.interest,
              penalty: allocation.penalty,
              held: allocation.held,
              stateAfter: state,
            }),
          ]);
        }
        return {
          loanId,
          seq: event.seq,
          amount: event.kind === 'repayment' ? event.amount : ZERO,
          intent: event.kind === 'repayment' ? event.intent : 'scheduled',
          effectiveDate: event.effectiveDate,
          restated,
          allocation,
          accrualChange: {
            interest: last ? subMoney(last.after.interestAccrued, last.before.interestAccrued) : ZERO,
            penalty: last ? subMoney(last.after.penaltyAccrued, last.before.penaltyAccrued) : ZERO,
          },
          outstanding: outstandingOf(state),
          status: state.status,
          journalIds: journals.map((journal) => journal.id),
        };
      },
    );
    return { receipt: value, replayed };
  });
}
