import { Type } from 'typebox';
import { IdString, ProblemSchema } from '../../platform/http/schemas.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import type { MeDeps } from '../../me/me-deps.ts';
import { DemoCustomersSchema, SessionSchema } from '../../me/me.dto.ts';
import { sessionDto, TtlSeconds } from '../../me/sessions.routes.ts';
import { demoSession, listDemoCustomers, type DemoCustomerLookup } from './demo-sign-in.ts';

/**
 * The customer app's demo sign-in over HTTP (`credence serve --demo`): the demo customers to sign in as, and
 * a session for one of them. Registered by the composition root next to the customer sessions; outside demo
 * mode the routes do not exist.
 */
export function registerDemoSignInRoutes(http: HttpServer, deps: MeDeps, lookup: DemoCustomerLookup): void {
  // Demo mode only: outside it these routes do not exist (404 like any unknown route).
  if (!deps.demo) return;

  http.get(
    '/v1/demo/customers',
    {
      config: { public: true },
      schema: {
        tags: ['demo'],
        summary: 'Demo mode only: the nine demo customers to sign in as (404 otherwise).',
        response: { 200: DemoCustomersSchema, 404: ProblemSchema },
      },
    },
    async () => ({ customers: await listDemoCustomers(deps, lookup) }),
  );

  http.post(
    '/v1/demo/sessions',
    {
      config: { public: true },
      schema: {
        tags: ['demo'],
        summary: 'Demo mode only: sign in as one of the demo customers (404 otherwise, and for anyone else).',
        body: Type.Object(
          { customerId: IdString('customer'), ttlSeconds: Type.Optional(TtlSeconds) },
          { additionalProperties: false },
        ),
        response: { 201: SessionSchema, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const session = await demoSession(deps, lookup, request.body);
      return reply.status(201).send(sessionDto(session));
    },
  );
}
