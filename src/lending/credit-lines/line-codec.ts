import { AppError } from '../../platform/errors/app-error.ts';
import { moneyFromJson, ZERO, type Money } from '../../platform/money/money.ts';
import { rate, type Rate } from '../../platform/money/rate.ts';
import { ROUNDING_MODES, type Rounding } from '../../platform/money/rounding.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { StatementDocument } from './line-servicing.ts';
import type {
  BilledStatement,
  DueOutcome,
  InstalmentBill,
  InstalmentPlan,
  LineCounters,
  LineHardshipChange,
  LineState,
  PlanCounters,
  PlanSource,
  Posting,
} from './line-state.ts';
import {
  INTEREST_RULES,
  WATERFALL_COMPONENTS,
  type DueRule,
  type InterestRule,
  type LineTerms,
  type WaterfallComponent,
} from './line-terms.ts';

/**
 * Explicit JSON mappings of a line's terms and state for the jsonb columns: bigints (fen, exact fractions)
 * as decimal strings, every field named, nothing passed through unchecked.
 */

type Json = Record<string, unknown>;

function fault(field: string, what: string): AppError {
  return new AppError('INTERNAL', `stored credit-line field ${field} ${what}`);
}

function big(value: unknown, field: string): bigint {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) throw fault(field, 'is not an integer string');
  return BigInt(value);
}

const money = (value: unknown, field: string): Money => moneyFromJson(value, `credit-line.${field}`);

/** A figure added after states were stored (refunds to plans, payouts): zero when absent. */
const laterMoney = (value: unknown, field: string): Money =>
  value === undefined ? ZERO : money(value, field);

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw fault(field, 'is not a string');
  return value;
}

const date = (value: unknown, field: string): LocalDate => text(value, field) as LocalDate;

function int(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw fault(field, 'is not an integer');
  return value;
}

function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw fault(field, 'is not a boolean');
  return value;
}

function list(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw fault(field, 'is not a list');
  return value;
}

function obj(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw fault(field, 'is not an object');
  return value as Json;
}

function oneOf<T extends string>(values: readonly T[], value: unknown, field: string): T {
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value))
    throw fault(field, 'has an unknown value');
  return value as T;
}

const rateJson = (r: Rate): string[] => [r.num.toString(), r.den.toString()];

function rateOf(value: unknown, field: string): Rate {
  const pair = list(value, field);
  if (pair.length !== 2) throw fault(field, 'is not a rate');
  return rate(big(pair[0], field), big(pair[1], field));
}

function dueRuleOf(value: unknown): DueRule {
  const j = obj(value, 'due');
  return 'daysAfterStatement' in j
    ? { daysAfterStatement: int(j.daysAfterStatement, 'due.daysAfterStatement') }
    : { dayOfMonth: int(j.dayOfMonth, 'due.dayOfMonth') };
}

export function encodeTerms(terms: LineTerms): Json {
  const feeRates: Json = {};
  for (const [term, feeRate] of Object.entries(terms.conversion.feeRates)) feeRates[term] = rateJson(feeRate);
  return {
    lineId: terms.lineId,
    customerId: terms.customerId,
    facilityId: terms.facilityId,
    productCode: terms.productCode,
    openedOn: terms.openedOn,
    statementDay: terms.statementDay,
    due:
      'daysAfterStatement' in terms.due
        ? { daysAfterStatement: terms.due.daysAfterStatement }
        : { dayOfMonth: terms.due.dayOfMonth },
    dailyRate: rateJson(terms.dailyRate),
    minimumPayment: {
      principalRate: rateJson(terms.minimumPayment.principalRate),
      floor: terms.minimumPayment.floor.toString(),
      rounding: terms.minimumPayment.rounding,
    },
    interestFrom: terms.interestFrom,
    waterfall: { order: [...terms.waterfall.order], mode: terms.waterfall.mode },
    conversion: { feeRates, minAmount: terms.conversion.minAmount.toString() },
    bucketBounds: [...terms.bucketBounds],
    suspendAfterDpd: terms.suspendAfterDpd,
    ...(terms.writeOffAfterDpd === undefined ? {} : { writeOffAfterDpd: terms.writeOffAfterDpd }),
    ...(terms.lateFee
      ? {
          lateFee: {
            rate: rateJson(terms.lateFee.rate),
            floor: terms.lateFee.floor.toString(),
            max: terms.lateFee.max.toString(),
          },
        }
      : {}),
    ...(terms.costCap ? { costCap: rateJson(terms.costCap) } : {}),
    // Written only once there is one, so the terms of lines that never changed read as before.
    ...(terms.statementDayChanges && terms.statementDayChanges.length > 0
      ? {
          statementDayChanges: terms.statementDayChanges.map((c) => ({
            requestedOn: c.requestedOn,
            fromCut: c.fromCut,
            day: c.day,
          })),
        }
      : {}),
  };
}

