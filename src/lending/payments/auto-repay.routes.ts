import { Type, type Static, type TObject, type TSchema, type TString } from 'typebox';
import { actorOfPrincipal } from '../../platform/audit/audit-log.ts';
import type { Principal } from '../../platform/auth/api-keys.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import {
  DateString,
  IdString,
  InstantString,
  MoneyString,
  Nullable,
  problems,
  StringEnum,
  Text,
} from '../../platform/http/schemas.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { parseMoney, toDecimalString } from '../../platform/money/money.ts';
import type { AutoRepayService, AutoRepayView, PaymentAttempt } from './auto-repay-service.ts';
import { attemptFailureText, type AutoRepayNotice } from './auto-repay.ts';
import { payoutFailureText } from './pay-out.ts';
import { PAYMENT_FAILURE_REASONS } from './payment-provider.ts';
import type { Payout } from './payouts.pg.ts';

/**
 * Auto-repay over HTTP (issue 15, item 5). The customer turns it on or off for one of their loans or credit
 * lines and reads its state, the notice they accept and every attempt (`/v1/me/loans/{loanId}/auto-repay`,
 * `/v1/me/lines/{lineId}/auto-repay`, a line with its amount rule); staff do the same on a customer's behalf
 * (`/v1/loans/…`, `/v1/lines/…`, recorded as a consent given through staff), list a customer's attempts and
 * pay-outs and ask the provider about attempts and pay-outs still unknown now. The pay-out schema and body
 * used by the products' payout routes are here too. Refusals are 422 problem documents naming the field and
 * the rule; another customer's account is 404, like an unknown one.
 */

const ATTEMPT_STATUSES = ['requested', 'unknown', 'succeeded', 'failed'] as const;
const FAILURE_REASONS = [...PAYMENT_FAILURE_REASONS, 'account_settled'] as const;

export const PaymentAttemptSchema = Type.Object(
  {
    paymentId: Type.String({ description: 'Our payment id (pay_…), the provider’s idempotency key.' }),
    accountId: Type.String({ description: 'The loan (ln_…) or line (cl_…) collected for.' }),
    businessDate: DateString('The day-end date the attempt belongs to (the value date of its repayment).'),
    dueDate: DateString('The due date it collects for.'),
    tryNumber: Type.Integer({ minimum: 1, description: '1 on the due date, 2… for the retries.' }),
    amount: MoneyString('Asked of the card, in yuan: everything due and unpaid that day.'),
    cardLast4: Type.String({ description: 'The last four digits of the card collected from.' }),
    status: StringEnum(ATTEMPT_STATUSES, {
      description:
        'requested: not yet answered; unknown: the provider did not answer in time (asked again, never sent twice); succeeded / failed: final.',
    }),
    failureReason: Nullable(StringEnum(FAILURE_REASONS)),
    reason: Nullable(Text),
    bookedSeq: Nullable(
      Type.Integer({ description: 'The repayment event that booked the money (succeeded only).' }),
    ),
    createdAt: InstantString(),
    resolvedAt: Nullable(InstantString()),
  },
  { additionalProperties: false },
);

const NoticeSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    effectiveFrom: InstantString(),
    text: Text,
    sha256: Type.String({ description: 'SHA-256 (hex) of the notice (purpose, version and both texts).' }),
  },
  { additionalProperties: false },
);

const ConsentProperties = {
  seq: Type.Integer({ minimum: 1 }),
  granted: Type.Boolean(),
  cardId: Nullable(Type.String()),
  noticeVersion: Nullable(Type.Integer({ description: 'The notice version accepted (grants only).' })),
  noticeHash: Nullable(Type.String({ description: 'SHA-256 (hex) of the notice accepted.' })),
  amountRule: Nullable(
    StringEnum(['full', 'minimum'] as const, {
      description: "A credit line's grant: collect the statement's full balance or its minimum payment.",
    }),
  ),
  by: StringEnum(['customer', 'staff'] as const, { description: 'Given by the customer or through staff.' }),
  at: InstantString(),
};

