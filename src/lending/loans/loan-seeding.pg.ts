import type { JournalEntry, LedgerPort } from '../../ledger/index.ts';
import type { Database } from '../../platform/database/database.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { Money } from '../../platform/money/money.ts';
import type { Rate } from '../../platform/money/rate.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { drawdownJournal, LOAN_ACCOUNT_KINDS } from './loan-books.ts';
import { contractFor, type LoanContract, type LoanProduct } from './loan-contract.ts';
import type { LoanState } from './loan-state.ts';
import { insertLoans } from './loans.pg.ts';
import type { RepaymentMethod } from './schedule.ts';
import { initialState } from './servicing.ts';

export interface SeedLoansOptions {
  readonly customers: number;
  readonly startDate: LocalDate;
  readonly limit: Money;
  readonly apr: Rate;
  /** Principal of customer i's loan (fen); terms and methods rotate through the product's. */
  readonly amountOf: (index: number) => Money;
  readonly product: LoanProduct;
  readonly batchSize?: number;
  readonly onBatch?: (done: number) => void;
}

/**
 * Opens `customers` facilities and draws one loan on each, in set-based batches — for benchmarks, demo
 * books and crash tests that need a large book quickly. It uses the same core as a drawdown (contract,
 * initial state, drawdown journal), so the book is indistinguishable from one built by the API, but it
 * skips the per-request idempotency records and limit checks (the amounts are chosen within the limits).
 */
export async function seedLoanBook(
  db: Database,
  deps: { clock: Clock; ids: IdGenerator; ledger: LedgerPort },
  options: SeedLoansOptions,
): Promise<{ customerIds: string[]; loanIds: string[] }> {
  const batchSize = options.batchSize ?? 1000;
  const customerIds: string[] = [];
  const loanIds: string[] = [];
  const methods: RepaymentMethod[] = [...options.product.methods];
  for (let offset = 0; offset < options.customers; offset += batchSize) {
    const count = Math.min(batchSize, options.customers - offset);
    const now = deps.clock.now();
    const loans: { contract: LoanContract; state: LoanState }[] = [];
    const facilityIds: string[] = [];
    const decisionIds: string[] = [];
    const journals: JournalEntry[] = [];
    for (let i = 0; i < count; i += 1) {
      const index = offset + i;
      const customerId = deps.ids.next('customer');
      const facilityId = deps.ids.next('facility');
      customerIds.push(customerId);
      facilityIds.push(facilityId);
      decisionIds.push(deps.ids.next('decision'));
      const contract = contractFor(options.product, {
        loanId: deps.ids.next('loan'),
        customerId,
        facilityId,
        principal: options.amountOf(index),
        apr: options.apr,
        term: options.product.terms[index % options.product.terms.length] as number,
        method: methods[index % methods.length] as RepaymentMethod,
        startDate: options.startDate,
      });
      const state = initialState(contract);
      loans.push({ contract, state });
      loanIds.push(contract.loanId);
      journals.push(drawdownJournal(contract, state.counters, deps.ids.next('journal')));
    }
    await db.transaction(async (tx) => {
      const customers = customerIds.slice(offset, offset + count);
      await tx.query(
        `insert into credit_facilities (customer_id, id, product, status, limit_amount, used_amount, apr_num, apr_den,
                                        decision_id, status_reason, version, opened_at, updated_at)
         select f.customer_id, f.id, 'cash-loan', 'active', $3, f.used, $4, $5, f.decision_id, null, 1, $6, $6
           from unnest($1::text[], $2::text[], $7::bigint[], $8::text[]) as f (customer_id, id, used, decision_id)`,
        [
          customers,
          facilityIds,
          options.limit,
          options.apr.num,
          options.apr.den,
          now,
          loans.map((loan) => loan.contract.principal.toString()),
          decisionIds,
        ],
      );
      await tx.query(
        `insert into credit_facility_changes (customer_id, facility_id, version, change, decision_id, limit_amount,
                                              apr_num, apr_den, status, reason, changed_at)
         select f.customer_id, f.id, 1, 'open', f.decision_id, $3, $4, $5, 'active', 'seeded', $6
           from unnest($1::text[], $2::text[], $7::text[]) as f (customer_id, id, decision_id)`,
        [customers, facilityIds, options.limit, options.apr.num, options.apr.den, now, decisionIds],
      );
      await insertLoans(tx, loans, now);
      await deps.ledger.openAccounts(
        tx,
        loans.map((loan) => ({ customerId: loan.contract.customerId, contractId: loan.contract.loanId })),
        LOAN_ACCOUNT_KINDS,
        now,
      );
      await deps.ledger.postJournals(tx, journals, now);
    });
    options.onBatch?.(offset + count);
  }
  return { customerIds, loanIds };
}
