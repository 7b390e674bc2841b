import type { LocalDate } from '../../platform/time/local-date.ts';
import { parseRate, toExactRateString } from '../../platform/money/rate.ts';
import { addMoney, moneyFromJson, subMoney, ZERO, type Money } from '../../platform/money/money.ts';
import type { DrawRefusal } from '../facilities/facility.ts';
import { offerFor, type ConversionOffer } from './instalment-conversion.ts';
import type { LineBalances, LineBookCounters, WrittenOff } from './line-servicing.ts';
import type { ReversalReason } from '../shared/reversals.ts';
import type { AuditActor } from '../../platform/audit/audit-log.ts';

/**
 * What the credit-line money commands answer (receipts) and how a receipt is stored with its idempotency key
 * and read back on a replay (codecs: amounts as integer-fen strings, read back field by field).
 */

/** Why a purchase was not made — an expected outcome; nothing is written. */
export type PurchaseRefusal =
  | DrawRefusal
  | { readonly reason: 'line-overdue'; readonly daysPastDue: number; readonly limit: number }
  | { readonly reason: 'line-written-off'; readonly writtenOffOn: LocalDate };

export interface PurchaseRequest {
  readonly lineId: string;
  readonly amount: Money;
  readonly description: string;
  readonly idempotencyKey: string;
}

export interface PurchaseReceipt {
  readonly lineId: string;
  readonly purchaseId: string;
  readonly seq: number;
  readonly amount: Money;
  readonly effectiveDate: LocalDate;
  /** Money held for the customer that paid for it at once. */
  readonly heldUsed: Money;
  readonly availableAfter: Money;
  readonly journalIds: readonly string[];
}

export type PurchaseResult =
  | { readonly outcome: 'made'; readonly receipt: PurchaseReceipt; readonly replayed: boolean }
  | { readonly outcome: 'declined'; readonly refusal: PurchaseRefusal };

/** Where a payment or refund credit went (for a back-dated payment: how the books changed). */
export interface CreditAllocation {
  readonly fees: Money;
  readonly interest: Money;
  readonly principal: Money;
  /**
   * Of `principal`: what a refund of a converted purchase took off its plan's instalments not yet billed
   * (those periods re-spread, or cancelled with their fees when all of it was refunded).
   */
  readonly unbilledInstalments: Money;
  /** Held for the customer (net). */
  readonly held: Money;
  /** On a written-off line: what paid the debt written off (a recovery). */
  readonly recovered: Money;
}

export interface CreditReceipt {
  readonly lineId: string;
  readonly kind: 'payment' | 'refund';
  readonly seq: number;
  readonly amount: Money;
  readonly effectiveDate: LocalDate;
  readonly restated: boolean;
  readonly allocation: CreditAllocation;
  /** Interest booked by the change (negative: reversed by a back-dated payment). */
  readonly interestChange: Money;
  readonly balances: LineBalances;
  readonly daysPastDue: number;
  readonly availableAfter: Money;
  readonly journalIds: readonly string[];
}

export interface CreditResult {
  readonly receipt: CreditReceipt;
  readonly replayed: boolean;
}

/** Money held for the customer paid out to them (booked Dr customer overpayment / Cr funding). */
export interface PayoutReceipt {
  readonly lineId: string;
  readonly seq: number;
  readonly amount: Money;
  readonly effectiveDate: LocalDate;
  readonly heldBefore: Money;
  readonly heldAfter: Money;
  readonly balances: LineBalances;
  readonly journalIds: readonly string[];
}

export interface PayoutResult {
  readonly receipt: PayoutReceipt;
  readonly replayed: boolean;
}

export type ConversionSource = { readonly statementSeq: number } | { readonly purchaseId: string };

export interface ConversionRequest {
  readonly lineId: string;
  readonly source: ConversionSource;
  readonly term: number;
  /** For a statement: part of its revolving principal; all of it when omitted. */
  readonly amount?: Money;
}

export interface ConversionReceipt {
  readonly lineId: string;
  readonly planId: string;
  readonly seq: number;
  readonly effectiveDate: LocalDate;
  readonly offer: ConversionOffer;
  readonly journalIds: readonly string[];
}

export interface ConversionResult {
  readonly receipt: ConversionReceipt;
  readonly replayed: boolean;
}

