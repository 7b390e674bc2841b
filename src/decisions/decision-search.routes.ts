import { Type } from 'typebox';
import type { Database } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { DateString, IdString, Nullable, ProblemSchema, StringEnum } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import { DECISION_KINDS } from './decision.ts';
import { DecisionSummaryDto } from './decision.dto.ts';
import { decisionSummaryView } from './decision-view.ts';
import { searchDecisions, type DecisionSearchFilter } from './decisions.pg.ts';

const SearchQuery = Type.Object(
  {
    customerId: Type.Optional(IdString('customer', 'Only this customer’s decisions.')),
    from: Type.Optional(DateString('Decided on or after this business date.')),
    to: Type.Optional(DateString('Decided on or before this business date.')),
    outcome: Type.Optional(StringEnum(['approved', 'declined', 'referred'] as const)),
    reason: Type.Optional(
      Type.String({
        pattern: '^[A-Z][A-Z0-9_-]{1,63}$',
        description: 'Only decisions with this principal reason code (MULTI_HEAD_BORROWING).',
      }),
    ),
    product: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' })),
    arm: Type.Optional(StringEnum(['champion', 'challenger'] as const)),
    kind: Type.Optional(StringEnum(DECISION_KINDS)),
    policyVersion: Type.Optional(IdString('policy')),
    limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: '1–200, default 50.' })),
    before: Type.Optional(IdString('decision', 'The page after this decision (the previous answer’s next).')),
  },
  { additionalProperties: false },
);

const MAX_PAGE = 200;

/**
 * The analysts' decision explorer: decisions across customers by customer, business date, outcome, reason,
 * product, arm, kind and policy version — newest first, in pages (`next` is the `before` of the next page).
 * Analysts only (and admins): a search across customers is not an app's or a reviewer's read.
 */
export function registerDecisionSearchRoutes(http: HttpServer, deps: { readonly db: Database }): void {
  http.get(
    '/v1/decisions',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['decisions'],
        summary: 'Search decisions across customers (analysts), newest first, paged.',
        querystring: SearchQuery,
        response: {
          200: Type.Object({
            decisions: Type.Array(DecisionSummaryDto),
            next: Nullable(IdString('decision', 'Pass as `before` for the next page; null on the last.')),
          }),
          422: ProblemSchema,
        },
      },
    },
    async (request) => {
      const query = request.query;
      const limit = query.limit === undefined ? 50 : Number(query.limit);
      if (limit > MAX_PAGE) throw AppError.invalid('limit', 'maximum', `at most ${MAX_PAGE} a page`);
      const from = query.from === undefined ? undefined : parseLocalDate(query.from, 'from');
      const to = query.to === undefined ? undefined : parseLocalDate(query.to, 'to');
      if (from !== undefined && to !== undefined && from > to)
        throw AppError.invalid('to', 'after-from', `the range ends (${to}) before it starts (${from})`);
      const filter: DecisionSearchFilter = {
        limit: limit + 1,
        ...(query.customerId !== undefined ? { customerId: query.customerId } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        ...(query.outcome !== undefined ? { outcome: query.outcome } : {}),
        ...(query.reason !== undefined ? { reasonCode: query.reason } : {}),
        ...(query.product !== undefined ? { productCode: query.product } : {}),
        ...(query.arm !== undefined ? { arm: query.arm } : {}),
        ...(query.kind !== undefined ? { kind: query.kind } : {}),
        ...(query.policyVersion !== undefined ? { policyVersionId: query.policyVersion } : {}),
        ...(query.before !== undefined ? { before: query.before } : {}),
      };
      const found = await searchDecisions(deps.db, filter);
      const page = found.slice(0, limit);
      return {
        decisions: page.map(decisionSummaryView),
        next: found.length > limit ? (page[page.length - 1]?.id ?? null) : null,
      };
    },
  );
}
