import { Type, type Static } from 'typebox';
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
import { toDecimalString } from '../../platform/money/money.ts';
import type { AutoRepayService, AutoRepayView, PaymentAttempt } from './auto-repay-service.ts';
import { attemptFailureText, type AutoRepayNotice } from './auto-repay.ts';
import { PAYMENT_FAILURE_REASONS } from './payment-provider.ts';

/**
 * Auto-repay over HTTP (issue 15, item 5). The customer turns it on or off for one of their loans and reads
 * its state, the notice they accept and every attempt (`/v1/me/loans/{loanId}/auto-repay`); staff do the
 * same on a customer's behalf (`/v1/loans/{loanId}/auto-repay`, recorded as a consent given through staff),
 * list a customer's attempts and ask the provider about attempts still unknown now. Refusals are 422
 * problem documents naming the field and the rule; another customer's loan is 404, like an unknown one.
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
      by: consent.actorKind,
      at: consent.recordedAt.toISOString(),
    })),
    attempts: view.attempts.map(paymentAttemptDto),
  };
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

function staffNameOf(request: { principal?: Principal }): string {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'an API key or a staff session is required');
  const actor = actorOfPrincipal(request.principal);
  return `${actor.name} (${actor.id})`.slice(0, 200);
}

const LoanParams = Type.Object({ loanId: IdString('loan') }, { additionalProperties: false });
const CustomerParams = Type.Object({ customerId: IdString('customer') }, { additionalProperties: false });
const Problems = problems(401, 403, 404, 422);

/** Registers the customer's and staff's auto-repay routes. */
export function registerAutoRepayRoutes(http: HttpServer, autoRepay: AutoRepayService): void {
  http.get(
    '/v1/me/loans/:loanId/auto-repay',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary:
          'Auto-repay of my loan: on or off, from which card, the notice I accept to turn it on, my consents and every attempt with its outcome.',
        params: LoanParams,
        response: { 200: MeAutoRepaySchema, ...Problems },
      },
    },
    async (request) => {
      const customerId = customerIdOf(request);
      const view = await autoRepay.get({ accountId: request.params.loanId, customerId });
      return meAutoRepayDto(view, await autoRepay.notice());
    },
  );

  http.put(
    '/v1/me/loans/:loanId/auto-repay',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary:
          'Turn auto-repay of my loan on (accepting the notice in force, from a bound card) or off (nothing is collected from then on). Asking for the state in force changes nothing.',
        params: LoanParams,
        body: AutoRepayBody,
        response: { 200: MeAutoRepaySchema, ...Problems },
      },
    },
    async (request) => {
      const customerId = customerIdOf(request);
      const view = await autoRepay.set({
        accountId: request.params.loanId,
        customerId,
        ...request.body,
        actor: { kind: 'customer', name: customerId },
      });
      return meAutoRepayDto(view, await autoRepay.notice());
    },
  );

  http.get(
    '/v1/loans/:loanId/auto-repay',
    {
      config: { roles: ['app', 'reviewer', 'analyst', 'collector'] },
      schema: {
        tags: ['loans'],
        summary: "A loan's auto-repay: state, card, notice, consents (who asked) and attempts.",
        params: LoanParams,
        response: { 200: AutoRepaySchema, ...Problems },
      },
    },
    async (request) =>
      autoRepayDto(await autoRepay.get({ accountId: request.params.loanId }), await autoRepay.notice()),
  );

  http.put(
    '/v1/loans/:loanId/auto-repay',
    {
      config: { roles: ['app', 'reviewer'] },
      schema: {
        tags: ['loans'],
        summary:
          "Turn a loan's auto-repay on or off on the customer's behalf (recorded as a consent given through staff, with the notice in force).",
        params: LoanParams,
        body: AutoRepayBody,
        response: { 200: AutoRepaySchema, ...Problems },
      },
    },
    async (request) => {
      const view = await autoRepay.set({
        accountId: request.params.loanId,
        ...request.body,
        actor: { kind: 'staff', name: staffNameOf(request) },
      });
      return autoRepayDto(view, await autoRepay.notice());
    },
  );

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
}