export function decodeTerms(json: unknown): LineTerms {
  const j = obj(json, 'terms');
  const minimum = obj(j.minimumPayment, 'minimumPayment');
  const waterfall = obj(j.waterfall, 'waterfall');
  const conversion = obj(j.conversion, 'conversion');
  const feeRates: Record<number, Rate> = {};
  for (const [term, value] of Object.entries(obj(conversion.feeRates, 'conversion.feeRates'))) {
    feeRates[Number(term)] = rateOf(value, `conversion.feeRates.${term}`);
  }
  const bounds = list(j.bucketBounds, 'bucketBounds');
  return {
    lineId: text(j.lineId, 'lineId'),
    customerId: text(j.customerId, 'customerId'),
    facilityId: text(j.facilityId, 'facilityId'),
    productCode: text(j.productCode, 'productCode'),
    openedOn: date(j.openedOn, 'openedOn'),
    statementDay: int(j.statementDay, 'statementDay'),
    due: dueRuleOf(j.due),
    dailyRate: rateOf(j.dailyRate, 'dailyRate'),
    minimumPayment: {
      principalRate: rateOf(minimum.principalRate, 'minimumPayment.principalRate'),
      floor: money(minimum.floor, 'minimumPayment.floor'),
      rounding: oneOf<Rounding>(ROUNDING_MODES, minimum.rounding, 'minimumPayment.rounding'),
    },
    interestFrom: oneOf<InterestRule>(INTEREST_RULES, j.interestFrom, 'interestFrom'),
    waterfall: {
      order: list(waterfall.order, 'waterfall.order').map((c) =>
        oneOf<WaterfallComponent>(WATERFALL_COMPONENTS, c, 'waterfall.order'),
      ),
      mode: oneOf(['by-component', 'by-statement'] as const, waterfall.mode, 'waterfall.mode'),
    },
    conversion: { feeRates, minAmount: money(conversion.minAmount, 'conversion.minAmount') },
    bucketBounds: [int(bounds[0], 'bucketBounds[0]'), int(bounds[1], 'bucketBounds[1]')],
    suspendAfterDpd: int(j.suspendAfterDpd, 'suspendAfterDpd'),
    ...(j.writeOffAfterDpd === undefined
      ? {}
      : {
          writeOffAfterDpd: j.writeOffAfterDpd === null ? null : int(j.writeOffAfterDpd, 'writeOffAfterDpd'),
        }),
    ...(j.lateFee === undefined
      ? {}
      : {
          lateFee: {
            rate: rateOf(obj(j.lateFee, 'lateFee').rate, 'lateFee.rate'),
            floor: money(obj(j.lateFee, 'lateFee').floor, 'lateFee.floor'),
            max: money(obj(j.lateFee, 'lateFee').max, 'lateFee.max'),
          },
        }),
    ...(j.costCap === undefined ? {} : { costCap: rateOf(j.costCap, 'costCap') }),
    ...(j.statementDayChanges === undefined
      ? {}
      : {
          statementDayChanges: list(j.statementDayChanges, 'statementDayChanges').map((value, index) => {
            const c = obj(value, `statementDayChanges[${index}]`);
            return {
              requestedOn: date(c.requestedOn, `statementDayChanges[${index}].requestedOn`),
              fromCut: date(c.fromCut, `statementDayChanges[${index}].fromCut`),
              day: int(c.day, `statementDayChanges[${index}].day`),
            };
          }),
        }),
  };
}

