import { Type, type Static, type TSchema } from 'typebox';
import { registerPayoutRoute } from '../payments/auto-repay.routes.ts';
import { registerReversalRoute } from '../shared/reversal.routes.ts';
import type { Services } from '../../services.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { DateString, IdString, MoneyString, ProblemSchema, StringEnum } from '../../platform/http/schemas.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { parseMoney, toDecimalString, type Money } from '../../platform/money/money.ts';
import { toExactRateString } from '../../platform/money/rate.ts';
import { parseLocalDate } from '../../platform/time/local-date.ts';
import { FACILITY_STATUSES } from '../facilities/facility.ts';
import { BUCKETS } from '../loans/servicing.ts';
import { formatReportedRate } from '../shared/irr.ts';
import { REVERSAL_REASONS } from '../shared/reversals.ts';
import type {
  ConversionReceipt,
  ConversionRequest,
  ConversionSource,
  CreditReceipt,
  LineReversalReceipt,
  LineView,
  MinimumDue,
  PayoutReceipt,
  PlanSettlementReceipt,
  PurchaseReceipt,
  PurchaseRefusal,
} from './credit-line-service.ts';
import type { ConversionOffer } from './instalment-conversion.ts';
import type { LimitReviewRecord } from './limit-reviews.pg.ts';
import type { LineBalances, StatementDocument, WrittenOff } from './line-servicing.ts';
import type { LineWriteOffReceipt } from './line-receipts.ts';
import { CONVERSION_TERMS, currentStatementDay } from './line-terms.ts';
import { LINE_CHANGE_KINDS } from './line-lifecycle.ts';
import type { LineChangeReceipt, LineChangeResult, Requester } from './line-lifecycle-service.ts';
import { actorOfPrincipal } from '../../platform/audit/audit-log.ts';
import type { FastifyRequest } from 'fastify';

