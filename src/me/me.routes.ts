import { Type } from 'typebox';
import { IdString, MoneyString, ProblemSchema, StringEnum } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { decideForMe, getMyDecision, listMyDecisions, ME_PRODUCTS } from './me-decisions.ts';
import type { MeDeps } from './me-deps.ts';
import { home, myVerification } from './me-home.ts';
import { customerOf } from './sessions.routes.ts';

const AnyObject = (description: string) => Type.Object({}, { additionalProperties: true, description });
const Problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

/**
 * `/v1/me…`: the customer's own API. Every route accepts a customer session only (`config.customer`), takes
 * the customer from it — there is no customer id in any path, query or body — and delegates to the
 * contexts' services. Another customer's record named in a path is not found (404), like one that does not
 * exist. The shapes are written out in docs/customer-app.md ("API").
 */
export function registerMeRoutes(http: HttpServer, deps: MeDeps): void {
  http.get(
    '/v1/me',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary:
          'Home: can I borrow, how much and at what annual rate; score and its dimensions; verification.',
        response: { 200: AnyObject('See docs/customer-app.md, GET /v1/me.'), ...Problems },
      },
    },
    async (request) => home(deps, customerOf(request).customerId),
  );

  http.get(
    '/v1/me/verification',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'What is verified, what failed, and the next step to the level my products need.',
        response: { 200: AnyObject('Verification.'), ...Problems },
      },
    },
    async (request) => myVerification(deps, customerOf(request).customerId),
  );

  http.get(
    '/v1/me/decisions',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'My decisions, newest first (an overturned one names the decision that replaced it).',
        querystring: Type.Object(
          {
            product: Type.Optional(StringEnum(ME_PRODUCTS)),
            limit: Type.Optional(
              Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1–100, default 20.' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ decisions: Type.Array(AnyObject('A decision summary.')) }),
          ...Problems,
        },
      },
    },
    async (request) => ({
      decisions: await listMyDecisions(deps, customerOf(request).customerId, {
        ...(request.query.product ? { product: request.query.product } : {}),
        ...(request.query.limit ? { limit: Number(request.query.limit) } : {}),
      }),
    }),
  );

  http.get(
    '/v1/me/decisions/:decisionId',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'One of my decisions: the outcome that stands, reasons, plan, referral next steps, appeal.',
        params: Type.Object({ decisionId: IdString('decision') }, { additionalProperties: false }),
        response: { 200: AnyObject('MeDecision.'), ...Problems },
      },
    },
    async (request) => getMyDecision(deps, customerOf(request).customerId, request.params.decisionId),
  );

  http.post(
    '/v1/me/decisions',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'Apply: a new decision for me on a product.',
        body: Type.Object(
          {
            product: StringEnum(ME_PRODUCTS),
            requestedAmount: Type.Optional(MoneyString('The amount asked for, in yuan ("5000.00").')),
          },
          { additionalProperties: false },
        ),
        response: { 201: AnyObject('MeDecision.'), ...Problems, 503: ProblemSchema },
      },
    },
    async (request, reply) => {
      const view = await decideForMe(deps, customerOf(request).customerId, request.body);
      return reply.status(201).send(view);
    },
  );
}
