import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdUntil, scorecardRow, type DecisionFacts } from '../../src/decisions/decision-facts.ts';
import { evaluateDecision, type EvaluatedDecision } from '../../src/decisions/evaluate-decision.ts';
import { paramJson } from '../../src/decisions/principal-reasons.ts';
import { en } from '../../src/platform/i18n/localized.ts';
import { fen } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import type { RiskAppetite } from '../../src/policy/index.ts';
import type { ZenObject } from '../../src/policy/zen-runtime.ts';
import { arbitraryApplicant, contextFor, scorer } from './applicants.ts';

/**
 * Every number a reason states is the value the decision applied. For each reason of a decision over
 * random applicants from the synthetic population, under the default policy with and without a risk
 * appetite that raises the cut-offs, the reason's parameters are rebuilt from independent sources — the
 * policy graph's own output (the cut-off applied, the base cut-off, the thresholds each rule attached, the
 * limit) and the facts (counts, amounts, dates, levels) — and must equal the parameters stored; then every
 * number in the English text must be one of those values as written (amounts and dates as formatted).
 */

const tightened: RiskAppetite = {
  effectiveFrom: '2026-01-01' as RiskAppetite['effectiveFrom'],
  name: 'test-tightening',
  cutoffRaise: 30,
  limitScale: parseRate('0.8'),
  note: 'test',
};

function thresholdOf(output: ZenObject, code: string): unknown {
  const rows = [
    ...((output.knockouts as ZenObject[] | null) ?? []),
    ...((output.limitReasons as ZenObject[] | null) ?? []),
  ];
  return rows.find((row) => row.code === code)?.threshold;
}

/** What each policy reason must state, from the graph's output and the facts (not from the reason). */
function expectedParams(
  code: string,
  facts: DecisionFacts,
  decision: EvaluatedDecision,
): Record<string, unknown> | null {
  const doc = decision.policyDocument;
  const output = decision.policyOutput;
  const product = doc.product as ZenObject;
  switch (code) {
    case 'SCORE_BELOW_CUTOFF':
      return { score: decision.score.score, cutoff: output.cutoff };
    case 'POLICY_TIGHTENED':
      return { score: decision.score.score, cutoff: output.cutoff, usualCutoff: output.baseCutoff };
    case 'MULTI_HEAD_BORROWING':
      return {
        applications: facts.features.inquiries_30d,
        days: 30,
        maximum: thresholdOf(output, code),
      };
    case 'THIN_FILE':
      return { historyMonths: doc.historyMonths, requiredMonths: thresholdOf(output, code) };
    case 'VERIFICATION_LEVEL_TOO_LOW':
      return { current: facts.verification.level, required: product.requiredVerificationLevel };
    case 'AGE_OUTSIDE_RANGE':
      return { age: facts.age, minAge: product.minAge, maxAge: product.maxAge };
    case 'OVERDUE_HERE':
      return { amount: String(facts.features.overdue_amount_here ?? 0) };
    case 'OVERDUE_ELSEWHERE':
      return { amount: String(facts.features.overdue_amount_elsewhere ?? 0) };
    case 'ACTIVE_RISK_HOLD':
      return { until: holdUntil(facts) };
    case 'NEW_USER_RAMP':
      return { limit: String(output.limit), onTimeCycles: doc.onTimeCycles };
    case 'LIMIT_BELOW_REQUEST':
      return { limit: decision.limit.toString(), requested: facts.requestedAmount };
    case 'LIMIT_BELOW_PRODUCT_MINIMUM':
      return { limit: String(output.limit), minimum: String(product.minLimit) };
    case 'LIMIT_CAPPED_BY_DEBT_SERVICE':
      return {
        limit: String(output.limit),
        monthlyIncome: String(doc.monthlyIncome),
        monthlyDebtPayments: String(doc.monthlyDebtPayments),
      };
    case 'LIMIT_REDUCED_BY_RISK_APPETITE':
      return { limit: String(output.limit), scale: String((doc.appetite as ZenObject).limitScale) };
    case 'BLOCKLISTED':
    case 'REFERRED_FOR_REVIEW':
    case 'SYSTEM_UNAVAILABLE':
      return {};
    default:
      return null;
  }
}

