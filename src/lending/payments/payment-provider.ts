import type { Money } from '../../platform/money/money.ts';

/**
 * The payment provider (支付通道) as Credence sees it: it collects from a customer's bound card (代扣), pays
 * out to it (代付), and tells the status of a payment by **our** id. Our payment id is the provider's
 * idempotency key: asking twice with one id never moves money twice, it answers the first outcome.
 *
 * A call that times out is not a failure: the money may have moved. The caller records the attempt as
 * `unknown` and later asks `status(paymentId)`; only a `not_found` answer (the provider never received the
 * request) lets it send the same request again — under the same id, so even a wrong `not_found` cannot
 * collect twice.
 */
export interface PaymentProvider {
  /** Collects `amount` from the customer's card (auto-repay). */
  collect(request: PaymentRequest): Promise<PaymentOutcome>;
  /** Pays `amount` to the customer's card (refund of money held for them). */
  payOut(request: PaymentRequest): Promise<PaymentOutcome>;
  /** What became of a payment sent under our id (after a timeout). */
  status(paymentId: string): Promise<PaymentStatus>;
}

/** One payment asked of the provider. */
export interface PaymentRequest {
  /** Our id (`pay_…` for collections, `rfd_…` for refunds): the provider's idempotency key. */
  readonly paymentId: string;
  readonly customerId: string;
  /** The bound card (`crd_…`) and its last four digits (the provider's binding stands in for the number). */
  readonly cardId: string;
  readonly cardLast4: string;
  readonly amount: Money;
}

/** Why the provider refused a payment, in its closed set of reasons. */
export const PAYMENT_FAILURE_REASONS = ['insufficient_funds', 'card_invalid', 'declined'] as const;
export type PaymentFailureReason = (typeof PAYMENT_FAILURE_REASONS)[number];

/** The provider's answer to a collect or payout call. */
export type PaymentOutcome =
  | { readonly outcome: 'succeeded'; readonly providerRef: string }
  | { readonly outcome: 'failed'; readonly reason: PaymentFailureReason; readonly providerRef: string }
  /** No answer in time: the money may or may not have moved; ask `status` later. */
  | { readonly outcome: 'timeout' };

/** The provider's answer to a status query. */
export type PaymentStatus =
  | { readonly status: 'succeeded'; readonly providerRef: string }
  | { readonly status: 'failed'; readonly reason: PaymentFailureReason; readonly providerRef: string }
  /** Still being processed (or the status query itself timed out): ask again later. */
  | { readonly status: 'pending' }
  /** The provider never received a payment with this id: it may be sent again under the same id. */
  | { readonly status: 'not_found' };
