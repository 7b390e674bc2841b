import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../platform/time/local-date.ts';
import {
  assignArm,
  assignmentOn,
  bucketOf,
  parseAssignment,
  type PolicyAssignment,
} from './champion-challenger.ts';

const assignment = (share: number): PolicyAssignment => ({
  productCode: 'cash_loan',
  effectiveFrom: parseLocalDate('2026-01-01'),
  championPolicy: 'default',
  challengerPolicy: 'tighter',
  challengerShareBps: share,
});

const customerId = fc.stringMatching(/^cus_[0-9A-HJKMNP-TV-Z]{26}$/);

describe('champion/challenger split', () => {
  it('is deterministic: the same customer always takes the same arm', () => {
    fc.assert(
      fc.property(customerId, fc.integer({ min: 0, max: 10_000 }), (id, share) => {
        expect(assignArm(id, assignment(share))).toEqual(assignArm(id, assignment(share)));
      }),
    );
  });

  it('sends nobody to the challenger at 0 and everybody at 10,000 basis points', () => {
    fc.assert(
      fc.property(customerId, (id) => {
        expect(assignArm(id, assignment(0))).toEqual({ arm: 'champion', policyName: 'default' });
        expect(assignArm(id, assignment(10_000))).toEqual({ arm: 'challenger', policyName: 'tighter' });
      }),
    );
  });

  it('is monotone in the share: raising it only moves customers to the challenger', () => {
    fc.assert(
      fc.property(
        customerId,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (id, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          if (assignArm(id, assignment(low)).arm === 'challenger')
            expect(assignArm(id, assignment(high)).arm).toBe('challenger');
        },
      ),
    );
  });

  it('splits close to the configured share (20% of 20,000 customers within ±1.5 points)', () => {
    let challengers = 0;
    for (let i = 0; i < 20_000; i += 1) {
      if (assignArm(`cus_${String(i).padStart(26, '0')}`, assignment(2_000)).arm === 'challenger')
        challengers += 1;
    }
    expect(challengers / 20_000).toBeGreaterThan(0.185);
    expect(challengers / 20_000).toBeLessThan(0.215);
  });

  it('buckets differ between experiments (salted)', () => {
    const id = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE';
    expect(bucketOf(id, 'a')).not.toBe(bucketOf(id, 'b'));
    expect(bucketOf(id, 'a')).toBe(bucketOf(id, 'a'));
  });

  it('uses the assignment in force on the date, per product, and validates input', () => {
    const older = { ...assignment(0), effectiveFrom: parseLocalDate('2025-01-01') };
    expect(
      assignmentOn([older, assignment(500)], 'cash_loan', parseLocalDate('2026-06-01'))?.challengerShareBps,
    ).toBe(500);
    expect(
      assignmentOn([older, assignment(500)], 'cash_loan', parseLocalDate('2025-06-01'))?.challengerShareBps,
    ).toBe(0);
    expect(assignmentOn([older], 'credit_line', parseLocalDate('2026-06-01'))).toBeUndefined();
    expect(() =>
      parseAssignment({
        productCode: 'cash_loan',
        effectiveFrom: '2026-01-01',
        championPolicy: 'default',
        challengerShareBps: 100,
      }),
    ).toThrow(/share without a challenger/);
  });
});
