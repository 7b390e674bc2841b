import { Type } from 'typebox';
import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import {
  DateString,
  IdString,
  InstantString,
  MoneyString,
  Nullable,
  problems,
  ProblemSchema,
  StringEnum,
} from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { parseMoney } from '../platform/money/money.ts';
import type { Clock } from '../platform/time/clock.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import { CASE_BUCKETS, COLLECTION_PRODUCTS } from './collection-case.ts';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES } from './collection-contact.ts';
import {
  caseFileDto,
  CaseFileDto,
  CollectionCaseDto,
  collectionCaseDto,
  ContactDto,
  contactDto,
  PromiseDto,
  promiseDto,
  StrategyDto,
  strategyDto,
} from './collections.dto.ts';
import type { CollectionsService } from './collections-service.ts';
import type { ContactResult } from './record-collection-contact.ts';

const Params = Type.Object({ id: IdString('collectionCase') }, { additionalProperties: false });
const CaseAnswer = Type.Object({ case: CollectionCaseDto });
const ContactAnswer = Type.Object({
  contact: ContactDto,
  promise: Nullable(PromiseDto),
  replayed: Type.Boolean(),
});
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 1,
    maxLength: 200,
    pattern: '^[\\x21-\\x7e]+$',
    description:
      'A key unique to this contact (e.g. a UUID). A repeat with the same body returns the first contact.',
  }),
});
const ContactFields = {
  channel: StringEnum(CONTACT_CHANNELS),
  party: Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'Who was contacted: only "customer" is accepted (the default).',
    }),
  ),
  note: Type.Optional(
    Type.String({ maxLength: 1000, description: 'ID, card and phone numbers are masked.' }),
  ),
  contactedAt: Type.Optional(
    InstantString('When it happened (default now): within the permitted hours, the last 24 h.'),
  ),
};
const PromiseFields = {
  date: DateString('Pay by this date (today up to the strategy’s maxPromiseDays ahead).'),
  amount: MoneyString('The amount promised, in yuan: at most what is past due.'),
};

function principalOf(request: { principal?: Principal }): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'an API key or a staff session is required');
  return request.principal;
}

/**
 * The collections API (`collector`; admins too): the call queue, claims, a case with its history,
 * promises and contact log, contacts and promises to pay, and the strategy in force. Thin: validate, call
 * the use case, shape the answer. Every refusal is problem+json naming the field and the rule.
 */
