import { Type, type Static } from 'typebox';
import type { Principal } from '../../platform/auth/api-keys.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { IdString, MoneyString, ProblemSchema, StringEnum } from '../../platform/http/schemas.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { fen, parseMoney, toDecimalString, type Money } from '../../platform/money/money.ts';
import type { Services } from '../../services.ts';
import { HARDSHIP_REASON_CODES } from '../loans/hardship.ts';
import type { HardshipActor } from '../shared/hardship-requests.pg.ts';
import type { LineHardshipAsk, LineHardshipFigures } from './line-hardship.ts';
import type { LineHardshipOutcome, LineHardshipRequest } from './line-hardship-service.ts';
import { LINE_HARDSHIP_TOOLS } from './line-state.ts';

/**
 * `/v1/lines/{lineId}/hardship-requests…`: hardship tools on a credit line as a request resource (issue 15,
 * item 4 for lines; so far the goodwill waiver), shaped as the loans' (`../loans/hardship.routes.ts`) so the
 * console's screen serves both: the request (ask, money effect, reasons, maker, checker, status) and the
 * account before and after — for a line its figures by kind rather than a schedule. Collectors and reviewers
 * ask; a reviewer (another person) approves what is above the lender's threshold.
 */

const s = (amount: Money) => toDecimalString(amount);
const errors = { 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 1,
    maxLength: 200,
    pattern: '^[\\x21-\\x7e]+$',
    description:
      'A key unique to this request (e.g. a UUID). A repeat with the same body answers the first request.',
  }),
});

const Reasons = Type.Array(
  Type.Object(
    { code: StringEnum(HARDSHIP_REASON_CODES), note: Type.String({ minLength: 1, maxLength: 500 }) },
    { additionalProperties: false },
  ),
  { minItems: 1, maxItems: 5, description: 'Why the borrower is helped: a code and a note each.' },
);

const AskFields = {
  tool: StringEnum(LINE_HARDSHIP_TOOLS),
  interest: Type.Optional(MoneyString('waiver: interest to waive (yuan), billed or accrued in the cycle.')),
  fees: Type.Optional(MoneyString('waiver: instalment fees billed to waive (yuan).')),
  lateFees: Type.Optional(MoneyString('waiver: late fees (违约金) to waive (yuan).')),
};

const RequestBody = Type.Object({ ...AskFields, reasons: Reasons }, { additionalProperties: false });
const PreviewBody = Type.Object(
  { ...AskFields, reasons: Type.Optional(Reasons) },
  { additionalProperties: false },
);

export function lineAskOf(body: {
  tool: LineHardshipAsk['tool'];
  interest?: string;
  fees?: string;
  lateFees?: string;
}): LineHardshipAsk {
  const money = (field: 'interest' | 'fees' | 'lateFees') =>
    body[field] === undefined ? fen(0n) : parseMoney(body[field], field);
  return { tool: 'waiver', interest: money('interest'), fees: money('fees'), lateFees: money('lateFees') };
}

const ActorDto = Type.Object({ keyId: Type.String(), name: Type.String() });

const AskDto = Type.Object({
  tool: StringEnum(LINE_HARDSHIP_TOOLS),
  interest: Type.Union([MoneyString(), Type.Null()]),
  fees: Type.Union([MoneyString(), Type.Null()]),
  lateFees: Type.Union([MoneyString(), Type.Null()]),
});

