import { Type, type Static } from 'typebox';
import { registerPayoutRoute } from '../payments/auto-repay.routes.ts';
import { registerReversalRoute } from '../shared/reversal.routes.ts';
import { facilityOverrideView } from '../facilities/facility-override-view.ts';
import type { Services } from '../../services.ts';
import { ACCOUNT_KINDS, type ContractBalances } from '../../ledger/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import {
  DateString,
  IdString,
  MoneyString,
  ProblemSchema,
  RateString,
  StringEnum,
} from '../../platform/http/schemas.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { parseMoney, toDecimalString, type Money } from '../../platform/money/money.ts';
import { parseRate, toExactRateString } from '../../platform/money/rate.ts';
import { parseLocalDate } from '../../platform/time/local-date.ts';
import { formatReportedRate } from '../shared/irr.ts';
import {
  availableCredit,
  FACILITY_PRODUCTS,
  FACILITY_STATUSES,
  parseProductCode,
  PRODUCT_CODES,
  productCodeOf,
  type Facility,
} from '../facilities/facility.ts';
import {
  OVERRIDE_REASON_CODES,
  type FacilityOverride,
  type OverrideActor,
} from '../facilities/facility-override.ts';
import type { OverrideOutcome } from '../facilities/facility-override-service.ts';
import type { Principal } from '../../platform/auth/api-keys.ts';
import { HARDSHIP_TOOLS, REPAYMENT_INTENTS, REVERSAL_REASONS, type Outstanding } from './loan-state.ts';
import type {
  DrawdownRefusal,
  LoanStatement,
  LoanView,
  PayoutReceipt,
  RepaymentReceipt,
  ReversalReceipt,
} from './loan-service.ts';
import type { LoanEventRecord } from './loans.pg.ts';
import { generateSchedule, INTEREST_BASES, REPAYMENT_METHODS, type Schedule } from './schedule.ts';
import { BUCKETS, type PayoffQuote } from './servicing.ts';

/**
 * `/v1/loans…`: drawdown, repayment, payoff quote, schedule, statement of account; `/v1/customers/:id/…`
 * for a customer's loans and facilities. Money commands need an `Idempotency-Key` header. Amounts are
 * decimal yuan strings; rates decimal fraction strings; dates YYYY-MM-DD.
 */

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 1,
    maxLength: 200,
    pattern: '^[\\x21-\\x7e]+$',
    description:
      'A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result.',
  }),
});

const ScheduleLineDto = Type.Object({
  period: Type.Integer(),
  dueDate: Type.String(),
  days: Type.Integer(),
  principal: MoneyString(),
  interest: MoneyString(),
  payment: MoneyString(),
  balance: MoneyString(),
});

const ScheduleDto = Type.Object({
  method: StringEnum(REPAYMENT_METHODS),
  basis: StringEnum(INTEREST_BASES),
  lines: Type.Array(ScheduleLineDto),
  totalInterest: MoneyString(),
  totalPayment: MoneyString(),
  apr: Type.String({ description: 'Annualised rate by IRR (periodic IRR × 12), fees included.' }),
});

const OutstandingDto = Type.Object({
  principal: MoneyString(),
  interest: MoneyString(),
  penalty: MoneyString(),
  heldForCustomer: MoneyString(),
  writtenOff: MoneyString(),
});

const InstalmentDto = Type.Object({
  period: Type.Integer(),
  dueDate: Type.String(),
  status: StringEnum(['paid', 'due', 'overdue', 'upcoming', 'written-off'] as const),
  principal: MoneyString(),
  interest: MoneyString(),
  penalty: MoneyString(),
  paid: MoneyString(),
  owed: MoneyString(),
  daysPastDue: Type.Integer(),
  settledOn: Type.Union([Type.String(), Type.Null()]),
});