/**
 * `/v1/lines…`: open a line, purchases, refunds, payments, payouts, statements, instalment offers and
 * conversions.
 * Money commands need an `Idempotency-Key` header. Amounts are decimal yuan strings; rates decimal fraction
 * strings; dates YYYY-MM-DD.
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

const BalancesDto = Type.Object({
  billedPrincipal: MoneyString(),
  billedInterest: MoneyString(),
  billedFees: MoneyString(),
  unbilledPrincipal: MoneyString(),
  unbilledInterest: MoneyString(),
  unbilledLateFees: MoneyString('Late fees charged in the cycle, billed on the next statement.'),
  instalmentsNotYetBilled: MoneyString(),
  heldForCustomer: MoneyString(),
  principalOwed: MoneyString('All principal owed, revolving and converted: the limit in use.'),
  payoff: MoneyString('Everything owed less money held: what clears the line today.'),
});

const TemporaryDto = Type.Object({
  amount: MoneyString('Extra credit on top of the limit.'),
  until: Type.String({ description: 'Its last day (inclusive).' }),
});

export const LineChangeDto = Type.Object({
  lineId: Type.String(),
  change: StringEnum(LINE_CHANGE_KINDS),
  seq: Type.Integer({ description: "The change's number in the line's history." }),
  effectiveDate: Type.String(),
  facilityStatus: StringEnum(FACILITY_STATUSES),
  limit: MoneyString(),
  used: MoneyString(),
  available: MoneyString(),
  temporary: Type.Union([TemporaryDto, Type.Null()]),
  customerLimitCap: Type.Union([MoneyString(), Type.Null()]),
  closedOn: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown(), {
    description:
      "The change's figures (amounts as yuan strings); a statement-day change: from, to, lastOnOldDay, itsDueDate, firstOnNewDay, firstOnNewDayDue.",
  }),
});

export function lineChangeDto(r: LineChangeReceipt): Static<typeof LineChangeDto> {
  return {
    lineId: r.lineId,
    change: r.change,
    seq: r.seq,
    effectiveDate: r.effectiveDate,
    facilityStatus: r.facilityStatus,
    limit: s(r.limit),
    used: s(r.used),
    available: s(r.available),
    temporary: r.temporary === null ? null : { amount: s(r.temporary.amount), until: r.temporary.until },
    customerLimitCap: r.customerLimitCap === null ? null : s(r.customerLimitCap),
    closedOn: r.closedOn,
    detail: { ...r.detail },
  };
}

const PlanSettlementDto = Type.Object({
  lineId: Type.String(),
  planId: Type.String(),
  effectiveDate: Type.String(),
  principal: MoneyString('Every principal the plan had not billed: billed on the next statement.'),
  period: Type.Integer({ description: 'The period it is billed in (the last now).' }),
  billedOn: Type.String({ description: 'The next statement date.' }),
  fee: MoneyString("That period's fee, billed as scheduled."),
  feesWaived: MoneyString('The fees of the periods after it, never billed.'),
  periodsWaived: Type.Integer(),
});

export function planSettlementDto(r: PlanSettlementReceipt): Static<typeof PlanSettlementDto> {
  return {
    lineId: r.lineId,
    planId: r.planId,
    effectiveDate: r.effectiveDate,
    principal: s(r.principal),
    period: r.period,
    billedOn: r.billedOn,
    fee: s(r.fee),
    feesWaived: s(r.feesWaived),
    periodsWaived: r.periodsWaived,
  };
}

const LineHistoryDto = Type.Object({
  seq: Type.Integer(),
  kind: StringEnum(LINE_CHANGE_KINDS),
  effectiveDate: Type.String(),
  requestedBy: Type.String({ description: "'customer', 'staff:<id>', 'key:<id>' or 'system'." }),
  reason: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown(), {
    description: 'The figures of the change (amounts as yuan strings).',
  }),
});

export const WrittenOffDto = Type.Object({
  on: Type.String({ description: 'The business date the line was written off.' }),
  principal: MoneyString('Principal written off (revolving and instalment plans, billed or not).'),
  interest: MoneyString('Interest written off.'),
  fees: MoneyString('Late fees and instalment fees written off.'),
  total: MoneyString('Everything written off.'),
  recovered: MoneyString('Received on it since (recoveries).'),
  outstanding: MoneyString(
    'Still owed by the customer: written off less recovered (0 once settled for less: the rest is forgiven).',
  ),
  settledOn: Type.Optional(
    Type.String({
      description:
        'The date the line was settled for less than owed (a hardship settlement): the customer paid the agreed amount and what was written off is forgiven. Absent: written off only.',
    }),
  ),
});

function writtenOffDto(w: WrittenOff): Static<typeof WrittenOffDto> {
  return {
    on: w.on,
    principal: s(w.principal),
    interest: s(w.interest),
    fees: s(w.fees),
    total: s(w.total),
    recovered: s(w.recovered),
    outstanding: s(w.outstanding),
    ...(w.settledOn ? { settledOn: w.settledOn } : {}),
  };
}

export const LineWriteOffDto = Type.Object({
  lineId: Type.String(),
  seq: Type.Integer({ description: "The write-off's number among the line's events." }),
  effectiveDate: Type.String(),
  reason: Type.String(),
  daysPastDue: Type.Integer({ description: 'Days past due on the day, before the write-off.' }),
  writtenOff: WrittenOffDto,
  journalIds: Type.Array(Type.String(), { description: 'One journal per contract written off.' }),
});

export function lineWriteOffDto(r: LineWriteOffReceipt): Static<typeof LineWriteOffDto> {
  return {
    lineId: r.lineId,
    seq: r.seq,
    effectiveDate: r.effectiveDate,
    reason: r.reason,
    daysPastDue: r.daysPastDue,
    writtenOff: writtenOffDto(r.writtenOff),
    journalIds: [...r.journalIds],
  };
}

export const LineDto = Type.Object({
  id: Type.String(),
  customerId: Type.String(),
  facilityId: Type.String(),
  openedOn: Type.String(),
  statementDay: Type.Integer(),
  due: Type.Object({
    dayOfMonth: Type.Optional(
      Type.Integer({ description: 'Due on this day of the month after the statement.' }),
    ),
    daysAfterStatement: Type.Optional(
      Type.Integer({ description: 'Due this many days after the statement date.' }),
    ),
  }),
  dailyRate: Type.String({ description: 'Interest a day on principal that bears it, a decimal fraction.' }),
  interestFrom: StringEnum(['posting-date', 'day-after-due'] as const),
  asOf: Type.String({ description: 'The last business date the line has been processed through.' }),
  facility: Type.Object({
    status: StringEnum(FACILITY_STATUSES),
    limit: MoneyString(),
    used: MoneyString(),
    available: MoneyString('limit + a running temporary limit − used; 0 unless active.'),
    temporary: Type.Union([TemporaryDto, Type.Null()], {
      description: 'A temporary limit (临时额度) on top of the limit, while it runs.',
    }),
  }),
  customerLimitCap: Type.Union([MoneyString(), Type.Null()], {
    description: 'The limit the customer asked for: reviews never set the limit above it until they lift it.',
  }),
  closedOn: Type.Union([Type.String(), Type.Null()], { description: 'When the line was closed.' }),
  writtenOff: Type.Union([WrittenOffDto, Type.Null()], {
    description:
      'The charge-off, once the line is written off (by the day-end past the days-past-due limit, or by staff): what was owed then by component, recovered since, still owed. Nothing accrues after it; the balances are 0 because the debt is off the books, not paid.',
  }),
  daysPastDue: Type.Integer(),
  bucket: StringEnum(BUCKETS),
  balances: BalancesDto,
  nextStatementDate: Type.String(),
  openStatements: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      statementDate: Type.String(),
      dueDate: Type.String(),
      minimumPayment: MoneyString(),
      minimumOutstanding: MoneyString(),
      owed: MoneyString(),
      graceLost: Type.Boolean(),
      settledOn: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  plans: Type.Array(
    Type.Object({
      planId: Type.String(),
      source: Type.Object({
        statementSeq: Type.Optional(Type.Integer()),
        purchaseId: Type.Optional(Type.String()),
        workoutRequestId: Type.Optional(
          Type.String({
            description:
              'A workout plan: the hardship request (reschedule) that moved the line’s whole balance into it.',
          }),
        ),
      }),
      createdOn: Type.String(),
      principal: MoneyString(),
      term: Type.Integer(),
      feeRate: Type.String(),
      feePerPeriod: MoneyString(
        'The fee of each period still to bill (a workout plan: the charge of the next period, which falls as the plan is paid).',
      ),
      billedPeriods: Type.Integer(),
      status: StringEnum(['active', 'cancelled', 'settled', 'written-off'] as const, {
        description:
          'cancelled: a refund of the converted purchase took every period not yet billed off the plan, or a reschedule moved what it was owed into a workout plan; written-off: written off with its line.',
      }),
      refunded: MoneyString('Principal refunds took off the periods not yet billed.'),
      cancelledOn: Type.Union([Type.String(), Type.Null()]),
      parts: Type.Array(MoneyString(), {
        description: 'Principal of each period: billed as billed, the rest as scheduled now.',
      }),
      principalNotYetBilled: MoneyString(),
      principalOwed: MoneyString(),
      aprByIrr: Type.String({ description: 'The rate of the offer accepted (annualised by IRR).' }),
      remainingAprByIrr: Type.Union([Type.String(), Type.Null()], {
        description: 'The same rate of what is still to bill, as it stands now; null when nothing is.',
      }),
    }),
  ),
  onTimeCycles: Type.Integer(),
});

export const StatementDto = Type.Object({
  seq: Type.Integer(),
  statementDate: Type.String(),
  dueDate: Type.String(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  openingBalance: MoneyString(),
  purchases: MoneyString(),
  refunds: MoneyString('Refunds credited to the balance.'),
  instalmentRefunds: MoneyString(
    'Refunds of converted purchases taken off instalments not yet billed (they lower instalmentsNotYetBilled, not the closing balance).',
  ),
  payments: MoneyString(),
  lateFees: MoneyString(
    'Late fees (违约金) charged in the cycle for a missed minimum, within the all-in cost cap.',
  ),
  payouts: MoneyString('Money held for the customer paid out to them.'),
  reversals: MoneyString(
    'Payments reversed (returned by the bank, charged back) after a statement showed them, with what restating the books without them changed on statements already sent; raises the closing balance.',
  ),
  waivers: MoneyString(
    'Interest, instalment fees and late fees waived by goodwill (hardship) in the cycle, billed or not; lowers the closing balance.',
  ),
  fees: MoneyString(),
  interest: MoneyString(),
  instalmentPrincipal: MoneyString(),
  converted: MoneyString(),
  closingBalance: MoneyString(),
  minimumPayment: MoneyString(),
  instalmentsNotYetBilled: MoneyString(),
  instalments: Type.Array(
    Type.Object({
      planId: Type.String(),
      period: Type.Integer(),
      term: Type.Integer(),
      principal: MoneyString(),
      fee: MoneyString(),
    }),
  ),
});

export const CreditDto = Type.Object({
  lineId: Type.String(),
  kind: StringEnum(['payment', 'refund'] as const),
  seq: Type.Integer(),
  amount: MoneyString(),
  effectiveDate: Type.String(),
  restated: Type.Boolean({
    description: 'The value date was in the past and the books were restated from it.',
  }),
  allocation: Type.Object({
    fees: MoneyString(),
    interest: MoneyString(),
    principal: MoneyString(),
    unbilledInstalments: MoneyString(
      "Of principal: taken off a converted purchase's instalments not yet billed.",
    ),
    held: MoneyString('Held for the customer (net).'),
    recovered: MoneyString(
      'On a written-off line: what paid the debt written off (a recovery); 0 otherwise.',
    ),
  }),
  interestChange: MoneyString('Interest booked by this change; negative when reversed.'),
  balances: BalancesDto,
  daysPastDue: Type.Integer(),
  availableAfter: MoneyString(),
  journalIds: Type.Array(Type.String()),
});

const MinimumDueDto = Type.Object({
  seq: Type.Integer({ description: 'The statement.' }),
  dueDate: Type.String(),
  minimumOutstanding: MoneyString('What is left of its minimum payment.'),
});

export const LineReversalDto = Type.Object({
  lineId: Type.String(),
  seq: Type.Integer({ description: "The reversal's number among the line's events." }),
  reverses: Type.Integer({ description: 'The payment undone.' }),
  reason: StringEnum(REVERSAL_REASONS),
  amount: MoneyString('The amount of the payment undone, in yuan.'),
  paidOn: Type.String({ description: 'The value date the payment had.' }),
  effectiveDate: Type.String({ description: 'The day the books were restated.' }),
  balancesBefore: BalancesDto,
  balances: BalancesDto,
  interestChange: MoneyString('Interest booked by the restatement (grace lost, days unpaid again).'),
  lateFeeChange: MoneyString('Late fees booked by the restatement.'),
  minimumsBefore: Type.Array(MinimumDueDto),
  minimums: Type.Array(MinimumDueDto),
  daysPastDueBefore: Type.Integer({ minimum: 0 }),
  daysPastDue: Type.Integer({ minimum: 0 }),
  availableAfter: MoneyString(),
  journalIds: Type.Array(Type.String()),
});

export function lineReversalDto(r: LineReversalReceipt): Static<typeof LineReversalDto> {
  const minimums = (list: readonly MinimumDue[]) =>
    list.map((m) => ({ seq: m.seq, dueDate: m.dueDate, minimumOutstanding: s(m.minimumOutstanding) }));
  return {
    lineId: r.lineId,
    seq: r.seq,
    reverses: r.reverses,
    reason: r.reason,
    amount: s(r.amount),
    paidOn: r.paidOn,
    effectiveDate: r.effectiveDate,
    balancesBefore: balancesDto(r.balancesBefore),
    balances: balancesDto(r.balances),
    interestChange: s(r.interestChange),
    lateFeeChange: s(r.lateFeeChange),
    minimumsBefore: minimums(r.minimumsBefore),
    minimums: minimums(r.minimums),
    daysPastDueBefore: r.daysPastDueBefore,
    daysPastDue: r.daysPastDue,
    availableAfter: s(r.availableAfter),
    journalIds: [...r.journalIds],
  };
}

const PayoutDto = Type.Object({
  lineId: Type.String(),
  seq: Type.Integer(),
  amount: MoneyString(),
  effectiveDate: Type.String(),
  heldBefore: MoneyString(),
  heldAfter: MoneyString(),
  balances: BalancesDto,
  journalIds: Type.Array(Type.String()),
});

export const OfferDto = Type.Object({
  amount: MoneyString(),
  term: Type.Integer(),
  feeRate: Type.String({ description: 'Fee each period as a fraction of the converted amount.' }),
  principalParts: Type.Array(MoneyString()),
  feePerPeriod: MoneyString(),
  totalFees: MoneyString(),
  instalments: Type.Array(MoneyString()),
  aprByIrr: Type.String({ description: 'Annualised rate by IRR (periodic IRR × 12), fees included.' }),
});

const SourceBody = Type.Union([
  Type.Object({ statementSeq: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  Type.Object({ purchaseId: IdString('purchase') }, { additionalProperties: false }),
]);

const ConversionBody = Type.Object(
  {
    source: SourceBody,
    term: Type.Integer({ enum: [...CONVERSION_TERMS], description: 'Periods: 3, 6, 9 or 12.' }),
    amount: Type.Optional(MoneyString('For a statement: the part of its revolving principal to convert.')),
  },
  { additionalProperties: false },
);

const LineParams = Type.Object({ lineId: IdString('line') });

const LocalizedDto = Type.Object({ zh: Type.String(), en: Type.String() });

const ReviewDto = Type.Object({
  id: Type.String(),
  lineId: Type.String(),
  trigger: StringEnum(['monthly', 'on-demand'] as const),
  status: StringEnum(['pending', 'applied'] as const),
  decisionId: Type.Union([Type.String(), Type.Null()], {
    description: 'The limit_review decision (replayable).',
  }),
  outcome: Type.Union([StringEnum(['approved', 'declined', 'referred'] as const), Type.Null()]),
  action: Type.Union([
    StringEnum(['raised', 'lowered', 'unchanged', 'frozen', 'reactivated', 'none'] as const),
    Type.Null(),
  ]),
  limitBefore: Type.Union([MoneyString(), Type.Null()]),
  limitAfter: Type.Union([MoneyString(), Type.Null()]),
  facilityStatusBefore: Type.Union([Type.String(), Type.Null()]),
  facilityStatusAfter: Type.Union([Type.String(), Type.Null()]),
  onTimeCycles: Type.Union([Type.Integer(), Type.Null()]),
  reasons: Type.Array(Type.Object({ code: Type.String(), text: LocalizedDto })),
  message: Type.Union([LocalizedDto, Type.Null()], { description: 'What the customer reads, zh-CN and en.' }),
  requestedAt: Type.String(),
  appliedAt: Type.Union([Type.String(), Type.Null()]),
});

export function reviewDto(r: LimitReviewRecord): Static<typeof ReviewDto> {
  return {
    id: r.id,
    lineId: r.lineId,
    trigger: r.trigger,
    status: r.status,
    decisionId: r.decisionId,
    outcome: r.outcome,
    action: r.action,
    limitBefore: r.limitBefore === null ? null : s(r.limitBefore),
    limitAfter: r.limitAfter === null ? null : s(r.limitAfter),
    facilityStatusBefore: r.facilityStatusBefore,
    facilityStatusAfter: r.facilityStatusAfter,
    onTimeCycles: r.onTimeCycles,
    reasons: r.reasons.map((reason) => ({
      code: reason.code,
      text: { zh: reason.text.zh, en: reason.text.en },
    })),
    message: r.message,
    requestedAt: r.requestedAt.toISOString(),
    appliedAt: r.appliedAt === null ? null : r.appliedAt.toISOString(),
  };
}

const s = (amount: Money) => toDecimalString(amount);

function balancesDto(b: LineBalances): Static<typeof BalancesDto> {
  return {
    billedPrincipal: s(b.billedPrincipal),
    billedInterest: s(b.billedInterest),
    billedFees: s(b.billedFees),
    unbilledPrincipal: s(b.unbilledPrincipal),
    unbilledInterest: s(b.unbilledInterest),
    unbilledLateFees: s(b.unbilledLateFees),
    instalmentsNotYetBilled: s(b.instalmentsNotYetBilled),
    heldForCustomer: s(b.heldForCustomer),
    principalOwed: s(b.principalOwed),
    payoff: s(b.payoff),
  };
}

export function lineDto(view: LineView): Static<typeof LineDto> {
  const t = view.terms;
  return {
    id: t.lineId,
    customerId: t.customerId,
    facilityId: t.facilityId,
    openedOn: t.openedOn,
    statementDay: currentStatementDay(t),
    due:
      'dayOfMonth' in t.due
        ? { dayOfMonth: t.due.dayOfMonth }
        : { daysAfterStatement: t.due.daysAfterStatement },
    dailyRate: toExactRateString(t.dailyRate),
    interestFrom: t.interestFrom,
    asOf: view.asOf,
    facility: {
      status: view.facility.status,
      limit: s(view.facility.limit),
      used: s(view.facility.used),
      available: s(view.facility.available),
      temporary:
        view.facility.temporary === null
          ? null
          : { amount: s(view.facility.temporary.amount), until: view.facility.temporary.until },
    },
    customerLimitCap: view.customerLimitCap === null ? null : s(view.customerLimitCap),
    closedOn: view.closedOn,
    writtenOff: view.writtenOff === null ? null : writtenOffDto(view.writtenOff),
    daysPastDue: view.daysPastDue,
    bucket: view.bucket,
    balances: balancesDto(view.balances),
    nextStatementDate: view.nextStatementDate,
    openStatements: view.openStatements.map((o) => ({
      seq: o.seq,
      statementDate: o.statementDate,
      dueDate: o.dueDate,
      minimumPayment: s(o.minimumPayment),
      minimumOutstanding: s(o.minimumOutstanding),
      owed: s(o.owed),
      graceLost: o.graceLost,
      settledOn: o.settledOn,
    })),
    plans: view.plans.map((p) => ({
      planId: p.planId,
      source:
        p.source.kind === 'statement'
          ? { statementSeq: p.source.statementSeq }
          : p.source.kind === 'purchase'
            ? { purchaseId: p.source.purchaseId }
            : { workoutRequestId: p.source.requestId },
      createdOn: p.createdOn,
      principal: s(p.principal),
      term: p.term,
      feeRate: toExactRateString(p.feeRate),
      feePerPeriod: s(p.feePerPeriod),
      billedPeriods: p.billedPeriods,
      status: p.status,
      refunded: s(p.refunded),
      cancelledOn: p.cancelledOn,
      parts: p.parts.map(s),
      principalNotYetBilled: s(p.principalNotYetBilled),
      principalOwed: s(p.principalOwed),
      aprByIrr: formatReportedRate(p.aprByIrr),
      remainingAprByIrr: p.remainingAprByIrr === null ? null : formatReportedRate(p.remainingAprByIrr),
    })),
    onTimeCycles: view.onTimeCycles,
  };
}

export function statementDto(st: StatementDocument): Static<typeof StatementDto> {
  return {
    seq: st.seq,
    statementDate: st.statementDate,
    dueDate: st.dueDate,
    periodStart: st.periodStart,
    periodEnd: st.periodEnd,
    openingBalance: s(st.openingBalance),
    purchases: s(st.purchases),
    refunds: s(st.refunds),
    instalmentRefunds: s(st.instalmentRefunds),
    payments: s(st.payments),
    payouts: s(st.payouts),
    reversals: s(st.reversals),
    waivers: s(st.waivers),
    lateFees: s(st.lateFees),
    fees: s(st.fees),
    interest: s(st.interest),
    instalmentPrincipal: s(st.instalmentPrincipal),
    converted: s(st.converted),
    closingBalance: s(st.closingBalance),
    minimumPayment: s(st.minimumPayment),
    instalmentsNotYetBilled: s(st.instalmentsNotYetBilled),
    instalments: st.instalments.map((i) => ({
      planId: i.planId,
      period: i.period,
      term: i.term,
      principal: s(i.principal),
      fee: s(i.fee),
    })),
  };
}

export function creditDto(r: CreditReceipt): Static<typeof CreditDto> {
  return {
    lineId: r.lineId,
    kind: r.kind,
    seq: r.seq,
    amount: s(r.amount),
    effectiveDate: r.effectiveDate,
    restated: r.restated,
    allocation: {
      fees: s(r.allocation.fees),
      interest: s(r.allocation.interest),
      principal: s(r.allocation.principal),
      unbilledInstalments: s(r.allocation.unbilledInstalments),
      held: s(r.allocation.held),
      recovered: s(r.allocation.recovered),
    },
    interestChange: s(r.interestChange),
    balances: balancesDto(r.balances),
    daysPastDue: r.daysPastDue,
    availableAfter: s(r.availableAfter),
    journalIds: [...r.journalIds],
  };
}

export function payoutDto(r: PayoutReceipt): Static<typeof PayoutDto> {
  return {
    lineId: r.lineId,
    seq: r.seq,
    amount: s(r.amount),
    effectiveDate: r.effectiveDate,
    heldBefore: s(r.heldBefore),
    heldAfter: s(r.heldAfter),
    balances: balancesDto(r.balances),
    journalIds: [...r.journalIds],
  };
}

export function purchaseDto(r: PurchaseReceipt) {
  return {
    lineId: r.lineId,
    purchaseId: r.purchaseId,
    amount: s(r.amount),
    effectiveDate: r.effectiveDate,
    heldUsed: s(r.heldUsed),
    availableAfter: s(r.availableAfter),
    journalIds: [...r.journalIds],
  };
}

/** A conversion's receipt on the wire: the staff route and the customer's (/v1/me) answer the same. */
export function conversionReceiptDto(r: ConversionReceipt) {
  return { lineId: r.lineId, planId: r.planId, effectiveDate: r.effectiveDate, offer: offerDto(r.offer) };
}

