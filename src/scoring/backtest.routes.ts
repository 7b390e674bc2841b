import { Type, type Static, type TSchema } from 'typebox';
import { IdString, InstantString, Nullable, ProblemSchema, StringEnum } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { BACKTEST_STATUSES, type ModelBacktest, type ModelBacktests } from './backtest-jobs.ts';

const VersionParam = Type.Object(
  {
    version: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'The model version.' }),
  },
  { additionalProperties: false },
);

const WindowProps = {
  from: Type.Optional(
    Type.String({ description: 'First decision date, YYYY-MM-DD (default: 365 days to `to`).' }),
  ),
  to: Type.Optional(Type.String({ description: 'Last decision date, YYYY-MM-DD (default: today).' })),
  product: Type.Optional(Type.String({ description: 'A product code; default every product.' })),
};

/**
 * A run, with its report's schema as given: the report is monitoring's (`src/monitoring/backtest-report.dto.ts`),
 * handed in by the composition root — a context's delivery files are not another context's to import.
 */
const backtestSchema = <Report extends TSchema>(report: Report) =>
  Type.Object({
    backtestId: IdString('modelBacktest'),
    model: Type.String({ description: 'The candidate model version.' }),
    modelHash: Type.String(),
    championModel: Nullable(
      Type.String({ description: 'The active model when the backtest was asked for.' }),
    ),
    window: Type.Object({
      from: Nullable(Type.String()),
      to: Nullable(Type.String()),
      product: Nullable(Type.String()),
    }),
    status: StringEnum(BACKTEST_STATUSES),
    done: Type.Integer({ description: 'Past decisions read so far.' }),
    total: Type.Integer({ description: 'Past decisions in the window (0 until the run has counted them).' }),
    requestedBy: Type.String(),
    createdAt: InstantString(),
    finishedAt: Nullable(InstantString()),
    report: Nullable(report),
    error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  });
type BacktestDto = Static<ReturnType<typeof backtestSchema<TSchema>>>;

function backtestDto(backtest: ModelBacktest): BacktestDto {
  return {
    backtestId: backtest.id,
    model: backtest.modelVersion,
    modelHash: backtest.modelHash,
    championModel: backtest.championVersion,
    window: {
      from: backtest.request.from ?? null,
      to: backtest.request.to ?? null,
      product: backtest.request.product ?? null,
    },
    status: backtest.status,
    done: backtest.done,
    total: backtest.total,
    requestedBy: backtest.requestedBy,
    createdAt: backtest.createdAt.toISOString(),
    finishedAt: backtest.finishedAt?.toISOString() ?? null,
    report: backtest.report,
    error: backtest.error,
  };
}

/** Backtests of a candidate model over HTTP (analysts): start one, follow its progress, read its report. */
export function registerBacktestRoutes(
  http: HttpServer,
  services: { readonly modelBacktests: ModelBacktests },
  schemas: { readonly report: TSchema },
): void {
  const { modelBacktests } = services;
  const BacktestDto = backtestSchema(schemas.report);
  http.post(
    '/v1/models/:version/backtests',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['scoring'],
        summary: 'Backtest a model on past applications: it re-scores each from its recorded facts.',
        description:
          'Starts a background run (202) that re-decides every past application of the window from the point-in-time facts its decision recorded — with the active model and with this one, both through the current policy — and compares them: AUC and KS on the applications whose outcome has matured, swap sets, approval and bad-rate changes by segment. Follow it at GET /v1/models/backtests/{id}. 404 unknown model; 422 no active model or a bad window.',
        params: VersionParam,
        body: Type.Object(WindowProps, { additionalProperties: false }),
        response: { 202: BacktestDto, 404: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const backtest = await modelBacktests.start(
        {
          model: request.params.version,
          ...(request.body.from !== undefined ? { from: request.body.from } : {}),
          ...(request.body.to !== undefined ? { to: request.body.to } : {}),
          ...(request.body.product !== undefined ? { product: request.body.product } : {}),
        },
        request.principal?.name ?? 'unknown',
      );
      return reply.status(202).send(backtestDto(backtest));
    },
  );

  http.get(
    '/v1/models/:version/backtests',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['scoring'],
        summary: 'A model’s backtests, newest first (at most 50; without their reports).',
        params: VersionParam,
        response: { 200: Type.Object({ backtests: Type.Array(BacktestDto) }), 404: ProblemSchema },
      },
    },
    async (request) => ({
      backtests: (await modelBacktests.list(request.params.version)).map((backtest) => ({
        ...backtestDto(backtest),
        report: null,
      })),
    }),
  );

  http.get(
    '/v1/models/backtests/:id',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['scoring'],
        summary: 'Progress of a backtest (decisions done of total) and, when done, its report.',
        params: Type.Object({ id: IdString('modelBacktest') }, { additionalProperties: false }),
        response: { 200: BacktestDto, 404: ProblemSchema },
      },
    },
    async (request) => backtestDto(await modelBacktests.get(request.params.id)),
  );
}