export const LoanDto = Type.Object({
  id: Type.String(),
  customerId: Type.String(),
  facilityId: Type.String(),
  status: StringEnum(['active', 'closed', 'written_off'] as const),
  principal: MoneyString(),
  upfrontFee: MoneyString(),
  apr: Type.String({ description: 'Contract rate, a decimal fraction.' }),
  aprByIrr: Type.String({
    description: 'Annualised rate by IRR over the contract cash flows, fees included.',
  }),
  term: Type.Integer(),
  method: StringEnum(REPAYMENT_METHODS),
  basis: StringEnum(INTEREST_BASES),
  startDate: Type.String(),
  asOf: Type.String({ description: 'The last business date the loan has been processed through.' }),
  daysPastDue: Type.Integer(),
  bucket: StringEnum(BUCKETS),
  outstanding: OutstandingDto,
  nextDue: Type.Union([Type.Object({ dueDate: Type.String(), amount: MoneyString() }), Type.Null()]),
  instalments: Type.Array(InstalmentDto),
  closedOn: Type.Union([Type.String(), Type.Null()]),
  writtenOffOn: Type.Union([Type.String(), Type.Null()]),
});

export const RepaymentDto = Type.Object({
  loanId: Type.String(),
  seq: Type.Integer(),
  amount: MoneyString(),
  intent: StringEnum(REPAYMENT_INTENTS),
  effectiveDate: Type.String(),
  restated: Type.Boolean({
    description: 'The value date was in the past and the books were restated from it.',
  }),
  allocation: Type.Object({
    principal: MoneyString(),
    interest: MoneyString(),
    penalty: MoneyString(),
    recovered: MoneyString(),
    held: MoneyString('Held for the customer (net).'),
  }),
  accrualChange: Type.Object({ interest: MoneyString(), penalty: MoneyString() }),
  outstanding: OutstandingDto,
  status: StringEnum(['active', 'closed', 'written_off'] as const),
  journalIds: Type.Array(Type.String()),
});

const PayoutDto = Type.Object({
  loanId: Type.String(),
  seq: Type.Integer({ description: "The payout's number among the loan's events." }),
  amount: MoneyString('Paid back to the customer, in yuan.'),
  effectiveDate: Type.String(),
  heldBefore: MoneyString('Held for the customer just before the payout.'),
  outstanding: OutstandingDto,
  status: StringEnum(['active', 'closed', 'written_off'] as const),
  journalIds: Type.Array(Type.String()),
});

const ReversalDto = Type.Object({
  loanId: Type.String(),
  seq: Type.Integer({ description: "The reversal's number among the loan's events." }),
  reverses: Type.Integer({ description: 'The repayment undone.' }),
  reason: StringEnum(REVERSAL_REASONS),
  amount: MoneyString('The amount of the repayment undone, in yuan.'),
  paidOn: Type.String({ description: 'The day the repayment had been received.' }),
  effectiveDate: Type.String({ description: 'The day the books were restated.' }),
  outstandingBefore: OutstandingDto,
  outstanding: OutstandingDto,
  daysPastDue: Type.Integer({ minimum: 0 }),
  status: StringEnum(['active', 'closed', 'written_off'] as const),
  journalIds: Type.Array(Type.String()),
});

const LoanEventDto = Type.Object({
  seq: Type.Integer(),
  kind: StringEnum([
    'repayment',
    'write-off',
    'payout',
    'reserve',
    'release',
    'reversal',
    'hardship',
  ] as const),
  effectiveDate: Type.String(),
  amount: Type.Union([MoneyString(), Type.Null()]),
  intent: Type.Union([StringEnum(REPAYMENT_INTENTS), Type.Null()]),
  reverses: Type.Union([
    Type.Integer({ description: 'For a reversal: the seq of the repayment it undid.' }),
    Type.Null(),
  ]),
  reason: Type.Union([StringEnum(REVERSAL_REASONS), Type.Null()]),
  hardshipRequestId: Type.Union([
    Type.String({ description: 'For a hardship change: the request it carried out (GET …/hardship/{id}).' }),
    Type.Null(),
  ]),
  hardshipTool: Type.Union([StringEnum(HARDSHIP_TOOLS), Type.Null()]),
  receivedAt: Type.String(),
});

