import { AppError } from '../errors/app-error.ts';
import type { Money } from './money.ts';
import { divRound, type Rounding } from './rounding.ts';

/**
 * An exact non-negative-or-negative rate as a reduced fraction of bigints: `0.1825` is 365/2000, a daily
 * rate APR/365 stays exact, and so does a monthly rate APR/12. Rates never pass through floating point;
 * they turn into fen only in `applyRate`, which names its rounding.
 */
export interface Rate {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function rate(num: bigint, den: bigint = 1n): Rate {
  if (den === 0n) throw new RangeError('rate denominator is zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const divisor = gcd(num, den) || 1n;
  return { num: num / divisor, den: den / divisor };
}

export const RATE_ZERO: Rate = { num: 0n, den: 1n };
export const RATE_ONE: Rate = { num: 1n, den: 1n };

/** `"0.1825"`, `"18.25%"`, `"1.5e-3"` is refused: decimal digits only, an optional trailing `%`. */
export function parseRate(text: string, field = 'rate'): Rate {
  const match = /^([+-])?(\d+)(?:\.(\d+))?(%)?$/.exec(typeof text === 'string' ? text : '');
  if (!match)
    throw AppError.invalid(field, 'decimal-rate', `"${String(text)}" is not a decimal rate such as "0.1825"`);
  const [, sign, whole = '', fraction = '', percent] = match;
  if (whole.length + fraction.length > 30)
    throw AppError.invalid(field, 'precision', 'rate has too many digits');
  const num = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
  const den = 10n ** BigInt(fraction.length) * (percent ? 100n : 1n);
  return rate(num, den);
}

/** Basis points: 1825 bp = 18.25% = 0.1825. */
export function rateFromBps(bps: bigint | number): Rate {
  return rate(BigInt(bps), 10_000n);
}

export function addRate(a: Rate, b: Rate): Rate {
  return rate(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function subRate(a: Rate, b: Rate): Rate {
  return rate(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mulRate(a: Rate, b: Rate): Rate {
  return rate(a.num * b.num, a.den * b.den);
}

export function divRate(a: Rate, b: Rate): Rate {
  if (b.num === 0n) throw new RangeError('division by a zero rate');
  return rate(a.num * b.den, a.den * b.num);
}

/** Scales by an integer, e.g. a daily rate × 365. */
export function scaleRate(a: Rate, factor: bigint): Rate {
  return rate(a.num * factor, a.den);
}

/** Divides by an integer, e.g. APR / 365 for the daily rate, APR / 12 for the monthly rate. */
export function divideRate(a: Rate, divisor: bigint): Rate {
  return rate(a.num, a.den * divisor);
}

/** −1, 0 or 1: exact comparison in fixed point, used for policy thresholds and legal caps. */
export function compareRate(a: Rate, b: Rate): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function minRate(a: Rate, b: Rate): Rate {
  return compareRate(a, b) <= 0 ? a : b;
}

export function maxRate(a: Rate, b: Rate): Rate {
  return compareRate(a, b) >= 0 ? a : b;
}

/** amount × rate, rounded to fen by the named rule. */
export function applyRate(amount: Money, r: Rate, rounding: Rounding): Money {
  return divRound(amount * r.num, r.den, rounding) as Money;
}

/** amount × rate × days, rounded once at the end (no intermediate rounding per day). */
export function applyRateForDays(amount: Money, r: Rate, days: number | bigint, rounding: Rounding): Money {
  return divRound(amount * r.num * BigInt(days), r.den, rounding) as Money;
}

/** A decimal string with `places` digits, rounded by the named rule: `toRateString(apr, 4)` → `"0.1825"`. */
export function toRateString(r: Rate, places = 6, rounding: Rounding = 'halfEven'): string {
  const scaled = divRound(r.num * 10n ** BigInt(places), r.den, rounding);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`;
}

/** The shortest exact decimal string when one exists (denominator of only 2s and 5s), else 12 places. */
export function toExactRateString(r: Rate): string {
  let den = r.den;
  let places = 0;
  while (den % 10n === 0n) {
    den /= 10n;
    places += 1;
  }
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) {
    den /= 2n;
    twos += 1;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    fives += 1;
  }
  if (den !== 1n) return toRateString(r, 12);
  return toRateString(r, places + Math.max(twos, fives))
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** `"18.25%"` for people; percentage with `places` decimals, half-even. */
export function formatPercent(r: Rate, places = 2): string {
  return `${toRateString(mulRate(r, rate(100n)), places)}%`;
}

/** For reporting only (IRR search, charts) — never for money. */
export function rateToNumber(r: Rate): number {
  return Number(r.num) / Number(r.den);
}

/** Whole basis points, rounded by the named rule. */
export function toBps(r: Rate, rounding: Rounding = 'halfEven'): bigint {
  return divRound(r.num * 10_000n, r.den, rounding);
}