/** The expected values as the English text writes them: amounts, dates, percentages, plain numbers. */
function writtenForms(code: string, params: Record<string, unknown>): string[] {
  const forms: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    if (name === 'until') forms.push(en.date(value as never));
    else if (name === 'scale') forms.push(en.percent(parseRate(String(value)), 0));
    else if (
      ['amount', 'limit', 'requested', 'minimum', 'monthlyIncome', 'monthlyDebtPayments'].includes(name)
    )
      forms.push(en.money(fen(BigInt(String(value)))));
    else forms.push(String(value));
  }
  void code;
  // Longest first, so "CNY 1,000.00" is taken out before a "1" inside it.
  return forms.sort((a, b) => b.length - a.length);
}

/** Numbers left in a text once the expected forms are taken out: each one would be an unfaithful figure. */
function strayNumbers(text: string, forms: readonly string[]): string[] {
  let rest = text;
  for (const form of forms) rest = rest.split(form).join(' ');
  return rest.match(/\d[\d,.]*/g) ?? [];
}

/** The score factor's value as the text may write it: a percentage, an amount, or a count. */
function factorForms(value: unknown): string[] {
  // The windows the factors are measured over are part of their names ("in the last 30 days").
  const windows = [7, 30, 90, 180].map((d) => `last ${d} days`);
  windows.push(...[3, 6, 12].map((m) => `last ${m} months`), 'last 24 hours');
  if (typeof value !== 'number') return windows;
  const percent = `${Math.round(value * 100)}%`;
  const amount = en.money(fen(BigInt(Math.round(value * 100))));
  return [...windows, amount, percent, String(Math.round(value))].sort((x, y) => y.length - x.length);
}

describe('stated values (property, random applicants, default policy, with and without a tightening)', () => {
  it('every threshold, count, amount and date a reason states is the one the decision applied', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbitraryApplicant, fc.boolean(), (facts, tighten) => {
        const base = contextFor(facts.productCode as 'cash_loan' | 'credit_line');
        const context = tighten ? { ...base, appetite: tightened } : base;
        const decision = evaluateDecision(facts, scorer, context, { recourse: false });
        const row = scorecardRow(facts);
        for (const reason of decision.reasons) {
          seen.add(reason.code);
          if (reason.kind === 'score') {
            expect(reason.params.value).toEqual(row[String(reason.params.feature)] ?? null);
            // A factor's text states the person's own value and nothing else: no bin edges, no points.
            const stray = strayNumbers(reason.text.en, factorForms(reason.params.value));
            expect(stray, `${reason.code}: ${reason.text.en}`).toEqual([]);
            continue;
          }
          const expected = expectedParams(reason.code, facts, decision);
          expect(expected, reason.code).not.toBeNull();
          expect(reason.params, `${reason.code}: ${reason.text.en}`).toEqual(paramJson(expected));
          // And what it states is true of those values.
          const p = reason.params as Record<string, number>;
          if (reason.code === 'SCORE_BELOW_CUTOFF') expect(p.score).toBeLessThan(p.cutoff as number);
          if (reason.code === 'POLICY_TIGHTENED') {
            expect(p.score).toBeGreaterThanOrEqual(p.usualCutoff as number);
            expect(p.score).toBeLessThan(p.cutoff as number);
          }
          if (reason.code === 'MULTI_HEAD_BORROWING')
            expect(p.applications).toBeGreaterThan(p.maximum as number);
          if (reason.code === 'THIN_FILE') expect(p.historyMonths).toBeLessThan(p.requiredMonths as number);
          expect(
            strayNumbers(reason.text.en, writtenForms(reason.code, expected ?? {})),
            reason.text.en,
          ).toEqual([]);
        }
      }),
      { numRuns: 2_000, seed: 13 },
    );
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'SCORE_BELOW_CUTOFF',
        'POLICY_TIGHTENED',
        'MULTI_HEAD_BORROWING',
        'OVERDUE_HERE',
      ]),
    );
  });
});
