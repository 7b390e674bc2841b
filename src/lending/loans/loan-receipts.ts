import { moneyFromJson, subMoney, type Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { DrawRefusal } from '../facilities/facility.ts';
import type { LoanContract } from './loan-contract.ts';
import type { LoanCounters, LoanState, Outstanding, RepaymentIntent, ReversalReason } from './loan-state.ts';
import type { RepaymentMethod, Schedule } from './schedule.ts';

/**
 * What the loan money commands answer (receipts) and how a receipt is stored with its idempotency key and read
 * back on a replay (amounts as integer-fen strings).
 */

export interface DrawdownRequest {
  readonly customerId: string;
  readonly amount: Money;
  readonly term: number;
  readonly method: RepaymentMethod;
  readonly idempotencyKey: string;
}

/** What a drawdown made: the loan, its schedule and the credit left. */
export interface DrawdownReceipt {
  readonly loanId: string;
  readonly contract: LoanContract;
  /** What the customer received: principal less the upfront fee. */
  readonly paidOut: Money;
  readonly schedule: Schedule;
  readonly availableAfter: Money;
}

/** Why a drawdown was not made — an expected outcome, nothing is written. */
export type DrawdownRefusal =
  | DrawRefusal
  | { readonly reason: 'no-facility' }
  | { readonly reason: 'delinquent'; readonly detail: 'a loan is past due or written off' };

export type DrawdownResult =
  | { readonly outcome: 'drawn'; readonly receipt: DrawdownReceipt; readonly replayed: boolean }
  | { readonly outcome: 'declined'; readonly refusal: DrawdownRefusal };

export interface RepaymentRequest {
  readonly loanId: string;
  readonly amount: Money;
  readonly intent: RepaymentIntent;
  /** The value date; today when omitted. Earlier dates restate the books from that day. */
  readonly effectiveDate?: LocalDate;
  readonly idempotencyKey: string;
}

/** Where the money of one repayment went (for a back-dated one: how the books changed). */
export interface RepaymentAllocation {
  readonly principal: Money;
  readonly interest: Money;
  readonly penalty: Money;
  /** Recovered on written-off amounts. */
  readonly recovered: Money;
  /** Held for the customer (net: held now less held money used). */
  readonly held: Money;
}

export interface RepaymentReceipt {
  readonly loanId: string;
  readonly seq: number;
  readonly amount: Money;
  readonly intent: RepaymentIntent;
  readonly effectiveDate: LocalDate;
  /** True when the value date was before the loan's last processed day and the books were restated. */
  readonly restated: boolean;
  readonly allocation: RepaymentAllocation;
  /** For a restatement: how interest and penalty accrued changed (negative: reversed). */
  readonly accrualChange: { readonly interest: Money; readonly penalty: Money };
  readonly outstanding: Outstanding;
  readonly status: LoanState['status'];
  readonly journalIds: readonly string[];
}

export interface RepaymentResult {
  readonly receipt: RepaymentReceipt;
  readonly replayed: boolean;
}

export interface PayoutRequest {
  readonly loanId: string;
  /** What to pay back; all that is held when omitted. Never more than is held. */
  readonly amount?: Money;
  readonly idempotencyKey: string;
  /**
   * The provider's pay-out this books (it confirmed it): paid from that pay-out's reservation when there is
   * one (`reserveLoanHeld`), else from money held and not reserved.
   */
  readonly payoutId?: string;
}

/** Money held for the customer paid back to them (D customer_overpayment / C funding). */
export interface PayoutReceipt {
  readonly loanId: string;
  readonly seq: number;
  readonly amount: Money;
  /** Today: a payout is never back-dated. */
  readonly effectiveDate: LocalDate;
  /** Held for the customer just before the payout (after the day steps up to today). */
  readonly heldBefore: Money;
  readonly outstanding: Outstanding;
  readonly status: LoanState['status'];
  readonly journalIds: readonly string[];
}

export interface PayoutResult {
  readonly receipt: PayoutReceipt;
  readonly replayed: boolean;
}

/** Where a repayment went: the counters before → after. */
export function allocationOf(before: LoanCounters, after: LoanCounters): RepaymentAllocation {
  return {
    principal: subMoney(after.principalRepaid, before.principalRepaid),
    interest: subMoney(after.interestRepaid, before.interestRepaid),
    penalty: subMoney(after.penaltyRepaid, before.penaltyRepaid),
    recovered: subMoney(after.recovered, before.recovered),
    held: subMoney(
      subMoney(after.overpaid, before.overpaid),
      subMoney(after.overpaymentApplied, before.overpaymentApplied),
    ),
  };
}

export function encodeReceipt(receipt: RepaymentReceipt): unknown {
  const a = receipt.allocation;
  const o = receipt.outstanding;
  return {
    loanId: receipt.loanId,
    seq: receipt.seq,
    amount: receipt.amount.toString(),
    intent: receipt.intent,
    effectiveDate: receipt.effectiveDate,
    restated: receipt.restated,
    allocation: [a.principal, a.interest, a.penalty, a.recovered, a.held].map(String),
    accrualChange: [receipt.accrualChange.interest, receipt.accrualChange.penalty].map(String),
    outstanding: [o.principal, o.interest, o.penalty, o.overpayment, o.writtenOff].map(String),
    status: receipt.status,
    journalIds: [...receipt.journalIds],
  };
}

export function decodeReceipt(stored: unknown): RepaymentReceipt {
  const s = stored as {
    loanId: string;
    seq: number;
    amount: string;
    intent: RepaymentIntent;
    effectiveDate: LocalDate;
    restated: boolean;
    allocation: string[];
    accrualChange: string[];
    outstanding: string[];
    status: LoanState['status'];
    journalIds: string[];
  };
  const b = (list: string[], index: number) => moneyFromJson(list[index] ?? '0', `receipt[${index}]`);
  return {
    loanId: s.loanId,
    seq: s.seq,
    amount: moneyFromJson(s.amount, 'receipt.amount'),
    intent: s.intent,
    effectiveDate: s.effectiveDate,
    restated: s.restated,
    allocation: {
      principal: b(s.allocation, 0),
      interest: b(s.allocation, 1),
      penalty: b(s.allocation, 2),
      recovered: b(s.allocation, 3),
      held: b(s.allocation, 4),
    },
    accrualChange: { interest: b(s.accrualChange, 0), penalty: b(s.accrualChange, 1) },
    outstanding: {
      principal: b(s.outstanding, 0),
      interest: b(s.outstanding, 1),
      penalty: b(s.outstanding, 2),
      overpayment: b(s.outstanding, 3),
      writtenOff: b(s.outstanding, 4),
    },
    status: s.status,
    journalIds: s.journalIds,
  };
}

export function encodeOutstanding(o: Outstanding): string[] {
  return [o.principal, o.interest, o.penalty, o.overpayment, o.writtenOff].map(String);
}

export function decodeOutstanding(list: string[]): Outstanding {
  const b = (index: number) => moneyFromJson(list[index] ?? '0', `outstanding[${index}]`);
  return { principal: b(0), interest: b(1), penalty: b(2), overpayment: b(3), writtenOff: b(4) };
}

export const payoutCodec = {
  encode(receipt: PayoutReceipt): unknown {
    return {
      loanId: receipt.loanId,
      seq: receipt.seq,
      amount: receipt.amount.toString(),
      effectiveDate: receipt.effectiveDate,
      heldBefore: receipt.heldBefore.toString(),
      outstanding: encodeOutstanding(receipt.outstanding),
      status: receipt.status,
      journalIds: [...receipt.journalIds],
    };
  },
  decode(stored: unknown): PayoutReceipt {
    const s = stored as {
      loanId: string;
      seq: number;
      amount: string;
      effectiveDate: LocalDate;
      heldBefore: string;
      outstanding: string[];
      status: LoanState['status'];
      journalIds: string[];
    };
    return {
      loanId: s.loanId,
      seq: s.seq,
      amount: moneyFromJson(s.amount, 'receipt.amount'),
      effectiveDate: s.effectiveDate,
      heldBefore: moneyFromJson(s.heldBefore, 'receipt.heldBefore'),
      outstanding: decodeOutstanding(s.outstanding),
      status: s.status,
      journalIds: s.journalIds,
    };
  },
};

/** A repayment undone: which, why, and the loan before and after the books were restated without it. */
export interface ReversalReceipt {
  readonly loanId: string;
  /** The reversal's number among the loan's events. */
  readonly seq: number;
  /** The repayment reversed. */
  readonly reverses: number;
  readonly reason: ReversalReason;
  /** The repayment's amount and the day it had been received. */
  readonly amount: Money;
  readonly paidOn: LocalDate;
  readonly effectiveDate: LocalDate;
  readonly outstandingBefore: Outstanding;
  readonly outstanding: Outstanding;
  readonly daysPastDue: number;
  readonly status: LoanState['status'];
  readonly journalIds: readonly string[];
}

export interface ReversalResult {
  readonly receipt: ReversalReceipt;
  readonly replayed: boolean;
}

export const reversalCodec = {
  encode: (r: ReversalReceipt): unknown => ({
    ...r,
    amount: String(r.amount),
    outstandingBefore: encodeOutstanding(r.outstandingBefore),
    outstanding: encodeOutstanding(r.outstanding),
  }),
  decode: (stored: unknown): ReversalReceipt => {
    const j = stored as Record<string, unknown>;
    return {
      loanId: String(j.loanId),
      seq: Number(j.seq),
      reverses: Number(j.reverses),
      reason: j.reason === 'chargeback' ? 'chargeback' : 'returned',
      amount: moneyFromJson(String(j.amount), 'reversal.amount'),
      paidOn: String(j.paidOn) as LocalDate,
      effectiveDate: String(j.effectiveDate) as LocalDate,
      outstandingBefore: decodeOutstanding((j.outstandingBefore as unknown[]).map(String)),
      outstanding: decodeOutstanding((j.outstanding as unknown[]).map(String)),
      daysPastDue: Number(j.daysPastDue),
      status: j.status as LoanState['status'],
      journalIds: (j.journalIds as unknown[]).map(String),
    };
  },
};
