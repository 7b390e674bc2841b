import { Type } from 'typebox';
import type { CustomerPrincipal, IssuedSession } from '../platform/auth/customer-sessions.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { IdString, problems, ProblemSchema } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { MeDeps } from './me-deps.ts';
import { RevokedSchema, SessionInfoSchema, SessionSchema } from './me.dto.ts';

/** A session's lifetime as a request may ask for it. */
export const TtlSeconds = Type.Integer({
  minimum: 60,
  maximum: 43_200,
  description: 'Lifetime in seconds, 60–43,200 (12 h).',
});

const Problems = problems(401, 403);

/** A new session as the API returns it. */
export const sessionDto = (session: IssuedSession) => ({
  token: session.token,
  sessionId: session.sessionId,
  customerId: session.customerId,
  expiresAt: session.expiresAt.toISOString(),
});

const CustomerParams = Type.Object({ customerId: IdString('customer') }, { additionalProperties: false });

function keyIdOf(request: { principal?: { keyId: string } }): string {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'an API key is required');
  return request.principal.keyId;
}

/**
 * Customer sessions over HTTP: the lender's app (role `app`) asks for one for a customer and may revoke them
 * all; the customer signs out with their own session. (In demo mode the demo sign-in adds its own routes:
 * `src/demo/sign-in/`.)
 */
export function registerSessionRoutes(http: HttpServer, deps: MeDeps): void {
  const sessions = deps.services.customerSessions;

  http.post(
    '/v1/customers/:customerId/sessions',
    {
      config: { roles: ['app'] },
      schema: {
        tags: ['customer sessions'],
        summary: 'A short-lived session for one customer, for their browser or phone (/v1/me).',
        params: CustomerParams,
        body: Type.Optional(
          Type.Object({ ttlSeconds: Type.Optional(TtlSeconds) }, { additionalProperties: false }),
        ),
        response: { 201: SessionSchema, ...Problems, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const session = await sessions.issue({
        customerId: request.params.customerId,
        ...(request.body?.ttlSeconds === undefined ? {} : { ttlSeconds: request.body.ttlSeconds }),
        issuedBy: keyIdOf(request),
      });
      return reply.status(201).send(sessionDto(session));
    },
  );

  http.post(
    '/v1/customers/:customerId/sessions/revoke',
    {
      config: { roles: ['app'] },
      schema: {
        tags: ['customer sessions'],
        summary: 'End every live session of a customer (e.g. after a password change or a lost phone).',
        params: CustomerParams,
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: { 200: RevokedSchema, ...Problems, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request) => {
      await deps.services.customers.getCustomer(request.params.customerId);
      const revoked = await sessions.revokeAll(request.params.customerId);
      return { customerId: request.params.customerId, revoked };
    },
  );

  http.get(
    '/v1/me/session',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'The session in use: whose it is and when it expires.',
        response: { 200: SessionInfoSchema, ...Problems },
      },
    },
    async (request) => {
      const me = customerOf(request);
      return {
        sessionId: me.sessionId,
        customerId: me.customerId,
        expiresAt: me.expiresAt.toISOString(),
        demo: me.demo,
      };
    },
  );

  http.delete(
    '/v1/me/session',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'Sign out: this session ends now.',
        response: { 204: Type.Null({ description: 'Signed out; no body.' }), ...Problems },
      },
    },
    async (request, reply) => {
      await sessions.signOut(customerOf(request));
      return reply.status(204).send(null);
    },
  );
}

/** The session's customer on a `customer` route (the auth hook has checked it). */
export function customerOf(request: { customer?: CustomerPrincipal }): CustomerPrincipal {
  if (!request.customer) throw new AppError('UNAUTHENTICATED', 'sign in: a customer session is required');
  return request.customer;
}