const postingJson = (p: Posting): Json => ({ ref: p.ref, date: p.date, amount: p.amount.toString() });

function postingOf(value: unknown, field: string): Posting {
  const j = obj(value, field);
  return {
    ref: text(j.ref, `${field}.ref`),
    date: date(j.date, `${field}.date`),
    amount: money(j.amount, `${field}.amount`),
  };
}

const LINE_COUNTERS: readonly (keyof LineCounters)[] = [
  'purchased',
  'convertedOut',
  'principalRepaid',
  'interestAccrued',
  'interestRepaid',
  'cashReceived',
  'forwardedToPlans',
  'overpaid',
  'overpaymentApplied',
  'paidOut',
];

const PLAN_COUNTERS: readonly (keyof PlanCounters)[] = [
  'converted',
  'feesBilled',
  'principalRepaid',
  'feesRepaid',
];

function countersJson<K extends string>(keys: readonly K[], counters: Readonly<Record<K, Money>>): Json {
  const out: Json = {};
  for (const key of keys) out[key] = counters[key].toString();
  return out;
}

/**
 * Counters by name. A counter added after states were stored (`paidOut`, payouts since migration 0504) reads as
 * zero when absent — it was zero then; any other missing counter is a fault.
 */
function countersOf<K extends string>(
  keys: readonly K[],
  value: unknown,
  field: string,
  addedLater: readonly K[] = [],
): Record<K, Money> {
  const j = obj(value, field);
  const out = {} as Record<K, Money>;
  for (const key of keys) {
    out[key] = j[key] === undefined && addedLater.includes(key) ? ZERO : money(j[key], `${field}.${key}`);
  }
  return out;
}

function billJson(bill: InstalmentBill): Json {
  return {
    planId: bill.planId,
    period: bill.period,
    principal: bill.principal.toString(),
    fee: bill.fee.toString(),
    principalPaid: bill.principalPaid.toString(),
    feePaid: bill.feePaid.toString(),
  };
}

function billOf(value: unknown, field: string): InstalmentBill {
  const j = obj(value, field);
  return {
    planId: text(j.planId, `${field}.planId`),
    period: int(j.period, `${field}.period`),
    principal: money(j.principal, `${field}.principal`),
    fee: money(j.fee, `${field}.fee`),
    principalPaid: money(j.principalPaid, `${field}.principalPaid`),
    feePaid: money(j.feePaid, `${field}.feePaid`),
  };
}

function statementJson(s: BilledStatement): Json {
  return {
    seq: s.seq,
    statementDate: s.statementDate,
    dueDate: s.dueDate,
    revolving: s.revolving.map(postingJson),
    interest: s.interest.toString(),
    interestPaid: s.interestPaid.toString(),
    instalments: s.instalments.map(billJson),
    minimumPayment: s.minimumPayment.toString(),
    billedCreditsAtCut: s.billedCreditsAtCut.toString(),
    dueChecked: s.dueChecked,
    graceLost: s.graceLost,
    interestExact: s.interestExact.toString(),
    interestPosted: s.interestPosted.toString(),
    settledOn: s.settledOn,
    // Late fee figures, written only where they exist (states without late fees stay as they were).
    ...optionalAmounts({
      lateFee: s.lateFee,
      lateFeePaid: s.lateFeePaid,
      lateFeeDue: s.lateFeeDue,
      lateFeeCharged: s.lateFeeCharged,
      principalDays: s.principalDays,
    }),
    ...(s.holiday ? { holiday: true } : {}),
    ...(s.reAged ? { reAged: true } : {}),
  };
}

/** The defined ones of some optional amounts, as strings. */
function optionalAmounts(values: Record<string, bigint | undefined>): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value.toString();
  return out;
}

