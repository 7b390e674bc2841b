import { AppError } from '../platform/errors/app-error.ts';

/**
 * Whole-number command-line options, refused as `INVALID` (exit code 3) with the option named. Shared by
 * the commands of every context (and the demo's), so an option reads and fails the same way everywhere.
 */

/** A whole number from `min` to `max` (rule `integer-range`). */
export function integerInRange(text: string, field: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw AppError.invalid(field, 'integer-range', `${field} must be a whole number from ${min} to ${max}`);
  return value;
}

/** A whole number from 1 to `max` (rule `positive-integer`). */
export function positiveInteger(text: string, field: string, max = 100_000_000): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max)
    throw AppError.invalid(field, 'positive-integer', `${field} is a whole number from 1 to ${max}`);
  return value;
}
