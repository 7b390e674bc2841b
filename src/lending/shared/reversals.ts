import { AppError } from '../../platform/errors/app-error.ts';

/**
 * Reversals of payments that did not stand (issue 15, item 5), shared by cash loans and credit lines. A
 * reversal is an event of its own naming the payment it undoes (`reverses`, the payment's seq); nothing
 * recorded is changed or removed. A contract's books are the replay of its **standing** events — every
 * event except reversals and the payments they reversed — so a reversed payment is as if it had never been
 * received.
 */

/** Why a payment was reversed: returned unpaid by the payer's bank, or charged back by the payer. */
export const REVERSAL_REASONS = ['returned', 'chargeback'] as const;
export type ReversalReason = (typeof REVERSAL_REASONS)[number];

/** What a reversal event carries, whatever the product. */
export interface ReversalFields {
  readonly seq: number;
  readonly kind: 'reversal';
  readonly reverses: number;
  readonly reason: ReversalReason;
}

interface AnyEvent {
  readonly seq: number;
  readonly kind: string;
}

function isReversal(event: AnyEvent): event is AnyEvent & { readonly reverses: number } {
  return event.kind === 'reversal' && typeof (event as { reverses?: unknown }).reverses === 'number';
}

/**
 * The events that make the books: every event except reversals and the payments they reversed.
 */
export function standingEvents<E extends AnyEvent>(events: readonly E[]): E[] {
  const reversed = new Set<number>();
  for (const event of events) if (isReversal(event)) reversed.add(event.reverses);
  return events.filter((event) => event.kind !== 'reversal' && !reversed.has(event.seq));
}

/** How a product names the events a reversal may undo, for the refusals. */
export interface ReversiblePayments<K extends string> {
  /** The event kind of a payment (`repayment` for loans, `payment` for lines). */
  readonly kind: K;
  /** The rule named when the seq is not such a payment (`a-repayment`, `a-payment`). */
  readonly rule: string;
  /** What the contract is called in the refusal ("loan", "line"). */
  readonly contract: string;
}

/**
 * The payment a reversal names, checked against the contract's events: it exists, is a payment (so never a
 * reversal: a reversal of a reversal is refused) and is not reversed already. Refusals name `paymentSeq`.
 */
export function reversiblePayment<E extends AnyEvent, K extends E['kind'] & string>(
  events: readonly E[],
  reverses: number,
  names: ReversiblePayments<K>,
): Extract<E, { kind: K }> {
  const target = events.find((candidate) => candidate.seq === reverses);
  if (!target) {
    throw AppError.invalid('paymentSeq', names.rule, `the ${names.contract} has no event ${reverses}`);
  }
  if (target.kind !== names.kind) {
    throw AppError.invalid(
      'paymentSeq',
      names.rule,
      `event ${reverses} is a ${target.kind}; only a ${names.kind} can be reversed`,
    );
  }
  if (events.some((candidate) => isReversal(candidate) && candidate.reverses === reverses)) {
    throw AppError.invalid(
      'paymentSeq',
      'not-reversed-already',
      `${names.kind} ${reverses} is already reversed`,
    );
  }
  return target as Extract<E, { kind: K }>;
}