/** An instalment plan settled early: what the next statement bills, and the fees waived. */
export interface PlanSettlementReceipt {
  readonly lineId: string;
  readonly planId: string;
  readonly seq: number;
  readonly effectiveDate: LocalDate;
  /** Every principal the plan had not billed: billed on the next statement, in period `period`. */
  readonly principal: Money;
  readonly period: number;
  readonly billedOn: LocalDate;
  /** That period's fee, billed as scheduled. */
  readonly fee: Money;
  /** The fees of the periods after it, never billed. */
  readonly feesWaived: Money;
  readonly periodsWaived: number;
}

/** How a credit was split between fees, interest, principal, plans and money held (counters before → after). */
export function allocationOf(
  before: LineBookCounters,
  after: LineBookCounters,
  unbilledInstalments: Money,
): CreditAllocation {
  let fees = ZERO;
  let principal = subMoney(after.line.principalRepaid, before.line.principalRepaid);
  for (const [planId, plan] of Object.entries(after.plans)) {
    const was = before.plans[planId];
    fees = addMoney(fees, subMoney(plan.feesRepaid, was?.feesRepaid ?? ZERO));
    principal = addMoney(principal, subMoney(plan.principalRepaid, was?.principalRepaid ?? ZERO));
  }
  const held = (c: LineBookCounters) =>
    subMoney(subMoney(c.line.overpaid, c.line.overpaymentApplied), c.line.paidOut);
  // Late fees are fees too (on the line's own contract).
  fees = addMoney(fees, subMoney(after.line.lateFeesRepaid ?? ZERO, before.line.lateFeesRepaid ?? ZERO));
  return {
    fees,
    interest: subMoney(after.line.interestRepaid, before.line.interestRepaid),
    principal,
    unbilledInstalments,
    held: subMoney(held(after), held(before)),
    recovered: subMoney(after.line.recovered ?? ZERO, before.line.recovered ?? ZERO),
  };
}

// Receipts are stored with the idempotency key as JSON: amounts as fen strings, read back field by field.
type StoredJson = Record<string, unknown>;
/** An amount of a stored receipt (written with `String`, integer fen). */
const fenOf = (value: unknown): Money => moneyFromJson(String(value), 'credit-line receipt');

function encodeBalances(b: LineBalances): StoredJson {
  const out: StoredJson = {};
  for (const [key, value] of Object.entries(b)) out[key] = String(value);
  return out;
}

function decodeBalances(json: unknown): LineBalances {
  const j = json as StoredJson;
  return {
    billedPrincipal: fenOf(j.billedPrincipal),
    billedInterest: fenOf(j.billedInterest),
    billedFees: fenOf(j.billedFees),
    unbilledPrincipal: fenOf(j.unbilledPrincipal),
    unbilledInterest: fenOf(j.unbilledInterest),
    // Receipts stored before late fees have none.
    unbilledLateFees: j.unbilledLateFees === undefined ? ZERO : fenOf(j.unbilledLateFees),
    instalmentsNotYetBilled: fenOf(j.instalmentsNotYetBilled),
    heldForCustomer: fenOf(j.heldForCustomer),
    principalOwed: fenOf(j.principalOwed),
    payoff: fenOf(j.payoff),
  };
}

export const creditCodec = {
  encode: (r: CreditReceipt): unknown => ({
    ...r,
    amount: String(r.amount),
    allocation: {
      fees: String(r.allocation.fees),
      interest: String(r.allocation.interest),
      principal: String(r.allocation.principal),
      unbilledInstalments: String(r.allocation.unbilledInstalments),
      held: String(r.allocation.held),
      recovered: String(r.allocation.recovered),
    },
    interestChange: String(r.interestChange),
    balances: encodeBalances(r.balances),
    availableAfter: String(r.availableAfter),
  }),
  decode: (stored: unknown): CreditReceipt => {
    const j = stored as StoredJson;
    const a = j.allocation as StoredJson;
    return {
      lineId: String(j.lineId),
      kind: j.kind === 'refund' ? 'refund' : 'payment',
      seq: Number(j.seq),
      amount: fenOf(j.amount),
      effectiveDate: String(j.effectiveDate) as LocalDate,
      restated: j.restated === true,
      allocation: {
        fees: fenOf(a.fees),
        interest: fenOf(a.interest),
        principal: fenOf(a.principal),
        // Receipts stored before refunds reached plans have none.
        unbilledInstalments: a.unbilledInstalments === undefined ? ZERO : fenOf(a.unbilledInstalments),
        held: fenOf(a.held),
        // Receipts stored before lines could be written off recovered nothing.
        recovered: a.recovered === undefined ? ZERO : fenOf(a.recovered),
      },
      interestChange: fenOf(j.interestChange),
      balances: decodeBalances(j.balances),
      daysPastDue: Number(j.daysPastDue),
      availableAfter: fenOf(j.availableAfter),
      journalIds: (j.journalIds as unknown[]).map(String),
    };
  },
};