const BalancesDto = Type.Record(Type.String(), MoneyString(), {
  description: 'Balance of each account kind with money on it, in yuan.',
});

const StatementDto = Type.Object({
  loan: LoanDto,
  from: Type.String(),
  to: Type.String(),
  opening: BalancesDto,
  closing: BalancesDto,
  entries: Type.Array(
    Type.Object({
      journalId: Type.String(),
      date: Type.String(),
      kind: Type.String(),
      description: Type.String(),
      lines: Type.Array(Type.Object({ account: Type.String(), side: Type.String(), amount: MoneyString() })),
    }),
  ),
});

const FacilityDto = Type.Object({
  id: Type.String(),
  customerId: Type.String(),
  product: StringEnum(PRODUCT_CODES, { description: 'The product code, as decisions and policies name it.' }),
  status: StringEnum(FACILITY_STATUSES),
  limit: MoneyString(),
  used: MoneyString(),
  available: MoneyString(),
  apr: Type.String(),
  decisionId: Type.String(),
  statusReason: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
});

const LoanParams = Type.Object({ loanId: IdString('loan') });
const CustomerParams = Type.Object({ customerId: IdString('customer') });
const FacilityParams = Type.Object({
  customerId: IdString('customer'),
  product: StringEnum([...PRODUCT_CODES, ...FACILITY_PRODUCTS] as const, {
    description: 'cash_loan or credit_line (the spellings cash-loan and credit-line are still accepted).',
  }),
});

const s = (amount: Money) => toDecimalString(amount);

export function outstandingDto(o: Outstanding): Static<typeof OutstandingDto> {
  return {
    principal: s(o.principal),
    interest: s(o.interest),
    penalty: s(o.penalty),
    heldForCustomer: s(o.overpayment),
    writtenOff: s(o.writtenOff),
  };
}

export function scheduleDto(schedule: Schedule): Static<typeof ScheduleDto> {
  return {
    method: schedule.terms.method,
    basis: schedule.terms.basis,
    lines: schedule.lines.map((line) => ({
      period: line.period,
      dueDate: line.dueDate,
      days: line.days,
      principal: s(line.principal),
      interest: s(line.interest),
      payment: s(line.payment),
      balance: s(line.balance),
    })),
    totalInterest: s(schedule.totalInterest),
    totalPayment: s(schedule.totalPayment),
    apr: formatReportedRate(schedule.apr),
  };
}

export function loanDto(view: LoanView): Static<typeof LoanDto> {
  const c = view.contract;
  return {
    id: c.loanId,
    customerId: c.customerId,
    facilityId: c.facilityId,
    status: view.status,
    principal: s(c.principal),
    upfrontFee: s(c.upfrontFee),
    apr: toExactRateString(c.apr),
    aprByIrr: formatReportedRate(view.aprByIrr),
    term: c.term,
    method: c.method,
    basis: c.basis,
    startDate: c.startDate,
    asOf: view.asOf,
    daysPastDue: view.daysPastDue,
    bucket: view.bucket,
    outstanding: outstandingDto(view.outstanding),
    nextDue: view.nextDue ? { dueDate: view.nextDue.dueDate, amount: s(view.nextDue.amount) } : null,
    instalments: view.instalments.map((i) => ({
      period: i.period,
      dueDate: i.dueDate,
      status: i.status,
      principal: s(i.principal),
      interest: s(i.interest),
      penalty: s(i.penalty),
      paid: s(i.paid),
      owed: s(i.owed),
      daysPastDue: i.daysPastDue,
      settledOn: i.settledOn,
    })),
    closedOn: view.closedOn,
    writtenOffOn: view.writtenOffOn,
  };
}

