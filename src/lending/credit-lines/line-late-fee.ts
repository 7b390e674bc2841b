import { applyRate, type Rate } from '../../platform/money/rate.ts';
import { fen, maxMoney, minMoney, ZERO, type Money } from '../../platform/money/money.ts';
import type { LateFeeRule } from './line-terms.ts';

/**
 * The late fee (违约金) of a credit line, pure: how much a missed minimum costs, and how much of it may be
 * charged without the statement's all-in cost crossing the cap.
 *
 * The cap bounds everything charged because of a statement — its interest and its late fee — by the cap's
 * daily rate on the principal-days that bore interest because of it: interest posted + late fee charged ≤
 * ⌊principal-days × cap / 365⌋ (rounded **down**, so never above by a rounding). Interest at the line's rate
 * (≤ the cap) leaves (cap − rate) / 365 a principal-day of room, so the late fee set on the day after the due
 * date is charged as that room allows: what fits at once, the rest day by day while the statement's
 * principal is unpaid; what has not fitted when it is paid is never charged (forgone).
 */

/** The late fee of a missed minimum: rate × unpaid minimum (half up), within [floor, max], ≤ the unpaid minimum. */
export function nominalLateFee(rule: LateFeeRule, unpaidMinimum: bigint): Money {
  if (unpaidMinimum <= 0n) return ZERO;
  const unpaid = fen(unpaidMinimum, 'unpaidMinimum');
  return minMoney(minMoney(maxMoney(applyRate(unpaid, rule.rate, 'halfUp'), rule.floor), rule.max), unpaid);
}

/** The most the cap allows charged on a statement in all: ⌊principal-days × cap / 365⌋ fen. */
export function costCapBound(principalDays: bigint, cap: Rate): bigint {
  return (principalDays * cap.num) / (365n * cap.den);
}

/**
 * How much of a statement's late fee may be charged now: what is left of it, within the room the cap leaves
 * (no cap in force: all that is left). The room is measured against the statement's **exact** interest
 * (`interestExact` over the daily rate's denominator), less 1½ fen: interest keeps accruing after a fee is
 * charged and is booked rounded half up (up to ½ fen above exact) while the bound is rounded down (up to 1
 * fen below), and interest at the line's rate never grows faster than the cap's bound, so with that margin
 * interest posted + late fee charged stays ≤ ⌊principal-days × cap / 365⌋ on every later day too.
 */
export function lateFeeChargeable(figures: {
  readonly due: bigint;
  readonly charged: bigint;
  /** The statement's exact interest: numerator over `dailyRateDen`. */
  readonly interestExact: bigint;
  readonly dailyRateDen: bigint;
  readonly principalDays: bigint;
  readonly cap: Rate | null | undefined;
}): Money {
  // Raw bigint arithmetic on exact numerators (not money until the end), branded once by `fen`.
  const left = figures.due - figures.charged;
  if (left <= 0n) return ZERO;
  const cap = figures.cap;
  if (!cap) return fen(left);
  // room = ⌊(principal-days × cap / 365 − interestExact / D) − 3/2⌋ − charged, over Q = 365 × cap.den × D.
  const d = figures.dailyRateDen;
  const q = 365n * cap.den * d;
  const diff = figures.principalDays * cap.num * d - figures.interestExact * 365n * cap.den;
  const numerator = 2n * diff - 3n * q;
  if (numerator < 0n) return ZERO;
  const room = numerator / (2n * q) - figures.charged;
  if (room <= 0n) return ZERO;
  return fen(room < left ? room : left);
}