/** Optional amounts read back: only those present. */
function readOptional<K extends string>(
  j: Json,
  keys: readonly K[],
  field: string,
): Partial<Record<K, Money>> {
  const out: Partial<Record<K, Money>> = {};
  for (const key of keys) if (j[key] !== undefined) out[key] = money(j[key], `${field}.${key}`);
  return out;
}

function statementOf(value: unknown, field: string): BilledStatement {
  const j = obj(value, field);
  return {
    seq: int(j.seq, `${field}.seq`),
    statementDate: date(j.statementDate, `${field}.statementDate`),
    dueDate: date(j.dueDate, `${field}.dueDate`),
    revolving: list(j.revolving, `${field}.revolving`).map((p, i) =>
      postingOf(p, `${field}.revolving[${i}]`),
    ),
    interest: money(j.interest, `${field}.interest`),
    interestPaid: money(j.interestPaid, `${field}.interestPaid`),
    instalments: list(j.instalments, `${field}.instalments`).map((b, i) =>
      billOf(b, `${field}.instalments[${i}]`),
    ),
    minimumPayment: money(j.minimumPayment, `${field}.minimumPayment`),
    billedCreditsAtCut: money(j.billedCreditsAtCut, `${field}.billedCreditsAtCut`),
    dueChecked: bool(j.dueChecked, `${field}.dueChecked`),
    graceLost: bool(j.graceLost, `${field}.graceLost`),
    interestExact: big(j.interestExact, `${field}.interestExact`),
    interestPosted: money(j.interestPosted, `${field}.interestPosted`),
    settledOn: j.settledOn === null ? null : date(j.settledOn, `${field}.settledOn`),
    ...readOptional(j, ['lateFee', 'lateFeePaid', 'lateFeeDue', 'lateFeeCharged'] as const, field),
    ...(j.principalDays === undefined
      ? {}
      : { principalDays: big(j.principalDays, `${field}.principalDays`) }),
    ...(j.holiday === true ? { holiday: true as const } : {}),
    ...(j.reAged === true ? { reAged: true as const } : {}),
  };
}

function sourceJson(source: PlanSource): Json {
  switch (source.kind) {
    case 'statement':
      return { kind: 'statement', statementSeq: source.statementSeq };
    case 'purchase':
      return { kind: 'purchase', purchaseId: source.purchaseId };
    case 'workout':
      return { kind: 'workout', requestId: source.requestId };
  }
}

export function sourceOf(value: unknown, field = 'source'): PlanSource {
  const j = obj(value, field);
  const kind = oneOf(['statement', 'purchase', 'workout'] as const, j.kind, `${field}.kind`);
  if (kind === 'workout') return { kind, requestId: text(j.requestId, `${field}.requestId`) };
  return kind === 'statement'
    ? { kind, statementSeq: int(j.statementSeq, `${field}.statementSeq`) }
    : { kind, purchaseId: text(j.purchaseId, `${field}.purchaseId`) };
}

export { sourceJson as planSourceJson };

function planJson(plan: InstalmentPlan): Json {
  return {
    planId: plan.planId,
    source: sourceJson(plan.source),
    createdOn: plan.createdOn,
    principal: plan.principal.toString(),
    term: plan.term,
    feeRate: rateJson(plan.feeRate),
    feePerPeriod: plan.feePerPeriod.toString(),
    // A workout plan's charge of each period (written only for one).
    ...(plan.fees ? { fees: plan.fees.map((fee) => fee.toString()) } : {}),
    parts: plan.parts.map((part) => part.toString()),
    billedPeriods: plan.billedPeriods,
    refunded: plan.refunded.toString(),
    cancelledOn: plan.cancelledOn,
    ...(plan.earlySettlement ? { earlySettlement: { ...plan.earlySettlement } } : {}),
    ...(plan.writtenOffOn ? { writtenOffOn: plan.writtenOffOn } : {}),
    counters: {
      ...countersJson(PLAN_COUNTERS, plan.counters as Record<(typeof PLAN_COUNTERS)[number], Money>),
      ...optionalAmounts({
        principalWrittenOff: plan.counters.principalWrittenOff,
        feesWrittenOff: plan.counters.feesWrittenOff,
        feesWaived: plan.counters.feesWaived,
        principalRescheduled: plan.counters.principalRescheduled,
        feesRescheduled: plan.counters.feesRescheduled,
      }),
    },
  };
}

