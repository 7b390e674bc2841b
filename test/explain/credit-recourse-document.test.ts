import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyDocumentWith, policyFeatures, withPolicyFeatures } from '../../src/explain/credit-recourse.ts';
import type { FeatureRecord } from '../../src/explain/recourse.ts';
import { fen } from '../../src/platform/money/money.ts';
import { toPolicyDocument } from '../../src/policy/policy-inputs.ts';
import { applicant, product } from '../policy/fixtures.ts';

/**
 * Recourse writes each combination's values straight into the policy document (`policyDocumentWith`);
 * that must be exactly the document of the typed input with the values written back.
 */
const amount = fc.oneof(
  fc.integer({ min: 0, max: 5_000_000 }),
  fc.double({ min: 0, max: 5_000_000, noNaN: true }),
);

describe('policyDocumentWith', () => {
  it('equals toPolicyDocument(withPolicyFeatures(input, features)) for any plan values (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          overdue: fc.integer({ min: 0, max: 3_000_000 }),
          cash: fc.boolean(),
          features: fc.record(
            {
              overdueAmountHere: amount,
              overdueAmountElsewhere: amount,
              monthlyDebtPayments: amount,
              inquiries30d: fc.integer({ min: 0, max: 20 }),
              verificationLevel: fc.integer({ min: 0, max: 3 }),
              historyMonths: fc.integer({ min: 0, max: 600 }),
              onTimeCycles: fc.integer({ min: 0, max: 600 }),
              hasActiveHold: fc.boolean(),
              age: fc.integer({ min: 16, max: 100 }),
              blocklisted: fc.boolean(),
            },
            { requiredKeys: [] },
          ),
        }),
        ({ overdue, cash, features }) => {
          const input = applicant({
            productType: cash ? 'cash_loan' : 'credit_line',
            product: product(cash ? 'cash_loan' : 'credit_line'),
            overdueAmountHere: fen(BigInt(overdue)),
          });
          const record: FeatureRecord = { ...policyFeatures(input), ...features };
          expect(policyDocumentWith(input, toPolicyDocument(input), record)).toEqual(
            toPolicyDocument(withPolicyFeatures(input, record)),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
