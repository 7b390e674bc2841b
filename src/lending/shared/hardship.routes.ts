import { Type, type Static, type TObject, type TSchema, type TString } from 'typebox';
import type { Principal } from '../../platform/auth/api-keys.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { MoneyString, pathParam, StringEnum } from '../../platform/http/schemas.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { toDecimalString } from '../../platform/money/money.ts';
import { HARDSHIP_REASON_CODES, type HardshipReason } from '../loans/hardship.ts';
import type { HardshipActor, HardshipRequestOf } from './hardship-requests.pg.ts';

/**
 * The HTTP side of the one hardship-request layer (issue 18): the schemas every product's request resource
 * shares, and `registerHardshipRequestRoutes`, which registers a product's paths — ask, preview, list, the
 * approvers' inbox, one request (where the product has that path), approve, reject — from its spec
 * (`../loans/hardship.routes.ts`, `../credit-lines/line-hardship.routes.ts`). What differs by product is in the
 * spec: the paths, the ask's fields, how the subject is shown before and after, and the words.
 */

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 1,
    maxLength: 200,
    pattern: '^[\\x21-\\x7e]+$',
    description:
      'A key unique to this request (e.g. a UUID). A repeat with the same body answers the first request.',
  }),
});

export const HardshipReasons = Type.Array(
  Type.Object(
    { code: StringEnum(HARDSHIP_REASON_CODES), note: Type.String({ minLength: 1, maxLength: 500 }) },
    { additionalProperties: false },
  ),
  { minItems: 1, maxItems: 5, description: 'Why the borrower is helped: a code and a note each.' },
);

const ActorDto = Type.Object({ keyId: Type.String(), name: Type.String() });

/** A product's request on the wire: the common fields, the subject's id under its name, the product's ask. */
export function hardshipRequestDtoSchema<Key extends string, Ask extends TSchema>(spec: {
  readonly subjectKey: Key;
  readonly ask: Ask;
  readonly moneyEffect: string;
  readonly eventSeq: string;
}) {
  return Type.Object({
    id: Type.String(),
    ...({ [spec.subjectKey]: Type.String() } as { [K in Key]: TString }),
    customerId: Type.String(),
    ask: spec.ask,
    moneyEffect: MoneyString(spec.moneyEffect),
    reasons: Type.Array(Type.Object({ code: Type.String(), note: Type.String() })),
    maker: ActorDto,
    needsSecondPerson: Type.Boolean(),
    status: StringEnum(['pending', 'applied', 'rejected'] as const),
    checker: Type.Union([ActorDto, Type.Null()]),
    decisionNote: Type.Union([Type.String(), Type.Null()]),
    eventSeq: Type.Union([Type.Integer({ description: spec.eventSeq }), Type.Null()]),
    proposedOn: Type.String(),
    proposedAt: Type.String(),
    decidedAt: Type.Union([Type.String(), Type.Null()]),
  });
}

/** The fields of `hardshipRequestDtoSchema` every product has, from a request (the ask is the product's). */
export function hardshipRequestDtoFields<Ask, Key extends string>(
  request: HardshipRequestOf<Ask, Key>,
  subjectKey: Key,
) {
  const subjectId: string = request[subjectKey];
  return {
    id: request.id,
    ...({ [subjectKey]: subjectId } as { [K in Key]: string }),
    customerId: request.customerId,
    moneyEffect: toDecimalString(request.moneyEffect),
    reasons: request.reasons.map((reason: HardshipReason) => ({ code: reason.code, note: reason.note })),
    maker: { ...request.maker },
    needsSecondPerson: request.needsSecondPerson,
    status: request.status,
    checker: request.checker && { ...request.checker },
    decisionNote: request.decisionNote,
    eventSeq: request.eventSeq,
    proposedOn: request.proposedOn,
    proposedAt: request.proposedAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
  };
}