function planOf(value: unknown, field: string): InstalmentPlan {
  const j = obj(value, field);
  return {
    planId: text(j.planId, `${field}.planId`),
    source: sourceOf(j.source, `${field}.source`),
    createdOn: date(j.createdOn, `${field}.createdOn`),
    principal: money(j.principal, `${field}.principal`),
    term: int(j.term, `${field}.term`),
    feeRate: rateOf(j.feeRate, `${field}.feeRate`),
    feePerPeriod: money(j.feePerPeriod, `${field}.feePerPeriod`),
    ...(j.fees === undefined
      ? {}
      : { fees: list(j.fees, `${field}.fees`).map((f, i) => money(f, `${field}.fees[${i}]`)) }),
    parts: list(j.parts, `${field}.parts`).map((p, i) => money(p, `${field}.parts[${i}]`)),
    billedPeriods: int(j.billedPeriods, `${field}.billedPeriods`),
    // Absent in states stored before refunds reached plans: nothing refunded, not cancelled.
    refunded: j.refunded === undefined ? ZERO : money(j.refunded, `${field}.refunded`),
    cancelledOn:
      j.cancelledOn === undefined || j.cancelledOn === null
        ? null
        : date(j.cancelledOn, `${field}.cancelledOn`),
    ...(j.earlySettlement === undefined || j.earlySettlement === null
      ? {}
      : {
          earlySettlement: {
            on: date(obj(j.earlySettlement, `${field}.earlySettlement`).on, `${field}.earlySettlement.on`),
            lastPeriod: int(
              obj(j.earlySettlement, `${field}.earlySettlement`).lastPeriod,
              `${field}.earlySettlement.lastPeriod`,
            ),
          },
        }),
    ...(j.writtenOffOn === undefined || j.writtenOffOn === null
      ? {}
      : { writtenOffOn: date(j.writtenOffOn, `${field}.writtenOffOn`) }),
    counters: {
      ...countersOf(PLAN_COUNTERS, j.counters, `${field}.counters`),
      ...readOptional(
        obj(j.counters, `${field}.counters`),
        [
          'principalWrittenOff',
          'feesWrittenOff',
          'feesWaived',
          'principalRescheduled',
          'feesRescheduled',
        ] as const,
        `${field}.counters`,
      ),
    },
  };
}

function outcomeJson(o: DueOutcome): Json {
  return {
    seq: o.seq,
    dueDate: o.dueDate,
    minimumPayment: o.minimumPayment.toString(),
    minimumMet: o.minimumMet,
    paidInFull: o.paidInFull,
    curedOn: o.curedOn,
  };
}

function outcomeOf(value: unknown, field: string): DueOutcome {
  const j = obj(value, field);
  return {
    seq: int(j.seq, `${field}.seq`),
    dueDate: date(j.dueDate, `${field}.dueDate`),
    minimumPayment: money(j.minimumPayment, `${field}.minimumPayment`),
    minimumMet: bool(j.minimumMet, `${field}.minimumMet`),
    paidInFull: bool(j.paidInFull, `${field}.paidInFull`),
    curedOn: j.curedOn === null || j.curedOn === undefined ? null : date(j.curedOn, `${field}.curedOn`),
  };
}

