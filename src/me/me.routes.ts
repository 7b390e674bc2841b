import { Type } from 'typebox';
import { APPEAL_CATEGORIES } from '../appeals/index.ts';
import { evidenceView } from '../appeals/appeal-view.ts';
import { acceptEvidenceBodies } from '../appeals/evidence-body.http.ts';
import type { ConversionSource } from '../lending/credit-lines/credit-line-service.ts';
import {
  CreditDto,
  creditDto,
  LineDto,
  lineDto,
  OfferDto,
  conversionReceiptDto,
  offerDto,
  purchaseDto,
  StatementDto,
  statementDto,
} from '../lending/credit-lines/credit-lines.routes.ts';
import { CONVERSION_TERMS, REPAYMENT_INTENTS, REPAYMENT_METHODS } from '../lending/index.ts';
import { LoanDto, loanDto, RepaymentDto, repaymentDto } from '../lending/loans/loans.routes.ts';
import { AppError } from '../platform/errors/app-error.ts';
import {
  DateString,
  IdString,
  MoneyString,
  problems,
  ProblemSchema,
  StringEnum,
} from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { parseMoney, toDecimalString } from '../platform/money/money.ts';
import { fileAppeal, myAppeal, myAppeals, sessionActor } from './me-appeals.ts';
import { bindCard } from './me-cards.ts';
import { registerMeConsentRoutes } from './me-consents.routes.ts';
import { decideForMe, getMyDecision, listMyDecisions, ME_PRODUCTS } from './me-decisions.ts';
import type { MeDeps } from './me-deps.ts';
import { createScoreCache, home, myVerification } from './me-home.ts';
import { myMessages } from './me-messages.ts';
import { drawLoan, ownLine, ownLoan, payLine, quoteLoan, refused, repayLoan } from './me-money.ts';
import {
  BoundCardSchema,
  DecisionSummarySchema,
  EvidenceSchema,
  HomeSchema,
  LoanRepaymentEventSchema,
  MeAppealSchema,
  MeDecisionSchema,
  MessageSchema,
  PurchaseSchema,
  QuoteSchema,
  VerificationSchema,
} from './me.dto.ts';
import { customerOf } from './sessions.routes.ts';

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 1,
    maxLength: 200,
    pattern: '^[\\x21-\\x7e]+$',
    description:
      'Made by the app when the person taps (e.g. a UUID) and sent again on every retry of that tap: the action happens once.',
  }),
});

const LoanBody = Type.Object(
  {
    amount: MoneyString('Principal in yuan.'),
    term: Type.Integer({ minimum: 1, maximum: 360, description: 'Months: 3, 6 or 12.' }),
    method: StringEnum(REPAYMENT_METHODS),
  },
  { additionalProperties: false },
);

const LoanParams = Type.Object({ loanId: IdString('loan') }, { additionalProperties: false });
const LineParams = Type.Object({ lineId: IdString('line') }, { additionalProperties: false });

const ConversionBody = Type.Object(
  {
    source: Type.Union([
      Type.Object({ statementSeq: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      Type.Object({ purchaseId: IdString('purchase') }, { additionalProperties: false }),
    ]),
    term: Type.Integer({ enum: [...CONVERSION_TERMS], description: 'Periods: 3, 6, 9 or 12.' }),
    amount: Type.Optional(MoneyString('For a statement: the part of its revolving principal to convert.')),
  },
  { additionalProperties: false },
);

function sourceOf(body: { source: { statementSeq: number } | { purchaseId: string } }): ConversionSource {
  return 'statementSeq' in body.source
    ? { statementSeq: body.source.statementSeq }
    : { purchaseId: body.source.purchaseId };
}

const Problems = problems(401, 403, 404, 409, 422);

/**
 * `/v1/me…`: the customer's own API. Every route accepts a customer session only (`config.customer`), takes
 * the customer from it — there is no customer id in any path, query or body — and delegates to the
 * contexts' services. Another customer's record named in a path is not found (404), like one that does not
 * exist. The shapes are written out in docs/customer-app.md ("API").
 */
export function registerMeRoutes(http: HttpServer, deps: MeDeps): void {
  // Registered in this order: the OpenAPI document lists the paths as registered.
  registerMeHomeRoutes(http, deps);
  registerMeLoanRoutes(http, deps);
  registerMeLineRoutes(http, deps);
  registerMeConversionRoutes(http, deps);
  registerMeAppealRoutes(http, deps);
  registerMeConsentRoutes(http, deps);
}

/** Home, verification, decisions (read, list, apply) and binding a card. */
function registerMeHomeRoutes(http: HttpServer, deps: MeDeps): void {
  const scores = createScoreCache();
  http.get(
    '/v1/me',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary:
          'Home: can I borrow, how much and at what annual rate; score and its dimensions; verification.',
        response: { 200: HomeSchema, ...Problems },
      },
    },
    async (request) => home(deps, customerOf(request).customerId, scores),
  );

  http.get(
    '/v1/me/verification',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'What is verified, what failed, and the next step to the level my products need.',
        response: { 200: VerificationSchema, ...Problems },
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
          200: Type.Object({ decisions: Type.Array(DecisionSummarySchema) }, { additionalProperties: false }),
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
        response: { 200: MeDecisionSchema, ...Problems },
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
        response: { 201: MeDecisionSchema, ...Problems, 503: ProblemSchema },
      },
    },
    async (request, reply) => {
      const view = await decideForMe(deps, customerOf(request).customerId, request.body);
      return reply.status(201).send(view);
    },
  );

  http.post(
    '/v1/me/cards',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'Bind a bank card in my own name (four-element check through the verification provider).',
        body: Type.Object(
          { cardNumber: Type.String({ minLength: 1, maxLength: 40, description: '16–19 digits.' }) },
          { additionalProperties: false },
        ),
        response: { 201: BoundCardSchema, ...Problems, 503: ProblemSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await bindCard(deps, customerOf(request).customerId, request.body.cardNumber)),
  );
}

