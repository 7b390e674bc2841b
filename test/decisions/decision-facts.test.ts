import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs, scoreFacts, scorecardRow } from '../../src/decisions/decision-facts.ts';
import { arbitraryApplicant, scorer } from './applicants.ts';

describe('decision facts', () => {
  it('reads instants as Date.parse does: toISOString text by arithmetic, anything else by Date.parse', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(instantMs(text)).toBe(Date.parse(text));
      }),
      { numRuns: 3_000 },
    );
    for (const text of [
      '2026-02-29T00:00:00.000Z', // no such day: not toISOString's, Date.parse decides (NaN)
      '2024-02-29T23:59:59.999Z',
      '2026-11-22T10:00:00+08:00',
      '0099-01-01T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-11-22T24:00:00.000Z',
      'not an instant at all....',
    ])
      expect(Object.is(instantMs(text), Date.parse(text)), text).toBe(true);
  });

  it('scores the facts exactly as the stored scorecard row (money in yuan), without copying it', () => {
    fc.assert(
      fc.property(arbitraryApplicant, (facts) => {
        expect(scoreFacts(facts, scorer)).toEqual(scorer(scorecardRow(facts)));
      }),
      { numRuns: 500 },
    );
  });
});
