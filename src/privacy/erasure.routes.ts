import { Type } from 'typebox';
import { actorOfPrincipal, type AuditActor } from '../platform/audit/audit-log.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { DateString, IdString, problems, StringEnum } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { REQUEST_KINDS, REQUEST_STATUSES } from './data-subject-request.ts';
import { legalHoldView, myErasureView, requestView } from './erasure-view.ts';
import { LegalHoldSchema, MyErasureRequestSchema, RequestSchema, RunReportSchema } from './privacy.dto.ts';
import type { PrivacyService } from './privacy-service.ts';

const Problems = problems(401, 403, 404, 409, 410, 422);

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'Sent again on a retry: the same key answers the same request.',
    }),
  ),
});

function staffOf(request: { principal?: Principal }): AuditActor {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'an API key or a staff session is required');
  return actorOfPrincipal(request.principal);
}

function customerIdOf(request: { customer?: { customerId: string } }): string {
  if (!request.customer) throw new AppError('UNAUTHENTICATED', 'sign in: a customer session is required');
  return request.customer.customerId;
}

/**
 * Erasure (PIPL Art. 47) over HTTP: the customer asks and follows their request under `/v1/me/erasure`;
 * staff ask on a customer's behalf (with a reason), see the queue of requests, place and release legal
 * holds, and run the day step. docs/privacy.md has the table.
 */