export function repaymentDto(receipt: RepaymentReceipt): Static<typeof RepaymentDto> {
  const a = receipt.allocation;
  return {
    loanId: receipt.loanId,
    seq: receipt.seq,
    amount: s(receipt.amount),
    intent: receipt.intent,
    effectiveDate: receipt.effectiveDate,
    restated: receipt.restated,
    allocation: {
      principal: s(a.principal),
      interest: s(a.interest),
      penalty: s(a.penalty),
      recovered: s(a.recovered),
      held: s(a.held),
    },
    accrualChange: { interest: s(receipt.accrualChange.interest), penalty: s(receipt.accrualChange.penalty) },
    outstanding: outstandingDto(receipt.outstanding),
    status: receipt.status,
    journalIds: [...receipt.journalIds],
  };
}

export function payoutDto(receipt: PayoutReceipt): Static<typeof PayoutDto> {
  return {
    loanId: receipt.loanId,
    seq: receipt.seq,
    amount: s(receipt.amount),
    effectiveDate: receipt.effectiveDate,
    heldBefore: s(receipt.heldBefore),
    outstanding: outstandingDto(receipt.outstanding),
    status: receipt.status,
    journalIds: [...receipt.journalIds],
  };
}

export function reversalDto(receipt: ReversalReceipt): Static<typeof ReversalDto> {
  return {
    loanId: receipt.loanId,
    seq: receipt.seq,
    reverses: receipt.reverses,
    reason: receipt.reason,
    amount: s(receipt.amount),
    paidOn: receipt.paidOn,
    effectiveDate: receipt.effectiveDate,
    outstandingBefore: outstandingDto(receipt.outstandingBefore),
    outstanding: outstandingDto(receipt.outstanding),
    daysPastDue: receipt.daysPastDue,
    status: receipt.status,
    journalIds: [...receipt.journalIds],
  };
}

export function loanEventDto(event: LoanEventRecord): Static<typeof LoanEventDto> {
  return {
    seq: event.seq,
    kind: event.kind,
    effectiveDate: event.effectiveDate,
    amount:
      event.kind === 'repayment' ||
      event.kind === 'payout' ||
      event.kind === 'reserve' ||
      event.kind === 'release'
        ? s(event.amount)
        : event.kind === 'hardship' && event.change.tool === 'settlement'
          ? s(event.change.amount)
          : null,
    intent: event.kind === 'repayment' ? event.intent : null,
    reverses: event.kind === 'reversal' ? event.reverses : null,
    reason: event.kind === 'reversal' ? event.reason : null,
    hardshipRequestId: event.kind === 'hardship' ? event.requestId : null,
    hardshipTool: event.kind === 'hardship' ? event.change.tool : null,
    receivedAt: event.receivedAt.toISOString(),
  };
}

function balancesDto(balances: ContractBalances): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kind of ACCOUNT_KINDS) {
    const value = balances[kind];
    if (value !== undefined && value !== 0n) out[kind] = s(value);
  }
  return out;
}

export function statementDto(statement: LoanStatement): Static<typeof StatementDto> {
  return {
    loan: loanDto(statement.loan),
    from: statement.from,
    to: statement.to,
    opening: balancesDto(statement.opening),
    closing: balancesDto(statement.closing),
    entries: statement.entries.map((entry) => ({
      journalId: entry.journalId,
      date: entry.date,
      kind: entry.kind,
      description: entry.description,
      lines: entry.lines.map((line) => ({ account: line.kind, side: line.side, amount: s(line.amount) })),
    })),
  };
}

export function facilityDto(facility: Facility): Static<typeof FacilityDto> {
  return {
    id: facility.id,
    customerId: facility.customerId,
    product: productCodeOf(facility.product),
    status: facility.status,
    limit: s(facility.limit),
    used: s(facility.used),
    available: s(availableCredit(facility)),
    apr: toExactRateString(facility.apr),
    decisionId: facility.decisionId,
    statusReason: facility.statusReason,
    version: facility.version,
  };
}

export function quoteDto(quote: PayoffQuote) {
  return {
    date: quote.date,
    principal: s(quote.principal),
    interest: s(quote.interest),
    penalty: s(quote.penalty),
    heldForCustomer: s(quote.heldForCustomer),
    total: s(quote.total),
  };
}

