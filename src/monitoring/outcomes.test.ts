import { describe, expect, it } from 'vitest';
import type { DecisionKind } from '../decisions/decision.ts';
import type { Outcome } from '../decisions/evaluate-decision.ts';
import { fen } from '../platform/money/money.ts';
import { parseRate } from '../platform/money/rate.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import type { Arm } from '../policy/index.ts';
import { createOutcomeAggregator, type OutcomeRecord } from './outcomes.ts';
import type { MonitoringWindow } from './window.ts';

const window: MonitoringWindow = {
  from: parseLocalDate('2026-11-16'),
  to: parseLocalDate('2026-11-22'),
  product: null,
};

let serial = 0;
function record(
  outcome: Outcome,
  options: {
    date?: string;
    product?: string;
    arm?: Arm | null;
    kind?: DecisionKind;
    limit?: bigint;
    apr?: string | null;
    reasons?: string[];
    faulted?: boolean;
  } = {},
): OutcomeRecord {
  serial += 1;
  return {
    id: `dec_${serial}`,
    decisionDate: parseLocalDate(options.date ?? '2026-11-16'),
    productCode: options.product ?? 'cash_loan',
    arm: options.arm === undefined ? 'champion' : options.arm,
    kind: options.kind ?? 'application',
    outcome,
    limit: fen(options.limit ?? 0n),
    apr: options.apr === undefined || options.apr === null ? null : parseRate(options.apr),
    reasonCodes: options.reasons ?? [],
    faulted: options.faulted ?? false,
  };
}

