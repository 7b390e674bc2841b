import { AppError } from '../../platform/errors/app-error.ts';
import { moneyFromJson, ZERO, type Money } from '../../platform/money/money.ts';
import { rate } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import {
  REPAYMENT_COMPONENTS,
  type AllocationPolicy,
  type LoanContract,
  type RepaymentComponent,
} from './loan-contract.ts';
import { HARDSHIP_TOOLS } from './loan-state.ts';
import type {
  AmendedSchedule,
  HardshipChange,
  Instalment,
  LoanCounters,
  LoanState,
  LoanStatus,
} from './loan-state.ts';
import { INTEREST_BASES, REPAYMENT_METHODS, type InterestBasis, type RepaymentMethod } from './schedule.ts';

/**
 * Explicit JSON mappings of a loan's contract and state for the jsonb columns: bigints (fen, exact
 * fractions) as decimal strings, every field named, nothing passed through unchecked.
 */

type Json = Record<string, unknown>;

function big(value: unknown, field: string): bigint {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
    throw new AppError('INTERNAL', `stored loan field ${field} is not an integer string`);
  }
  return BigInt(value);
}

function money(value: unknown, field: string): Money {
  return moneyFromJson(value, `loan.${field}`);
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new AppError('INTERNAL', `stored loan field ${field} is not a string`);
  return value;
}

function date(value: unknown, field: string): LocalDate {
  return text(value, field) as LocalDate;
}

function nullableDate(value: unknown, field: string): LocalDate | null {
  return value === null || value === undefined ? null : date(value, field);
}

function oneOf<T extends string>(values: readonly T[], value: unknown, field: string): T {
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    throw new AppError('INTERNAL', `stored loan field ${field} has an unknown value`);
  }
  return value as T;
}

export function encodeContract(contract: LoanContract): Json {
  return {
    loanId: contract.loanId,
    customerId: contract.customerId,
    facilityId: contract.facilityId,
    productCode: contract.productCode,
    principal: contract.principal.toString(),
    apr: [contract.apr.num.toString(), contract.apr.den.toString()],
    term: contract.term,
    method: contract.method,
    basis: contract.basis,
    startDate: contract.startDate,
    dueDates: [...contract.dueDates],
    upfrontFee: contract.upfrontFee.toString(),
    penaltyMultiple: [contract.penaltyMultiple.num.toString(), contract.penaltyMultiple.den.toString()],
    ...(contract.costCap
      ? { costCap: [contract.costCap.num.toString(), contract.costCap.den.toString()] }
      : {}),
    allocation: { order: [...contract.allocation.order], mode: contract.allocation.mode },
    bucketBounds: [...contract.bucketBounds],
    writeOffAfterDpd: contract.writeOffAfterDpd,
  };
}

function ratePair(value: unknown, field: string) {
  if (!Array.isArray(value) || value.length !== 2)
    throw new AppError('INTERNAL', `stored ${field} is not a rate`);
  return rate(big(value[0], field), big(value[1], field));
}

export function decodeContract(json: unknown): LoanContract {
  const j = json as Json;
  const allocation = j.allocation as Json;
  const bounds = j.bucketBounds as unknown[];
  return {
    loanId: text(j.loanId, 'loanId'),
    customerId: text(j.customerId, 'customerId'),
    facilityId: text(j.facilityId, 'facilityId'),
    productCode: text(j.productCode, 'productCode'),
    principal: money(j.principal, 'principal'),
    apr: ratePair(j.apr, 'apr'),
    term: Number(j.term),
    method: oneOf<RepaymentMethod>(REPAYMENT_METHODS, j.method, 'method'),
    basis: oneOf<InterestBasis>(INTEREST_BASES, j.basis, 'basis'),
    startDate: date(j.startDate, 'startDate'),
    dueDates: (j.dueDates as unknown[]).map((d, i) => date(d, `dueDates[${i}]`)),
    upfrontFee: money(j.upfrontFee, 'upfrontFee'),
    penaltyMultiple: ratePair(j.penaltyMultiple, 'penaltyMultiple'),
    ...(j.costCap === undefined ? {} : { costCap: ratePair(j.costCap, 'costCap') }),
    allocation: {
      order: (allocation.order as unknown[]).map((c) =>
        oneOf<RepaymentComponent>(REPAYMENT_COMPONENTS, c, 'allocation.order'),
      ),
      mode: oneOf<AllocationPolicy['mode']>(
        ['by-component', 'by-instalment'],
        allocation.mode,
        'allocation.mode',
      ),
    },
    bucketBounds: [Number(bounds[0]), Number(bounds[1])],
    writeOffAfterDpd: j.writeOffAfterDpd === null ? null : Number(j.writeOffAfterDpd),
  };
}