/** The person acting: the API key (or staff session) and the name it was issued under. */
export function actorOf(request: { principal?: Principal }): HardshipActor {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'an API key is required');
  return { keyId: request.principal.keyId, name: request.principal.name };
}

/** What the routes call: a product's hardship service, its inputs named by the paths' parameters. */
export interface HardshipRoutesService<SubjectParams, RequestParams, Ask, Request, Outcome, Preview> {
  request(
    input: SubjectParams & {
      ask: Ask;
      reasons: readonly { code: string; note: string }[];
      maker: HardshipActor;
      idempotencyKey: string;
    },
  ): Promise<{ outcome: Outcome & { readonly request: Request }; replayed: boolean }>;
  preview(input: SubjectParams & { ask: Ask }): Promise<Preview>;
  list(subjectId: string): Promise<Request[]>;
  pending(limit: number): Promise<Request[]>;
  get?(requestId: string): Promise<Request>;
  approve(input: RequestParams & { checker: HardshipActor }): Promise<Outcome>;
  reject(input: RequestParams & { note: string; by: HardshipActor }): Promise<Request>;
}

/** A product's hardship-request resource: its paths, schemas, words, and how its values go on the wire. */
export interface HardshipRoutesSpec<
  SubjectParams extends TObject,
  RequestParams extends TObject,
  AskBody,
  Ask,
  Request extends { readonly status: string },
  Outcome,
  Preview,
> {
  readonly tag: string;
  readonly errors: Record<number, TSchema>;
  /** The subject's parameter in `paths.subject` (`loanId`, `lineId`). */
  readonly subjectParam: keyof Static<SubjectParams> & string;
  readonly paths: {
    /** The subject's requests: `…/:loanId/hardship-requests`. */
    readonly subject: string;
    /** The approvers' inbox. */
    readonly pending: string;
    /** One request: `…/:requestId`, under which `/approve` and `/reject` are. */
    readonly request: string;
  };
  readonly schemas: {
    readonly subjectParams: SubjectParams;
    readonly requestParams: RequestParams;
    readonly requestBody: TSchema;
    readonly previewBody: TSchema;
    readonly request: TSchema;
    readonly outcome: TSchema;
    readonly preview: TSchema;
  };
  readonly summaries: {
    readonly request: string;
    readonly preview: string;
    readonly list: string;
    readonly pending: string;
    /** Registered only when the product has the one-request path. */
    readonly get?: string;
    readonly approve: string;
    readonly reject: string;
  };
  askOf(body: AskBody): Ask;
  requestDto(request: Request): unknown;
  outcomeDto(outcome: Outcome, replayed: boolean): unknown;
  previewDto(preview: Preview): unknown;
  readonly service: HardshipRoutesService<
    Static<SubjectParams>,
    Static<RequestParams>,
    Ask,
    Request,
    Outcome,
    Preview
  >;
}

/** Registers a product's hardship-request paths (schemas validate every body and parameter first). */
export function registerHardshipRequestRoutes<
  SubjectParams extends TObject,
  RequestParams extends TObject,
  AskBody,
  Ask,
  Request extends { readonly status: string },
  Outcome,
  Preview,
