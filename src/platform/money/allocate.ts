import { AppError } from '../errors/app-error.ts';
import type { Money } from './money.ts';

/**
 * Splits `total` into parts proportional to `weights` so that the parts always sum to the total exactly.
 *
 * Rule (largest remainder): each part first gets ⌊total·wᵢ/W⌋ (toward zero); the fen left over go one each
 * to the parts with the largest remainders, ties to the earliest part. A negative total is split as its
 * magnitude and negated, so the rule is symmetric. Weights are non-negative integers with a positive sum.
 */
export function allocate(total: Money, weights: readonly bigint[]): Money[] {
  if (weights.length === 0) throw AppError.invalid('weights', 'non-empty', 'at least one weight is required');
  let weightSum = 0n;
  for (const [index, weight] of weights.entries()) {
    if (weight < 0n) throw AppError.invalid(`weights[${index}]`, 'non-negative', 'weights must be ≥ 0');
    weightSum += weight;
  }
  if (weightSum === 0n) throw AppError.invalid('weights', 'positive-sum', 'weights must not all be zero');
  const negative = total < 0n;
  const magnitude = negative ? -total : total;
  const parts = weights.map((weight) => (magnitude * weight) / weightSum);
  const remainders = weights.map((weight, index) => ({ index, remainder: (magnitude * weight) % weightSum }));
  let left = magnitude - parts.reduce((sum, part) => sum + part, 0n);
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((part) => (negative ? -part : part) as Money);
}

/** Splits `total` into `count` parts as equal as possible; the earlier parts take the extra fen. */
export function allocateEvenly(total: Money, count: number): Money[] {
  if (!Number.isInteger(count) || count < 1)
    throw AppError.invalid('count', 'positive-integer', 'count must be ≥ 1');
  return allocate(
    total,
    Array.from({ length: count }, () => 1n),
  );
}