export const payoutCodec = {
  encode: (r: PayoutReceipt): unknown => ({
    ...r,
    amount: String(r.amount),
    heldBefore: String(r.heldBefore),
    heldAfter: String(r.heldAfter),
    balances: encodeBalances(r.balances),
  }),
  decode: (stored: unknown): PayoutReceipt => {
    const j = stored as StoredJson;
    return {
      lineId: String(j.lineId),
      seq: Number(j.seq),
      amount: fenOf(j.amount),
      effectiveDate: String(j.effectiveDate) as LocalDate,
      heldBefore: fenOf(j.heldBefore),
      heldAfter: fenOf(j.heldAfter),
      balances: decodeBalances(j.balances),
      journalIds: (j.journalIds as unknown[]).map(String),
    };
  },
};

export const settlementCodec = {
  encode: (r: PlanSettlementReceipt): unknown => ({
    ...r,
    principal: String(r.principal),
    fee: String(r.fee),
    feesWaived: String(r.feesWaived),
  }),
  decode: (stored: unknown): PlanSettlementReceipt => {
    const j = stored as StoredJson;
    return {
      lineId: String(j.lineId),
      planId: String(j.planId),
      seq: Number(j.seq),
      effectiveDate: String(j.effectiveDate) as LocalDate,
      principal: fenOf(j.principal),
      period: Number(j.period),
      billedOn: String(j.billedOn) as LocalDate,
      fee: fenOf(j.fee),
      feesWaived: fenOf(j.feesWaived),
      periodsWaived: Number(j.periodsWaived),
    };
  },
};

export const purchaseCodec = {
  encode: (r: PurchaseReceipt): unknown => ({
    ...r,
    amount: String(r.amount),
    heldUsed: String(r.heldUsed),
    availableAfter: String(r.availableAfter),
  }),
  decode: (stored: unknown): PurchaseReceipt => {
    const j = stored as StoredJson;
    return {
      lineId: String(j.lineId),
      purchaseId: String(j.purchaseId),
      seq: Number(j.seq),
      amount: fenOf(j.amount),
      effectiveDate: String(j.effectiveDate) as LocalDate,
      heldUsed: fenOf(j.heldUsed),
      availableAfter: fenOf(j.availableAfter),
      journalIds: (j.journalIds as unknown[]).map(String),
    };
  },
};

export const conversionCodec = {
  encode: (r: ConversionReceipt): unknown => ({
    lineId: r.lineId,
    planId: r.planId,
    seq: r.seq,
    effectiveDate: r.effectiveDate,
    amount: String(r.offer.amount),
    term: r.offer.term,
    feeRate: toExactRateString(r.offer.feeRate),
    journalIds: [...r.journalIds],
  }),
  decode: (stored: unknown): ConversionReceipt => {
    const j = stored as StoredJson;
    return {
      lineId: String(j.lineId),
      planId: String(j.planId),
      seq: Number(j.seq),
      effectiveDate: String(j.effectiveDate) as LocalDate,
      offer: offerFor(fenOf(j.amount), Number(j.term), parseRate(String(j.feeRate), 'feeRate')),
      journalIds: (j.journalIds as unknown[]).map(String),
    };
  },
};

/** What is left of one open statement's minimum payment, and by when. */
export interface MinimumDue {
  readonly seq: number;
  readonly dueDate: LocalDate;
  readonly minimumOutstanding: Money;
}

export interface LineReversalRequest {
  readonly lineId: string;
  /** The seq of the payment that did not stand. */
  readonly paymentSeq: number;
  readonly reason: ReversalReason;
  readonly idempotencyKey: string;
}

/** A payment that did not stand, reversed: the line restated as if it had never been made. */
export interface LineReversalReceipt {
  readonly lineId: string;
  /** The reversal's number among the line's events. */
  readonly seq: number;
  /** The payment undone (its seq), its amount and value date. */
  readonly reverses: number;
  readonly reason: ReversalReason;
  readonly amount: Money;
  readonly paidOn: LocalDate;
  /** The day the books were restated (today). */
  readonly effectiveDate: LocalDate;
  readonly balancesBefore: LineBalances;
  readonly balances: LineBalances;
  /** Interest and late fees booked by the restatement (grace lost, days unpaid again). */
  readonly interestChange: Money;
  readonly lateFeeChange: Money;
  readonly minimumsBefore: readonly MinimumDue[];
  readonly minimums: readonly MinimumDue[];
  readonly daysPastDueBefore: number;
  readonly daysPastDue: number;
  readonly availableAfter: Money;
  readonly journalIds: readonly string[];
}