function declined(refusal: DrawdownRefusal): AppError {
  const details: Record<string, unknown> = { reason: refusal.reason };
  if (refusal.reason === 'insufficient-available-credit') {
    details.available = s(refusal.available);
    details.requested = s(refusal.requested);
  }
  if (refusal.reason === 'facility-not-active') details.facilityStatus = refusal.status;
  const message =
    refusal.reason === 'insufficient-available-credit'
      ? `the amount is above the available credit of ${s(refusal.available)}`
      : refusal.reason === 'no-facility'
        ? 'the customer has no approved cash-loan limit'
        : refusal.reason === 'facility-not-active'
          ? `the cash-loan limit is ${refusal.status}`
          : 'a loan is past due or written off';
  return new AppError('UNPROCESSABLE', message, { details });
}

const errors = { 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

const OverrideParams = Type.Object({
  customerId: IdString('customer'),
  product: FacilityParams.properties.product,
  overrideId: IdString('facilityOverride'),
});

const OverrideDto = Type.Object({
  id: Type.String(),
  customerId: Type.String(),
  product: StringEnum(PRODUCT_CODES),
  decisionId: Type.String(),
  limit: MoneyString(),
  apr: Type.String(),
  reasons: Type.Array(Type.Object({ code: Type.String(), note: Type.String() })),
  status: StringEnum(['pending', 'applied', 'rejected'] as const),
  needsSecondPerson: Type.Boolean(),
  maker: Type.Object({ keyId: Type.String(), name: Type.String() }),
  checker: Type.Union([Type.Object({ keyId: Type.String(), name: Type.String() }), Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  facilityVersion: Type.Union([Type.Integer(), Type.Null()]),
  proposedAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
});

const OverrideOutcomeDto = Type.Object({
  facility: Type.Union([FacilityDto, Type.Null()]),
  change: StringEnum(['opened', 'adjusted', 'unchanged', 'pending'] as const),
  override: Type.Union([OverrideDto, Type.Null()]),
  replayed: Type.Boolean({ description: 'Always false; kept for callers of the earlier response.' }),
});

/** The API's override document is the facilities context's view (the CLI prints the same with --json). */
function overrideDto(override: FacilityOverride): Static<typeof OverrideDto> {
  return facilityOverrideView(override);
}

function overrideOutcomeDto(outcome: OverrideOutcome): Static<typeof OverrideOutcomeDto> {
  return {
    facility: outcome.facility ? facilityDto(outcome.facility) : null,
    change: outcome.change,
    override: outcome.override && overrideDto(outcome.override),
    replayed: false,
  };
}

/** The person acting: the API key and the name it was issued under (maker-checker compares both). */
function actorOf(request: { principal?: Principal }): OverrideActor {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'an API key is required');
  return { keyId: request.principal.keyId, name: request.principal.name };
}

export function registerLoanRoutes(
  http: HttpServer,
  services: Pick<Services, 'loans' | 'facilities' | 'facilityOverrides' | 'autoRepay'>,
): void {
  const { loans, facilities, facilityOverrides: overrides, autoRepay } = services;

  http.post(
    '/v1/loans',
    {
      config: { roles: ['app'] },
      schema: {
        tags: ['loans'],
        summary: "Draw down a cash loan within the customer's available credit.",
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            customerId: IdString('customer'),
            amount: MoneyString('Principal in yuan.'),
            term: Type.Integer({ minimum: 1, maximum: 360, description: 'Months: 3, 6 or 12 by default.' }),
            method: StringEnum(REPAYMENT_METHODS),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            loan: LoanDto,
            schedule: ScheduleDto,
            paidOut: MoneyString(),
            availableAfter: MoneyString(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const result = await loans.drawdown({
        customerId: request.body.customerId,
        amount: parseMoney(request.body.amount, 'amount'),
        term: request.body.term,
        method: request.body.method,
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (result.outcome === 'declined') throw declined(result.refusal);
      const view = await loans.getLoan(result.receipt.loanId);
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send({
        loan: loanDto(view),
        schedule: scheduleDto(result.receipt.schedule),
        paidOut: s(result.receipt.paidOut),
        availableAfter: s(result.receipt.availableAfter),
      });
    },
  );

  http.get(
    '/v1/loans/:loanId',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['loans'],
        summary: 'A loan: status, buckets, what is owed.',
        params: LoanParams,
        response: { 200: LoanDto, 404: ProblemSchema },
      },
    },
    async (request) => loanDto(await loans.getLoan(request.params.loanId)),
  );

  http.get(
    '/v1/customers/:customerId/loans',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['loans'],
        summary: "A customer's loans.",
        params: CustomerParams,
        response: { 200: Type.Object({ loans: Type.Array(LoanDto) }) },
      },
    },
    async (request) => ({ loans: (await loans.listLoans(request.params.customerId)).map(loanDto) }),
  );

  http.post(
    '/v1/loans/:loanId/repayments',
    {
      config: { roles: ['app', 'reviewer'] },
      schema: {
        tags: ['loans'],
        summary:
          'Repay: what is due (scheduled) or early (prepayment); a past value date restates the books.',
        params: LoanParams,
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            amount: MoneyString('Amount received, in yuan.'),
            intent: Type.Optional(StringEnum(REPAYMENT_INTENTS, { default: 'scheduled' })),
            effectiveDate: Type.Optional(DateString('Value date; today when omitted.')),
          },
          { additionalProperties: false },
        ),
        response: { 201: RepaymentDto, ...errors },
      },
    },
    async (request, reply) => {
      const result = await loans.repay({
        loanId: request.params.loanId,
        amount: parseMoney(request.body.amount, 'amount'),
        intent: request.body.intent ?? 'scheduled',
        effectiveDate:
          request.body.effectiveDate === undefined
            ? undefined
            : parseLocalDate(request.body.effectiveDate, 'effectiveDate'),
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(repaymentDto(result.receipt));
    },
  );

  registerReversalRoute(http, {
    collection: 'loans',
    payments: 'repayments',
    idKind: 'loan',
    tag: 'loans',
    summary:
      'Reverse a repayment that did not stand (returned by the bank, charged back): the books are restated as if it had never been received.',
    paymentWord: 'repayment',
    headers: IdempotencyHeaders,
    errors,
    receipt: ReversalDto,
    reverse: async ({ contractId, ...request }) => {
      const result = await loans.reverseRepayment({ loanId: contractId, ...request });
      return { receipt: reversalDto(result.receipt), replayed: result.replayed };
    },
  });

  http.post(
    '/v1/loans/:loanId/write-off',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['loans'],
        summary: 'Write a loan off today (its receivables go to write-off expense).',
        params: LoanParams,
        headers: IdempotencyHeaders,
        response: { 201: RepaymentDto, ...errors },
      },
    },
    async (request, reply) => {
      const result = await loans.writeOff({
        loanId: request.params.loanId,
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(repaymentDto(result.receipt));
    },
  );

  registerPayoutRoute(http, autoRepay, {
    path: '/v1/loans/:loanId/payouts',
    tag: 'loans',
    summary:
      'Pay money held for the customer (overpayment) back to their bound card through the payment provider: all of it by default, never more than is held. 201: the provider confirmed and the payout is booked; 200: not booked — refused (the money stays held, the reason says why) or no answer yet (status unknown, asked again later, never sent twice). The customer is told either way.',
    params: LoanParams,
    headers: IdempotencyHeaders,
    errors,
    receipt: PayoutDto,
    accountIdOf: (params) => params.loanId,
    bookedReceipt: async (loanId, payout) =>
      payoutDto(
        (await loans.payout({ loanId, amount: payout.amount, idempotencyKey: payout.payoutId })).receipt,
      ),
  });

  http.get(
    '/v1/loans/:loanId/events',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['loans'],
        summary: "The loan's event history: repayments, write-off and payouts, in the order they arrived.",
        params: LoanParams,
        response: {
          200: Type.Object({ loanId: Type.String(), events: Type.Array(LoanEventDto) }),
          404: ProblemSchema,
        },
      },
    },
    async (request) => ({
      loanId: request.params.loanId,
      events: (await loans.events(request.params.loanId)).map(loanEventDto),
    }),
  );

  http.get(
    '/v1/loans/:loanId/payoff-quote',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['loans'],
        summary: 'What paying off on a date takes (interest up to and including that day).',
        params: LoanParams,
        querystring: Type.Object({ date: Type.Optional(DateString()) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            date: Type.String(),
            principal: MoneyString(),
            interest: MoneyString(),
            penalty: MoneyString(),
            heldForCustomer: MoneyString(),
            total: MoneyString(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const date = request.query.date === undefined ? undefined : parseLocalDate(request.query.date, 'date');
      return quoteDto(await loans.payoffQuote(request.params.loanId, date));
    },
  );

  http.get(
    '/v1/loans/:loanId/schedule',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['loans'],
        summary: 'The contract schedule and every instalment as it stands.',
        params: LoanParams,
        response: {
          200: Type.Object({
            loanId: Type.String(),
            contract: ScheduleDto,
            instalments: Type.Array(InstalmentDto),
          }),
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const view = await loans.getLoan(request.params.loanId);
      const c = view.contract;
      const contract = generateSchedule({
        principal: c.principal,
        apr: c.apr,
        term: c.term,
        method: c.method,
        basis: c.basis,
        startDate: c.startDate,
        upfrontFee: c.upfrontFee,
      });
      return { loanId: c.loanId, contract: scheduleDto(contract), instalments: loanDto(view).instalments };
    },
  );

  http.get(
    '/v1/loans/:loanId/statement',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['loans'],
        summary: 'Statement of account: opening and closing balances and every entry between two dates.',
        params: LoanParams,
        querystring: Type.Object(
          { from: Type.Optional(DateString()), to: Type.Optional(DateString()) },
          { additionalProperties: false },
        ),
        response: { 200: StatementDto, ...errors },
      },
    },
    async (request) => {
      const from = request.query.from === undefined ? undefined : parseLocalDate(request.query.from, 'from');
      const to = request.query.to === undefined ? undefined : parseLocalDate(request.query.to, 'to');
      return statementDto(await loans.statement(request.params.loanId, { from, to }));
    },
  );

  http.post(
    '/v1/loan-schedules',
    {
      config: { roles: ['app', 'analyst', 'reviewer'] },
      schema: {
        tags: ['loans'],
        summary: 'Preview a repayment schedule (nothing is stored).',
        body: Type.Object(
          {
            principal: MoneyString(),
            apr: RateString(),
            term: Type.Integer({ minimum: 1, maximum: 360 }),
            method: StringEnum(REPAYMENT_METHODS),
            basis: StringEnum(INTEREST_BASES),
            start: DateString(),
          },
          { additionalProperties: false },
        ),
        response: { 200: ScheduleDto, 422: ProblemSchema },
      },
    },
    async (request) =>
      scheduleDto(
        generateSchedule({
          principal: parseMoney(request.body.principal, 'principal'),
          apr: parseRate(request.body.apr, 'apr'),
          term: request.body.term,
          method: request.body.method,
          basis: request.body.basis,
          startDate: parseLocalDate(request.body.start, 'start'),
        }),
      ),
  );

  http.get(
    '/v1/customers/:customerId/facilities',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['facilities'],
        summary: "A customer's credit facilities: limit, used, available.",
        params: CustomerParams,
        response: { 200: Type.Object({ facilities: Type.Array(FacilityDto) }) },
      },
    },
    async (request) => ({
      facilities: (await facilities.listFacilities(request.params.customerId)).map(facilityDto),
    }),
  );

  http.put(
    '/v1/customers/:customerId/facilities/:product',
    {
      config: { roles: [] },
      schema: {
        tags: ['facilities'],
        summary:
          "Override a facility's terms by hand: names an approved decision of this customer and product, " +
          "stays within the product's range and the legal cap, carries reasons; above the second-person " +
          'threshold it waits for another person (202) — approve with …/overrides/{overrideId}/approve.',
        params: FacilityParams,
        body: Type.Object(
          {
            limit: MoneyString(),
            apr: RateString(),
            decisionId: IdString('decision'),
            reasons: Type.Array(
              Type.Object(
                {
                  code: StringEnum(OVERRIDE_REASON_CODES),
                  note: Type.String({ minLength: 1, maxLength: 500 }),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 5, description: 'Why the terms are changed by hand.' },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: OverrideOutcomeDto,
          202: OverrideOutcomeDto,
          403: ProblemSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const outcome = await overrides.propose(
        {
          customerId: request.params.customerId,
          product: parseProductCode(request.params.product, 'params.product'),
          limit: parseMoney(request.body.limit, 'limit'),
          apr: parseRate(request.body.apr, 'apr'),
          decisionId: request.body.decisionId,
          reasons: request.body.reasons,
        },
        actorOf(request),
      );
      if (outcome.change === 'pending') void reply.code(202);
      return overrideOutcomeDto(outcome);
    },
  );

  http.get(
    '/v1/customers/:customerId/facilities/:product/overrides',
    {
      config: { roles: ['reviewer', 'analyst'] },
      schema: {
        tags: ['facilities'],
        summary: "A facility's overrides, newest first: pending, applied and rejected.",
        params: FacilityParams,
        response: { 200: Type.Object({ overrides: Type.Array(OverrideDto) }), ...errors },
      },
    },
    async (request) => ({
      overrides: (
        await overrides.list(
          request.params.customerId,
          parseProductCode(request.params.product, 'params.product'),
        )
      ).map(overrideDto),
    }),
  );

  http.post(
    '/v1/customers/:customerId/facilities/:product/overrides/:overrideId/approve',
    {
      config: { roles: [] },
      schema: {
        tags: ['facilities'],
        summary:
          'Approve a pending override as the second person (another key under another name); it is checked ' +
          'again, then applied.',
        params: OverrideParams,
        response: { 200: OverrideOutcomeDto, 403: ProblemSchema, ...errors },
      },
    },
    async (request) =>
      overrideOutcomeDto(
        await overrides.approve(
          request.params.customerId,
          parseProductCode(request.params.product, 'params.product'),
          request.params.overrideId,
          actorOf(request),
        ),
      ),
  );

  http.post(
    '/v1/customers/:customerId/facilities/:product/overrides/:overrideId/reject',
    {
      config: { roles: [] },
      schema: {
        tags: ['facilities'],
        summary: 'Reject (or, by its maker, withdraw) a pending override; the facility is unchanged.',
        params: OverrideParams,
        body: Type.Object(
          { note: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ override: OverrideDto }), ...errors },
      },
    },
    async (request) => ({
      override: overrideDto(
        await overrides.reject(
          request.params.customerId,
          parseProductCode(request.params.product, 'params.product'),
          request.params.overrideId,
          request.body.note,
          actorOf(request),
        ),
      ),
    }),
  );

  for (const action of ['freeze', 'reactivate'] as const) {
    http.post(
      `/v1/customers/:customerId/facilities/:product/${action}`,
      {
        config: { roles: ['reviewer'] },
        schema: {
          tags: ['facilities'],
          summary:
            action === 'freeze'
              ? 'Freeze a facility: no new drawing.'
              : 'Reactivate a frozen or suspended facility.',
          params: FacilityParams,
          body: Type.Object(
            { reason: Type.String({ minLength: 1, maxLength: 200 }) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ facility: FacilityDto }), ...errors },
        },
      },
      async (request) => {
        const input = {
          customerId: request.params.customerId,
          product: parseProductCode(request.params.product, 'params.product'),
          reason: request.body.reason,
        };
        const facility =
          action === 'freeze'
            ? await facilities.freezeFacility(input)
            : await facilities.reactivateFacility(input);
        return { facility: facilityDto(facility) };
      },
    );
  }
}
