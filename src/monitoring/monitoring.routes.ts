import { Type, type Static, type TSchema } from 'typebox';
import { ProblemSchema } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { MonitoringService } from './monitoring-service.ts';

const AnyObject = (description: string) => Type.Object({}, { additionalProperties: true, description });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

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

const DriftQuery = {
  ...WindowQuery,
  model: Type.Optional(Type.String({ description: 'A model version; default the active model.' })),
  minDecisions: Type.Optional(
    Type.String({ description: 'Weeks with fewer decisions are flagged low-volume (default 100).' }),
  ),
};

const Counts = Type.Object({ approved: Type.Integer(), declined: Type.Integer(), referred: Type.Integer() });
const Share = Nullable(Type.String({ description: 'A share, decimal rounded half-even to 6 places.' }));
const Fen = Type.String({ description: 'Integer fen.' });

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
  approvedLimitTotal: Fen,
  averageApprovedLimit: Nullable(Fen),
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
    async (request) => asWire(OutcomeReportDto, await monitoring.outcomes(request.query)),
  );

  http.get(
    '/v1/monitoring/performance',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['monitoring'],
        summary: 'Cash-loan bad rate (30+ days past due, or written off) by score band and vintage.',
        description:
          'Loans drawn in the window, each with the score and PD of the decision that set its facility, against how it has performed. Default window: the 365 days to today.',
        querystring: Type.Object(WindowQuery, { additionalProperties: false }),
        response: { 200: AnyObject('Bands, vintages (by band), unscored and total cells.'), ...errors },
      },
    },
    async (request) => monitoring.performance(request.query),
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
    async (request) => monitoring.simulate(request.body),
  );
}