const MeAutoRepayProperties = {
  accountId: Type.String(),
  product: StringEnum(['cash_loan', 'credit_line'] as const),
  enabled: Type.Boolean(),
  cardId: Nullable(Type.String({ description: 'The bound card collected from (crd_…).' })),
  cardLast4: Nullable(Type.String()),
  noticeVersion: Nullable(Type.Integer({ description: 'The notice version accepted, while on.' })),
  amountRule: Nullable(
    StringEnum(['full', 'minimum'] as const, {
      description:
        "Credit lines: on each statement's due date (and retry days) collect its full balance still unpaid (full, the default) or its minimum payment still unmet (minimum). Null for a loan (everything due).",
    }),
  ),
  noticeInForce: Nullable(NoticeSchema),
  changed: Type.Boolean({ description: 'Whether this call recorded a change (false: it already was so).' }),
};

export const MeAutoRepaySchema = Type.Object(
  {
    ...MeAutoRepayProperties,
    consents: Type.Array(Type.Object(ConsentProperties, { additionalProperties: false })),
    attempts: Type.Array(PaymentAttemptSchema),
  },
  { additionalProperties: false },
);

export const AutoRepaySchema = Type.Object(
  {
    ...MeAutoRepayProperties,
    customerId: Type.String(),
    consents: Type.Array(
      Type.Object(
        { ...ConsentProperties, actor: Type.String({ description: 'Who asked (the customer, or staff).' }) },
        { additionalProperties: false },
      ),
    ),
    attempts: Type.Array(
      Type.Object(
        {
          ...PaymentAttemptSchema.properties,
          providerRef: Nullable(Type.String()),
          providerCalls: Type.Integer(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const AutoRepayBody = Type.Object(
  {
    enabled: Type.Boolean({ description: 'true turns auto-repay on (a consent), false off (a withdrawal).' }),
    cardId: Type.Optional(
      IdString('card', 'A bound card; default: the card already chosen, else the first bound card.'),
    ),
    noticeVersion: Type.Optional(
      Type.Integer({ minimum: 1, description: 'The notice version shown; must be the one in force.' }),
    ),
    amountRule: Type.Optional(
      StringEnum(['full', 'minimum'] as const, {
        description:
          "Credit lines only: the statement's full balance (full, the default) or its minimum payment (minimum). Default: the rule already chosen.",
      }),
    ),
  },
  { additionalProperties: false },
);

export const SettleReportSchema = Type.Object(
  {
    through: DateString(),
    succeeded: Type.Integer({ minimum: 0 }),
    failed: Type.Integer({ minimum: 0 }),
    unknown: Type.Integer({ minimum: 0, description: 'Still without the provider’s answer.' }),
  },
  { additionalProperties: false },
);

/** A pay-out of money held through the provider, as staff see it (the body of the payout routes). */
export const ProviderPayoutSchema = Type.Object(
  {
    payoutId: Type.String({ description: 'Our pay-out id (rfd_…), the provider’s idempotency key.' }),
    accountId: Type.String(),
    amount: MoneyString('Paid back to the card, in yuan.'),
    cardLast4: Type.String(),
    status: StringEnum(['requested', 'unknown', 'paid', 'failed'] as const, {
      description:
        'paid: the provider confirmed and the payout is booked; failed: refused, the money is still held (reason says why); unknown: no answer yet (asked again by POST /v1/payouts/resolve and the day-end; never sent twice).',
    }),
    failureReason: Nullable(StringEnum(PAYMENT_FAILURE_REASONS)),
    reason: Nullable(Text),
    bookedSeq: Nullable(Type.Integer({ description: "The account's payout event (paid only)." })),
    providerRef: Nullable(Type.String()),
    providerCalls: Type.Integer({ minimum: 0 }),
    requestedBy: Type.String(),
    createdAt: InstantString(),
    resolvedAt: Nullable(InstantString()),
  },
  { additionalProperties: false },
);

export function providerPayoutDto(payout: Payout): Static<typeof ProviderPayoutSchema> {
  return {
    payoutId: payout.payoutId,
    accountId: payout.accountId,
    amount: toDecimalString(payout.amount),
    cardLast4: payout.cardLast4,
    status: payout.status,
    failureReason: payout.failureReason,
    reason: payout.failureReason ? payoutFailureText(payout.failureReason) : null,
    bookedSeq: payout.bookedSeq,
    providerRef: payout.providerRef,
    providerCalls: payout.providerCalls,
    requestedBy: payout.requestedBy,
    createdAt: payout.createdAt.toISOString(),
    resolvedAt: payout.resolvedAt?.toISOString() ?? null,
  };
}

/** The body of a payout request (loans and lines). */
export const PayoutRequestBody = Type.Object(
  {
    amount: Type.Optional(
      MoneyString(
        'Amount to pay back, in yuan; all that is held (and not already being paid back) when omitted.',
      ),
    ),
    cardId: Type.Optional(
      IdString(
        'card',
        "The bound card to pay to; default: the account's auto-repay card, else the first bound card.",
      ),
    ),
  },
  { additionalProperties: false },
);

export function paymentAttemptDto(attempt: PaymentAttempt): Static<typeof PaymentAttemptSchema> {
  return {
    paymentId: attempt.paymentId,
    accountId: attempt.accountId,
    businessDate: attempt.businessDate,
    dueDate: attempt.dueDate,
    tryNumber: attempt.tryNumber,
    amount: toDecimalString(attempt.amount),
    cardLast4: attempt.cardLast4,
    status: attempt.status,
    failureReason: attempt.failureReason,
    reason: attempt.failureReason ? attemptFailureText(attempt.failureReason) : null,
    bookedSeq: attempt.bookedSeq,
    createdAt: attempt.createdAt.toISOString(),
    resolvedAt: attempt.resolvedAt?.toISOString() ?? null,
  };
}

export function staffAttemptDto(attempt: PaymentAttempt) {
  return {
    ...paymentAttemptDto(attempt),
    providerRef: attempt.providerRef,
    providerCalls: attempt.providerCalls,
  };
}

function noticeDto(notice: AutoRepayNotice | undefined): Static<typeof NoticeSchema> | null {
  if (!notice) return null;
  return {
    version: notice.version,
    effectiveFrom: notice.effectiveFrom.toISOString(),
    text: notice.text,
    sha256: notice.sha256,
  };
}

function common(view: AutoRepayView, notice: AutoRepayNotice | undefined) {
  return {
    accountId: view.accountId,
    product: view.product,
    enabled: view.enabled,
    cardId: view.cardId,
    cardLast4: view.cardLast4,
    noticeVersion: view.noticeVersion,
    amountRule: view.amountRule,
    noticeInForce: noticeDto(notice),
    changed: view.changed,
  };
}

/** The customer's view: their consents without staff names, their attempts without provider internals. */
export function meAutoRepayDto(
  view: AutoRepayView,
  notice: AutoRepayNotice | undefined,
): Static<typeof MeAutoRepaySchema> {
  return {
    ...common(view, notice),
    consents: view.consents.map((consent) => ({
      seq: consent.seq,
      granted: consent.granted,
      cardId: consent.cardId,
      noticeVersion: consent.noticeVersion,
      noticeHash: consent.noticeHash,
      amountRule: consent.amountRule,
      by: consent.actorKind,
      at: consent.recordedAt.toISOString(),
    })),
    attempts: view.attempts.map(paymentAttemptDto),
  };
}

/** What the two products' payout routes differ in: path, words, parameters and the product's receipt. */
export interface PayoutRouteSpec<Params extends TObject, Receipt extends TObject> {
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly params: Params;
  readonly headers: TObject<{ 'idempotency-key': TString }>;
  readonly errors: Readonly<Record<number, TSchema>>;
  readonly receipt: Receipt;
  accountIdOf(params: Static<Params>): string;
  /** The receipt of the payout booked when the provider confirmed: a replay under the pay-out id. */
  bookedReceipt(accountId: string, payout: Payout): Promise<Static<Receipt>>;
}

/**
 * `POST /v1/loans/{loanId}/payouts` and `POST /v1/lines/{lineId}/payouts`: the pay-out asked of the provider
 * (`AutoRepayService.payout`); 201 with the product's receipt when it confirmed (the payout was booked then;
 * reading the receipt books nothing again), 200 with the pay-out alone when refused or not answered yet.
 */
export function registerPayoutRoute<Params extends TObject, Receipt extends TObject>(
  http: HttpServer,
  autoRepay: Pick<AutoRepayService, 'payout'>,
  spec: PayoutRouteSpec<Params, Receipt>,
): void {
  http.post(
    spec.path,
    {
      config: { roles: ['app', 'reviewer'] },
      schema: {
        tags: [spec.tag],
        summary: spec.summary,
        params: spec.params,
        headers: spec.headers,
        body: PayoutRequestBody,
        response: {
          201: Type.Object(
            { ...spec.receipt.properties, payout: ProviderPayoutSchema },
            { additionalProperties: false },
          ),
          200: Type.Object({ payout: ProviderPayoutSchema }, { additionalProperties: false }),
          ...spec.errors,
        },
      },
    },
    async (request, reply) => {
      // The type provider cannot narrow a generic schema's params: `spec.params` validated them as `Params`.
      const accountId = spec.accountIdOf(request.params as Static<Params>);
      const body = request.body;
      const outcome = await autoRepay.payout({
        accountId,
        ...(body.amount === undefined ? {} : { amount: parseMoney(body.amount, 'amount') }),
        ...(body.cardId === undefined ? {} : { cardId: body.cardId }),
        idempotencyKey: request.headers['idempotency-key'],
        requestedBy: staffNameOf(request),
      });
      if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
      const payout = providerPayoutDto(outcome.payout);
      if (outcome.payout.status !== 'paid') return reply.status(200).send({ payout });
      const receipt = await spec.bookedReceipt(accountId, outcome.payout);
      return reply.status(201).send({ ...receipt, payout });
    },
  );
}

/** Staff's view: who asked for each change, the provider's reference and calls. */
export function autoRepayDto(
  view: AutoRepayView,
  notice: AutoRepayNotice | undefined,
): Static<typeof AutoRepaySchema> {
  const me = meAutoRepayDto(view, notice);
  return {
    ...me,
    customerId: view.customerId,
    consents: view.consents.map((consent, index) => ({
      ...(me.consents[index] as Static<typeof MeAutoRepaySchema>['consents'][number]),
      actor: consent.actor,
    })),
    attempts: view.attempts.map(staffAttemptDto),
  };
}

function customerIdOf(request: { customer?: { customerId: string } }): string {
  if (!request.customer) throw new AppError('UNAUTHENTICATED', 'sign in: a customer session is required');
  return request.customer.customerId;
}

export function staffNameOf(request: { principal?: Principal }): string {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'an API key or a staff session is required');
  const actor = actorOfPrincipal(request.principal);
  return `${actor.name} (${actor.id})`.slice(0, 200);
}

const LoanParams = Type.Object({ loanId: IdString('loan') }, { additionalProperties: false });
const CustomerParams = Type.Object({ customerId: IdString('customer') }, { additionalProperties: false });
const Problems = problems(401, 403, 404, 422);

/** Registers the customer's and staff's auto-repay routes. */
export function registerAutoRepayRoutes(http: HttpServer, autoRepay: AutoRepayService): void {
  registerAccountRoutes(http, autoRepay, 'loan');
  registerAccountRoutes(http, autoRepay, 'line');

  http.get(
    '/v1/customers/:customerId/payment-attempts',
    {
      config: { roles: ['app', 'reviewer', 'analyst', 'collector'] },
      schema: {
        tags: ['loans'],
        summary: "A customer's payment attempts (auto-repay), oldest first, with status and reason.",
        params: CustomerParams,
        response: {
          200: Type.Object(
            { attempts: AutoRepaySchema.properties.attempts },
            { additionalProperties: false },
          ),
          ...Problems,
        },
      },
    },
    async (request) => ({
      attempts: (await autoRepay.attempts(request.params.customerId)).map(staffAttemptDto),
    }),
  );

  http.post(
    '/v1/payment-attempts/resolve',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['loans'],
        summary:
          'Ask the provider now about every attempt still waiting (requested or unknown): money collected is booked once, by the payment id; a refusal is recorded and the customer told.',
        response: { 200: SettleReportSchema, ...Problems },
      },
    },
    async () => autoRepay.settle(),
  );

  http.post(
    '/v1/payouts/resolve',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['loans'],
        summary:
          'Ask the provider now about every pay-out of money held still waiting (requested or unknown): a confirmed one is booked once, by the pay-out id; a refused one leaves the money held and the customer is told why.',
        response: {
          200: Type.Object(
            {
              paid: Type.Integer({ minimum: 0 }),
              failed: Type.Integer({ minimum: 0 }),
              unknown: Type.Integer({ minimum: 0 }),
              unbooked: Type.Integer({
                minimum: 0,
                description: 'Confirmed by the provider but the money held had been used since: for staff.',
              }),
            },
            { additionalProperties: false },
          ),
          ...Problems,
        },
      },
    },
    async () => autoRepay.settlePayouts(),
  );

  http.get(
    '/v1/customers/:customerId/payouts',
    {
      config: { roles: ['app', 'reviewer', 'analyst', 'collector'] },
      schema: {
        tags: ['loans'],
        summary:
          "A customer's pay-outs of money held (loans and lines), oldest first, with status and reason.",
        params: CustomerParams,
        response: {
          200: Type.Object({ payouts: Type.Array(ProviderPayoutSchema) }, { additionalProperties: false }),
          ...Problems,
        },
      },
    },
    async (request) => ({
      payouts: (await autoRepay.payouts(request.params.customerId)).map(providerPayoutDto),
    }),
  );
}

const LineParams = Type.Object({ lineId: IdString('line') }, { additionalProperties: false });

/**
 * The four routes of one product's accounts: `/v1/me/loans/{loanId}/auto-repay` and
 * `/v1/loans/{loanId}/auto-repay`, and the same for credit lines under `lines/{lineId}`.
 */
function registerAccountRoutes(http: HttpServer, autoRepay: AutoRepayService, kind: 'loan' | 'line'): void {
  const what = kind === 'loan' ? 'loan' : 'credit line';
  const tag = kind === 'loan' ? 'loans' : 'lines';
  const rule =
    kind === 'line'
      ? " On each statement's due date (and its retry days) it collects the statement's full balance still unpaid (amountRule full, the default) or its minimum payment (minimum)."
      : '';
  const params = kind === 'loan' ? LoanParams : LineParams;
  const idOf = (p: Record<string, string>): string => (kind === 'loan' ? p.loanId : p.lineId) as string;
  const path = kind === 'loan' ? 'loans/:loanId' : 'lines/:lineId';
  http.get(
    `/v1/me/${path}/auto-repay`,
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: `Auto-repay of my ${what}: on or off, from which card, the notice I accept to turn it on, my consents and every attempt with its outcome.${rule}`,
        params,
        response: { 200: MeAutoRepaySchema, ...Problems },
      },
    },
    async (request) => {
      const customerId = customerIdOf(request);
      const view = await autoRepay.get({ accountId: idOf(request.params), customerId });
      return meAutoRepayDto(view, await autoRepay.notice());
    },
  );

  http.put(
    `/v1/me/${path}/auto-repay`,
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: `Turn auto-repay of my ${what} on (accepting the notice in force, from a bound card) or off (nothing is collected from then on). Asking for the state in force changes nothing.${rule}`,
        params,
        body: AutoRepayBody,
        response: { 200: MeAutoRepaySchema, ...Problems },
      },
    },
    async (request) => {
      const customerId = customerIdOf(request);
      const view = await autoRepay.set({
        accountId: idOf(request.params),
        customerId,
        ...request.body,
        actor: { kind: 'customer', name: customerId },
      });
      return meAutoRepayDto(view, await autoRepay.notice());
    },
  );

  http.get(
    `/v1/${path}/auto-repay`,
    {
      config: { roles: ['app', 'reviewer', 'analyst', 'collector'] },
      schema: {
        tags: [tag],
        summary: `A ${what}'s auto-repay: state, card, notice, consents (who asked) and attempts.`,
        params,
        response: { 200: AutoRepaySchema, ...Problems },
      },
    },
    async (request) =>
      autoRepayDto(await autoRepay.get({ accountId: idOf(request.params) }), await autoRepay.notice()),
  );

  http.put(
    `/v1/${path}/auto-repay`,
    {
      config: { roles: ['app', 'reviewer'] },
      schema: {
        tags: [tag],
        summary: `Turn a ${what}'s auto-repay on or off on the customer's behalf (recorded as a consent given through staff, with the notice in force).${rule}`,
        params,
        body: AutoRepayBody,
        response: { 200: AutoRepaySchema, ...Problems },
      },
    },
    async (request) => {
      const view = await autoRepay.set({
        accountId: idOf(request.params),
        ...request.body,
        actor: { kind: 'staff', name: staffNameOf(request) },
      });
      return autoRepayDto(view, await autoRepay.notice());
    },
  );
}