/** Cash loans: quote, draw, list, read and repay. */
function registerMeLoanRoutes(http: HttpServer, deps: MeDeps): void {
  http.post(
    '/v1/me/loans/quote',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary:
          'What a cash loan would cost: schedule, total interest and fees, APR by IRR. Nothing is stored.',
        body: LoanBody,
        response: { 200: QuoteSchema, ...Problems },
      },
    },
    async (request) => quoteLoan(deps, customerOf(request).customerId, request.body),
  );

  http.post(
    '/v1/me/loans',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'Draw a cash loan on my limit (Idempotency-Key: a retry never draws twice).',
        headers: IdempotencyHeaders,
        body: LoanBody,
        response: {
          201: Type.Object(
            { loan: LoanDto, paidOut: MoneyString(), availableAfter: MoneyString() },
            { additionalProperties: false },
          ),
          ...Problems,
        },
      },
    },
    async (request, reply) => {
      const result = await drawLoan(
        deps,
        customerOf(request).customerId,
        request.body,
        request.headers['idempotency-key'],
      );
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send({
        loan: loanDto(result.loan),
        paidOut: result.paidOut,
        availableAfter: result.availableAfter,
      });
    },
  );

  http.get(
    '/v1/me/loans',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'My cash loans.',
        response: {
          200: Type.Object({ loans: Type.Array(LoanDto) }, { additionalProperties: false }),
          ...Problems,
        },
      },
    },
    async (request) => ({
      loans: (await deps.services.loans.listLoans(customerOf(request).customerId)).map(loanDto),
    }),
  );

  http.get(
    '/v1/me/loans/:loanId',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'One of my loans: schedule as it stands and past repayments.',
        params: LoanParams,
        response: {
          200: Type.Object({ ...LoanDto.properties, repayments: Type.Array(LoanRepaymentEventSchema) }),
          ...Problems,
        },
      },
    },
    async (request) => {
      const view = await ownLoan(deps, customerOf(request).customerId, request.params.loanId);
      const events = await deps.services.loans.events(request.params.loanId);
      return {
        ...loanDto(view),
        repayments: events.flatMap((event) =>
          event.kind === 'repayment'
            ? [
                {
                  seq: event.seq,
                  kind: event.kind,
                  effectiveDate: event.effectiveDate,
                  amount: toDecimalString(event.amount),
                  intent: event.intent,
                  receivedAt: event.receivedAt.toISOString(),
                },
              ]
            : [],
        ),
      };
    },
  );

  http.post(
    '/v1/me/loans/:loanId/repayments',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'Repay my loan (Idempotency-Key: a retry never pays twice).',
        params: LoanParams,
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            amount: MoneyString('Amount in yuan.'),
            intent: Type.Optional(StringEnum(REPAYMENT_INTENTS, { default: 'scheduled' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: RepaymentDto, ...Problems },
      },
    },
    async (request, reply) => {
      const result = await repayLoan(
        deps,
        customerOf(request).customerId,
        request.params.loanId,
        request.body,
        request.headers['idempotency-key'],
      );
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(repaymentDto(result.receipt));
    },
  );
}

