import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateDecision } from '../../src/decisions/evaluate-decision.ts';
import { createSimulation, sameDecision, simulateRecord } from '../../src/monitoring/simulation.ts';
import { compareRate } from '../../src/platform/money/rate.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';
import { compilePolicy, type CompiledPolicy } from '../../src/policy/index.ts';
import type { DecisionFacts } from '../../src/decisions/decision-facts.ts';
import { policyChecksum } from '../../src/policy/policy-service.ts';
import { arbitraryApplicant, contextFor, scorer } from '../decisions/applicants.ts';
import { defaultPolicyGraph, simulationRecordOf, tightenedPolicy, type Tightening } from './policies.ts';

/**
 * Properties of the simulation core on random applicants (real feature vectors from the synthetic
 * population, decided with the real scorer):
 * - the policy that decided them, simulated on their records, gives back every outcome, limit and price;
 * - a tightened candidate (higher cut-offs, a wider referral band, a stricter multi-head rule, smaller
 *   limits, higher prices, in any combination) only swaps out — never in — and never raises a limit or
 *   lowers a price of a decision it still approves.
 *
 * The demo scorecard puts most of the synthetic population below the default cut-offs, and half the
 * random applicants carry an arrear, a hold or a short verification; so that the approved set is not
 * vacuous, the records are decided by the default policy loosened (cut-offs 120 points lower, multi-head
 * from 8 applications) and half the applicants are clean (L3, no arrears, no hold).
 */
const window = { from: parseLocalDate('2026-01-01'), to: parseLocalDate('2026-12-31'), product: null };
const defaultGraph = defaultPolicyGraph();
const defaultChecksum = policyChecksum(defaultGraph);
const defaultPolicy = compilePolicy(defaultGraph);
const looseGraph = tightenedPolicy({
  cutoffRaise: { cash_loan: -120, credit_line: -120 },
  bandRaise: 0,
  multiHeadStricter: -2,
  limitScale: 1,
  priceRaiseBps: 0,
});
const loosePolicy = compilePolicy(looseGraph);
const looseChecksum = policyChecksum(looseGraph);

const applicant = fc.tuple(arbitraryApplicant, fc.boolean()).map(([facts, clean]): DecisionFacts => {
  if (!clean) return facts;
  return {
    ...facts,
    features: {
      ...facts.features,
      overdue_amount_here: 0,
      overdue_amount_elsewhere: 0,
      verification_level: 3,
      risk_holds_active: 0,
    },
    verification: { ...facts.verification, level: 3 },
    holds: [],
  };
});

/** Applicants decided by `policy`, recorded with `checksum`. */
const decidedBy = (policy: CompiledPolicy, checksum: string) =>
  fc.array(applicant, { minLength: 10, maxLength: 60 }).map((applicants) =>
    applicants.map((facts, index) => {
      const context = { ...contextFor(facts.productCode as 'cash_loan' | 'credit_line'), policy };
      const evaluated = evaluateDecision(facts, scorer, context, { recourse: false });
      return simulationRecordOf(`dec_${index}`, facts, evaluated, checksum);
    }),
  );
const decided = decidedBy(loosePolicy, looseChecksum);

const tightening: fc.Arbitrary<Tightening> = fc.record({
  cutoffRaise: fc.record({
    cash_loan: fc.integer({ min: 0, max: 150 }),
    credit_line: fc.integer({ min: 0, max: 150 }),
  }),
  bandRaise: fc.integer({ min: 0, max: 60 }),
  multiHeadStricter: fc.integer({ min: 0, max: 4 }),
  limitScale: fc.constantFrom(1, 0.9, 0.75, 0.5, 0.2),
  priceRaiseBps: fc.integer({ min: 0, max: 500 }),
});

describe('simulation properties', () => {
  it('simulating the policy that decided reproduces every outcome, limit and price', () => {
    fc.assert(
      fc.property(fc.oneof(decided, decidedBy(defaultPolicy, defaultChecksum)), (records) => {
        const checksum = records[0]?.policyChecksum ?? '';
        const candidate = checksum === defaultChecksum ? defaultPolicy : loosePolicy;
        const simulation = createSimulation(window, candidate, checksum);
        for (const record of records) {
          const simulated = simulateRecord(candidate, record);
          expect(sameDecision(record, simulated)).toBe(true);
          simulation.add(record);
        }
        const report = simulation.report();
        expect(report.reproduction).toMatchObject({ records: records.length, reproduced: records.length });
        expect(report.reproduction.mismatches).toEqual([]);
        expect(report.total.swapIns + report.total.swapOuts).toBe(0);
        expect(report.total.matrix.approved.approved).toBe(report.total.before.approved);
        expect(report.total.limits.totalAfter).toBe(report.total.limits.totalBefore);
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('a tightened candidate only swaps out, never in, and never offers more or cheaper', () => {
    let approvedSeen = 0;
    let swapOutsSeen = 0;
    fc.assert(
      fc.property(decided, tightening, (records, knobs) => {
        const graph = tightenedPolicy(knobs, looseGraph);
        const candidate = compilePolicy(graph);
        const simulation = createSimulation(window, candidate, policyChecksum(graph));
        for (const record of records) {
          const simulated = simulation.add(record);
          if (!simulated) throw new Error(`the candidate could not evaluate ${record.id}`);
          if (record.outcome !== 'approved') expect(simulated.outcome).not.toBe('approved');
          if (record.outcome === 'approved' && simulated.outcome === 'approved') {
            expect(simulated.limit <= record.limit).toBe(true);
            if (record.apr && simulated.apr)
              expect(compareRate(simulated.apr, record.apr)).toBeGreaterThanOrEqual(0);
          }
        }
        const { total } = simulation.report();
        approvedSeen += total.before.approved;
        swapOutsSeen += total.swapOuts;
        expect(total.swapIns).toBe(0);
        expect(total.matrix.declined.approved + total.matrix.referred.approved).toBe(0);
        expect(total.after.approved).toBeLessThanOrEqual(total.before.approved);
        expect(total.before.approved - total.after.approved).toBe(total.swapOuts);
        expect(total.limits.totalAfter <= total.limits.totalBefore).toBe(true);
      }),
      { numRuns: 60, seed: 11 },
    );
    // The property spoke about approvals, and the tightenings did swap some out.
    expect(approvedSeen).toBeGreaterThan(150);
    expect(swapOutsSeen).toBeGreaterThan(30);
  });

  it('the untightened candidate is the default policy: same checksum, every record reproduced', () => {
    const graph = tightenedPolicy({
      cutoffRaise: { cash_loan: 0, credit_line: 0 },
      bandRaise: 0,
      multiHeadStricter: 0,
      limitScale: 1,
      priceRaiseBps: 0,
    });
    expect(policyChecksum(graph)).toBe(defaultChecksum);
  });
});