>(
  http: HttpServer,
  spec: HardshipRoutesSpec<SubjectParams, RequestParams, AskBody, Ask, Request, Outcome, Preview>,
): void {
  const { tag, errors, paths, schemas, summaries, service } = spec;
  const Requests = Type.Object({ requests: Type.Array(schemas.request) });
  // The schemas have validated the parameters and bodies; their TypeScript types are the spec's.
  const subjectOf = (params: unknown) => params as Static<SubjectParams>;

  http.post(
    paths.subject,
    {
      config: { roles: ['collector', 'reviewer'] },
      schema: {
        tags: [tag],
        summary: summaries.request,
        params: schemas.subjectParams,
        headers: IdempotencyHeaders,
        body: schemas.requestBody,
        response: { 201: schemas.outcome, 202: schemas.outcome, 200: schemas.outcome, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body as AskBody & { reasons: readonly { code: string; note: string }[] };
      const { outcome, replayed } = await service.request({
        ...subjectOf(request.params),
        ask: spec.askOf(body),
        reasons: body.reasons,
        maker: actorOf(request),
        idempotencyKey: request.headers['idempotency-key'],
      });
      void reply.code(replayed ? 200 : outcome.request.status === 'pending' ? 202 : 201);
      return spec.outcomeDto(outcome, replayed);
    },
  );

  http.post(
    `${paths.subject}/preview`,
    {
      config: { roles: ['collector', 'reviewer'] },
      schema: {
        tags: [tag],
        summary: summaries.preview,
        params: schemas.subjectParams,
        body: schemas.previewBody,
        response: { 200: schemas.preview, ...errors },
      },
    },
    async (request) =>
      spec.previewDto(
        await service.preview({ ...subjectOf(request.params), ask: spec.askOf(request.body as AskBody) }),
      ),
  );

  http.get(
    paths.subject,
    {
      config: { roles: ['collector', 'reviewer', 'analyst'] },
      schema: {
        tags: [tag],
        summary: summaries.list,
        params: schemas.subjectParams,
        response: { 200: Requests, ...errors },
      },
    },
    async (request) => ({
      requests: (await service.list(pathParam(request.params, spec.subjectParam))).map(spec.requestDto),
    }),
  );

  http.get(
    paths.pending,
    {
      config: { roles: ['collector', 'reviewer', 'analyst'] },
      schema: {
        tags: [tag],
        summary: summaries.pending,
        querystring: Type.Object(
          {
            status: Type.Literal('pending', { description: 'Only pending requests are listed this way.' }),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Requests, ...errors },
      },
    },
    async (request) => ({
      requests: (await service.pending(request.query.limit ?? 200)).map(spec.requestDto),
    }),
  );

  registerDecisionRoutes(http, spec);
}

/** One request (where the product has that path), approve and reject. */
function registerDecisionRoutes<
  SubjectParams extends TObject,
  RequestParams extends TObject,
  AskBody,
  Ask,
  Request extends { readonly status: string },
  Outcome,
  Preview,
>(
  http: HttpServer,
  spec: HardshipRoutesSpec<SubjectParams, RequestParams, AskBody, Ask, Request, Outcome, Preview>,
): void {
  const { tag, errors, paths, schemas, summaries, service } = spec;
  // The schema has validated the parameters; their TypeScript type is the spec's.
  const refOf = (params: unknown) => params as Static<RequestParams>;
  const get = service.get;
  if (get && summaries.get !== undefined)
    http.get(
      paths.request,
      {
        config: { roles: ['collector', 'reviewer', 'analyst'] },
        schema: {
          tags: [tag],
          summary: summaries.get,
          params: schemas.requestParams,
          response: { 200: Type.Object({ request: schemas.request }), ...errors },
        },
      },
      async (request) => ({ request: spec.requestDto(await get(pathParam(request.params, 'requestId'))) }),
    );

  http.post(
    `${paths.request}/approve`,
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: [tag],
        summary: summaries.approve,
        params: schemas.requestParams,
        response: { 200: schemas.outcome, ...errors },
      },
    },
    async (request) =>
      spec.outcomeDto(await service.approve({ ...refOf(request.params), checker: actorOf(request) }), false),
  );

  http.post(
    `${paths.request}/reject`,
    {
      config: { roles: ['collector', 'reviewer'] },
      schema: {
        tags: [tag],
        summary: summaries.reject,
        params: schemas.requestParams,
        body: Type.Object(
          { note: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ request: schemas.request }), ...errors },
      },
    },
    async (request) => ({
      request: spec.requestDto(
        await service.reject({ ...refOf(request.params), note: request.body.note, by: actorOf(request) }),
      ),
    }),
  );
}