export interface LineReversalResult {
  readonly receipt: LineReversalReceipt;
  readonly replayed: boolean;
}

const encodeMinimums = (list: readonly MinimumDue[]) =>
  list.map((m) => ({ seq: m.seq, dueDate: m.dueDate, minimumOutstanding: String(m.minimumOutstanding) }));
const decodeMinimums = (json: unknown): MinimumDue[] =>
  (json as StoredJson[]).map((m) => ({
    seq: Number(m.seq),
    dueDate: String(m.dueDate) as LocalDate,
    minimumOutstanding: fenOf(m.minimumOutstanding),
  }));

export const lineReversalCodec = {
  encode: (r: LineReversalReceipt): unknown => ({
    ...r,
    amount: String(r.amount),
    balancesBefore: encodeBalances(r.balancesBefore),
    balances: encodeBalances(r.balances),
    interestChange: String(r.interestChange),
    lateFeeChange: String(r.lateFeeChange),
    minimumsBefore: encodeMinimums(r.minimumsBefore),
    minimums: encodeMinimums(r.minimums),
    availableAfter: String(r.availableAfter),
  }),
  decode: (stored: unknown): LineReversalReceipt => {
    const j = stored as StoredJson;
    return {
      lineId: String(j.lineId),
      seq: Number(j.seq),
      reverses: Number(j.reverses),
      reason: j.reason === 'chargeback' ? 'chargeback' : 'returned',
      amount: fenOf(j.amount),
      paidOn: String(j.paidOn) as LocalDate,
      effectiveDate: String(j.effectiveDate) as LocalDate,
      balancesBefore: decodeBalances(j.balancesBefore),
      balances: decodeBalances(j.balances),
      interestChange: fenOf(j.interestChange),
      lateFeeChange: fenOf(j.lateFeeChange),
      minimumsBefore: decodeMinimums(j.minimumsBefore),
      minimums: decodeMinimums(j.minimums),
      daysPastDueBefore: Number(j.daysPastDueBefore),
      daysPastDue: Number(j.daysPastDue),
      availableAfter: fenOf(j.availableAfter),
      journalIds: (j.journalIds as unknown[]).map(String),
    };
  },
};

/** A line written off by staff: the event, what was written off, and the journals. */
export interface LineWriteOffReceipt {
  readonly lineId: string;
  readonly seq: number;
  readonly effectiveDate: LocalDate;
  readonly reason: string;
  /** Days past due on the day, before the write-off. */
  readonly daysPastDue: number;
  readonly writtenOff: WrittenOff;
  readonly journalIds: readonly string[];
}

export interface LineWriteOffRequest {
  readonly lineId: string;
  readonly reason: string;
  readonly idempotencyKey: string;
  /** Who (staff): recorded in the audit log. */
  readonly requester: { readonly actor: AuditActor };
}

const writeOffFen = (value: unknown): Money => moneyFromJson(String(value), 'credit-line write-off receipt');

/** The receipt stored with the idempotency key (amounts as fen strings) and read back on a replay. */
export const writeOffCodec = {
  encode: (r: LineWriteOffReceipt): unknown => ({
    ...r,
    writtenOff: Object.fromEntries(
      Object.entries(r.writtenOff).map(([key, value]) => [
        key,
        typeof value === 'bigint' ? String(value) : value,
      ]),
    ),
  }),
  decode: (stored: unknown): LineWriteOffReceipt => {
    const j = stored as Record<string, unknown>;
    const w = j.writtenOff as Record<string, unknown>;
    return {
      lineId: String(j.lineId),
      seq: Number(j.seq),
      effectiveDate: String(j.effectiveDate) as LocalDate,
      reason: String(j.reason),
      daysPastDue: Number(j.daysPastDue),
      writtenOff: {
        on: String(w.on) as LocalDate,
        principal: writeOffFen(w.principal),
        interest: writeOffFen(w.interest),
        fees: writeOffFen(w.fees),
        total: writeOffFen(w.total),
        recovered: writeOffFen(w.recovered),
        outstanding: writeOffFen(w.outstanding),
      },
      journalIds: (j.journalIds as unknown[]).map(String),
    };
  },
};
