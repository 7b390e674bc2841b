import { Type } from 'typebox';
import { parseMoney } from '../platform/money/money.ts';
import { FenString, IdString, InstantString, MoneyString, ProblemSchema } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { DecisionService } from './decision-service.ts';
import { decisionSummaryView, decisionView } from './decision-view.ts';

const Text = Type.Object({ zh: Type.String(), en: Type.String() });
const AnyObject = (description: string) => Type.Object({}, { additionalProperties: true, description });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const ReasonDto = Type.Object({
  code: Type.String({
    description: 'A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D).',
  }),
  kind: Type.String({
    description: 'knockout, limit, referral, system, score, or review (a person decided).',
  }),
  text: Text,
  params: AnyObject(
    'The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals) — evidence as recorded, not an API money field.',
  ),
});

/** A decision on the wire (`decisionView`); the referral queue's case view answers it too. */
export const DecisionDto = Type.Object({
  decisionId: IdString('decision'),
  customerId: IdString('customer'),
  kind: Type.String(),
  linkedTo: Nullable(Type.String()),
  product: Type.String(),
  productType: Nullable(Type.String()),
  outcome: Type.Union([Type.Literal('approved'), Type.Literal('declined'), Type.Literal('referred')]),
  limit: MoneyString('The limit in yuan ("8000.00"); 0.00 when declined or referred.'),
  limitFen: FenString('The limit in integer fen ("800000" is ¥8,000.00).'),
  requestedAmount: Nullable(MoneyString('The amount asked for, in yuan, as it was sent ("8000.00").')),
  requestedAmountFen: Nullable(FenString('The amount asked for, in integer fen.')),
  apr: Nullable(Type.String({ description: 'Annual rate after the legal cap, exact decimal.' })),
  dailyRate: Nullable(Type.String({ description: 'APR / 365, exact decimal.' })),
  score: Nullable(Type.Integer()),
  subScores: Nullable(AnyObject('identity, capacity, history, relationships, behaviour (350–950).')),
  reasons: Type.Array(ReasonDto, {
    description:
      '1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`).',
  }),
  recourse: Nullable(AnyObject('What the person can do: a verified plan with dated actions, or "no plan".')),
  policyVersion: Nullable(Type.String()),
  modelVersion: Nullable(Type.String()),
  arm: Nullable(Type.String()),
  legalCap: Nullable(AnyObject('The legal rate cap in force on the decision date.')),
  fault: Nullable(AnyObject('The dependency that failed, when the decision was referred for a fault.')),
  override: Nullable(AnyObject('A person’s decision on an appeal.')),
  overridden: Type.Optional(
    Nullable(
      Type.Object(
        {
          decisionId: IdString('decision'),
          reasons: Type.Array(ReasonDto),
          recourse: Nullable(AnyObject('The plan the overturned decision offered.')),
        },
        { description: 'On an override: the decision it replaced, with its reasons and plan (history).' },
      ),
    ),
  ),
  facilityChange: Nullable(Type.String()),
  decidedAt: InstantString(),
  decisionDate: Type.String(),
  evidence: Type.Optional(AnyObject('Facts, scorecard row, policy document and output, rule trace.')),
});

const ReplayDto = Type.Object({
  decisionId: IdString('decision'),
  basis: Type.String(),
  matches: Type.Boolean(),
  outcome: Type.Object({ stored: Type.String(), recomputed: Type.String() }),
  differences: Type.Array(AnyObject('A field whose recomputed value differs from the stored one.')),
  modelVersion: Nullable(Type.String()),
  policyVersion: Nullable(Type.String()),
});

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
          200: Type.Object({ decisions: Type.Array(AnyObject('A decision without its evidence.')) }),
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