export function offerDto(o: ConversionOffer): Static<typeof OfferDto> {
  return {
    amount: s(o.amount),
    term: o.term,
    feeRate: toExactRateString(o.feeRate),
    principalParts: o.principalParts.map(s),
    feePerPeriod: s(o.feePerPeriod),
    totalFees: s(o.totalFees),
    instalments: o.instalments.map(s),
    aprByIrr: formatReportedRate(o.aprByIrr),
  };
}

function declined(refusal: PurchaseRefusal): AppError {
  const details: Record<string, unknown> = { reason: refusal.reason };
  let message: string;
  switch (refusal.reason) {
    case 'insufficient-available-credit':
      details.available = s(refusal.available);
      details.requested = s(refusal.requested);
      message = `the amount is above the available credit of ${s(refusal.available)}`;
      break;
    case 'facility-not-active':
      details.facilityStatus = refusal.status;
      message = `the credit line is ${refusal.status}`;
      break;
    case 'line-overdue':
      details.daysPastDue = refusal.daysPastDue;
      message = `the line is ${refusal.daysPastDue} days past due (more than ${refusal.limit})`;
      break;
    case 'line-written-off':
      details.writtenOffOn = refusal.writtenOffOn;
      message = `the line was written off on ${refusal.writtenOffOn}; it takes no more purchases`;
      break;
  }
  return new AppError('UNPROCESSABLE', message, { details });
}

