import type { IdempotencyStore, LedgerPort } from '../../ledger/index.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Database, Queryable } from '../../platform/database/database.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { Money } from '../../platform/money/money.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { MessageOutbox } from '../../platform/notifications/index.ts';
import type { TermsInForcePort } from '../facilities/facility-terms-guard.ts';
import type { LineChangeRecord } from './credit-lines.pg.ts';
import type { ConversionOffer } from './instalment-conversion.ts';
import type { LineChangeResult, Requester } from './line-lifecycle-command.ts';
import type {
  ConversionRequest,
  ConversionResult,
  CreditResult,
  LineReversalRequest,
  LineReversalResult,
  PayoutResult,
  PlanSettlementReceipt,
  LineWriteOffReceipt,
  LineWriteOffRequest,
  PurchaseRequest,
  PurchaseResult,
} from './line-receipts.ts';
import type { StatementDocument } from './line-servicing.ts';
import type { CreditLineProduct } from './line-terms.ts';
import type { LineView } from './line-view.ts';

/** What the credit-line service is built from (the composition root passes these). */
export interface CreditLineServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly product: CreditLineProduct;
  /**
   * The credit-line products and legal cap in force on a date: opening a line re-checks the facility's rate
   * and limit against them (defence in depth — a facility row with bad terms, however written, opens no line).
   */
  readonly termsInForce: TermsInForcePort;
  /** Where customer messages are written (payment received, plan created/changed), in the command's transaction. */
  readonly outbox?: MessageOutbox;
  /** Where staff's lifecycle changes (close, limits) are recorded, in the same transaction. */
  readonly audit?: Pick<AuditLog, 'record'>;
  /** The ledger the lines and plans book on (accounts, journals, postings), in the use case's transaction. */
  readonly ledger: LedgerPort;
  /** Where money and lifecycle commands claim their idempotency keys, in the same transaction. */
  readonly idempotency: IdempotencyStore;
}

/** What the credit-line use cases take: the service's deps with the product validated. */
export interface CreditLineDeps extends Omit<CreditLineServiceDeps, 'product'> {
  readonly product: CreditLineProduct;
}

export interface CreditLineService {
  /** Opens the customer's line on their credit-line facility (the existing line when there is one). */
  openLine(request: {
    customerId: string;
    statementDay?: number;
  }): Promise<{ line: LineView; opened: boolean }>;
  purchase(request: PurchaseRequest): Promise<PurchaseResult>;
  refund(request: {
    lineId: string;
    purchaseId: string;
    amount: Money;
    idempotencyKey: string;
  }): Promise<CreditResult>;
  pay(request: {
    lineId: string;
    amount: Money;
    effectiveDate?: LocalDate;
    idempotencyKey: string;
  }): Promise<CreditResult>;
  /** What converting would cost; nothing is written. */
  conversionOffer(request: ConversionRequest): Promise<ConversionOffer>;
  convert(request: ConversionRequest & { idempotencyKey: string }): Promise<ConversionResult>;
  /**
   * Pays money held for the customer out to them: `amount`, or all that is held when omitted; more than is
   * held is refused (`amount`, rule `within-held`). A line event, shown on the next statement as payouts.
   */
  payout(request: {
    lineId: string;
    amount?: Money;
    idempotencyKey: string;
    /** The provider's pay-out this books: paid from its reservation while that stands. */
    payoutId?: string;
  }): Promise<PayoutResult>;
  /**
   * Sets held money aside for a pay-out sent to the provider, in the caller's transaction (idempotent by
   * the pay-out id): it stays held but no statement, purchase or write-off uses it (`reserve-held.ts`).
   */
  reserveHeld(
    tx: Queryable,
    request: { customerId: string; lineId: string; amount: Money; payoutId: string },
  ): Promise<{ seq: number }>;
  /** Gives a refused pay-out's reservation back to the customer's use, in the caller's transaction. */
  releaseHeld(
    tx: Queryable,
    request: { customerId: string; lineId: string; payoutId: string },
  ): Promise<{ seq: number } | undefined>;
  /**
   * Reverses a payment that did not stand (returned, charged back): the line is restated as if it had never
   * been made (`reverse-line-payment.ts`).
   */
  reversePayment(request: LineReversalRequest): Promise<LineReversalResult>;
  /** Closes the line at zero balance (nothing owed or held, no plan open); see `line-lifecycle.ts`. */
  close(request: {
    lineId: string;
    idempotencyKey: string;
    reason?: string;
    requester: Requester;
  }): Promise<LineChangeResult>;
  /** The customer's lower limit, which becomes their cap until lifted. */
  requestLowerLimit(request: {
    lineId: string;
    limit: Money;
    reason: string;
    idempotencyKey: string;
    requester: Requester;
  }): Promise<LineChangeResult>;
  liftCustomerLimitCap(request: {
    lineId: string;
    idempotencyKey: string;
    requester: Requester;
  }): Promise<LineChangeResult>;
  /** Staff grant a temporary limit through a date. */
  grantTemporaryLimit(request: {
    lineId: string;
    amount: Money;
    until: LocalDate;
    reason: string;
    idempotencyKey: string;
    requester: Requester;
  }): Promise<LineChangeResult>;
  /**
   * Settles an instalment plan early: its principal not yet billed is billed on the next statement with that
   * period's fee; the fees of later periods are waived. Refused when the plan is not running or its next
   * period is its last anyway (`planId`, `accelerates`).
   */
  settlePlan(request: {
    lineId: string;
    planId: string;
    idempotencyKey: string;
    /** Who asked; staff (anyone but the customer's app) are recorded in the audit log. */
    requester?: Requester;
  }): Promise<{ receipt: PlanSettlementReceipt; replayed: boolean }>;
  /**
   * Staff write the line off today (charge-off by hand): everything owed moves to write-off expense; later
   * payments are recoveries. See `write-off-line.ts` for the refusals.
   */
  writeOff(request: LineWriteOffRequest): Promise<{ receipt: LineWriteOffReceipt; replayed: boolean }>;
  /** A new statement day (at most once in 6 months): the cycle in flight ends on the old day. */
  changeStatementDay(request: {
    lineId: string;
    statementDay: number;
    idempotencyKey: string;
    requester: Requester;
  }): Promise<LineChangeResult>;
  /** The line's lifecycle changes, oldest first. */
  changes(lineId: string): Promise<LineChangeRecord[]>;
  getLine(lineId: string): Promise<LineView>;
  listLines(customerId: string): Promise<LineView[]>;
  statements(lineId: string): Promise<StatementDocument[]>;
  statement(lineId: string, seq: number): Promise<StatementDocument>;
}