/** Credit lines: list, open, read, statements and payments. */
function registerMeLineRoutes(http: HttpServer, deps: MeDeps): void {
  http.get(
    '/v1/me/lines',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'My credit lines.',
        response: {
          200: Type.Object({ lines: Type.Array(LineDto) }, { additionalProperties: false }),
          ...Problems,
        },
      },
    },
    async (request) => ({
      lines: (await deps.services.creditLines.listLines(customerOf(request).customerId)).map(lineDto),
    }),
  );

  http.post(
    '/v1/me/lines',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'Open my credit line on my approved credit-line limit (the open one when there is one).',
        body: Type.Object(
          { statementDay: Type.Optional(Type.Integer({ minimum: 1, maximum: 28 })) },
          { additionalProperties: false },
        ),
        response: { 200: LineDto, 201: LineDto, ...Problems },
      },
    },
    async (request, reply) => {
      const customerId = customerOf(request).customerId;
      const facility = await deps.services.facilities.getFacility(customerId, 'credit-line');
      if (!facility) throw refused({ reason: 'no-facility' });
      const { line, opened } = await deps.services.creditLines.openLine({
        customerId,
        ...(request.body.statementDay === undefined ? {} : { statementDay: request.body.statementDay }),
      });
      return reply.status(opened ? 201 : 200).send(lineDto(line));
    },
  );

  http.get(
    '/v1/me/lines/:lineId',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'One of my credit lines.',
        params: LineParams,
        response: { 200: LineDto, ...Problems },
      },
    },
    async (request) => lineDto(await ownLine(deps, customerOf(request).customerId, request.params.lineId)),
  );

  http.get(
    '/v1/me/lines/:lineId/statements',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'My statements on a line, newest first.',
        params: LineParams,
        response: {
          200: Type.Object({ statements: Type.Array(StatementDto) }, { additionalProperties: false }),
          ...Problems,
        },
      },
    },
    async (request) => {
      await ownLine(deps, customerOf(request).customerId, request.params.lineId);
      const statements = await deps.services.creditLines.statements(request.params.lineId);
      return { statements: statements.map(statementDto).reverse() };
    },
  );

  http.post(
    '/v1/me/lines/:lineId/payments',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary:
          'Pay my line: in full, the minimum, or an amount (Idempotency-Key: a retry never pays twice).',
        params: LineParams,
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            kind: StringEnum(['full', 'minimum', 'amount'] as const),
            amount: Type.Optional(MoneyString('With kind "amount" only, in yuan.')),
          },
          { additionalProperties: false },
        ),
        response: { 201: CreditDto, ...Problems },
      },
    },
    async (request, reply) => {
      const customerId = customerOf(request).customerId;
      const result = await payLine(
        deps,
        customerId,
        request.params.lineId,
        request.body,
        request.headers['idempotency-key'],
      );
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(creditDto(result.receipt));
    },
  );
}

/** Instalment offers and conversions on a line (and, in the demo, purchases). */
function registerMeConversionRoutes(http: HttpServer, deps: MeDeps): void {
  http.get(
    '/v1/me/lines/:lineId/offers',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'Instalment offers for a purchase or a statement, one per term; nothing is stored.',
        params: LineParams,
        querystring: Type.Object(
          {
            purchase: Type.Optional(IdString('purchase')),
            statement: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,8}$' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ offers: Type.Array(OfferDto) }, { additionalProperties: false }),
          ...Problems,
        },
      },
    },
    async (request) => {
      await ownLine(deps, customerOf(request).customerId, request.params.lineId);
      const { purchase, statement } = request.query;
      if ((purchase === undefined) === (statement === undefined))
        throw AppError.invalid('purchase', 'one-of', 'send exactly one of purchase or statement');
      const source: ConversionSource =
        purchase !== undefined ? { purchaseId: purchase } : { statementSeq: Number(statement) };
      const offers = [];
      for (const term of CONVERSION_TERMS)
        offers.push(
          offerDto(
            await deps.services.creditLines.conversionOffer({ lineId: request.params.lineId, source, term }),
          ),
        );
      return { offers };
    },
  );

  http.post(
    '/v1/me/lines/:lineId/conversions',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'Convert a purchase or a statement into instalments (Idempotency-Key).',
        params: LineParams,
        headers: IdempotencyHeaders,
        body: ConversionBody,
        response: {
          201: Type.Object(
            { lineId: IdString('line'), planId: Type.String(), effectiveDate: DateString(), offer: OfferDto },
            { additionalProperties: false },
          ),
          ...Problems,
        },
      },
    },
    async (request, reply) => {
      await ownLine(deps, customerOf(request).customerId, request.params.lineId);
      const result = await deps.services.creditLines.convert({
        lineId: request.params.lineId,
        source: sourceOf(request.body),
        term: request.body.term,
        ...(request.body.amount === undefined ? {} : { amount: parseMoney(request.body.amount, 'amount') }),
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(conversionReceiptDto(result.receipt));
    },
  );

  if (deps.demo) {
    http.post(
      '/v1/me/lines/:lineId/purchases',
      {
        config: { customer: true },
        schema: {
          tags: ['me'],
          summary: 'Demo only: a purchase on my line (Idempotency-Key).',
          params: LineParams,
          headers: IdempotencyHeaders,
          body: Type.Object(
            {
              amount: MoneyString('Amount in yuan.'),
              description: Type.String({ minLength: 1, maxLength: 200 }),
            },
            { additionalProperties: false },
          ),
          response: { 201: PurchaseSchema, ...Problems },
        },
      },
      async (request, reply) => {
        await ownLine(deps, customerOf(request).customerId, request.params.lineId);
        const result = await deps.services.creditLines.purchase({
          lineId: request.params.lineId,
          amount: parseMoney(request.body.amount, 'amount'),
          description: request.body.description,
          idempotencyKey: request.headers['idempotency-key'],
        });
        if (result.outcome === 'declined') throw refused(result.refusal);
        if (result.replayed) void reply.header('idempotent-replayed', 'true');
        return reply.status(201).send(purchaseDto(result.receipt));
      },
    );
  }
}