describe('outcome monitoring', () => {
  it('Given a day of cash-loan decisions, When folded, Then rates, averages and reasons are exact', () => {
    const aggregator = createOutcomeAggregator(window);
    aggregator.add(record('approved', { limit: 5_000_000n, apr: '0.1095' }));
    aggregator.add(record('approved', { limit: 500_000n, apr: '0.146', reasons: ['NEW_USER_RAMP'] }));
    aggregator.add(record('approved', { limit: 1_000_001n, apr: '0.073' }));
    aggregator.add(
      record('declined', { reasons: ['OVERDUE_ELSEWHERE', 'SCORE_BELOW_CUTOFF', 'BEH-UTILISATION'] }),
    );
    aggregator.add(record('declined', { reasons: ['SCORE_BELOW_CUTOFF', 'THIN_FILE'] }));
    aggregator.add(record('referred', { arm: null, reasons: ['SYSTEM_UNAVAILABLE'], faulted: true }));
    const report = aggregator.report();
    expect(report.summary.map((group) => `${group.product}/${group.arm}`)).toEqual([
      'cash_loan/champion',
      'cash_loan/none',
    ]);
    const champion = report.summary[0];
    expect(champion).toMatchObject({
      decisions: 5,
      outcomes: { approved: 3, declined: 2, referred: 0 },
      approvalRate: '0.600000',
      declineRate: '0.400000',
      referralRate: '0.000000',
      systemUnavailable: 0,
      approvedLimitTotal: 6_500_001n,
      // 6,500,001 / 3 = 2,166,667 rounded half-even.
      averageApprovedLimit: 2_166_667n,
      // (0.1095 + 0.146 + 0.073) / 3 = 0.1095 exactly.
      averageApprovedApr: '0.109500',
    });
    expect(champion?.reasons).toEqual(
      [
        { code: 'SCORE_BELOW_CUTOFF', decisions: 2, first: 1, share: '0.400000' },
        { code: 'OVERDUE_ELSEWHERE', decisions: 1, first: 1, share: '0.200000' },
        { code: 'THIN_FILE', decisions: 1, first: 0, share: '0.200000' },
        { code: 'BEH-UTILISATION', decisions: 1, first: 0, share: '0.200000' },
        { code: 'NEW_USER_RAMP', decisions: 1, first: 1, share: '0.200000' },
      ].sort((a, b) => b.decisions - a.decisions || b.first - a.first || (a.code < b.code ? -1 : 1)),
    );
    expect(report.summary[1]).toMatchObject({
      decisions: 1,
      outcomes: { approved: 0, declined: 0, referred: 1 },
      systemUnavailable: 1,
      systemUnavailableRate: '1.000000',
      averageApprovedLimit: null,
      averageApprovedApr: null,
    });
    expect(report.total).toMatchObject({ decisions: 6, systemUnavailable: 1, approvalRate: '0.500000' });
  });

  it('counts overrides apart (their copied reasons are not counted again) and re-checks inside the decisions', () => {
    const aggregator = createOutcomeAggregator(window);
    aggregator.add(record('declined', { reasons: ['OVERDUE_HERE'] }));
    aggregator.add(record('declined', { kind: 'recheck', reasons: ['OVERDUE_HERE'] }));
    aggregator.add(
      record('approved', { kind: 'override', limit: 800_000n, apr: '0.146', reasons: ['OVERDUE_HERE'] }),
    );
    aggregator.add(record('referred', { kind: 'override', faulted: true, reasons: ['SYSTEM_UNAVAILABLE'] }));
    aggregator.add(
      record('approved', { kind: 'limit_review', product: 'credit_line', limit: 300_000n, apr: '0.1095' }),
    );
    const { summary, total } = aggregator.report();
    const cash = summary.find((group) => group.product === 'cash_loan');
    expect(cash).toMatchObject({
      decisions: 2,
      byKind: { application: 1, limitReview: 0, recheck: 1 },
      outcomes: { approved: 0, declined: 2, referred: 0 },
      rechecks: { approved: 0, declined: 1, referred: 0 },
      overrides: { total: 2, approved: 1, declined: 0, referred: 1 },
      systemUnavailable: 0,
      approvedLimitTotal: 0n,
      reasons: [{ code: 'OVERDUE_HERE', decisions: 2, first: 2, share: '1.000000' }],
    });
    expect(total).toMatchObject({
      decisions: 3,
      byKind: { application: 1, limitReview: 1, recheck: 1 },
      overrides: { total: 2, approved: 1, declined: 0, referred: 1 },
    });
  });

  it("counts a referral's manual review as a person's decision, like an override (its reasons apart)", () => {
    const aggregator = createOutcomeAggregator(window);
    aggregator.add(record('referred', { reasons: ['SYSTEM_UNAVAILABLE'], faulted: true }));
    aggregator.add(record('declined', { kind: 'manual_review', reasons: ['OVERDUE_ELSEWHERE'] }));
    aggregator.add(record('approved', { kind: 'manual_review', limit: 500_000n, apr: '0.146' }));
    const cash = aggregator.report().summary.find((group) => group.product === 'cash_loan');
    expect(cash).toMatchObject({
      decisions: 1,
      outcomes: { approved: 0, declined: 0, referred: 1 },
      overrides: { total: 2, approved: 1, declined: 1, referred: 0 },
      approvedLimitTotal: 0n,
    });
    expect(cash?.reasons.map((reason) => reason.code)).toEqual(['SYSTEM_UNAVAILABLE']);
  });

  it('keeps days, products and arms apart, in date, product and arm order', () => {
    const aggregator = createOutcomeAggregator(window);
    aggregator.add(
      record('approved', { date: '2026-11-17', arm: 'challenger', limit: 100_000n, apr: '0.2' }),
    );
    aggregator.add(record('approved', { date: '2026-11-17', limit: 200_000n, apr: '0.1' }));
    aggregator.add(record('declined', { date: '2026-11-16', product: 'credit_line' }));
    aggregator.add(record('declined', { date: '2026-11-17', arm: 'challenger' }));
    const { days } = aggregator.report();
    expect(days.map((day) => [day.date, day.product, day.arm, day.decisions, day.approvalRate])).toEqual([
      ['2026-11-16', 'credit_line', 'champion', 1, '0.000000'],
      ['2026-11-17', 'cash_loan', 'champion', 1, '1.000000'],
      ['2026-11-17', 'cash_loan', 'challenger', 2, '0.500000'],
    ]);
  });

  it('has nothing to say of an empty window', () => {
    const report = createOutcomeAggregator(window).report();
    expect(report.days).toEqual([]);
    expect(report.total).toMatchObject({ decisions: 0, approvalRate: null, averageApprovedApr: null });
  });
});
