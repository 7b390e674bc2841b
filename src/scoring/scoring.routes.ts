import { Type } from 'typebox';
import { InstantString, ProblemSchema, StringEnum } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { changeActorOf, ChangeDto, changeDto } from '../policy/approvals.routes.ts';
import type { ChangeService } from '../policy/index.ts';
import { MODEL_STATUSES, type ModelRegistry, type ModelSummary } from './model-registry.ts';
import { parseScorecard, ScorecardSchema } from './scorecard.ts';

const VersionParam = Type.Object(
  {
    version: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'The model version.' }),
  },
  { additionalProperties: false },
);

const ModelDto = Type.Object(
  {
    version: Type.String(),
    contentHash: Type.String({ description: 'sha256:<hex> of the canonical artefact.' }),
    status: StringEnum(MODEL_STATUSES),
    featureCount: Type.Integer(),
    holdoutAuc: Type.Union([Type.Number(), Type.Null()]),
    trainedAt: InstantString(),
    createdAt: InstantString(),
    createdBy: Type.Union([Type.String(), Type.Null()]),
    activatedAt: Type.Union([InstantString(), Type.Null()]),
    retiredAt: Type.Union([InstantString(), Type.Null()]),
  },
  { additionalProperties: false },
);

function toDto(model: ModelSummary) {
  return {
    version: model.version,
    contentHash: model.contentHash,
    status: model.status,
    featureCount: model.featureCount,
    holdoutAuc: model.holdoutAuc,
    trainedAt: model.trainedAt.toISOString(),
    createdAt: model.createdAt.toISOString(),
    createdBy: model.createdBy,
    activatedAt: model.activatedAt?.toISOString() ?? null,
    retiredAt: model.retiredAt?.toISOString() ?? null,
  };
}

const READERS = ['app', 'reviewer', 'analyst'] as const;

/** The model registry over HTTP: list, read, upload (validated, hash checked) and ask to activate scorecards. */
export function registerScoringRoutes(
  http: HttpServer,
  services: { readonly models: ModelRegistry; readonly changes: ChangeService },
): void {
  http.get(
    '/v1/models',
    {
      config: { roles: READERS },
      schema: {
        tags: ['scoring'],
        summary: 'List scorecard models, newest first.',
        response: { 200: Type.Object({ models: Type.Array(ModelDto) }) },
      },
    },
    async () => ({ models: (await services.models.list()).map(toDto) }),
  );

  http.get(
    '/v1/models/:version',
    {
      config: { roles: READERS },
      schema: {
        tags: ['scoring'],
        summary: 'One model with its artefact.',
        params: VersionParam,
        response: { 200: Type.Object({ model: ModelDto, artefact: ScorecardSchema }), 404: ProblemSchema },
      },
    },
    async (request) => {
      const record = await services.models.get(request.params.version);
      return { model: toDto(record), artefact: record.card };
    },
  );

  http.post(
    '/v1/models',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['scoring'],
        summary:
          'Upload a scorecard artefact (from `credence train`); it is validated and its content hash checked.',
        body: ScorecardSchema,
        response: { 201: Type.Object({ model: ModelDto }), 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const card = parseScorecard(request.body);
      const model = await services.models.register(card, request.principal?.name);
      return reply.status(201).send({ model: toDto(model) });
    },
  );

  http.post(
    '/v1/models/:version/activate',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['scoring'],
        summary: 'Ask for a model to become the active one (four-eyes); approval activates it.',
        description:
          'Submits a change request (202); a second person approves it at POST /v1/approvals/{changeId}/approve, which activates the model and retires the previously active one in one transaction. 409 when the model is already active.',
        params: VersionParam,
        response: {
          202: Type.Object({ changeId: Type.String(), change: ChangeDto }),
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const change = await services.changes.submitModelActivation(
        request.params.version,
        changeActorOf(request.principal),
      );
      return reply.status(202).send({ changeId: change.id, change: changeDto(change) });
    },
  );
}
