import { Type, type Static } from 'typebox';
import type { SimulationFigures, SimulationReport, SwapSample } from '../monitoring/index.ts';
import {
  DateString,
  FenString,
  MoneyString,
  Nullable,
  RateString,
  StringEnum,
} from '../platform/http/schemas.ts';
import { fen, toDecimalString } from '../platform/money/money.ts';

/**
 * What the policy editor shows of a simulation: per policy (the recorded decisions — the policies in force —
 * and the candidate) the approval rate, limits, prices and the expected bad rate of the approved set; the
 * swap-ins and swap-outs with their expected bad rate and the first cases of each. Money in yuan under the
 * plain name and integer fen under `…Fen`; rates as exact decimal strings. Stored as is with the run.
 */

const OUTCOMES = ['approved', 'declined', 'referred'] as const;

const PolicyFiguresDto = Type.Object(
  {
    approved: Type.Integer(),
    declined: Type.Integer(),
    referred: Type.Integer(),
    approvalRate: Nullable(RateString('Approved ÷ records, 4 places.')),
    limitTotal: MoneyString('Sum of approved limits (exposure offered), yuan.'),
    limitTotalFen: FenString(),
    averageLimit: Nullable(MoneyString('Mean approved limit, yuan.')),
    averageLimitFen: Nullable(FenString()),
    averageApr: Nullable(RateString('Exact mean APR of the approved set, half-even to 6 places.')),
    expectedBadRate: Nullable(Type.Number({ description: 'Mean recorded PD of the approved set.' })),
  },
  { additionalProperties: false },
);

const SideDto = Type.Object(
  {
    outcome: StringEnum(OUTCOMES),
    limit: MoneyString(),
    limitFen: FenString(),
    apr: Nullable(RateString()),
  },
  { additionalProperties: false },
);

const SampleDto = Type.Object(
  {
    decisionId: Type.String(),
    decisionDate: DateString(),
    product: Type.String(),
    score: Type.Number(),
    pd: Nullable(Type.Number()),
    before: SideDto,
    after: SideDto,
  },
  { additionalProperties: false },
);

const SwapDto = Type.Object(
  {
    count: Type.Integer(),
    expectedBadRate: Nullable(Type.Number()),
    samples: Type.Array(SampleDto, { description: 'The first 20 met, for a person to look at.' }),
  },
  { additionalProperties: false },
);

const ChangedDto = Type.Object(
  { raised: Type.Integer(), lowered: Type.Integer(), unchanged: Type.Integer() },
  { additionalProperties: false, description: 'Among records approved both times.' },
);

export const SimulationReportDto = Type.Object(
  {
    window: Type.Object(
      { from: DateString(), to: DateString(), product: Nullable(Type.String()) },
      { additionalProperties: false },
    ),
    records: Type.Integer({ description: 'Decisions replayed.' }),
    current: PolicyFiguresDto,
    candidate: PolicyFiguresDto,
    swapIns: SwapDto,
    swapOuts: SwapDto,
    limits: ChangedDto,
    prices: ChangedDto,
    reproduction: Type.Object(
      {
        records: Type.Integer({ description: 'Records decided by the candidate’s own graph.' }),
        reproduced: Type.Integer({ description: 'Of which the replay gave back the recorded decision.' }),
      },
      { additionalProperties: false },
    ),
    failed: Type.Integer({ description: 'Records the candidate could not evaluate.' }),
    skipped: Type.Object(
      { overrides: Type.Integer(), faults: Type.Integer() },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export type SimulationReportView = Static<typeof SimulationReportDto>;

const yuan = (amount: bigint): string => toDecimalString(fen(amount));

function sideView(side: SwapSample['before']) {
  return { outcome: side.outcome, limit: yuan(side.limit), limitFen: side.limit.toString(), apr: side.apr };
}

function sampleView(sample: SwapSample) {
  return {
    decisionId: sample.decisionId,
    decisionDate: sample.decisionDate,
    product: sample.productCode,
    score: sample.score,
    pd: sample.pd,
    before: sideView(sample.before),
    after: sideView(sample.after),
  };
}

function policyFigures(figures: SimulationFigures, side: 'before' | 'after') {
  const counts = figures[side];
  const total = side === 'before' ? figures.limits.totalBefore : figures.limits.totalAfter;
  const average = side === 'before' ? figures.limits.averageBefore : figures.limits.averageAfter;
  return {
    approved: counts.approved,
    declined: counts.declined,
    referred: counts.referred,
    approvalRate: side === 'before' ? figures.approvalRateBefore : figures.approvalRateAfter,
    limitTotal: yuan(total),
    limitTotalFen: total.toString(),
    averageLimit: average === null ? null : yuan(average),
    averageLimitFen: average === null ? null : average.toString(),
    averageApr: side === 'before' ? figures.prices.averageAprBefore : figures.prices.averageAprAfter,
    expectedBadRate: side === 'before' ? figures.expectedBadRate.before : figures.expectedBadRate.after,
  };
}

/** The editor's view of monitoring's simulation report. */
export function simulationReportView(report: SimulationReport): SimulationReportView {
  const { total } = report;
  return {
    window: { from: report.window.from, to: report.window.to, product: report.window.product },
    records: total.records,
    current: policyFigures(total, 'before'),
    candidate: policyFigures(total, 'after'),
    swapIns: {
      count: total.swapIns,
      expectedBadRate: total.expectedBadRate.swapIns,
      samples: report.samples.swapIns.map(sampleView),
    },
    swapOuts: {
      count: total.swapOuts,
      expectedBadRate: total.expectedBadRate.swapOuts,
      samples: report.samples.swapOuts.map(sampleView),
    },
    limits: { raised: total.limits.raised, lowered: total.limits.lowered, unchanged: total.limits.unchanged },
    prices: { raised: total.prices.raised, lowered: total.prices.lowered, unchanged: total.prices.unchanged },
    reproduction: { records: report.reproduction.records, reproduced: report.reproduction.reproduced },
    failed: report.failed.count,
    skipped: { ...report.skipped },
  };
}