export function registerCollectionRoutes(
  http: HttpServer,
  services: { readonly collections: CollectionsService },
  clock: Clock,
): void {
  const { collections } = services;
  const contactAnswer = (result: ContactResult) => ({
    contact: contactDto(result.contact),
    promise: result.promise ? promiseDto(result.promise) : null,
    replayed: result.replayed,
  });

  http.get(
    '/v1/collections/queue',
    {
      config: { roles: ['collector'] },
      schema: {
        tags: ['collections'],
        summary:
          'The call queue: open cases in the queued buckets, by priority, amount past due, days past due, then the oldest.',
        querystring: Type.Object(
          {
            view: Type.Optional(StringEnum(['unclaimed', 'mine', 'all'] as const, { default: 'unclaimed' })),
            product: Type.Optional(StringEnum(COLLECTION_PRODUCTS)),
            bucket: Type.Optional(StringEnum(CASE_BUCKETS)),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(CollectionCaseDto) }), ...problems(403, 422) },
      },
    },
    async (request) => {
      const items = await collections.queue({
        by: principalOf(request),
        ...(request.query.view ? { view: request.query.view } : {}),
        ...(request.query.product ? { product: request.query.product } : {}),
        ...(request.query.bucket ? { bucket: request.query.bucket } : {}),
        ...(request.query.limit ? { limit: request.query.limit } : {}),
      });
      const now = clock.now();
      return { items: items.map((item) => collectionCaseDto(item, now)) };
    },
  );

  http.post(
    '/v1/collections/queue/claim-next',
    {
      config: { roles: ['collector'] },
      schema: {
        tags: ['collections'],
        summary:
          'Claims the first unclaimed case of the queue for the strategy’s claim minutes; `case` null when empty.',
        response: { 200: Type.Object({ case: Nullable(CollectionCaseDto) }), ...problems(403) },
      },
    },
    async (request) => {
      const claimed = await collections.claimNext(principalOf(request));
      return { case: claimed ? collectionCaseDto(claimed, clock.now()) : null };
    },
  );

  http.get(
    '/v1/collections/cases/:id',
    {
      config: { roles: ['collector'] },
      schema: {
        tags: ['collections'],
        summary: 'One case: its figures, claim, history, promises and contact log.',
        params: Params,
        response: { 200: CaseFileDto, 404: ProblemSchema },
      },
    },
    async (request) => caseFileDto(await collections.getCase(request.params.id), clock.now()),
  );

  http.post(
    '/v1/collections/cases/:id/claim',
    {
      config: { roles: ['collector'] },
      schema: {
        tags: ['collections'],
        summary: 'Claims the case (or extends one’s own claim). 409 when another collector holds it.',
        params: Params,
        response: { 200: CaseAnswer, ...problems(403, 404, 409, 422) },
      },
    },
    async (request) => ({
      case: collectionCaseDto(await collections.claim(request.params.id, principalOf(request)), clock.now()),
    }),
  );

  http.post(
    '/v1/collections/cases/:id/release',
    {
      config: { roles: ['collector'] },
      schema: {
        tags: ['collections'],
        summary: 'Puts the case back in the queue (the holder; an admin may release anyone’s).',
        params: Params,
        response: { 200: CaseAnswer, ...problems(403, 404, 409) },
      },
    },
    async (request) => ({
      case: collectionCaseDto(
        await collections.release(request.params.id, principalOf(request)),
        clock.now(),
      ),
    }),
  );

  http.post(
    '/v1/collections/cases/:id/contacts',
    {
      config: { roles: ['collector'] },
      schema: {
        tags: ['collections'],
        summary:
          'Logs a contact with the customer (the holder of the case): within the permitted hours and the caps; outcome `promise` with the promise.',
        params: Params,
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            ...ContactFields,
            outcome: StringEnum(CONTACT_OUTCOMES),
            promise: Type.Optional(Type.Object(PromiseFields, { additionalProperties: false })),
          },
          { additionalProperties: false },
        ),
        response: { 201: ContactAnswer, ...problems(403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await collections.contact({
        caseId: request.params.id,
        by: principalOf(request),
        channel: body.channel,
        outcome: body.outcome,
        ...(body.party !== undefined ? { party: body.party } : {}),
        ...(body.note !== undefined ? { note: body.note } : {}),
        ...(body.contactedAt !== undefined ? { contactedAt: new Date(body.contactedAt) } : {}),
        ...(body.promise
          ? {
              promise: {
                date: parseLocalDate(body.promise.date, 'promise.date'),
                amount: parseMoney(body.promise.amount, 'promise.amount'),
              },
            }
          : {}),
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(contactAnswer(result));
    },
  );

  http.post(
    '/v1/collections/cases/:id/promises',
    {
      config: { roles: ['collector'] },
      schema: {
        tags: ['collections'],
        summary:
          'Records a promise to pay made in a contact (the contact is logged with outcome `promise`); kept or broken by the day-end.',
        params: Params,
        headers: IdempotencyHeaders,
        body: Type.Object({ ...ContactFields, ...PromiseFields }, { additionalProperties: false }),
        response: { 201: ContactAnswer, ...problems(403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await collections.contact({
        caseId: request.params.id,
        by: principalOf(request),
        channel: body.channel,
        outcome: 'promise',
        ...(body.party !== undefined ? { party: body.party } : {}),
        ...(body.note !== undefined ? { note: body.note } : {}),
        ...(body.contactedAt !== undefined ? { contactedAt: new Date(body.contactedAt) } : {}),
        promise: { date: parseLocalDate(body.date, 'date'), amount: parseMoney(body.amount, 'amount') },
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(contactAnswer(result));
    },
  );

  http.get(
    '/v1/collections/strategy',
    {
      config: { roles: ['collector', 'analyst'] },
      schema: {
        tags: ['collections'],
        summary:
          'The collections strategy in force today (reminders per bucket, call queue, hours, caps) and every dated one.',
        response: { 200: Type.Object({ inForce: StrategyDto, all: Type.Array(StrategyDto) }) },
      },
    },
    async () => {
      const { inForce, all } = await collections.strategy();
      return { inForce: strategyDto(inForce), all: all.map(strategyDto) };
    },
  );
}
