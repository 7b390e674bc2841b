import { Type, type Static, type TSchema } from 'typebox';
import {
  AnyObject,
  FenString,
  MoneyString,
  Nullable,
  ProblemSchema,
  StringEnum,
} from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { MonitoringService } from './monitoring-service.ts';
import { ROLL_FROM, ROLL_STATES } from './roll-rates.ts';
import { registerShadowReportRoutes } from './shadow-report.routes.ts';
import { outcomeReportView, performanceReportView, rollRateReportView } from './report-views.ts';

// Query parameters stay strings in the schema and are read by one parser (`parseWindow`), so a bad date,
// a reversed range or an unknown product is refused the same way here and on the command line.
const WindowQuery = {
  from: Type.Optional(
    Type.String({ description: 'First business date, YYYY-MM-DD (default: a window ending at `to`).' }),
  ),
  to: Type.Optional(Type.String({ description: 'Last business date, YYYY-MM-DD (default: today).' })),
  product: Type.Optional(
    Type.String({ description: 'A product code (cash_loan, credit_line); default all.' }),
  ),
};

const PerformanceQuery = {
  ...WindowQuery,
  product: Type.Optional(
    Type.String({
      description:
        'cash_loan (loans drawn in the window) or credit_line (lines opened in it); default both, combined and per product.',
    }),
  ),
};

const DriftQuery = {
  ...WindowQuery,
  model: Type.Optional(Type.String({ description: 'A model version; default the active model.' })),
  minDecisions: Type.Optional(
    Type.String({ description: 'Weeks with fewer decisions are flagged low-volume (default 100).' }),
  ),
};

const Counts = Type.Object({ approved: Type.Integer(), declined: Type.Integer(), referred: Type.Integer() });
const Share = Nullable(Type.String({ description: 'A share, decimal rounded half-even to 6 places.' }));

const OutcomeFiguresProps = {
  decisions: Type.Integer({ description: 'Applications, limit reviews and re-checks.' }),
  byKind: Type.Object({
    application: Type.Integer(),
    limitReview: Type.Integer(),
    recheck: Type.Integer(),
  }),
  outcomes: Counts,
  approvalRate: Share,
  declineRate: Share,
  referralRate: Share,
  systemUnavailable: Type.Integer({ description: 'Referred with SYSTEM_UNAVAILABLE: a dependency failed.' }),
  systemUnavailableRate: Share,
  approvedLimitTotal: MoneyString('Sum of approved limits, in yuan ("65000.01").'),
  approvedLimitTotalFen: FenString('Sum of approved limits, in integer fen ("6500001").'),
  averageApprovedLimit: Nullable(
    MoneyString('Mean approved limit in yuan, rounded half-even to the fen; null without approvals.'),
  ),
  averageApprovedLimitFen: Nullable(FenString('Mean approved limit in integer fen; null without approvals.')),
  averageApprovedApr: Nullable(Type.String({ description: 'Exact mean APR, half-even to 6 places.' })),
  rechecks: Counts,
  overrides: Type.Object({
    total: Type.Integer(),
    approved: Type.Integer(),
    declined: Type.Integer(),
    referred: Type.Integer(),
  }),
  reasons: Type.Array(
    Type.Object({ code: Type.String(), decisions: Type.Integer(), first: Type.Integer(), share: Share }),
  ),
};

const WindowDto = Type.Object({
  from: Type.String(),
  to: Type.String(),
  product: Nullable(Type.String()),
});

const OutcomeReportDto = Type.Object({
  window: WindowDto,
  summary: Type.Array(Type.Object({ product: Type.String(), arm: Type.String(), ...OutcomeFiguresProps })),
  days: Type.Array(
    Type.Object({ date: Type.String(), product: Type.String(), arm: Type.String(), ...OutcomeFiguresProps }),
  ),
  total: Type.Object(OutcomeFiguresProps),
});

const PerformanceCellProps = {
  loans: Type.Integer(),
  observable: Type.Integer({
    description: 'Loans that could have gone bad by now: the bad rate’s denominator.',
  }),
  bads: Type.Integer(),
  badRate: Share,
  expectedBadRate: Nullable(
    Type.Number({ description: 'Mean PD recorded at the decision over the observable loans with one.' }),
  ),
  principal: MoneyString('Principal drawn, in yuan ("30000.00").'),
  principalFen: FenString('Principal drawn, in integer fen ("3000000").'),
};