function conversionRequest(lineId: string, body: Static<typeof ConversionBody>): ConversionRequest {
  const source: ConversionSource =
    'statementSeq' in body.source
      ? { statementSeq: body.source.statementSeq }
      : { purchaseId: body.source.purchaseId };
  return {
    lineId,
    source,
    term: body.term,
    ...(body.amount === undefined ? {} : { amount: parseMoney(body.amount, 'amount') }),
  };
}

const errors = { 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const readers = ['app', 'reviewer', 'analyst'] as const;

export function registerCreditLineRoutes(
  http: HttpServer,
  services: Pick<Services, 'creditLines' | 'lineReviews' | 'autoRepay'>,
): void {
  const { creditLines, lineReviews, autoRepay } = services;

  http.post(
    '/v1/lines/:lineId/reviews',
    {
      config: { roles: ['app', 'reviewer'] },
      schema: {
        tags: ['credit lines'],
        summary:
          'Review the limit now: a decision of kind limit_review, applied to the facility (raise, lower, freeze).',
        params: LineParams,
        headers: IdempotencyHeaders,
        response: { 201: ReviewDto, ...errors },
      },
    },
    async (request, reply) => {
      const review = await lineReviews.review({
        lineId: request.params.lineId,
        idempotencyKey: request.headers['idempotency-key'],
      });
      return reply.status(201).send(reviewDto(review));
    },
  );

  http.get(
    '/v1/lines/:lineId/reviews',
    {
      config: { roles: [...readers] },
      schema: {
        tags: ['credit lines'],
        summary: "A line's limit reviews, newest first, with what each did and the customer's message.",
        params: LineParams,
        response: { 200: Type.Object({ reviews: Type.Array(ReviewDto) }), 404: ProblemSchema },
      },
    },
    async (request) => ({ reviews: (await lineReviews.listReviews(request.params.lineId)).map(reviewDto) }),
  );

  http.post(
    '/v1/lines',
    {
      config: { roles: ['app'] },
      schema: {
        tags: ['credit lines'],
        summary: "Open the customer's credit line on their credit-line limit (the existing line if open).",
        body: Type.Object(
          {
            customerId: IdString('customer'),
            statementDay: Type.Optional(
              Type.Integer({ minimum: 1, maximum: 31, description: 'Day of the month.' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: LineDto, 201: LineDto, ...errors },
      },
    },
    async (request, reply) => {
      const { line, opened } = await creditLines.openLine({
        customerId: request.body.customerId,
        ...(request.body.statementDay === undefined ? {} : { statementDay: request.body.statementDay }),
      });
      return reply.status(opened ? 201 : 200).send(lineDto(line));
    },
  );

  http.get(
    '/v1/lines/:lineId',
    {
      config: { roles: [...readers] },
      schema: {
        tags: ['credit lines'],
        summary: 'A line: limit, what is owed, open statements, instalment plans, days past due.',
        params: LineParams,
        response: { 200: LineDto, 404: ProblemSchema },
      },
    },
    async (request) => lineDto(await creditLines.getLine(request.params.lineId)),
  );

  http.get(
    '/v1/customers/:customerId/lines',
    {
      config: { roles: [...readers] },
      schema: {
        tags: ['credit lines'],
        summary: "A customer's credit lines.",
        params: Type.Object({ customerId: IdString('customer') }),
        response: { 200: Type.Object({ lines: Type.Array(LineDto) }) },
      },
    },
    async (request) => ({ lines: (await creditLines.listLines(request.params.customerId)).map(lineDto) }),
  );

  http.post(
    '/v1/lines/:lineId/purchases',
    {
      config: { roles: ['app'] },
      schema: {
        tags: ['credit lines'],
        summary: 'A purchase against the available limit; 422 with `reason` when declined.',
        params: LineParams,
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            amount: MoneyString('Amount in yuan.'),
            description: Type.String({ minLength: 1, maxLength: 200, description: 'Merchant and item.' }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            lineId: Type.String(),
            purchaseId: Type.String(),
            amount: MoneyString(),
            effectiveDate: Type.String(),
            heldUsed: MoneyString('Money held for the customer that paid for it.'),
            availableAfter: MoneyString(),
            journalIds: Type.Array(Type.String()),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const result = await creditLines.purchase({
        lineId: request.params.lineId,
        amount: parseMoney(request.body.amount, 'amount'),
        description: request.body.description,
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (result.outcome === 'declined') throw declined(result.refusal);
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(purchaseDto(result.receipt));
    },
  );

  http.post(
    '/v1/lines/:lineId/refunds',
    {
      config: { roles: ['app', 'reviewer'] },
      schema: {
        tags: ['credit lines'],
        summary: 'A merchant refund of a purchase (up to what is left of it), credited to the line.',
        params: LineParams,
        headers: IdempotencyHeaders,
        body: Type.Object(
          { purchaseId: IdString('purchase'), amount: MoneyString('Amount refunded, in yuan.') },
          { additionalProperties: false },
        ),
        response: { 201: CreditDto, ...errors },
      },
    },
    async (request, reply) => {
      const result = await creditLines.refund({
        lineId: request.params.lineId,
        purchaseId: request.body.purchaseId,
        amount: parseMoney(request.body.amount, 'amount'),
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(creditDto(result.receipt));
    },
  );

  http.post(
    '/v1/lines/:lineId/payments',
    {
      config: { roles: ['app', 'reviewer'] },
      schema: {
        tags: ['credit lines'],
        summary:
          'A payment, spread by the waterfall; a past value date (within the cycle) restates the books.',
        params: LineParams,
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            amount: MoneyString('Amount received, in yuan.'),
            effectiveDate: Type.Optional(DateString('Value date; today when omitted.')),
          },
          { additionalProperties: false },
        ),
        response: { 201: CreditDto, ...errors },
      },
    },
    async (request, reply) => {
      const result = await creditLines.pay({
        lineId: request.params.lineId,
        amount: parseMoney(request.body.amount, 'amount'),
        ...(request.body.effectiveDate === undefined
          ? {}
          : { effectiveDate: parseLocalDate(request.body.effectiveDate, 'effectiveDate') }),
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(creditDto(result.receipt));
    },
  );

  registerReversalRoute(http, {
    collection: 'lines',
    payments: 'payments',
    idKind: 'line',
    tag: 'credit lines',
    summary:
      'Reverse a payment that did not stand (returned by the bank, charged back): the line is restated as if it had never been made.',
    paymentWord: 'payment',
    headers: IdempotencyHeaders,
    errors,
    receipt: LineReversalDto,
    reverse: async ({ contractId, ...request }) => {
      const result = await creditLines.reversePayment({ lineId: contractId, ...request });
      return { receipt: lineReversalDto(result.receipt), replayed: result.replayed };
    },
  });

  registerPayoutRoute(http, autoRepay, {
    path: '/v1/lines/:lineId/payouts',
    tag: 'credit lines',
    summary:
      'Pay money held for the customer (overpaid or refunded beyond the debt) back to their bound card through the payment provider: all of it by default, never more than is held. 201: the provider confirmed and the payout is booked; 200: not booked — refused (the money stays held, the reason says why) or no answer yet (status unknown, asked again later, never sent twice). The customer is told either way.',
    params: LineParams,
    headers: IdempotencyHeaders,
    errors,
    receipt: PayoutDto,
    accountIdOf: (params) => params.lineId,
    bookedReceipt: async (lineId, payout) =>
      payoutDto(
        (await creditLines.payout({ lineId, amount: payout.amount, idempotencyKey: payout.payoutId }))
          .receipt,
      ),
  });

  http.post(
    '/v1/lines/:lineId/write-off',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['credit lines'],
        summary:
          'Write the line off today (charge-off by hand; the day-end does so past the days-past-due limit): everything owed moves to write-off expense, spending stops, later payments are recoveries.',
        description:
          'As a cash loan is written off (reviewer, no second person). 422 `lineId` / `not-written-off` (written off already), `lineId` / `owes-something` (nothing owed: close it), `line` / `line-open` (closed), `reason` / `length`.',
        params: LineParams,
        headers: IdempotencyHeaders,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 200, description: 'Why, 1–200 characters.' }) },
          { additionalProperties: false },
        ),
        response: { 201: LineWriteOffDto, ...errors },
      },
    },
    async (request, reply) => {
      const result = await creditLines.writeOff({
        lineId: request.params.lineId,
        reason: request.body.reason,
        idempotencyKey: request.headers['idempotency-key'],
        requester: requesterOf(request),
      });
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(lineWriteOffDto(result.receipt));
    },
  );

  http.get(
    '/v1/lines/:lineId/statements',
    {
      config: { roles: [...readers] },
      schema: {
        tags: ['credit lines'],
        summary: "A line's statements, oldest first.",
        params: LineParams,
        response: { 200: Type.Object({ statements: Type.Array(StatementDto) }), 404: ProblemSchema },
      },
    },
    async (request) => ({
      statements: (await creditLines.statements(request.params.lineId)).map(statementDto),
    }),
  );

  http.get(
    '/v1/lines/:lineId/statements/:seq',
    {
      config: { roles: [...readers] },
      schema: {
        tags: ['credit lines'],
        summary: 'One statement.',
        // A path parameter is text and nothing is coerced: the number is a string of digits, read here.
        params: Type.Object({
          lineId: IdString('line'),
          seq: Type.String({ pattern: '^[1-9][0-9]{0,8}$', description: 'The statement number, from 1.' }),
        }),
        response: { 200: StatementDto, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request) =>
      statementDto(await creditLines.statement(request.params.lineId, Number(request.params.seq))),
  );

  http.post(
    '/v1/lines/:lineId/conversion-offers',
    {
      config: { roles: [...readers] },
      schema: {
        tags: ['credit lines'],
        summary:
          'What converting a statement or an unbilled purchase into instalments costs; nothing is written.',
        params: LineParams,
        body: ConversionBody,
        response: { 200: OfferDto, ...errors },
      },
    },
    async (request) =>
      offerDto(await creditLines.conversionOffer(conversionRequest(request.params.lineId, request.body))),
  );

  http.post(
    '/v1/lines/:lineId/conversions',
    {
      config: { roles: ['app'] },
      schema: {
        tags: ['credit lines'],
        summary:
          'Convert a statement (before its due date) or an unbilled purchase into 3/6/9/12 instalments.',
        params: LineParams,
        headers: IdempotencyHeaders,
        body: ConversionBody,
        response: {
          201: Type.Object({
            lineId: Type.String(),
            planId: Type.String(),
            effectiveDate: Type.String(),
            offer: OfferDto,
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const result = await creditLines.convert({
        ...conversionRequest(request.params.lineId, request.body),
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(conversionReceiptDto(result.receipt));
    },
  );

  const lifecycleRoute = <B extends TSchema>(
    path: string,
    roles: readonly ('app' | 'reviewer')[],
    summary: string,
    body: B,
    run: (lineId: string, body: Static<B>, key: string, requester: Requester) => Promise<LineChangeResult>,
  ) =>
    http.post(
      path,
      {
        config: { roles: [...roles] },
        schema: {
          tags: ['credit lines'],
          summary,
          params: LineParams,
          headers: IdempotencyHeaders,
          body,
          response: { 201: LineChangeDto, ...errors },
        },
      },
      async (request, reply) => {
        const params = request.params as { lineId: string };
        const headers = request.headers as { 'idempotency-key': string };
        const result = await run(
          params.lineId,
          request.body as Static<B>,
          headers['idempotency-key'],
          requesterOf(request),
        );
        if (result.replayed) void reply.header('idempotent-replayed', 'true');
        return reply.status(201).send(lineChangeDto(result.receipt));
      },
    );

  lifecycleRoute(
    '/v1/lines/:lineId/close',
    ['app', 'reviewer'],
    'Close the line: only at zero balance (nothing owed or held, no instalment plan open); it then accepts nothing more.',
    Type.Object(
      { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
      { additionalProperties: false },
    ),
    (lineId, body, idempotencyKey, requester) =>
      creditLines.close({
        lineId,
        idempotencyKey,
        requester,
        ...(body.reason === undefined ? {} : { reason: body.reason }),
      }),
  );

  lifecycleRoute(
    '/v1/lines/:lineId/limit-requests',
    ['app', 'reviewer'],
    "The customer's lower limit (below the current one, not below what is used): reviews never raise it back until they lift it.",
    Type.Object(
      {
        limit: MoneyString('The limit asked for, in yuan.'),
        reason: Type.String({ minLength: 1, maxLength: 200, description: "The customer's reason." }),
      },
      { additionalProperties: false },
    ),
    (lineId, body, idempotencyKey, requester) =>
      creditLines.requestLowerLimit({
        lineId,
        limit: parseMoney(body.limit, 'limit'),
        reason: body.reason,
        idempotencyKey,
        requester,
      }),
  );

  lifecycleRoute(
    '/v1/lines/:lineId/limit-requests/lift',
    ['app', 'reviewer'],
    "Lift the customer's own limit cap: the limit stays; the next review may raise it.",
    Type.Object({}, { additionalProperties: false }),
    (lineId, _body, idempotencyKey, requester) =>
      creditLines.liftCustomerLimitCap({ lineId, idempotencyKey, requester }),
  );

  lifecycleRoute(
    '/v1/lines/:lineId/temporary-limits',
    ['reviewer'],
    'Grant a temporary limit (临时额度) on top of the limit through a date (at most 90 days); it replaces a running one.',
    Type.Object(
      {
        amount: MoneyString('Extra credit, in yuan.'),
        until: DateString('The last day it can be used.'),
        reason: Type.String({ minLength: 1, maxLength: 200 }),
      },
      { additionalProperties: false },
    ),
    (lineId, body, idempotencyKey, requester) =>
      creditLines.grantTemporaryLimit({
        lineId,
        amount: parseMoney(body.amount, 'amount'),
        until: parseLocalDate(body.until, 'until'),
        reason: body.reason,
        idempotencyKey,
        requester,
      }),
  );

  http.post(
    '/v1/lines/:lineId/plans/:planId/settlement',
    {
      config: { roles: ['app', 'reviewer'] },
      schema: {
        tags: ['credit lines'],
        summary:
          "Settle an instalment plan early: what it has not billed is billed on the next statement with that period's fee; later fees are waived.",
        params: Type.Object({ lineId: IdString('line'), planId: IdString('instalmentPlan') }),
        headers: IdempotencyHeaders,
        response: { 201: PlanSettlementDto, ...errors },
      },
    },
    async (request, reply) => {
      const result = await creditLines.settlePlan({
        lineId: request.params.lineId,
        planId: request.params.planId,
        idempotencyKey: request.headers['idempotency-key'],
        requester: requesterOf(request),
      });
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(planSettlementDto(result.receipt));
    },
  );

  lifecycleRoute(
    '/v1/lines/:lineId/statement-day',
    ['app', 'reviewer'],
    'Change the statement day (at most once in 6 months): the cycle in flight ends on the old day, the next on the first new-day date after its due date.',
    Type.Object(
      { statementDay: Type.Integer({ minimum: 1, maximum: 31, description: 'Day of the month.' }) },
      { additionalProperties: false },
    ),
    (lineId, body, idempotencyKey, requester) =>
      creditLines.changeStatementDay({ lineId, statementDay: body.statementDay, idempotencyKey, requester }),
  );

  http.get(
    '/v1/lines/:lineId/changes',
    {
      config: { roles: [...readers] },
      schema: {
        tags: ['credit lines'],
        summary: "The line's lifecycle changes (close, limits, temporary limits), oldest first.",
        params: LineParams,
        response: { 200: Type.Object({ changes: Type.Array(LineHistoryDto) }), 404: ProblemSchema },
      },
    },
    async (request) => ({
      changes: (await creditLines.changes(request.params.lineId)).map((c) => ({
        seq: c.seq,
        kind: c.kind,
        effectiveDate: c.effectiveDate,
        requestedBy: c.requestedBy,
        reason: c.reason,
        detail: { ...c.detail },
      })),
    }),
  );
}

/** The app acts for the customer; any other caller is staff or an operator's key (audited). */
function requesterOf(request: FastifyRequest): Requester {
  const principal = request.principal;
  if (!principal) throw new AppError('UNAUTHENTICATED', 'an API key or a staff session is required');
  return { onBehalfOfCustomer: principal.role === 'app', actor: actorOfPrincipal(principal) };
}
