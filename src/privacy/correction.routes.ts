import { Type } from 'typebox';
import { actorOfPrincipal } from '../platform/audit/audit-log.ts';
import type { CustomerPrincipal } from '../platform/auth/customer-sessions.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { IdString, problems } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { CorrectionSubject } from './correction-rules.ts';
import type { CorrectionService } from './correction-service.ts';
import {
  CorrectionBody,
  CorrectionListSchema,
  CorrectionSchema,
  correctionView,
  ResolveBody,
} from './correction.dto.ts';
import { customerActor } from './privacy-actors.ts';
import type { CorrectionResolution } from './resolve-correction.ts';

const Problems = problems(401, 403, 404, 409, 422);
const Params = Type.Object({ correctionId: IdString('dataCorrection') }, { additionalProperties: false });

function customerOf(request: { customer?: CustomerPrincipal }): CustomerPrincipal {
  if (!request.customer) throw new AppError('UNAUTHENTICATED', 'sign in: a customer session is required');
  return request.customer;
}
function principalOf(request: { principal?: Principal }): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'an API key is required');
  return request.principal;
}

/**
 * Corrections (更正 / 异议): the customer files one against a fact in their data (`/v1/me/data/corrections`),
 * reviewers answer them from a queue ordered by due date (`/v1/data/corrections`): corrected (an event is
 * appended) or rejected with the reason the customer reads.
 */
export function registerCorrectionRoutes(
  http: HttpServer,
  deps: { readonly corrections: CorrectionService; readonly clock: Clock },
): void {
  const { corrections, clock } = deps;
  http.post(
    '/v1/me/data/corrections',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary:
          'Dispute a fact in my data (an event, a profile field, a repayment record); answered within the SLA.',
        body: CorrectionBody,
        response: { 201: CorrectionSchema, ...Problems },
      },
    },
    async (request, reply) => {
      const me = customerOf(request);
      const body = request.body as {
        subject: CorrectionSubject;
        statement: string;
        proposed?: Record<string, unknown>;
      };
      const correction = await corrections.file({
        customerId: me.customerId,
        subject: body.subject,
        statement: body.statement,
        ...(body.proposed ? { proposed: body.proposed } : {}),
        filedBy: customerActor(me.customerId),
      });
      return reply.code(201).send(correctionView(correction, clock.now()));
    },
  );

  http.get(
    '/v1/me/data/corrections',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'My corrections and disputes, newest first, with their due dates and answers.',
        response: { 200: CorrectionListSchema, ...Problems },
      },
    },
    async (request) => {
      const me = customerOf(request);
      const now = clock.now();
      return {
        items: (await corrections.list({ customerId: me.customerId })).map((c) => correctionView(c, now)),
      };
    },
  );

  http.get(
    '/v1/me/data/corrections/:correctionId',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'One of my corrections.',
        params: Params,
        response: { 200: CorrectionSchema, ...Problems },
      },
    },
    async (request) => {
      const me = customerOf(request);
      const correction = await corrections.get({
        customerId: me.customerId,
        correctionId: request.params.correctionId,
      });
      return correctionView(correction, clock.now());
    },
  );

  http.get(
    '/v1/data/corrections',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['privacy'],
        summary: 'Open corrections, the earliest due first (overdue ones say so).',
        response: { 200: CorrectionListSchema, ...Problems },
      },
    },
    async () => {
      const now = clock.now();
      return { items: (await corrections.queue()).map((c) => correctionView(c, now)) };
    },
  );

  http.get(
    '/v1/data/corrections/:correctionId',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['privacy'],
        summary: 'One correction, with the decisions listed for a re-check.',
        params: Params,
        response: { 200: CorrectionSchema, ...Problems },
      },
    },
    async (request) =>
      correctionView(await corrections.get({ correctionId: request.params.correctionId }), clock.now()),
  );

  http.post(
    '/v1/data/corrections/:correctionId/resolve',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['privacy'],
        summary:
          'Answer a correction: corrected (a correcting event is appended, never an update) or rejected with the reason the customer reads.',
        params: Params,
        body: ResolveBody,
        response: { 200: CorrectionSchema, ...Problems },
      },
    },
    async (request) => {
      const by = actorOfPrincipal(principalOf(request));
      const correction = await corrections.resolve({
        correctionId: request.params.correctionId,
        by,
        resolution: request.body as CorrectionResolution,
      });
      return correctionView(correction, clock.now());
    },
  );
}