/** Appeals (evidence upload, filing, reading) and the customer's messages. */
function registerMeAppealRoutes(http: HttpServer, deps: MeDeps): void {
  const maxBytes = deps.services.appeals.settings.maxEvidenceBytes;
  void http.register(async (scope) => {
    acceptEvidenceBodies(scope, maxBytes);
    scope.post(
      '/v1/me/appeals/evidence',
      {
        config: { customer: true },
        schema: {
          tags: ['me'],
          summary: 'Upload a photo or PDF as evidence for an appeal (the raw file as the body).',
          response: {
            201: EvidenceSchema,
            200: { ...EvidenceSchema, description: 'The same file, uploaded before.' },
            413: ProblemSchema,
            415: ProblemSchema,
            ...Problems,
          },
        },
      },
      async (request, reply) => {
        const session = customerOf(request);
        const body = request.body;
        const content = Buffer.isBuffer(body)
          ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
          : null;
        const result = await deps.services.appeals.uploadEvidence({
          customerId: session.customerId,
          declaredType: request.headers['content-type'],
          content: content ?? new Uint8Array(0),
          by: sessionActor(session),
        });
        const view = evidenceView(result.evidence);
        return reply.status(result.created ? 201 : 200).send(view);
      },
    );
  });

  http.post(
    '/v1/me/decisions/:decisionId/appeals',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'Appeal one of my decisions.',
        params: Type.Object({ decisionId: IdString('decision') }, { additionalProperties: false }),
        body: Type.Object(
          {
            category: StringEnum(APPEAL_CATEGORIES),
            statement: Type.String({ minLength: 1, maxLength: 4000 }),
            evidence: Type.Optional(Type.Array(IdString('evidence'), { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: MeAppealSchema, ...Problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await fileAppeal(deps, customerOf(request), request.params.decisionId, request.body)),
  );

  http.get(
    '/v1/me/appeals',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'My appeals, newest first.',
        response: {
          200: Type.Object({ appeals: Type.Array(MeAppealSchema) }, { additionalProperties: false }),
          ...Problems,
        },
      },
    },
    async (request) => ({ appeals: await myAppeals(deps, customerOf(request).customerId) }),
  );

  http.get(
    '/v1/me/appeals/:appealId',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'One of my appeals: status, SLA date, outcome and its reasons.',
        params: Type.Object({ appealId: IdString('appeal') }, { additionalProperties: false }),
        response: { 200: MeAppealSchema, ...Problems },
      },
    },
    async (request) => myAppeal(deps, customerOf(request).customerId, request.params.appealId),
  );

  http.get(
    '/v1/me/messages',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'My messages: decision results, appeal news, limit changes; newest first.',
        querystring: Type.Object(
          { limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ messages: Type.Array(MessageSchema) }, { additionalProperties: false }),
          ...Problems,
        },
      },
    },
    async (request) => ({
      messages: await myMessages(
        deps,
        customerOf(request).customerId,
        request.query.limit ? Number(request.query.limit) : 50,
      ),
    }),
  );
}
