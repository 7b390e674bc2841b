import { Type, type Static } from 'typebox';
import { FenString, MoneyString, Nullable, ProblemSchema } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { MonitoringService } from './monitoring-service.ts';
import { shadowReportView } from './shadow-view.ts';

const Share = Nullable(Type.String({ description: 'A share, decimal rounded half-even to 6 places.' }));
const Row = Type.Object({ approved: Type.Integer(), declined: Type.Integer(), referred: Type.Integer() });
const PdPair = Type.Object({
  champion: Nullable(Type.Number({ description: 'Mean PD by the champion’s model.' })),
  challenger: Nullable(
    Type.Number({ description: 'Mean PD by the challenger’s (shadow’s, candidate’s) model.' }),
  ),
});
const Bucket = Type.Object({
  from: Nullable(Type.Number({ description: 'Lower bound (inclusive); null: open below.' })),
  to: Nullable(Type.Number({ description: 'Upper bound (exclusive); null: open above.' })),
  count: Type.Integer(),
});

/** The comparison both shadow mode and backtests report (`comparison.ts`). */
export const ComparisonProps = {
  records: Type.Integer({ description: 'Decisions compared (both sides have an outcome).' }),
  matrix: Type.Object(
    { approved: Row, declined: Row, referred: Row },
    { description: 'Rows: the champion’s outcome; columns: the challenger’s.' },
  ),
  agreed: Type.Integer(),
  agreementRate: Share,
  approvalRate: Type.Object({ champion: Share, challenger: Share }),
  swapIns: Type.Object(
    { count: Type.Integer(), expectedBadRate: PdPair },
    {
      description:
        'Approved by the challenger, not by the champion; expected bad rate = mean PD of each model.',
    },
  ),
  swapOuts: Type.Object(
    { count: Type.Integer(), expectedBadRate: PdPair },
    { description: 'Approved by the champion, not by the challenger.' },
  ),
  expectedBadRate: Type.Object(
    {
      champion: Nullable(Type.Number({ description: 'Mean champion PD over the champion’s approvals.' })),
      challenger: Nullable(
        Type.Number({ description: 'Mean challenger PD over the challenger’s approvals.' }),
      ),
    },
    { description: 'Each side’s approved set, by its own model.' },
  ),
  approvedBoth: Type.Object(
    {
      count: Type.Integer(),
      limitHigher: Type.Integer(),
      limitLower: Type.Integer(),
      limitSame: Type.Integer(),
      meanLimitDifference: Nullable(MoneyString('Mean of challenger − champion limits, yuan.')),
      meanLimitDifferenceFen: Nullable(FenString('The same, integer fen.')),
      limitDifferenceBuckets: Type.Array(Bucket, {
        description:
          'Limit differences (challenger − champion) in whole yuan, cut at −10,000, −1,000, 0, 1, 1,000, 10,000.',
      }),
      priceHigher: Type.Integer(),
      priceLower: Type.Integer(),
      priceSame: Type.Integer(),
      priceDifferenceBuckets: Type.Array(Bucket, {
        description:
          'APR differences (challenger − champion) in basis points, cut at −200, −50, 0, 1, 50, 200.',
      }),
    },
    { description: 'Among the decisions both sides approve.' },
  ),
};

const ShadowFiguresDto = Type.Object({
  ...ComparisonProps,
  failed: Type.Object({
    count: Type.Integer({ description: 'Shadow runs that failed (no outcome): recorded, never raised.' }),
    byCode: Type.Record(Type.String(), Type.Integer(), { description: 'By `stage:code`.' }),
  }),
  reasonsDiffer: Type.Integer({ description: 'Decisions whose two sets of reason codes differ.' }),
  topReasonDifferences: Type.Array(
    Type.Object({
      code: Type.String(),
      champion: Type.Integer(),
      shadow: Type.Integer(),
      difference: Type.Integer({ description: 'shadow − champion.' }),
    }),
  ),
});

export const ShadowReportDto = Type.Object({
  window: Type.Object({ from: Type.String(), to: Type.String(), product: Nullable(Type.String()) }),
  shadows: Type.Array(
    Type.Object({
      policyVersionId: Nullable(Type.String()),
      modelVersion: Nullable(Type.String()),
      records: Type.Integer(),
    }),
  ),
  total: ShadowFiguresDto,
  byProduct: Type.Record(Type.String(), ShadowFiguresDto),
  elapsedMs: Type.Object({
    p50: Nullable(Type.Number()),
    p95: Nullable(Type.Number()),
    max: Nullable(Type.Number()),
  }),
});

/** `GET /v1/monitoring/shadow`: shadow mode against the champion over a window (analysts). */
export function registerShadowReportRoutes(
  http: HttpServer,
  services: { readonly monitoring: MonitoringService },
): void {
  http.get(
    '/v1/monitoring/shadow',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['monitoring'],
        summary:
          'Shadow mode against the champion: agreement matrix, swap sets, limit and price differences.',
        description:
          'Every live decision a shadow policy or model ran beside (on the same point-in-time facts, without acting) in the window: the champion × shadow outcome matrix, swap-ins and swap-outs with the bad rate each model expects of them (mean PD), limit and price differences among the decisions both approve, the reason codes whose frequency differs most, and the shadows that failed. Default window: the 28 days to today.',
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ description: 'First business date, YYYY-MM-DD.' })),
            to: Type.Optional(
              Type.String({ description: 'Last business date, YYYY-MM-DD (default: today).' }),
            ),
            product: Type.Optional(Type.String({ description: 'A product code; default all.' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ShadowReportDto, 403: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema },
      },
    },
    async (request): Promise<Static<typeof ShadowReportDto>> =>
      shadowReportView(await services.monitoring.shadow(request.query)) as unknown as Static<
        typeof ShadowReportDto
      >,
  );
}
