import { Type, type Static } from 'typebox';
import { actorOfPrincipal } from '../platform/audit/audit-log.ts';
import { AppError } from '../platform/errors/app-error.ts';
import {
  DateString,
  FenString,
  IdString,
  MoneyString,
  InstantString,
  Nullable,
  problems,
  StringEnum,
} from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { toDecimalString } from '../platform/money/money.ts';
import { QUERY_REASONS, type BureauQueryRecord } from './bureau.ts';
import type { BureauService } from './bureau-service.ts';

const QueryDto = Type.Object({
  id: IdString('bureauQuery'),
  customerId: IdString('customer'),
  purpose: StringEnum(QUERY_REASONS),
  consentEventRef: Type.String({
    description: 'The bureau_query consent event relied on: `source/eventId`.',
  }),
  consentNoticeVersion: Nullable(Type.Integer()),
  requestedBy: Type.Object({
    kind: StringEnum(['staff', 'key', 'decision', 'system'] as const),
    id: Type.String(),
    name: Type.String(),
  }),
  requestKey: Type.String(),
  provider: Type.String(),
  reportRef: Type.String(),
  reportSha256: Type.String({ description: 'SHA-256 (hex) of the report received (canonical JSON).' }),
  eventCount: Type.Integer({ description: 'Records in the report.' }),
  eventsIngested: Type.Integer({ description: 'Records new to Credence (the rest were held already).' }),
  queriedAt: InstantString(),
  decisionId: Nullable(IdString('decision')),
});

function queryDto(query: BureauQueryRecord): Static<typeof QueryDto> {
  return { ...query, queriedAt: query.queriedAt.toISOString() };
}

const CustomerParams = Type.Object({ id: IdString('customer') }, { additionalProperties: false });

const RunDto = Type.Object({
  month: Type.String(),
  layoutVersion: Type.String(),
  monthEnd: DateString(),
  status: StringEnum(['running', 'reported'] as const),
  startedAt: InstantString(),
  finishedAt: Nullable(InstantString()),
  fileName: Nullable(Type.String()),
  fileSha256: Nullable(Type.String()),
  records: Nullable(Type.Integer()),
  held: Nullable(
    Type.Integer({ description: 'Negative records held: their advance notice period had not passed.' }),
  ),
  withoutConsent: Nullable(Type.Integer({ description: 'Accounts left out: no bureau_reporting consent.' })),
});

/** `/v1/customers/{id}/bureau-queries` (ask, list) and `/v1/bureau/reports` (the monthly runs). */
export function registerBureauRoutes(http: HttpServer, bureau: BureauService): void {
  http.post(
    '/v1/customers/:id/bureau-queries',
    {
      config: { roles: ['app', 'reviewer'] },
      schema: {
        tags: ['bureau'],
        summary:
          "Ask the credit bureau for the customer's report (needs their bureau_query consent in force); the report is ingested and the query logged. The Idempotency-Key makes a retry return the logged query.",
        params: CustomerParams,
        headers: Type.Object({ 'idempotency-key': Type.String({ minLength: 1, maxLength: 200 }) }),
        body: Type.Object({ purpose: StringEnum(QUERY_REASONS) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ query: QueryDto, created: Type.Boolean() }),
          201: Type.Object({ query: QueryDto, created: Type.Boolean() }),
          ...problems(401, 403, 404, 409, 422, 503),
        },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (!principal) throw new AppError('UNAUTHENTICATED', 'an API key or a staff session is required');
      const actor = actorOfPrincipal(principal);
      const outcome = await bureau.query({
        customerId: request.params.id,
        purpose: request.body.purpose,
        requestedBy: { kind: actor.kind === 'staff' ? 'staff' : 'key', id: actor.id, name: actor.name },
        requestKey: request.headers['idempotency-key'],
      });
      reply.code(outcome.created ? 201 : 200);
      return { query: queryDto(outcome.query), created: outcome.created };
    },
  );

  http.get(
    '/v1/customers/:id/bureau-queries',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['bureau'],
        summary:
          "The customer's bureau use: every query (purpose, consent relied on, who asked, report hash), advance notice and monthly record.",
        params: CustomerParams,
        response: {
          200: Type.Object({
            queries: Type.Array(QueryDto),
            notices: Type.Array(
              Type.Object({
                accountId: Type.String(),
                overdueSince: DateString(),
                overdueAmount: MoneyString('Overdue when the notice was sent, in yuan.'),
                overdueAmountFen: FenString(),
                notifiedAt: InstantString(),
                reportNotBefore: DateString(),
                noticeDays: Type.Integer(),
              }),
            ),
            reported: Type.Array(
              Type.Object({
                month: Type.String(),
                accountId: Type.String(),
                accountType: StringEnum(['loan', 'line'] as const),
                disposition: StringEnum(['reported', 'held', 'no_consent'] as const),
                accountStatus: Type.String(),
                balance: MoneyString('The balance reported, in yuan.'),
                balanceFen: FenString(),
                overdueAmount: MoneyString('The overdue amount reported, in yuan.'),
                overdueAmountFen: FenString(),
                daysPastDue: Type.Integer(),
              }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      const use = await bureau.useOf(request.params.id);
      return {
        queries: use.queries.map(queryDto),
        notices: use.notices.map((notice) => ({
          accountId: notice.accountId,
          overdueSince: notice.overdueSince,
          overdueAmount: toDecimalString(notice.overdueAmount),
          overdueAmountFen: notice.overdueAmount.toString(),
          notifiedAt: notice.notifiedAt.toISOString(),
          reportNotBefore: notice.reportNotBefore,
          noticeDays: notice.noticeDays,
        })),
        reported: use.reported.map((record) => ({
          month: record.month,
          accountId: record.accountId,
          accountType: record.accountType,
          disposition: record.disposition,
          accountStatus: record.accountStatus,
          balance: toDecimalString(record.balance),
          balanceFen: record.balance.toString(),
          overdueAmount: toDecimalString(record.overdueAmount),
          overdueAmountFen: record.overdueAmount.toString(),
          daysPastDue: record.daysPastDue,
        })),
      };
    },
  );

  http.get(
    '/v1/bureau/reports',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['bureau'],
        summary: 'The monthly reporting runs, newest first (run one with `credence bureau report --month`).',
        response: { 200: Type.Object({ runs: Type.Array(RunDto) }), ...problems(401, 403) },
      },
    },
    async () => ({
      runs: (await bureau.runs()).map((run) => ({
        ...run,
        startedAt: run.startedAt.toISOString(),
        finishedAt: run.finishedAt?.toISOString() ?? null,
      })),
    }),
  );
}
