import { Type } from 'typebox';
import { parseMoney } from '../platform/money/money.ts';
import { IdString, MoneyString, ProblemSchema } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { DecisionService } from './decision-service.ts';
import { DecisionDto, DecisionSummaryDto, ReplayDto } from './decision.dto.ts';
import { decisionSummaryView, decisionView } from './decision-view.ts';

/**
 * Decisions over HTTP: decide (app), read and list (app, reviewer, analyst), replay (reviewer, analyst).
 * Thin: validate, call the use case, shape the answer.
 */
export function registerDecisionRoutes(
  http: HttpServer,
  services: { readonly decisions: DecisionService },
): void {
  const { decisions } = services;

  http.post(
    '/v1/decisions',
    {
      config: { roles: ['app'] },
      schema: {
        tags: ['decisions'],
        summary: 'Decide: limit and price, or the reasons and what to do about them.',
        description:
          'Scores the customer with the active model, applies the policy in force for the product (champion or challenger), clamps the price to the legal cap, ranks the principal reasons and finds recourse; records everything and, on approval, opens or adjusts the facility in the same transaction. A dependency that fails gives `referred` with SYSTEM_UNAVAILABLE (still recorded); 503 when the decision cannot be recorded.',
        body: Type.Object(
          {
            customerId: IdString('customer'),
            product: Type.String({
              pattern: '^[a-z][a-z0-9_]{1,39}$',
              description: 'cash_loan or credit_line.',
            }),
            requestedAmount: Type.Optional(MoneyString('The amount asked for, in yuan ("5000.00").')),
          },
          { additionalProperties: false },
        ),
        response: { 201: DecisionDto, 404: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema },
      },
    },
    async (request, reply) => {
      const record = await decisions.decide({
        customerId: request.body.customerId,
        productCode: request.body.product,
        requestedAmount:
          request.body.requestedAmount === undefined
            ? null
            : parseMoney(request.body.requestedAmount, 'requestedAmount'),
      });
      return reply.status(201).send(decisionView(record));
    },
  );

  http.get(
    '/v1/decisions/:id',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['decisions'],
        summary:
          'One decision; with `evidence=true`, its facts, scorecard row, policy document and rule trace.',
        params: Type.Object({ id: IdString('decision') }, { additionalProperties: false }),
        querystring: Type.Object(
          { evidence: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) },
          { additionalProperties: false },
        ),
        response: { 200: DecisionDto, 404: ProblemSchema },
      },
    },
    async (request) =>
      decisionView(await decisions.get(request.params.id), { evidence: request.query.evidence === 'true' }),
  );

  http.get(
    '/v1/customers/:id/decisions',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['decisions'],
        summary: "A customer's decisions, newest first.",
        params: Type.Object({ id: IdString('customer') }, { additionalProperties: false }),
        querystring: Type.Object(
          {
            limit: Type.Optional(
              Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: '1–500, default 50.' }),
            ),
            before: Type.Optional(IdString('decision', 'Only decisions older than this one.')),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ decisions: Type.Array(DecisionSummaryDto) }),
        },
      },
    },
    async (request) => ({
      decisions: (
        await decisions.list(request.params.id, {
          ...(request.query.limit ? { limit: Number(request.query.limit) } : {}),
          ...(request.query.before ? { before: request.query.before } : {}),
        })
      ).map(decisionSummaryView),
    }),
  );

  http.post(
    '/v1/decisions/:id/replay',
    {
      config: { roles: ['reviewer', 'analyst'] },
      schema: {
        tags: ['decisions'],
        summary: 'Recompute a decision from its stored facts with its stored model and policy versions.',
        description:
          'Compares outcome, limit, price, score, policy document and output, the rule trace, reasons and recourse with what was recorded; `matches` is true only when all are identical.',
        params: Type.Object({ id: IdString('decision') }, { additionalProperties: false }),
        response: { 200: ReplayDto, 404: ProblemSchema },
      },
    },
    async (request) => {
      const report = await decisions.replay(request.params.id);
      return { ...report, differences: [...report.differences] };
    },
  );
}
