import { Type, type Static } from 'typebox';
import { Nullable, ProblemSchema } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { MonitoringService } from './monitoring-service.ts';
import { ComparisonProps } from './comparison.dto.ts';
import { shadowReportView } from './shadow-view.ts';

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