export function encodeLineState(state: LineState): Json {
  return {
    processedThrough: state.processedThrough,
    cycleStart: state.cycleStart,
    nextStatementDate: state.nextStatementDate,
    nextStatementSeq: state.nextStatementSeq,
    lastClosing: state.lastClosing.toString(),
    unbilled: state.unbilled.map(postingJson),
    unbilledInterest: state.unbilledInterest.toString(),
    ...optionalAmounts({ unbilledLateFees: state.unbilledLateFees }),
    cycle: {
      purchases: state.cycle.purchases.toString(),
      refunds: state.cycle.refunds.toString(),
      instalmentRefunds: state.cycle.instalmentRefunds.toString(),
      payments: state.cycle.payments.toString(),
      payouts: state.cycle.payouts.toString(),
      interest: state.cycle.interest.toString(),
      converted: state.cycle.converted.toString(),
      ...optionalAmounts({
        lateFees: state.cycle.lateFees,
        reversals: state.cycle.reversals,
        waivers: state.cycle.waivers,
      }),
    },
    statements: state.statements.map(statementJson),
    plans: state.plans.map(planJson),
    counters: {
      ...countersJson(LINE_COUNTERS, state.counters as Record<(typeof LINE_COUNTERS)[number], Money>),
      ...optionalAmounts({
        lateFeesCharged: state.counters.lateFeesCharged,
        lateFeesRepaid: state.counters.lateFeesRepaid,
        principalWrittenOff: state.counters.principalWrittenOff,
        interestWrittenOff: state.counters.interestWrittenOff,
        lateFeesWrittenOff: state.counters.lateFeesWrittenOff,
        recovered: state.counters.recovered,
        interestWaived: state.counters.interestWaived,
        lateFeesWaived: state.counters.lateFeesWaived,
        interestRescheduled: state.counters.interestRescheduled,
        lateFeesRescheduled: state.counters.lateFeesRescheduled,
      }),
    },
    billedCredits: state.billedCredits.toString(),
    dueOutcomes: state.dueOutcomes.map(outcomeJson),
    suspended: state.suspended,
    // Written only once written off, so other lines' states read as before.
    ...(state.writtenOffOn ? { writtenOffOn: state.writtenOffOn } : {}),
    // Written only while a pay-out holds a reservation (migration 0440).
    ...(state.reserved ? { reserved: state.reserved.toString() } : {}),
    // Written only once settled for less (a hardship settlement), so other lines' states read as before.
    ...(state.settledOn ? { settledOn: state.settledOn } : {}),
    // Written only while a payment holiday runs.
    ...(state.holidayStatements ? { holidayStatements: state.holidayStatements } : {}),
    // Written only while a reschedule holds the days past due.
    ...(state.workoutArrearsSince ? { workoutArrearsSince: state.workoutArrearsSince } : {}),
  };
}

export function decodeLineState(json: unknown): LineState {
  const j = obj(json, 'state');
  const cycle = obj(j.cycle, 'cycle');
  return {
    processedThrough: date(j.processedThrough, 'processedThrough'),
    cycleStart: date(j.cycleStart, 'cycleStart'),
    nextStatementDate: date(j.nextStatementDate, 'nextStatementDate'),
    nextStatementSeq: int(j.nextStatementSeq, 'nextStatementSeq'),
    lastClosing: money(j.lastClosing, 'lastClosing'),
    unbilled: list(j.unbilled, 'unbilled').map((p, i) => postingOf(p, `unbilled[${i}]`)),
    unbilledInterest: money(j.unbilledInterest, 'unbilledInterest'),
    ...readOptional(j, ['unbilledLateFees'] as const, 'state'),
    cycle: {
      purchases: money(cycle.purchases, 'cycle.purchases'),
      refunds: money(cycle.refunds, 'cycle.refunds'),
      instalmentRefunds: laterMoney(cycle.instalmentRefunds, 'cycle.instalmentRefunds'),
      payments: money(cycle.payments, 'cycle.payments'),
      payouts: laterMoney(cycle.payouts, 'cycle.payouts'),
      interest: money(cycle.interest, 'cycle.interest'),
      converted: money(cycle.converted, 'cycle.converted'),
      ...readOptional(cycle, ['lateFees', 'reversals', 'waivers'] as const, 'cycle'),
    },
    statements: list(j.statements, 'statements').map((s, i) => statementOf(s, `statements[${i}]`)),
    plans: list(j.plans, 'plans').map((p, i) => planOf(p, `plans[${i}]`)),
    counters: {
      ...countersOf(LINE_COUNTERS, j.counters, 'counters', ['paidOut']),
      ...readOptional(
        obj(j.counters, 'counters'),
        [
          'lateFeesCharged',
          'lateFeesRepaid',
          'principalWrittenOff',
          'interestWrittenOff',
          'lateFeesWrittenOff',
          'recovered',
          'interestWaived',
          'lateFeesWaived',
          'interestRescheduled',
          'lateFeesRescheduled',
        ] as const,
        'counters',
      ),
    },
    billedCredits: money(j.billedCredits, 'billedCredits'),
    dueOutcomes: list(j.dueOutcomes, 'dueOutcomes').map((o, i) => outcomeOf(o, `dueOutcomes[${i}]`)),
    suspended: bool(j.suspended, 'suspended'),
    ...(j.writtenOffOn === undefined || j.writtenOffOn === null
      ? {}
      : { writtenOffOn: date(j.writtenOffOn, 'writtenOffOn') }),
    ...(j.reserved === undefined ? {} : { reserved: money(j.reserved, 'reserved') }),
    ...(j.settledOn === undefined || j.settledOn === null
      ? {}
      : { settledOn: date(j.settledOn, 'settledOn') }),
    ...(j.holidayStatements === undefined
      ? {}
      : { holidayStatements: int(j.holidayStatements, 'holidayStatements') }),
    ...(j.workoutArrearsSince === undefined || j.workoutArrearsSince === null
      ? {}
      : { workoutArrearsSince: date(j.workoutArrearsSince, 'workoutArrearsSince') }),
  };
}