const RequestDto = Type.Object({
  id: Type.String(),
  lineId: Type.String(),
  customerId: Type.String(),
  ask: AskDto,
  moneyEffect: MoneyString('What the threshold was compared with: the total waived (waiver).'),
  reasons: Type.Array(Type.Object({ code: Type.String(), note: Type.String() })),
  maker: ActorDto,
  needsSecondPerson: Type.Boolean(),
  status: StringEnum(['pending', 'applied', 'rejected'] as const),
  checker: Type.Union([ActorDto, Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  eventSeq: Type.Union([Type.Integer({ description: 'The line event that carried it out.' }), Type.Null()]),
  proposedOn: Type.String(),
  proposedAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
});

const FiguresDto = Type.Object({
  principal: MoneyString('Principal owed (revolving and instalments, billed or not).'),
  interest: MoneyString('Interest owed, billed and accrued in the cycle.'),
  fees: MoneyString('Instalment fees billed and unpaid.'),
  lateFees: MoneyString('Late fees owed, billed and charged in the cycle.'),
  payoff: MoneyString('Everything owed less money held.'),
  minimumDue: MoneyString('What is left to pay of the minimums of statements already cut.'),
  daysPastDue: Type.Integer(),
});

const OutcomeDto = Type.Object({
  request: RequestDto,
  before: Type.Union([FiguresDto, Type.Null()], {
    description: 'The line today, before (null on a replay).',
  }),
  after: Type.Union([FiguresDto, Type.Null()], {
    description: 'The line the change makes (null on a replay).',
  }),
  journalIds: Type.Array(Type.String()),
  replayed: Type.Boolean(),
});

function requestDto(request: LineHardshipRequest): Static<typeof RequestDto> {
  return {
    id: request.id,
    lineId: request.lineId,
    customerId: request.customerId,
    ask: {
      tool: request.ask.tool,
      interest: s(request.ask.interest),
      fees: s(request.ask.fees),
      lateFees: s(request.ask.lateFees),
    },
    moneyEffect: s(request.moneyEffect),
    reasons: request.reasons.map((reason) => ({ code: reason.code, note: reason.note })),
    maker: { ...request.maker },
    needsSecondPerson: request.needsSecondPerson,
    status: request.status,
    checker: request.checker && { ...request.checker },
    decisionNote: request.decisionNote,
    eventSeq: request.eventSeq,
    proposedOn: request.proposedOn,
    proposedAt: request.proposedAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
  };
}

export function figuresDto(figures: LineHardshipFigures): Static<typeof FiguresDto> {
  return {
    principal: s(figures.principal),
    interest: s(figures.interest),
    fees: s(figures.fees),
    lateFees: s(figures.lateFees),
    payoff: s(figures.payoff),
    minimumDue: s(figures.minimumDue),
    daysPastDue: figures.daysPastDue,
  };
}

export function lineHardshipOutcomeDto(
  outcome: LineHardshipOutcome,
  replayed: boolean,
): Static<typeof OutcomeDto> {
  return {
    request: requestDto(outcome.request),
    before: outcome.before && figuresDto(outcome.before),
    after: outcome.after && figuresDto(outcome.after),
    journalIds: [...outcome.journalIds],
    replayed,
  };
}

function actorOf(request: { principal?: Principal }): HardshipActor {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'an API key is required');
  return { keyId: request.principal.keyId, name: request.principal.name };
}

const LineParams = Type.Object({ lineId: IdString('line') });
const RequestParams = Type.Object({
  lineId: IdString('line'),
  requestId: IdString('lineHardshipRequest'),
});

export function registerLineHardshipRoutes(http: HttpServer, services: Pick<Services, 'lineHardship'>): void {
  const hardship = services.lineHardship;

  http.post(
    '/v1/lines/:lineId/hardship-requests',
    {
      config: { roles: ['collector', 'reviewer'] },
      schema: {
        tags: ['credit lines'],
        summary:
          'Ask for a hardship change on a credit line (a goodwill waiver of interest, fees, late fees) with ' +
          'reasons: applied at once (201) when its money effect is within the threshold, otherwise pending a ' +
          'second person (202).',
        params: LineParams,
        headers: IdempotencyHeaders,
        body: RequestBody,
        response: { 201: OutcomeDto, 202: OutcomeDto, 200: OutcomeDto, ...errors },
      },
    },
    async (request, reply) => {
      const { outcome, replayed } = await hardship.request({
        lineId: request.params.lineId,
        ask: lineAskOf(request.body),
        reasons: request.body.reasons,
        maker: actorOf(request),
        idempotencyKey: request.headers['idempotency-key'],
      });
      void reply.code(replayed ? 200 : outcome.request.status === 'pending' ? 202 : 201);
      return lineHardshipOutcomeDto(outcome, replayed);
    },
  );

  http.post(
    '/v1/lines/:lineId/hardship-requests/preview',
    {
      config: { roles: ['collector', 'reviewer'] },
      schema: {
        tags: ['credit lines'],
        summary:
          'What a hardship request on a credit line would do if asked now — its money effect, whether it would ' +
          'wait for a second person, the line before and after — refused the same way; nothing is written.',
        params: LineParams,
        body: PreviewBody,
        response: {
          200: Type.Object({
            moneyEffect: MoneyString('What the threshold is compared with: the total waived.'),
            secondPersonAbove: MoneyString('The threshold in force today.'),
            needsSecondPerson: Type.Boolean(),
            before: FiguresDto,
            after: FiguresDto,
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const preview = await hardship.preview({ lineId: request.params.lineId, ask: lineAskOf(request.body) });
      return {
        moneyEffect: s(preview.moneyEffect),
        secondPersonAbove: s(preview.secondPersonAbove),
        needsSecondPerson: preview.needsSecondPerson,
        before: figuresDto(preview.before),
        after: figuresDto(preview.after),
      };
    },
  );

  http.get(
    '/v1/lines/:lineId/hardship-requests',
    {
      config: { roles: ['collector', 'reviewer', 'analyst'] },
      schema: {
        tags: ['credit lines'],
        summary: "A credit line's hardship requests, newest first: pending, applied and rejected.",
        params: LineParams,
        response: { 200: Type.Object({ requests: Type.Array(RequestDto) }), ...errors },
      },
    },
    async (request) => ({ requests: (await hardship.list(request.params.lineId)).map(requestDto) }),
  );

  http.get(
    '/v1/line-hardship-requests',
    {
      config: { roles: ['collector', 'reviewer', 'analyst'] },
      schema: {
        tags: ['credit lines'],
        summary:
          'Credit-line hardship requests waiting for a second person, on every line, the longest-waiting first ' +
          '(at most `limit`, default 200).',
        querystring: Type.Object(
          {
            status: Type.Literal('pending', { description: 'Only pending requests are listed this way.' }),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ requests: Type.Array(RequestDto) }), ...errors },
      },
    },
    async (request) => ({
      requests: (await hardship.pending(request.query.limit ?? 200)).map(requestDto),
    }),
  );

  http.post(
    '/v1/lines/:lineId/hardship-requests/:requestId/approve',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['credit lines'],
        summary:
          'Approve a pending hardship request as the second person (another key under another name): checked ' +
          'again on the line as it stands today, then applied.',
        params: RequestParams,
        response: { 200: OutcomeDto, ...errors },
      },
    },
    async (request) =>
      lineHardshipOutcomeDto(
        await hardship.approve({
          lineId: request.params.lineId,
          requestId: request.params.requestId,
          checker: actorOf(request),
        }),
        false,
      ),
  );

  http.post(
    '/v1/lines/:lineId/hardship-requests/:requestId/reject',
    {
      config: { roles: ['collector', 'reviewer'] },
      schema: {
        tags: ['credit lines'],
        summary: 'Reject (or, by its maker, withdraw) a pending hardship request; the line is unchanged.',
        params: RequestParams,
        body: Type.Object(
          { note: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ request: RequestDto }), ...errors },
      },
    },
    async (request) => ({
      request: requestDto(
        await hardship.reject({
          lineId: request.params.lineId,
          requestId: request.params.requestId,
          note: request.body.note,
          by: actorOf(request),
        }),
      ),
    }),
  );
}
