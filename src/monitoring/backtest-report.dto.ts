import { Type, type TProperties } from 'typebox';
import { DateString, Nullable } from '../platform/http/schemas.ts';
import { SampleMetricsSchema } from '../scoring/index.ts';
import { ComparisonProps } from './comparison.dto.ts';

/**
 * The schema of a backtest report's wire form (`backtestReportView`, `backtest-view.ts`): what `GET /v1/models/backtests/{id}` returns
 * under `report` and what the console's model page draws. The backtest routes are the scoring context's; the composition root
 * hands them this schema (a context's delivery files are not another context's to import). Objects are closed, so a field added to the
 * report without its schema fails the test that validates real responses against `/openapi.json`.
 */
const Closed = <P extends TProperties>(properties: P, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });

const Share = Nullable(Type.String({ description: 'A share, decimal rounded half-even to 6 places.' }));
const Card = Closed({ version: Type.String(), contentHash: Type.String() });

const Observed = Closed(
  {
    matured: Type.Integer({ description: 'Applications of the set whose account matured.' }),
    bads: Type.Integer({ description: 'Bads among them.' }),
    badRate: Share,
  },
  'Observed outcomes of a set: matured accounts, bads among them, and the bad rate.',
);

const Segment = Closed({
  segment: Type.String({ description: 'The band or product code (`unknown`/`unscored` when not known).' }),
  applications: Type.Integer(),
  approvalRate: Closed({ champion: Share, candidate: Share }),
  approved: Closed({ champion: Type.Integer(), candidate: Type.Integer() }),
  expectedBadRate: Closed(
    {
      champion: Nullable(Type.Number()),
      candidate: Nullable(Type.Number()),
    },
    'Mean PD of each side’s approvals, by its own model.',
  ),
  observed: Closed(
    { champion: Observed, candidate: Observed },
    'Observed among each side’s approvals that matured.',
  ),
});

const CurvePoint = Closed({ x: Type.Number(), y: Type.Number() });
const KsPoint = Closed({
  x: Type.Number({ description: 'Share of the matured applications, riskiest first.' }),
  bads: Type.Number({ description: 'Cumulative share of the bads.' }),
  goods: Type.Number({ description: 'Cumulative share of the goods.' }),
});

export const BacktestReportDto = Closed(
  {
    window: Closed({ from: DateString(), to: DateString(), product: Nullable(Type.String()) }),
    champion: Card,
    candidate: Card,
    policy: Closed(
      {
        date: DateString('The run’s date: each product’s champion policy in force that day.'),
        versions: Type.Record(Type.String(), Type.String(), {
          description: 'Policy version id per product code.',
        }),
      },
      'The policy both models ran through.',
    ),
    maturity: Closed({ definition: Type.String(), badDaysPastDue: Type.Integer() }),
    applications: Type.Integer({ description: 'Applications re-decided both ways.' }),
    skipped: Type.Record(Type.String(), Type.Integer(), {
      description: 'Decisions read but not re-decided, by reason: overrides, faults, noPolicy, failed.',
    }),
    matured: Closed({ applications: Type.Integer(), bads: Type.Integer() }),
    discrimination: Nullable(
      Closed(
        {
          champion: SampleMetricsSchema,
          candidate: SampleMetricsSchema,
          roc: Closed(
            { champion: Type.Array(CurvePoint), candidate: Type.Array(CurvePoint) },
            'ROC curves: x false-positive rate, y true-positive rate (≤ 200 points).',
          ),
          ks: Closed({ champion: Type.Array(KsPoint), candidate: Type.Array(KsPoint) }),
        },
        'AUC, KS, Gini, Brier, log-loss and calibration of both models over the matured applications; null without both bads and goods.',
      ),
    ),
    comparison: Type.Object(ComparisonProps, {
      description: 'Champion (rows) × candidate (the `challenger` columns) through the current policy.',
    }),
    swapObserved: Closed(
      { swapIns: Observed, swapOuts: Observed },
      'The observed bad rate of the matured swap-ins and swap-outs.',
    ),
    segments: Closed({
      scoreBand: Type.Array(Segment, { description: 'By the champion’s score band.' }),
      product: Type.Array(Segment),
      ageBand: Type.Array(Segment),
      incomeBand: Type.Array(Segment),
    }),
  },
  'A finished backtest: the candidate against the champion on the window’s past applications.',
);