/** A statement's instalment lines as stored in `credit_line_statements.instalments`. */
export function encodeStatementInstalments(statement: StatementDocument): Json[] {
  return statement.instalments.map((line) => ({
    planId: line.planId,
    period: line.period,
    term: line.term,
    principal: line.principal.toString(),
    fee: line.fee.toString(),
  }));
}

export function decodeStatementInstalments(value: unknown): StatementDocument['instalments'] {
  return list(value, 'instalments').map((item, i) => {
    const j = obj(item, `instalments[${i}]`);
    return {
      planId: text(j.planId, 'planId'),
      period: int(j.period, 'period'),
      term: int(j.term, 'term'),
      principal: money(j.principal, 'principal'),
      fee: money(j.fee, 'fee'),
    };
  });
}

/** A hardship change as stored in `credit_line_events.detail` (amounts in fen as strings). */
export function encodeLineHardshipChange(change: LineHardshipChange): Json {
  if (change.tool === 'settlement') return { tool: change.tool, amount: change.amount.toString() };
  if (change.tool === 'holiday') return { tool: change.tool, statements: change.statements };
  if (change.tool === 're-age') return { tool: change.tool };
  if (change.tool === 'reschedule')
    return {
      tool: change.tool,
      instalments: change.instalments,
      rate: rateJson(change.rate),
      planId: change.planId,
    };
  return {
    tool: change.tool,
    interest: change.interest.toString(),
    fees: change.fees.toString(),
    lateFees: change.lateFees.toString(),
  };
}

export function decodeLineHardshipChange(value: unknown): LineHardshipChange {
  const j = obj(value, 'hardship');
  if (j.tool === 'settlement') return { tool: 'settlement', amount: money(j.amount, 'hardship.amount') };
  if (j.tool === 'holiday') return { tool: 'holiday', statements: int(j.statements, 'hardship.statements') };
  if (j.tool === 're-age') return { tool: 're-age' };
  if (j.tool === 'reschedule')
    return {
      tool: 'reschedule',
      instalments: int(j.instalments, 'hardship.instalments'),
      rate: rateOf(j.rate, 'hardship.rate'),
      planId: text(j.planId, 'hardship.planId'),
    };
  if (j.tool !== 'waiver')
    throw new AppError('INTERNAL', `stored line hardship change has tool ${String(j.tool)}`);
  return {
    tool: 'waiver',
    interest: money(j.interest, 'hardship.interest'),
    fees: money(j.fees, 'hardship.fees'),
    lateFees: money(j.lateFees, 'hardship.lateFees'),
  };
}