const PerformanceReportDto = Type.Object({
  window: WindowDto,
  badDaysPastDue: Type.Integer(),
  bands: Type.Array(
    Type.Object({ band: Type.String(), from: Type.Integer(), to: Type.Integer(), ...PerformanceCellProps }),
  ),
  vintages: Type.Array(
    Type.Object({
      vintage: Type.String({ description: 'The month drawn, YYYY-MM.' }),
      ...PerformanceCellProps,
      bands: Type.Array(Type.Object({ band: Type.String(), ...PerformanceCellProps })),
    }),
  ),
  unscored: Type.Object(PerformanceCellProps),
  products: Type.Array(Type.Object({ product: Type.String(), ...PerformanceCellProps }), {
    description: 'Per product, in code order (the asked product alone when one is asked).',
  }),
  total: Type.Object(PerformanceCellProps),
});

const RollState = StringEnum(ROLL_STATES);
const RollBucket = StringEnum(ROLL_FROM);

const RollRowDto = Type.Object({
  from: RollBucket,
  accounts: Type.Integer({ description: 'Accounts in this bucket at the first month end.' }),
  balance: MoneyString('What they owed then (all receivables), in yuan.'),
  balanceFen: FenString('The same, in integer fen.'),
  to: Type.Array(
    Type.Object({
      to: RollState,
      accounts: Type.Integer(),
      balance: MoneyString('What these accounts owed at the first month end, in yuan.'),
      balanceFen: FenString('The same, in integer fen.'),
      balanceNext: MoneyString('What the same accounts owed one month later, in yuan.'),
      balanceNextFen: FenString('The same, in integer fen.'),
      accountRate: Share,
      balanceRate: Share,
    }),
    { description: 'One cell per state, in `states` order.' },
  ),
});

const RollMatricesProps = {
  months: Type.Array(
    Type.Object({
      month: Type.String({ description: 'The month whose end the accounts are counted at, YYYY-MM.' }),
      from: Type.String({ description: 'That month end.' }),
      to: Type.String({ description: 'The next month end.' }),
      rows: Type.Array(RollRowDto),
    }),
  ),
  total: Type.Array(RollRowDto, { description: 'Every month of the window added up.' }),
};

const RollRateReportDto = Type.Object({
  window: WindowDto,
  states: Type.Array(RollState),
  rounding: Type.String({ description: 'How the shares are rounded (counts and fen are exact).' }),
  products: Type.Array(Type.Object({ product: Type.String(), ...RollMatricesProps })),
  combined: Type.Object(RollMatricesProps),
});

const AlertDto = Type.Object({
  severity: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')]),
  kind: Type.String({
    description: 'score-drift, characteristic-drift, low-volume, outage or no-active-model.',
  }),
  subject: Type.String(),
  from: Type.String(),
  to: Type.String(),
  value: Type.Number(),
  threshold: Type.Number(),
  reason: Type.String(),
});

const AlertReportDto = Type.Object({
  window: WindowDto,
  alerts: Type.Array(AlertDto),
  counts: Type.Object({ critical: Type.Integer(), warning: Type.Integer(), info: Type.Integer() }),
});