export function registerErasureRoutes(http: HttpServer, privacy: PrivacyService): void {
  http.post(
    '/v1/me/erasure',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary:
          'Erase my data: at once when nothing keeps it; otherwise the answer says which hold keeps it and until when, and it runs by itself then.',
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            confirm: Type.Boolean({
              description:
                'The person says yes, explicitly: erasure cannot be undone (true, or the request is refused with 422 naming `confirm`).',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: MyErasureRequestSchema, 201: MyErasureRequestSchema, ...Problems },
      },
      // No body at all is refused like an empty one: naming `confirm` (not "body must be object").
      preValidation: async (request) => {
        request.body ??= {} as { confirm: boolean };
      },
    },
    async (request, reply) => {
      const customerId = customerIdOf(request);
      // Erasure is for good: a tap that reaches here by mistake (an old app, a replayed call) must not erase.
      if (request.body.confirm !== true)
        throw AppError.invalid(
          'confirm',
          'must-be-true',
          'send "confirm": true — the person must say yes: erasure cannot be undone',
        );
      const key = request.headers['idempotency-key'];
      const { request: stored, created } = await privacy.requestErasure({
        customerId,
        by: { kind: 'customer', id: customerId, name: 'customer' },
        ...(key ? { idempotencyKey: key } : {}),
      });
      return reply.status(created ? 201 : 200).send(myErasureView(stored));
    },
  );

  http.get(
    '/v1/me/erasure',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'My erasure requests, newest first, with what keeps my data and until when.',
        response: {
          200: Type.Object({ requests: Type.Array(MyErasureRequestSchema) }, { additionalProperties: false }),
          ...Problems,
        },
      },
    },
    async (request) => ({
      requests: (await privacy.myErasureRequests(customerIdOf(request))).map(myErasureView),
    }),
  );

  http.post(
    '/v1/customers/:id/erasure',
    {
      config: { roles: ['reviewer', 'admin'] },
      schema: {
        tags: ['privacy'],
        summary: "Ask to erase a customer's data on their behalf (a call, a letter), saying why.",
        params: Type.Object({ id: IdString('customer') }, { additionalProperties: false }),
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            reason: Type.String({
              minLength: 1,
              maxLength: 1000,
              description: 'Why staff act for the person.',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: RequestSchema, 201: RequestSchema, ...Problems },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { request: stored, created } = await privacy.requestErasure({
        customerId: request.params.id,
        by: staffOf(request),
        reason: request.body.reason,
        ...(key ? { idempotencyKey: key } : {}),
      });
      return reply.status(created ? 201 : 200).send(requestView(stored, 'staff'));
    },
  );

  http.get(
    '/v1/privacy/requests',
    {
      config: { roles: ['reviewer', 'admin'] },
      schema: {
        tags: ['privacy'],
        summary:
          'Data-subject requests, oldest first: the pending erasures (status blocked) and their holds.',
        querystring: Type.Object(
          {
            kind: Type.Optional(StringEnum(REQUEST_KINDS)),
            status: Type.Optional(StringEnum(REQUEST_STATUSES)),
            customerId: Type.Optional(IdString('customer')),
            limit: Type.Optional(
              Type.String({ pattern: '^([1-9][0-9]{0,2})$', description: '1–500, default 100.' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ requests: Type.Array(RequestSchema) }, { additionalProperties: false }),
          ...Problems,
        },
      },
    },
    async (request) => {
      const query = request.query;
      const found = await privacy.requests({
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.status ? { statuses: [query.status] } : {}),
        ...(query.customerId ? { customerId: query.customerId } : {}),
        ...(query.limit ? { limit: Number(query.limit) } : {}),
      });
      return { requests: found.map((r) => requestView(r, 'staff')) };
    },
  );

  http.post(
    '/v1/privacy/erasures/run',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['privacy'],
        summary:
          'The day step: carry out every blocked erasure whose holds have lapsed (also run by `credence privacy run-erasures`).',
        body: Type.Optional(
          Type.Object({ businessDate: Type.Optional(DateString()) }, { additionalProperties: false }),
        ),
        response: { 200: RunReportSchema, ...Problems },
      },
    },
    async (request) => {
      const businessDate = request.body?.businessDate as LocalDate | undefined;
      const report = await privacy.runErasures(businessDate ? { businessDate } : {});
      return { ...report, erased: [...report.erased], stillBlocked: [...report.stillBlocked] };
    },
  );

  http.get(
    '/v1/privacy/legal-holds',
    {
      config: { roles: ['reviewer', 'admin'] },
      schema: {
        tags: ['privacy'],
        summary: 'Legal holds, newest first: of one customer, or those in force.',
        querystring: Type.Object(
          {
            customerId: Type.Optional(IdString('customer')),
            inForce: Type.Optional(StringEnum(['true', 'false'] as const)),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ holds: Type.Array(LegalHoldSchema) }, { additionalProperties: false }),
          ...Problems,
        },
      },
    },
    async (request) => ({
      holds: (
        await privacy.legalHolds({
          ...(request.query.customerId ? { customerId: request.query.customerId } : {}),
          inForce: request.query.inForce === 'true',
        })
      ).map(legalHoldView),
    }),
  );

  http.post(
    '/v1/privacy/legal-holds',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['privacy'],
        summary: "Keep a customer's data for a legal reason through an end date (blocks erasure until then).",
        body: Type.Object(
          {
            customerId: IdString('customer'),
            reason: Type.String({ minLength: 1, maxLength: 1000 }),
            authority: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 200,
                description: "A court's case number, a regulator's reference.",
              }),
            ),
            heldUntil: DateString('The last day held: today or later.'),
          },
          { additionalProperties: false },
        ),
        response: { 201: LegalHoldSchema, ...Problems },
      },
    },
    async (request, reply) => {
      const hold = await privacy.placeLegalHold({
        customerId: request.body.customerId,
        reason: request.body.reason,
        ...(request.body.authority ? { authority: request.body.authority } : {}),
        heldUntil: request.body.heldUntil,
        by: staffOf(request),
      });
      return reply.status(201).send(legalHoldView(hold));
    },
  );

  http.post(
    '/v1/privacy/legal-holds/:holdId/release',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['privacy'],
        summary: 'End a legal hold early, saying why.',
        params: Type.Object({ holdId: IdString('legalHold') }, { additionalProperties: false }),
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
          { additionalProperties: false },
        ),
        response: { 200: LegalHoldSchema, ...Problems },
      },
    },
    async (request) =>
      legalHoldView(
        await privacy.releaseLegalHold({
          holdId: request.params.holdId,
          reason: request.body.reason,
          by: staffOf(request),
        }),
      ),
  );
}
