import type { Money } from '../../platform/money/money.ts';

/** The part of a loan's or line's event a pay-out's reservation is read from. */
export interface PayoutEventLike {
  readonly kind: string;
  readonly seq: number;
  readonly payoutId?: string | undefined;
  readonly amount?: Money | undefined;
}

/**
 * What a product's events say of one pay-out (loans and credit lines alike): reserved (and how much), released,
 * paid out from its reservation.
 */
export function payoutReservationOf(
  events: readonly PayoutEventLike[],
  payoutId: string,
): { reserved?: { seq: number; amount: Money }; released: boolean; paid: boolean } {
  let reserved: { seq: number; amount: Money } | undefined;
  let released = false;
  let paid = false;
  for (const event of events) {
    if (event.payoutId !== payoutId) continue;
    if (event.kind === 'reserve' && event.amount !== undefined)
      reserved = { seq: event.seq, amount: event.amount };
    if (event.kind === 'release') released = true;
    if (event.kind === 'payout') paid = true;
  }
  return { ...(reserved ? { reserved } : {}), released, paid };
}
