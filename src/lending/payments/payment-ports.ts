import type { Queryable } from '../../platform/database/database.ts';
import type { Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { UnpaidDue } from './auto-repay.ts';
import type { AmountRule, AutoRepayProduct } from './payments.pg.ts';

/**
 * What auto-repay needs of a product (cash loans, credit lines): an account's owner and whether it is open,
 * what is due and unpaid on it, and booking money collected through the product's own repayment use case.
 */
export interface AutoRepayAccounts {
  readonly product: AutoRepayProduct;
  /** Whether an id is one of this product's (by its prefix). */
  owns(accountId: string): boolean;
  /** The account's customer and whether it is open (undefined: no such account). */
  find(q: Queryable, accountId: string): Promise<{ customerId: string; open: boolean } | undefined>;
  /**
   * Each open account's unpaid due dates, as its books say now (accounts not open are left out), each with
   * what auto-repay may collect for it: summed over the due dates up to a day, it is what that day's try
   * asks. A credit line reads it under the mandate's amount rule (full balance or minimum payment).
   */
  unpaid(
    q: Queryable,
    accounts: readonly { customerId: string; accountId: string; amountRule?: AmountRule | null }[],
  ): Promise<Map<string, UnpaidDue[]>>;
  /**
   * Books money collected as a repayment value-dated `effectiveDate`, through the product's repayment use
   * case under the idempotency key `paymentId` (in its own transaction: a second call answers the first
   * receipt and books nothing). Returns the account event's seq.
   */
  book(request: {
    accountId: string;
    amount: Money;
    effectiveDate: LocalDate;
    paymentId: string;
  }): Promise<{ seq: number }>;
  /**
   * Money held for the customer on the account on `today`: the stored state brought up to that day first (a
   * due date or a statement reached meanwhile uses held money), as the products' pay-out bookings see it.
   */
  held(q: Queryable, customerId: string, accountId: string, today: LocalDate): Promise<Money>;
  /**
   * Sets `amount` of the money held aside for pay-out `payoutId` before it is sent, in the caller's
   * transaction (the one that records the pay-out), idempotent by the id: the product's servicing never
   * uses reserved money (a due date, a statement, a purchase, a write-off). Refused (`amount` /
   * `within-held`) when that much is not held and free.
   */
  reserveHeld(
    tx: Queryable,
    request: { customerId: string; accountId: string; amount: Money; payoutId: string },
  ): Promise<void>;
  /** Frees a refused pay-out's reservation, in the caller's transaction (nothing to do if none stands). */
  releaseHeld(
    tx: Queryable,
    request: { customerId: string; accountId: string; payoutId: string },
  ): Promise<void>;
  /**
   * Books a pay-out the provider confirmed, through the product's payout use case under the idempotency key
   * `payoutId` (its own transaction; a second call answers the first receipt), from its reservation when
   * it has one. Returns the event's seq.
   */
  bookPayout(request: { accountId: string; amount: Money; payoutId: string }): Promise<{ seq: number }>;
}