const errors = { 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

/**
 * A report as its documented wire form: the server's serializer writes bigint fen as decimal strings, so
 * the `bigint` fields of the domain type are the strings the schema documents.
 */
function asWire<S extends TSchema>(_schema: S, value: unknown): Static<S> {
  return value as Static<S>;
}

/**
 * Monitoring over HTTP, for analysts: outcomes, loan performance, drift, alerts, and policy simulations.
 * Thin: the service reads and checks the parameters and computes; the routes shape nothing further.
 */
export function registerMonitoringRoutes(
  http: HttpServer,
  services: { readonly monitoring: MonitoringService },
): void {
  const { monitoring } = services;
  registerShadowReportRoutes(http, services);

  http.get(
    '/v1/monitoring/outcomes',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['monitoring'],
        summary: 'Decision outcomes per day, product and champion/challenger arm.',
        description:
          'Volumes, approval/decline/referral rates, SYSTEM_UNAVAILABLE referrals (outages), average approved limit and APR, principal reasons, appeal re-checks and overrides — from the decision records. Default window: the 28 days to today.',
        querystring: Type.Object(WindowQuery, { additionalProperties: false }),
        response: { 200: OutcomeReportDto, ...errors },
      },
    },
    async (request): Promise<Static<typeof OutcomeReportDto>> =>
      outcomeReportView(await monitoring.outcomes(request.query)),
  );

  http.get(
    '/v1/monitoring/performance',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['monitoring'],
        summary:
          'Bad rate (30+ days past due, or written off) by score band and vintage: cash loans and credit lines.',
        description:
          'Loans drawn and credit lines opened in the window, each with the score and PD of the decision that set its facility, against how it has performed. A line is bad once a statement minimum stays unmet 30+ days past its due date (or it is charged off); its vintage is the month it was opened. Default window: the 365 days to today.',
        querystring: Type.Object(PerformanceQuery, { additionalProperties: false }),
        response: { 200: PerformanceReportDto, ...errors },
      },
    },
    async (request): Promise<Static<typeof PerformanceReportDto>> =>
      performanceReportView(await monitoring.performance(request.query)),
  );

  http.get(
    '/v1/monitoring/roll-rates',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['monitoring'],
        summary:
          'Roll rates: accounts and balances moving between delinquency buckets month end to month end.',
        description:
          'For each product and month: the accounts (and what they owed, per the ledger) in each bucket (M0 current, M1 1–30, M2 31–60, M3+ 61+ days past due, by each contract’s bounds) at the month end, by the state they were in one month later (a bucket, written_off or closed). Buckets at past month ends are derived from the dated history of each account (instalment settlement dates; statement due outcomes). Shares half-even to 6 places. Default window: the 365 days to today.',
        querystring: Type.Object(WindowQuery, { additionalProperties: false }),
        response: { 200: RollRateReportDto, ...errors },
      },
    },
    async (request): Promise<Static<typeof RollRateReportDto>> =>
      rollRateReportView(await monitoring.rollRates(request.query)),
  );

  http.get(
    '/v1/monitoring/drift',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['monitoring'],
        summary: 'Score PSI and characteristic CSI per week against the model’s training sample.',
        description:
          'Over the model’s own bins (ε = 1e-4; < 0.1 stable, < 0.25 monitor, else unstable), for the decisions that model scored. Default window: the 56 days to today; 422 when no model is active and none is named.',
        querystring: Type.Object(DriftQuery, { additionalProperties: false }),
        response: {
          200: AnyObject(
            'model, epsilon, scoreDistribution, weeks[{from, to, decisions, psi, csi}], overall.',
          ),
          ...errors,
        },
      },
    },
    async (request) => monitoring.drift(request.query),
  );

  http.get(
    '/v1/monitoring/alerts',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['monitoring'],
        summary: 'Thresholds crossed: drift (PSI/CSI ≥ 0.1 warning, ≥ 0.25 critical) and outages.',
        querystring: Type.Object(DriftQuery, { additionalProperties: false }),
        response: { 200: AlertReportDto, ...errors },
      },
    },
    async (request) => asWire(AlertReportDto, await monitoring.alerts(request.query)),
  );

  http.post(
    '/v1/monitoring/simulations',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['monitoring'],
        summary: 'Replay recorded decisions under a candidate policy: swap set, rates, limits, prices, risk.',
        description:
          'The candidate (a JDM graph) is compiled and checked as a policy version would be, then evaluated on the policy document each decision recorded, priced under the legal cap of its date. Nothing is stored unless `save` is given (then it is loaded as a new policy version after the run). Default window: the 90 days to today.',
        body: Type.Object(
          {
            policy: AnyObject('The candidate policy: a GoRules JDM graph.'),
            from: Type.Optional(Type.String({ description: 'YYYY-MM-DD.' })),
            to: Type.Optional(Type.String({ description: 'YYYY-MM-DD.' })),
            product: Type.Optional(Type.String()),
            save: Type.Optional(
              Type.Object(
                {
                  name: Type.String({ description: 'Policy name, e.g. default.' }),
                  effectiveFrom: Type.String({ description: 'YYYY-MM-DD.' }),
                  description: Type.Optional(Type.String({ maxLength: 500 })),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            candidate: AnyObject('checksum, warnings of the static checks, saved version (or null).'),
            report: AnyObject('total, products (with bands), bands, reproduction, failed, skipped.'),
            recordsRead: Type.Integer(),
            elapsedMs: Type.Number(),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      monitoring.simulate(
        request.body,
        request.principal
          ? { requestedBy: { id: request.principal.keyId, name: request.principal.name } }
          : {},
      ),
  );
}
