import type { IdempotencyStore, LedgerPort } from '../../ledger/index.ts';
import type { Database, Queryable } from '../../platform/database/database.ts';
import type { Money } from '../../platform/money/money.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { MessageOutbox } from '../../platform/notifications/index.ts';
import type { TermsInForcePort } from '../facilities/facility-terms-guard.ts';
import type { LoanProduct } from './loan-contract.ts';
import type {
  DrawdownRequest,
  DrawdownResult,
  PayoutRequest,
  PayoutResult,
  RepaymentRequest,
  RepaymentResult,
  ReversalResult,
} from './loan-receipts.ts';
import type { ReversalReason } from './loan-state.ts';
import type { LoanEventRecord } from './loans.pg.ts';
import type { LoanStatement, LoanView } from './loan-view.ts';
import type { PayoffQuote } from './servicing.ts';

/** What the loan service is built from (the composition root passes these). */
export interface LoanServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly product: LoanProduct;
  /**
   * The cash-loan products and legal cap in force on a date: a drawdown re-checks the facility's rate and
   * limit against them (defence in depth — a facility row with bad terms, however written, lends nothing).
   */
  readonly termsInForce: TermsInForcePort;
  /** Where "payment received" is written, in the repayment's transaction (none: the customer is not told). */
  readonly outbox?: MessageOutbox;
  /** The ledger the loans book on (accounts, journals, postings), in the use case's transaction. */
  readonly ledger: LedgerPort;
  /** Where money commands claim their idempotency keys, in the same transaction. */
  readonly idempotency: IdempotencyStore;
}

/** What the loan use cases take: the service's deps as the root built them. */
export type LoanDeps = LoanServiceDeps;

/** Cash loans: drawdown, repayment, write-off, quotes and views. Every money command is idempotent. */
export interface LoanService {
  drawdown(request: DrawdownRequest): Promise<DrawdownResult>;
  repay(request: RepaymentRequest): Promise<RepaymentResult>;
  writeOff(request: { loanId: string; idempotencyKey: string }): Promise<RepaymentResult>;
  /**
   * Undoes a repayment that did not stand (returned by the bank, charged back): the books are restated as if
   * it had never been received; see `reverse-repayment.ts`.
   */
  reverseRepayment(request: {
    loanId: string;
    paymentSeq: number;
    reason: ReversalReason;
    idempotencyKey: string;
  }): Promise<ReversalResult>;
  /** Pays money held for the customer back to them (all of it by default); refuses more than is held. */
  payout(request: PayoutRequest): Promise<PayoutResult>;
  /**
   * Sets held money aside for a pay-out sent to the provider, in the caller's transaction (idempotent by
   * the pay-out id): it stays held but is not used on what falls due. See `reserve-loan-held.ts`.
   */
  reserveHeld(
    tx: Queryable,
    request: { customerId: string; loanId: string; amount: Money; payoutId: string },
  ): Promise<{ seq: number }>;
  /** Gives a refused pay-out's reservation back to the customer's use, in the caller's transaction. */
  releaseHeld(
    tx: Queryable,
    request: { customerId: string; loanId: string; payoutId: string },
  ): Promise<{ seq: number } | undefined>;
  /** The loan's events (repayments, write-off, payouts) in arrival order. */
  events(loanId: string): Promise<LoanEventRecord[]>;
  payoffQuote(loanId: string, date?: LocalDate): Promise<PayoffQuote>;
  getLoan(loanId: string): Promise<LoanView>;
  listLoans(customerId: string): Promise<LoanView[]>;
  statement(loanId: string, range?: { from?: LocalDate; to?: LocalDate }): Promise<LoanStatement>;
}
