import type { Queryable } from '../platform/database/database.ts';
import type { Money } from '../platform/money/money.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { AccountKind, Side } from './account.ts';
import type { JournalEntry } from './journal.ts';

/** One posting as a statement of account shows it. */
export interface PostingView {
  readonly journalId: string;
  readonly journalKind: string;
  readonly description: string;
  readonly effectiveDate: LocalDate;
  readonly postedAt: Date;
  readonly kind: AccountKind;
  readonly side: Side;
  readonly amount: Money;
}

/**
 * The ledger as the products book on it (issue 18): the port lending's use cases, day-end steps and seeders
 * take in their deps, so they never import the ledger's adapter. The composition root passes the PostgreSQL
 * one (`createPgLedger()` in `ledger.pg.ts`). Every function takes the caller's executor: the use case owns
 * the transaction, and its journals commit or roll back with everything else it changed.
 */
export interface LedgerPort {
  /** Opens the accounts of the contracts (idempotent: existing accounts are left alone). */
  openAccounts(
    q: Queryable,
    contracts: readonly { customerId: string; contractId: string }[],
    kinds: readonly AccountKind[],
    at: Date,
  ): Promise<void>;
  /**
   * Posts the entries atomically: each is validated (balanced, positive amounts); a source booked before is
   * refused with CONFLICT, and so is a non-negative account going below zero.
   */
  postJournals(q: Queryable, entries: readonly JournalEntry[], at: Date): Promise<void>;
  /** Every posting of a contract in booking order (effective date, then journal id). */
  contractPostings(q: Queryable, customerId: string, contractId: string): Promise<PostingView[]>;
}
