import { describe, expect, it } from 'vitest';
import { ManualClock } from '../time/clock.ts';
import {
  createIdGenerator,
  idFromDb,
  parseId,
  seededRandomBytes,
  type CustomerId,
  type Id,
  type LineId,
  type LoanId,
} from './ids.ts';

/*
 * Type-level checks, enforced by `npm run typecheck` (this file is under src/): each `@ts-expect-error`
 * fails the typecheck if the line below it ever compiles, i.e. if the brands stop keeping kinds apart.
 */

/** Stands for any signature that takes a credit line's id. */
function lineOnly(lineId: LineId): string {
  return lineId;
}

/** Stands for any signature that takes a loan's id. */
function loanOnly(loanId: LoanId): string {
  return loanId;
}

describe('branded ids', () => {
  const ids = createIdGenerator(new ManualClock(new Date('2026-03-02T01:00:00Z')), seededRandomBytes(18));

  it('the generator brands by kind: a line id passes where a line id is expected, a loan id does not', () => {
    const lineId = ids.next('line');
    const loanId = ids.next('loan');
    expect(lineOnly(lineId)).toBe(lineId);
    expect(loanOnly(loanId)).toBe(loanId);
    // @ts-expect-error a LoanId is refused where a LineId is expected
    expect(lineOnly(loanId)).toMatch(/^ln_/);
    // @ts-expect-error a LineId is refused where a LoanId is expected
    expect(loanOnly(lineId)).toMatch(/^cl_/);
  });

  it('a plain string is no id: ids come from the generator, parseId at the edge or idFromDb', () => {
    const text = ids.next('line') as string;
    // @ts-expect-error a string is refused where a LineId is expected
    expect(lineOnly(text)).toBe(text);
    expect(lineOnly(parseId('line', text))).toBe(text);
    expect(lineOnly(idFromDb('line', text, 'credit_lines.id'))).toBe(text);
  });

  it('parseId checks the prefix of its kind and brands with it', () => {
    const customerId: CustomerId = ids.next('customer');
    const parsed: Id<'customer'> = parseId('customer', customerId);
    expect(parsed).toBe(customerId);
    expect(() => parseId('line', customerId)).toThrow(/cl_<26 characters>/);
    // @ts-expect-error parseId('customer', …) is a CustomerId, not a LoanId
    const wrong: LoanId = parseId('customer', customerId);
    expect(wrong).toBe(customerId);
  });
});