const COUNTER_KEYS: readonly (keyof LoanCounters)[] = [
  'disbursed',
  'upfrontFee',
  'interestAccrued',
  'penaltyAccrued',
  'cashReceived',
  'principalRepaid',
  'interestRepaid',
  'penaltyRepaid',
  'overpaid',
  'overpaymentApplied',
  'heldPaidOut',
  'principalWrittenOff',
  'interestWrittenOff',
  'penaltyWrittenOff',
  'recovered',
  'interestWaived',
  'penaltyWaived',
];

/** Counters added after states were first stored: absent means nothing of the kind happened. */
const LATER_COUNTERS: ReadonlySet<keyof LoanCounters> = new Set([
  'heldPaidOut',
  'interestWaived',
  'penaltyWaived',
]);

export function encodeState(state: LoanState): Json {
  const counters: Json = {};
  for (const key of COUNTER_KEYS) counters[key] = state.counters[key].toString();
  return {
    processedThrough: state.processedThrough,
    status: state.status,
    nextPeriod: state.nextPeriod,
    unbilledPrincipal: state.unbilledPrincipal.toString(),
    principalPlan: state.principalPlan.map((p) => p.toString()),
    periodExact: state.periodExact.toString(),
    periodPosted: state.periodPosted.toString(),
    periodPaid: state.periodPaid.toString(),
    instalments: state.instalments.map((i) => ({
      period: i.period,
      dueDate: i.dueDate,
      principal: i.principal.toString(),
      interest: i.interest.toString(),
      principalPaid: i.principalPaid.toString(),
      interestPaid: i.interestPaid.toString(),
      penaltyExact: i.penaltyExact.toString(),
      penalty: i.penalty.toString(),
      penaltyPaid: i.penaltyPaid.toString(),
      settledOn: i.settledOn,
      ...(i.penaltyCarried !== undefined ? { penaltyCarried: i.penaltyCarried.toString() } : {}),
      ...(i.reagedOn !== undefined ? { reagedOn: i.reagedOn } : {}),
    })),
    counters,
    closedOn: state.closedOn,
    writtenOffOn: state.writtenOffOn,
    ...(state.schedule
      ? { schedule: { dueDates: [...state.schedule.dueDates], skipped: [...state.schedule.skipped] } }
      : {}),
    carriedInterest: state.carriedInterest.toString(),
    carriedPenalty: state.carriedPenalty.toString(),
    ...(state.settledOn ? { settledOn: state.settledOn } : {}),
    ...(state.reserved ? { reserved: state.reserved.toString() } : {}),
  };
}

