import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, fromEpochDay, type LocalDate } from '../platform/time/local-date.ts';
import {
  erasableFrom,
  erasureHolds,
  ruleInForce,
  type HoldFacts,
  type RetentionRule,
} from './erasure-holds.ts';

const cite = { zh: '依据', en: 'rule' };
const RULES: RetentionRule[] = [
  {
    id: 'open',
    basis: 'open_credit',
    keepMonths: null,
    citation: cite,
    effectiveFrom: '2020-01-01' as LocalDate,
    retiredOn: null,
  },
  {
    id: 'closed_5y',
    basis: 'closed_credit',
    keepMonths: 60,
    citation: cite,
    effectiveFrom: '2020-01-01' as LocalDate,
    retiredOn: null,
  },
  {
    id: 'appeal',
    basis: 'open_appeal',
    keepMonths: null,
    citation: cite,
    effectiveFrom: '2020-01-01' as LocalDate,
    retiredOn: null,
  },
];

const date = fc.integer({ min: 18_628, max: 22_000 }).map((day) => fromEpochDay(day)); // 2021-01-01 … 2030
const facts: fc.Arbitrary<HoldFacts> = fc.record({
  credit: fc.array(
    fc.record({
      kind: fc.constantFrom('loan' as const, 'line' as const),
      id: fc.string({ minLength: 1, maxLength: 6 }),
      status: fc.constant('closed'),
      closedOn: fc.option(date, { nil: null }),
    }),
    { maxLength: 4 },
  ),
  openAppeals: fc.array(
    fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), status: fc.constant('queued') }),
    { maxLength: 2 },
  ),
  legalHolds: fc.array(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      reason: fc.constant('order'),
      authority: fc.constant(null),
      heldUntil: date,
    }),
    { maxLength: 2 },
  ),
});

describe('erasure holds (pure)', () => {
  it('a closed contract is held through the day before the same date 60 months on, then lapses', () => {
    const closed: HoldFacts = {
      credit: [{ kind: 'loan', id: 'ln_1', status: 'closed', closedOn: '2026-02-28' as LocalDate }],
      openAppeals: [],
      legalHolds: [],
    };
    const [hold] = erasureHolds(closed, RULES, '2026-03-01' as LocalDate);
    expect(hold).toMatchObject({ kind: 'retention', ruleId: 'closed_5y', heldThrough: '2031-02-27' });
    expect(erasableFrom([hold!])).toBe('2031-02-28');
    expect(erasureHolds(closed, RULES, '2031-02-27' as LocalDate)).toHaveLength(1);
    expect(erasureHolds(closed, RULES, '2031-02-28' as LocalDate)).toEqual([]);
  });

  it('rules are data: a retired rule stops applying, a longer one in force wins', () => {
    const tenYears: RetentionRule = {
      ...RULES[1]!,
      id: 'closed_10y',
      keepMonths: 120,
      effectiveFrom: '2025-01-01' as LocalDate,
    };
    const retired: RetentionRule = { ...RULES[1]!, retiredOn: '2025-01-01' as LocalDate };
    expect(ruleInForce([retired, tenYears], 'closed_credit', '2024-06-01' as LocalDate)?.id).toBe(
      'closed_5y',
    );
    expect(ruleInForce([retired, tenYears], 'closed_credit', '2026-06-01' as LocalDate)?.id).toBe(
      'closed_10y',
    );
    expect(ruleInForce([RULES[1]!, tenYears], 'closed_credit', '2026-06-01' as LocalDate)?.id).toBe(
      'closed_10y',
    );
    expect(ruleInForce(RULES, 'closed_credit', '2019-06-01' as LocalDate)).toBeUndefined();
  });

  it('property: holds only lapse as days pass (a later day never adds one), and none is left once erasable', () => {
    fc.assert(
      fc.property(facts, date, fc.integer({ min: 0, max: 4000 }), (given, today, later) => {
        const now = erasureHolds(given, RULES, today);
        const then = erasureHolds(given, RULES, addDays(today, later));
        const key = (hold: (typeof now)[number]) => `${hold.kind}:${hold.subject.type}:${hold.subject.id}`;
        const before = new Set(now.map(key));
        for (const hold of then) expect(before.has(key(hold))).toBe(true);
        const from = erasableFrom(now);
        if (from !== null) {
          // Every dated hold has ended by the date given, and nothing undated holds.
          expect(
            now.every((hold) => hold.heldThrough !== null && compareDates(hold.heldThrough, from) < 0),
          ).toBe(true);
          expect(erasureHolds(given, RULES, from)).toEqual([]);
        } else {
          expect(now.length === 0 || now.some((hold) => hold.heldThrough === null)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
