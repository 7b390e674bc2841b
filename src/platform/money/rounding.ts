/**
 * Named rounding of an exact quotient n / d of integers. Every place that turns an exact rational into
 * integer fen names one of these, so the rule is visible where it is applied.
 *
 * - `halfUp`: to nearest, ties away from zero (the common commercial rule; 0.5 fen → 1 fen, −0.5 → −1).
 * - `halfEven`: to nearest, ties to the even neighbour (banker's rounding; unbiased over many roundings).
 * - `down`: toward zero (truncation; what a lender may not exceed, e.g. interest it may charge).
 * - `up`: away from zero.
 * - `floor` / `ceil`: toward −∞ / +∞.
 */
export const ROUNDING_MODES = ['halfUp', 'halfEven', 'down', 'up', 'floor', 'ceil'] as const;
export type Rounding = (typeof ROUNDING_MODES)[number];

/** Divides exactly-represented n by d (d ≠ 0) and rounds the quotient to an integer by `mode`. */
export function divRound(n: bigint, d: bigint, mode: Rounding): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // truncates toward zero
  const r = n % d; // same sign as n
  if (r === 0n) return q;
  const negative = n < 0n;
  const awayFromZero = negative ? q - 1n : q + 1n;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return awayFromZero;
    case 'floor':
      return negative ? q - 1n : q;
    case 'ceil':
      return negative ? q : q + 1n;
    case 'halfUp':
    case 'halfEven': {
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice > d) return awayFromZero;
      if (twice < d) return q;
      if (mode === 'halfUp') return awayFromZero;
      return q % 2n === 0n ? q : awayFromZero;
    }
  }
}

export function isRounding(value: string): value is Rounding {
  return (ROUNDING_MODES as readonly string[]).includes(value);
}