export function decodeState(json: unknown): LoanState {
  const j = json as Json;
  const c = j.counters as Json;
  const counters = {} as LoanCounters;
  for (const key of COUNTER_KEYS) {
    // States stored before payouts (migration 0408) or hardship (0420) lack their counters: nothing happened.
    counters[key] = LATER_COUNTERS.has(key) && c[key] === undefined ? ZERO : money(c[key], `counters.${key}`);
  }
  return {
    processedThrough: date(j.processedThrough, 'processedThrough'),
    status: oneOf<LoanStatus>(['active', 'closed', 'written_off'], j.status, 'status'),
    nextPeriod: Number(j.nextPeriod),
    unbilledPrincipal: money(j.unbilledPrincipal, 'unbilledPrincipal'),
    principalPlan: (j.principalPlan as unknown[]).map((p, i) => money(p, `principalPlan[${i}]`)),
    periodExact: big(j.periodExact, 'periodExact'),
    periodPosted: money(j.periodPosted, 'periodPosted'),
    periodPaid: money(j.periodPaid, 'periodPaid'),
    instalments: (j.instalments as Json[]).map((i): Instalment => ({
      period: Number(i.period),
      dueDate: date(i.dueDate, 'instalment.dueDate'),
      principal: money(i.principal, 'instalment.principal'),
      interest: money(i.interest, 'instalment.interest'),
      principalPaid: money(i.principalPaid, 'instalment.principalPaid'),
      interestPaid: money(i.interestPaid, 'instalment.interestPaid'),
      penaltyExact: big(i.penaltyExact, 'instalment.penaltyExact'),
      penalty: money(i.penalty, 'instalment.penalty'),
      penaltyPaid: money(i.penaltyPaid, 'instalment.penaltyPaid'),
      settledOn: nullableDate(i.settledOn, 'instalment.settledOn'),
      ...(i.penaltyCarried === undefined
        ? {}
        : { penaltyCarried: money(i.penaltyCarried, 'instalment.penaltyCarried') }),
      ...(i.reagedOn === undefined ? {} : { reagedOn: date(i.reagedOn, 'instalment.reagedOn') }),
    })),
    counters,
    closedOn: nullableDate(j.closedOn, 'closedOn'),
    writtenOffOn: nullableDate(j.writtenOffOn, 'writtenOffOn'),
    ...(j.schedule === undefined ? {} : { schedule: scheduleOf(j.schedule as Json) }),
    carriedInterest: j.carriedInterest === undefined ? ZERO : money(j.carriedInterest, 'carriedInterest'),
    carriedPenalty: j.carriedPenalty === undefined ? ZERO : money(j.carriedPenalty, 'carriedPenalty'),
    ...(j.settledOn === undefined ? {} : { settledOn: nullableDate(j.settledOn, 'settledOn') }),
    ...(j.reserved === undefined ? {} : { reserved: money(j.reserved, 'reserved') }),
  };
}

function scheduleOf(json: Json): AmendedSchedule {
  return {
    dueDates: (json.dueDates as unknown[]).map((d, i) => date(d, `schedule.dueDates[${i}]`)),
    skipped: (json.skipped as unknown[]).map((p) => Number(p)),
  };
}

/** A hardship event's change as stored (`loan_events.hardship`): amounts as fen strings. */
export function encodeHardshipChange(change: HardshipChange): Json {
  switch (change.tool) {
    case 'reschedule':
    case 'holiday':
      return { tool: change.tool, instalments: change.instalments };
    case 're-age':
      return { tool: change.tool };
    case 'waiver':
      return { tool: change.tool, interest: change.interest.toString(), penalty: change.penalty.toString() };
    case 'settlement':
      return { tool: change.tool, amount: change.amount.toString() };
  }
}

export function decodeHardshipChange(json: unknown): HardshipChange {
  const j = json as Json;
  const tool = oneOf(HARDSHIP_TOOLS, j.tool, 'hardship.tool');
  switch (tool) {
    case 'reschedule':
    case 'holiday':
      return { tool, instalments: Number(j.instalments) };
    case 're-age':
      return { tool };
    case 'waiver':
      return {
        tool,
        interest: money(j.interest, 'hardship.interest'),
        penalty: money(j.penalty, 'hardship.penalty'),
      };
    case 'settlement':
      return { tool, amount: money(j.amount, 'hardship.amount') };
  }
}
