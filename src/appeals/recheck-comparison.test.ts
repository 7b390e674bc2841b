import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../decisions/decision.ts';
import { fen } from '../platform/money/money.ts';
import { parseRate, rateFromBps } from '../platform/money/rate.ts';
import {
  compareTerms,
  recheckDiff,
  resolvesWithoutPerson,
  type DecisionTerms,
} from './recheck-comparison.ts';

const approved = (yuan: bigint, apr: string): DecisionTerms => ({
  outcome: 'approved',
  limit: fen(yuan * 100n),
  apr: parseRate(apr),
});
const declined: DecisionTerms = { outcome: 'declined', limit: fen(0n), apr: null };
const referred: DecisionTerms = { outcome: 'referred', limit: fen(0n), apr: null };

describe('is the re-check better for the customer?', () => {
  it('ranks declined < referred < approved, then a higher limit or a lower price', () => {
    expect(compareTerms(declined, referred)).toBe('better');
    expect(compareTerms(referred, approved(5000n, '0.146'))).toBe('better');
    expect(compareTerms(approved(5000n, '0.146'), declined)).toBe('worse');
    expect(compareTerms(declined, declined)).toBe('same');
    expect(compareTerms(approved(5000n, '0.146'), approved(8000n, '0.146'))).toBe('better');
    expect(compareTerms(approved(5000n, '0.146'), approved(5000n, '0.1095'))).toBe('better');
    expect(compareTerms(approved(5000n, '0.146'), approved(5000n, '0.146'))).toBe('same');
    expect(compareTerms(approved(5000n, '0.146'), approved(8000n, '0.18'))).toBe('mixed');
    expect(compareTerms(approved(8000n, '0.146'), approved(5000n, '0.18'))).toBe('worse');
  });

  it('is antisymmetric: better one way is worse the other; same and mixed both ways', () => {
    const terms = fc.oneof(
      fc.constant(declined),
      fc.constant(referred),
      fc
        .tuple(fc.bigInt({ min: 1_000n, max: 200_000n }), fc.integer({ min: 730, max: 2400 }))
        .map(([yuan, bps]) => ({
          outcome: 'approved' as const,
          limit: fen(yuan * 100n),
          apr: rateFromBps(bps),
        })),
    );
    fc.assert(
      fc.property(terms, terms, (a, b) => {
        const there = compareTerms(a, b);
        const back = compareTerms(b, a);
        const mirror = { better: 'worse', worse: 'better', same: 'same', mixed: 'mixed' } as const;
        expect(back).toBe(mirror[there]);
      }),
      { numRuns: 2000 },
    );
  });

  it('settles without a person only for a better approval that is not a fault', () => {
    expect(resolvesWithoutPerson({ verdict: 'better', recheckFault: false }, approved(5000n, '0.146'))).toBe(
      true,
    );
    expect(resolvesWithoutPerson({ verdict: 'better', recheckFault: false }, referred)).toBe(false);
    expect(resolvesWithoutPerson({ verdict: 'same', recheckFault: false }, approved(5000n, '0.146'))).toBe(
      false,
    );
    expect(resolvesWithoutPerson({ verdict: 'better', recheckFault: true }, approved(5000n, '0.146'))).toBe(
      false,
    );
  });
});

describe('the diff of a re-check', () => {
  const reason = (code: string) => ({
    code,
    kind: 'knockout' as const,
    params: {},
    text: { zh: code, en: code },
  });
  const record = (changes: Partial<DecisionRecord>): DecisionRecord =>
    ({
      outcome: 'declined',
      limit: fen(0n),
      apr: null,
      score: 610,
      reasons: [],
      modelVersion: 'm1',
      policyVersionId: 'pol_1',
      fault: null,
      facts: {
        verification: { level: 1, failures: ['PHONE_NOT_OWNED_BY_ID_HOLDER'], provider: 'sandbox' },
        holds: [],
      },
      policyDocument: {
        verificationLevel: 1,
        score: 610,
        subScores: { identity: 500 },
        product: { code: 'cash_loan' },
      },
      scorecardRow: { verification_level: 1, utilisation: 0.05 },
      ...changes,
    }) as unknown as DecisionRecord;

  it('names the inputs, features, reasons, outputs and versions that changed', () => {
    const before = record({ reasons: [reason('VERIFICATION_LEVEL_TOO_LOW'), reason('SCORE_BELOW_CUTOFF')] });
    const after = record({
      outcome: 'approved',
      limit: fen(500_000n),
      apr: parseRate('0.146'),
      score: 640,
      reasons: [reason('NEW_USER_RAMP')],
      modelVersion: 'm2',
      facts: { verification: { level: 3, failures: [], provider: 'sandbox' }, holds: [] } as never,
      policyDocument: {
        verificationLevel: 3,
        score: 640,
        subScores: { identity: 700 },
        product: { code: 'changed' },
      },
      scorecardRow: { verification_level: 3, utilisation: 0.05 },
    });
    const diff = recheckDiff(before, after);
    expect(diff.verdict).toBe('better');
    expect(diff.outputs).toEqual([
      { field: 'apr', from: null, to: '0.146' },
      { field: 'limit', from: '0', to: '500000' },
      { field: 'outcome', from: 'declined', to: 'approved' },
      { field: 'score', from: 610, to: 640 },
    ]);
    expect(diff.inputs).toEqual([
      { field: 'score', from: 610, to: 640 },
      { field: 'subScores.identity', from: 500, to: 700 },
      { field: 'verification.failures', from: 'PHONE_NOT_OWNED_BY_ID_HOLDER', to: null },
      { field: 'verification.level', from: 1, to: 3 },
      { field: 'verificationLevel', from: 1, to: 3 },
    ]);
    expect(diff.features).toEqual([{ field: 'verification_level', from: 1, to: 3 }]);
    expect(diff.reasons.removed.map((r) => r.code)).toEqual([
      'VERIFICATION_LEVEL_TOO_LOW',
      'SCORE_BELOW_CUTOFF',
    ]);
    expect(diff.reasons.added.map((r) => r.code)).toEqual(['NEW_USER_RAMP']);
    expect(diff.versions).toEqual({ model: { from: 'm1', to: 'm2' }, policy: null });
  });
});
