import { createPgIdempotencyStore } from '../../ledger/idempotency.pg.ts';
import { once, parseIdempotencyKey } from '../../ledger/idempotency.ts';
import { openAccounts } from '../../ledger/ledger.pg.ts';
import type { Database, Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import {
  addMoney,
  moneyFromJson,
  positivePart,
  subMoney,
  sumMoney,
  timesMoney,
  toDecimalString,
  ZERO,
  type Money,
} from '../../platform/money/money.ts';
import { parseRate, toExactRateString, type Rate } from '../../platform/money/rate.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import {
  availableCredit,
  checkDraw,
  type DrawRefusal,
  type Facility,
  type TemporaryLimit,
} from '../facilities/facility.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { findFacility, lockFacility, lockFacilityById } from '../facilities/facility.pg.ts';
import { assertFacilityTermsInForce, type TermsInForcePort } from '../facilities/facility-terms-guard.ts';
import type { Bucket } from '../loans/servicing.ts';
import { costCapInForce } from '../shared/cost-cap-in-force.ts';
import {
  findLine,
  findLineOfFacility,
  findPurchase,
  findStatement,
  insertLines,
  lineEvents,
  listLines,
  listStatements,
  locateLine,
  lockLine,
  type LineChangeRecord,
  type LineRecord,
} from './credit-lines.pg.ts';
import {
  conversionOffer,
  offerFor,
  withinCostCap,
  remainingPlanApr,
  type ConversionOffer,
} from './instalment-conversion.ts';
import { bookLineOutcomes } from './line-booking.pg.ts';
import { assertLineOpen, temporaryExpired } from './line-lifecycle.ts';
import {
  changeLineStatementDay,
  closeLine,
  grantTemporaryLimit,
  liftCustomerLimitCap,
  lineChanges,
  requestLowerLimit,
  type LineChangeResult,
  type Requester,
} from './line-lifecycle-service.ts';
import { LINE_ACCOUNT_KINDS, PLAN_ACCOUNT_KINDS } from './line-books.ts';
import {
  advanceLine,
  bookCounters,
  heldFor,
  initialLineState,
  lineBalancesOf,
  lineBucket,
  lineDaysPastDue,
  minimumOutstanding,
  owedOn,
  planIsRunning,
  planNotYetBilled,
  planStatusOf,
  receiveLineEvent,
  type LineBalances,
  type PlanStatus,
  type LineBookCounters,
  type StatementDocument,
} from './line-servicing.ts';
import { lastPeriodOf, type LineEvent, type LineState, type PlanSource } from './line-state.ts';
import { termsFor, validateProduct, type CreditLineProduct, type LineTerms } from './line-terms.ts';
import type { MessageDraft, MessageOutbox } from '../../platform/notifications/index.ts';
import { linePaymentReceived, planChanged, planCreated } from './line-messages.ts';
import { onTimeCyclesOf } from './limit-review.ts';

/**
 * Credit lines as use cases: open a line on the customer's credit-line facility; purchases and refunds
 * against the available limit (a refund of a converted purchase goes to its plan first); payments
 * (value-dated back within the cycle); payouts of money held; instalment offers and conversions; views and
 * statements. Every money command takes an idempotency key and runs in one
 * transaction that locks the facility, then the line, then writes the ledger.
 */

export interface CreditLineServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly product: CreditLineProduct;
  /**
   * The credit-line products and legal cap in force on a date: opening a line re-checks the facility's rate
   * and limit against them (defence in depth — a facility row with bad terms, however written, opens no line).
   */
  readonly termsInForce: TermsInForcePort;
  /** Where customer messages are written (payment received, plan created/changed), in the command's transaction. */
  readonly outbox?: MessageOutbox;
  /** Where staff's lifecycle changes (close, limits) are recorded, in the same transaction. */
  readonly audit?: Pick<AuditLog, 'record'>;
}

/** Why a purchase was not made — an expected outcome; nothing is written. */
export type PurchaseRefusal =
  DrawRefusal | { readonly reason: 'line-overdue'; readonly daysPastDue: number; readonly limit: number };

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

/** One billed statement as it stands. */
export interface OpenStatementView {
  readonly seq: number;
  readonly statementDate: LocalDate;
  readonly dueDate: LocalDate;
  readonly minimumPayment: Money;
  /** What is left of the minimum payment. */
  readonly minimumOutstanding: Money;
  readonly owed: Money;
  readonly graceLost: boolean;
  readonly settledOn: LocalDate | null;
}

export interface PlanView {
  readonly planId: string;
  readonly source: PlanSource;
  readonly createdOn: LocalDate;
  readonly principal: Money;
  readonly term: number;
  readonly feeRate: Rate;
  /** The fee of each period still to bill (after a partial refund: on what was kept). */
  readonly feePerPeriod: Money;
  readonly billedPeriods: number;
  readonly status: PlanStatus;
  /** Principal refunds of the converted purchase took off the periods not yet billed. */
  readonly refunded: Money;
  readonly cancelledOn: LocalDate | null;
  /** Principal of each period: billed as billed, the rest as scheduled now. */
  readonly parts: readonly Money[];
  readonly principalNotYetBilled: Money;
  readonly principalOwed: Money;
  /** The rate of the offer the customer accepted (annualised, by IRR, fees included). */
  readonly aprByIrr: number;
  /** The same rate of what is still to bill, as it stands now; null when nothing is. */
  readonly remainingAprByIrr: number | null;
}

/** A line as the API shows it, as of the last processed business day. */
export interface LineView {
  readonly terms: LineTerms;
  readonly asOf: LocalDate;
  readonly facility: {
    readonly id: string;
    readonly status: Facility['status'];
    readonly limit: Money;
    readonly used: Money;
    /** limit + a running temporary limit − used (never below zero; 0 unless active). */
    readonly available: Money;
    /** A temporary limit (临时额度) and its last day, while it runs. */
    readonly temporary: TemporaryLimit | null;
  };
  /** The limit the customer asked for, which reviews never exceed until they lift it; null when none. */
  readonly customerLimitCap: Money | null;
  /** The date the line was closed; null while open. */
  readonly closedOn: LocalDate | null;
  readonly daysPastDue: number;
  readonly bucket: Bucket;
  readonly balances: LineBalances;
  readonly nextStatementDate: LocalDate;
  readonly cycle: LineState['cycle'];
  readonly openStatements: readonly OpenStatementView[];
  readonly plans: readonly PlanView[];
  /** Statements whose minimum was met by the due date, of the last 12 with a minimum to pay. */
  readonly onTimeCycles: number;
}

export interface CreditLineService {
  /** Opens the customer's line on their credit-line facility (the existing line when there is one). */
  openLine(request: {
    customerId: string;
    statementDay?: number;
  }): Promise<{ line: LineView; opened: boolean }>;
  purchase(request: PurchaseRequest): Promise<PurchaseResult>;
  refund(request: {
    lineId: string;
    purchaseId: string;
    amount: Money;
    idempotencyKey: string;
  }): Promise<CreditResult>;
  pay(request: {
    lineId: string;
    amount: Money;
    effectiveDate?: LocalDate;
    idempotencyKey: string;
  }): Promise<CreditResult>;
  /** What converting would cost; nothing is written. */
  conversionOffer(request: ConversionRequest): Promise<ConversionOffer>;
  convert(request: ConversionRequest & { idempotencyKey: string }): Promise<ConversionResult>;
  /**
   * Pays money held for the customer out to them: `amount`, or all that is held when omitted; more than is
   * held is refused (`amount`, rule `within-held`). A line event, shown on the next statement as payouts.
   */
  payout(request: { lineId: string; amount?: Money; idempotencyKey: string }): Promise<PayoutResult>;
  /** Closes the line at zero balance (nothing owed or held, no plan open); see `line-lifecycle.ts`. */
  close(request: {
    lineId: string;
    idempotencyKey: string;
    reason?: string;
    requester: Requester;
  }): Promise<LineChangeResult>;
  /** The customer's lower limit, which becomes their cap until lifted. */
  requestLowerLimit(request: {
    lineId: string;
    limit: Money;
    reason: string;
    idempotencyKey: string;
    requester: Requester;
  }): Promise<LineChangeResult>;
  liftCustomerLimitCap(request: {
    lineId: string;
    idempotencyKey: string;
    requester: Requester;
  }): Promise<LineChangeResult>;
  /** Staff grant a temporary limit through a date. */
  grantTemporaryLimit(request: {
    lineId: string;
    amount: Money;
    until: LocalDate;
    reason: string;
    idempotencyKey: string;
    requester: Requester;
  }): Promise<LineChangeResult>;
  /**
   * Settles an instalment plan early: its principal not yet billed is billed on the next statement with that
   * period's fee; the fees of later periods are waived. Refused when the plan is not running or its next
   * period is its last anyway (`planId`, `accelerates`).
   */
  settlePlan(request: {
    lineId: string;
    planId: string;
    idempotencyKey: string;
    /** Who asked; staff (anyone but the customer's app) are recorded in the audit log. */
    requester?: Requester;
  }): Promise<{ receipt: PlanSettlementReceipt; replayed: boolean }>;
  /** A new statement day (at most once in 6 months): the cycle in flight ends on the old day. */
  changeStatementDay(request: {
    lineId: string;
    statementDay: number;
    idempotencyKey: string;
    requester: Requester;
  }): Promise<LineChangeResult>;
  /** The line's lifecycle changes, oldest first. */
  changes(lineId: string): Promise<LineChangeRecord[]>;
  getLine(lineId: string): Promise<LineView>;
  listLines(customerId: string): Promise<LineView[]>;
  statements(lineId: string): Promise<StatementDocument[]>;
  statement(lineId: string, seq: number): Promise<StatementDocument>;
}

/** Raised inside a transaction to roll it back and hand a value out (a declined command writes nothing). */
class Declined extends Error {
  constructor(readonly refusal: PurchaseRefusal) {
    super('declined');
  }
}

const idempotency = createPgIdempotencyStore();

/** A line's view from its terms, state and facility. */
export function lineViewOf(
  terms: LineTerms,
  state: LineState,
  facility: Facility,
  lifecycle: Pick<LineRecord, 'closedOn' | 'customerLimitCap'> = { closedOn: null, customerLimitCap: null },
): LineView {
  const asOf = state.processedThrough;
  const dpd = lineDaysPastDue(state, asOf);
  return {
    terms,
    asOf,
    facility: {
      id: facility.id,
      status: facility.status,
      limit: facility.limit,
      used: facility.used,
      available: availableCredit(facility),
      temporary: facility.temporary ?? null,
    },
    customerLimitCap: lifecycle.customerLimitCap,
    closedOn: lifecycle.closedOn,
    daysPastDue: dpd,
    bucket: lineBucket(terms, state, asOf),
    balances: lineBalancesOf(state),
    nextStatementDate: state.nextStatementDate,
    cycle: { ...state.cycle },
    openStatements: state.statements.map((statement, index) => ({
      seq: statement.seq,
      statementDate: statement.statementDate,
      dueDate: statement.dueDate,
      minimumPayment: statement.minimumPayment,
      minimumOutstanding: minimumOutstanding(state, index),
      owed: owedOn(statement),
      graceLost: statement.graceLost,
      settledOn: statement.settledOn,
    })),
    plans: state.plans.map((plan) => {
      const owed = positivePart(subMoney(plan.counters.converted, plan.counters.principalRepaid));
      return {
        planId: plan.planId,
        source: plan.source,
        createdOn: plan.createdOn,
        principal: plan.principal,
        term: plan.term,
        feeRate: plan.feeRate,
        feePerPeriod: plan.feePerPeriod,
        billedPeriods: plan.billedPeriods,
        status: planStatusOf(plan),
        refunded: plan.refunded,
        cancelledOn: plan.cancelledOn,
        parts: [...plan.parts],
        principalNotYetBilled: planNotYetBilled(plan),
        principalOwed: owed,
        aprByIrr: offerFor(plan.principal, plan.term, plan.feeRate).aprByIrr,
        remainingAprByIrr: remainingPlanApr(plan),
      };
    }),
    onTimeCycles: onTimeCyclesOf(state),
  };
}

function allocationOf(
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

const creditCodec = {
  encode: (r: CreditReceipt): unknown => ({
    ...r,
    amount: String(r.amount),
    allocation: {
      fees: String(r.allocation.fees),
      interest: String(r.allocation.interest),
      principal: String(r.allocation.principal),
      unbilledInstalments: String(r.allocation.unbilledInstalments),
      held: String(r.allocation.held),
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
      },
      interestChange: fenOf(j.interestChange),
      balances: decodeBalances(j.balances),
      daysPastDue: Number(j.daysPastDue),
      availableAfter: fenOf(j.availableAfter),
      journalIds: (j.journalIds as unknown[]).map(String),
    };
  },
};

const payoutCodec = {
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

const settlementCodec = {
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

const purchaseCodec = {
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

const conversionCodec = {
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

function positive(amount: Money, field = 'amount'): void {
  if (amount <= 0n) throw AppError.invalid(field, 'positive', 'the amount must be above zero');
}

export function createCreditLineService(deps: CreditLineServiceDeps): CreditLineService {
  const { db, clock, ids } = deps;
  const product = validateProduct(deps.product);

  async function locate(q: Queryable, lineId: string): Promise<{ customerId: string; facilityId: string }> {
    const where = await locateLine(q, lineId);
    if (!where) throw AppError.notFound('credit line', lineId);
    return where;
  }

  async function view(q: Queryable, record: LineRecord): Promise<LineView> {
    const facility = await findFacility(q, record.terms.customerId, 'credit-line');
    if (!facility) throw new AppError('INTERNAL', `the facility of line ${record.terms.lineId} is missing`);
    return lineViewOf(record.terms, record.state, facility, record);
  }

  /**
   * Runs a money command on a locked line: claims the idempotency key, locks the facility then the line,
   * and hands both to `work`.
   */
  async function command<T>(
    lineId: string,
    idempotencyKey: string,
    scope: string,
    request: Record<string, unknown>,
    codec: { encode: (value: T) => unknown; decode: (stored: unknown) => T },
    work: (tx: Queryable, facility: Facility, record: LineRecord) => Promise<T>,
  ): Promise<{ value: T; replayed: boolean }> {
    const key = parseIdempotencyKey(idempotencyKey);
    const where = await locate(db, lineId);
    return db.transaction((tx) =>
      once<T>(
        idempotency,
        tx,
        { customerId: where.customerId, scope, key, request: { lineId, ...request } },
        clock.now(),
        codec,
        async () => {
          const facility = await lockFacilityById(tx, where.customerId, where.facilityId);
          if (!facility) throw new AppError('INTERNAL', `the facility of line ${lineId} is missing`);
          const record = await lockLine(tx, where.customerId, lineId);
          if (!record) throw AppError.notFound('credit line', lineId);
          assertLineOpen(record.closedOn, lineId);
          return work(tx, facility, record);
        },
      ),
    );
  }

  /** Takes an event in on a locked line and books it; returns the journals and the new state. */
  async function take(
    tx: Queryable,
    facility: Facility,
    record: LineRecord,
    event: LineEvent,
  ): Promise<{
    state: LineState;
    before: LineBookCounters;
    after: LineBookCounters;
    restated: boolean;
    journalIds: string[];
  }> {
    const { terms } = record;
    // Earlier events matter only to a back-dated payment, whose books are replayed from the opening.
    const earlier =
      event.effectiveDate < record.state.processedThrough
        ? await lineEvents(tx, terms.customerId, terms.lineId)
        : [];
    const outcome = receiveLineEvent(terms, record.state, earlier, event);
    const journals = await bookLineOutcomes(tx, { clock, ids }, [
      {
        terms,
        before: record.state,
        state: outcome.state,
        changes: outcome.changes,
        statements: outcome.statements,
        event,
        nextEventSeq: record.nextEventSeq + 1,
        facility: {
          id: facility.id,
          status: facility.status,
          statusReason: facility.statusReason,
          temporary: facility.temporary ?? null,
        },
      },
    ]);
    const last = outcome.changes[outcome.changes.length - 1];
    const counters = bookCounters(outcome.state);
    return {
      state: outcome.state,
      before: last?.before ?? counters,
      after: last?.after ?? counters,
      restated: last?.cause === 'restatement',
      journalIds: (journals.get(terms.lineId) ?? []).map((journal) => journal.id),
    };
  }

  async function availableAfter(tx: Queryable, customerId: string): Promise<Money> {
    const facility = await findFacility(tx, customerId, 'credit-line');
    return facility ? availableCredit(facility) : ZERO;
  }

  async function credit(
    kind: 'payment' | 'refund',
    lineId: string,
    idempotencyKey: string,
    amount: Money,
    request: Record<string, unknown>,
    makeEvent: (record: LineRecord, today: LocalDate, tx: Queryable) => Promise<LineEvent>,
  ): Promise<CreditResult> {
    positive(amount);
    const { value, replayed } = await command<CreditReceipt>(
      lineId,
      idempotencyKey,
      `line.${kind}`,
      { amount, ...request },
      creditCodec,
      async (tx, facility, record) => {
        const event = await makeEvent(record, clock.today(), tx);
        const taken = await take(tx, facility, record, event);
        const refunded = (state: LineState) => sumMoney(state.plans.map((plan) => plan.refunded));
        const allocation = allocationOf(
          taken.before,
          taken.after,
          subMoney(refunded(taken.state), refunded(record.state)),
        );
        if (deps.outbox) {
          const { customerId } = record.terms;
          const drafts: MessageDraft[] =
            kind === 'payment'
              ? [
                  linePaymentReceived({
                    customerId,
                    lineId,
                    seq: event.seq,
                    amount,
                    allocation,
                    state: taken.state,
                  }),
                ]
              : planChanged(customerId, record.state, taken.state, event.seq);
          await deps.outbox.write(tx, drafts);
        }
        return {
          lineId,
          kind,
          seq: event.seq,
          amount,
          effectiveDate: event.effectiveDate,
          restated: taken.restated,
          allocation,
          interestChange: subMoney(taken.after.line.interestAccrued, taken.before.line.interestAccrued),
          balances: lineBalancesOf(taken.state),
          daysPastDue: lineDaysPastDue(taken.state, taken.state.processedThrough),
          availableAfter: await availableAfter(tx, record.terms.customerId),
          journalIds: taken.journalIds,
        };
      },
    );
    return { receipt: value, replayed };
  }

  /** The amount and offer of a conversion on the line's state as of today. */
  async function offerOn(
    tx: Queryable,
    record: LineRecord,
    request: ConversionRequest,
  ): Promise<{ offer: ConversionOffer; source: PlanSource }> {
    const today = clock.today();
    const { state } = advanceLine(record.terms, record.state, today);
    if ('statementSeq' in request.source) {
      const { statementSeq } = request.source;
      const statement = state.statements.find((candidate) => candidate.seq === statementSeq);
      if (!statement) {
        throw new AppError('UNPROCESSABLE', `statement ${statementSeq} has nothing left to convert`, {
          details: { reason: 'nothing-to-convert' },
        });
      }
      if (statement.dueDate < today) {
        throw new AppError(
          'UNPROCESSABLE',
          `statement ${statementSeq} was due on ${statement.dueDate}; it can no longer be converted`,
          {
            details: { reason: 'conversion-window-closed', dueDate: statement.dueDate },
          },
        );
      }
      const revolving = sumMoney(statement.revolving.map((posting) => posting.amount));
      const amount = request.amount ?? revolving;
      positive(amount);
      if (amount > revolving) {
        throw AppError.invalid(
          'amount',
          'within-statement',
          `at most ${toDecimalString(revolving)} of statement ${statementSeq} can be converted`,
        );
      }
      return {
        offer: conversionOffer(record.terms.conversion, amount, request.term),
        source: { kind: 'statement', statementSeq },
      };
    }
    const { purchaseId } = request.source;
    const purchase = await findPurchase(tx, record.terms.customerId, purchaseId);
    if (!purchase || purchase.lineId !== record.terms.lineId) throw AppError.notFound('purchase', purchaseId);
    const posting = state.unbilled.find((candidate) => candidate.ref === purchaseId);
    if (!posting) {
      throw new AppError(
        'UNPROCESSABLE',
        `purchase ${purchaseId} is already billed, paid or converted; convert its statement instead`,
        {
          details: { reason: 'purchase-not-unbilled' },
        },
      );
    }
    if (request.amount !== undefined && request.amount !== posting.amount) {
      throw AppError.invalid(
        'amount',
        'whole-purchase',
        `a purchase is converted whole: ${toDecimalString(posting.amount)}`,
      );
    }
    return {
      offer: conversionOffer(record.terms.conversion, posting.amount, request.term),
      source: { kind: 'purchase', purchaseId },
    };
  }

  const lifecycle = { db, clock, ids, audit: deps.audit };
  return {
    close: (request) => closeLine(lifecycle, request),
    requestLowerLimit: (request) => requestLowerLimit(lifecycle, request),
    liftCustomerLimitCap: (request) => liftCustomerLimitCap(lifecycle, request),
    grantTemporaryLimit: (request) => grantTemporaryLimit(lifecycle, request),
    changeStatementDay: (request) => changeLineStatementDay(lifecycle, request),
    changes: (lineId) => lineChanges(lifecycle, lineId),

    async openLine(request) {
      // Read before the transaction: the settings come through the policy context (cached), not `tx`.
      const today = clock.today();
      const termsInForce = await deps.termsInForce('credit_line', today);
      return db.transaction(async (tx) => {
        const facility = await lockFacility(tx, request.customerId, 'credit-line');
        if (!facility) {
          throw new AppError(
            'UNPROCESSABLE',
            `customer ${request.customerId} has no approved credit-line limit`,
            {
              details: { reason: 'no-facility' },
            },
          );
        }
        const existing = await findLineOfFacility(tx, request.customerId, facility.id);
        if (existing)
          return { line: lineViewOf(existing.terms, existing.state, facility, existing), opened: false };
        assertFacilityTermsInForce(facility, termsInForce, today);
        const now = clock.now();
        const terms = termsFor(product, {
          lineId: ids.next('line'),
          customerId: request.customerId,
          facilityId: facility.id,
          openedOn: clock.today(),
          apr: facility.apr,
          ...(request.statementDay === undefined ? {} : { statementDay: request.statementDay }),
          // The cap in force today bounds the line's late fees (with its interest) for its life.
          ...(termsInForce.legalCap ? { costCap: termsInForce.legalCap.annualRate } : {}),
        });
        const state = initialLineState(terms);
        await insertLines(tx, [{ terms, state }], now);
        await openAccounts(
          tx,
          [{ customerId: terms.customerId, contractId: terms.lineId }],
          LINE_ACCOUNT_KINDS,
          now,
        );
        return { line: lineViewOf(terms, state, facility), opened: true };
      });
    },

    async purchase(request) {
      positive(request.amount);
      const description = request.description.trim();
      if (description.length === 0 || description.length > 200) {
        throw AppError.invalid('description', 'length', 'describe the purchase in 1–200 characters');
      }
      try {
        const { value, replayed } = await command<PurchaseReceipt>(
          request.lineId,
          request.idempotencyKey,
          'line.purchase',
          { amount: request.amount, description },
          purchaseCodec,
          async (tx, facility, record) => {
            const today = clock.today();
            const { state } = advanceLine(record.terms, record.state, today);
            if (state.suspended) {
              const limit = record.terms.suspendAfterDpd;
              throw new Declined({
                reason: 'line-overdue',
                daysPastDue: lineDaysPastDue(state, today),
                limit,
              });
            }
            const held = heldFor(state);
            // A temporary limit past its last day no longer counts (the booking below removes it).
            const usable = temporaryExpired(facility.temporary, today)
              ? { ...facility, temporary: null }
              : facility;
            const refusal = checkDraw(usable, positivePart(subMoney(request.amount, held)));
            if (refusal)
              throw new Declined(
                refusal.reason === 'insufficient-available-credit'
                  ? { ...refusal, requested: request.amount, available: addMoney(refusal.available, held) }
                  : refusal,
              );
            const event: LineEvent = {
              seq: record.nextEventSeq,
              kind: 'purchase',
              effectiveDate: today,
              amount: request.amount,
              purchaseId: ids.next('purchase'),
              description,
            };
            const taken = await take(tx, facility, record, event);
            return {
              lineId: request.lineId,
              purchaseId: event.purchaseId,
              seq: event.seq,
              amount: request.amount,
              effectiveDate: today,
              heldUsed: subMoney(taken.after.line.overpaymentApplied, taken.before.line.overpaymentApplied),
              availableAfter: await availableAfter(tx, record.terms.customerId),
              journalIds: taken.journalIds,
            };
          },
        );
        return { outcome: 'made', receipt: value, replayed };
      } catch (error) {
        if (error instanceof Declined) return { outcome: 'declined', refusal: error.refusal };
        throw error;
      }
    },

    refund(request) {
      return credit(
        'refund',
        request.lineId,
        request.idempotencyKey,
        request.amount,
        { purchaseId: request.purchaseId },
        async (record, today, tx) => {
          const purchase = await findPurchase(tx, record.terms.customerId, request.purchaseId);
          if (!purchase || purchase.lineId !== record.terms.lineId)
            throw AppError.notFound('purchase', request.purchaseId);
          const refundable = subMoney(purchase.amount, purchase.refunded);
          if (request.amount > refundable) {
            throw AppError.invalid(
              'amount',
              'within-purchase',
              `at most ${toDecimalString(refundable)} of purchase ${request.purchaseId} is left to refund`,
            );
          }
          return {
            seq: record.nextEventSeq,
            kind: 'refund',
            effectiveDate: today,
            amount: request.amount,
            purchaseId: request.purchaseId,
          };
        },
      );
    },

    pay(request) {
      return credit(
        'payment',
        request.lineId,
        request.idempotencyKey,
        request.amount,
        { effectiveDate: request.effectiveDate ?? null },
        async (record, today) => {
          const effectiveDate = request.effectiveDate ?? today;
          if (effectiveDate > today) {
            throw AppError.invalid(
              'effectiveDate',
              'not-in-the-future',
              `the value date cannot be after today (${today})`,
            );
          }
          return { seq: record.nextEventSeq, kind: 'payment', effectiveDate, amount: request.amount };
        },
      );
    },

    async conversionOffer(request) {
      const cap = costCapInForce(await deps.termsInForce('credit_line', clock.today()));
      const where = await locate(db, request.lineId);
      const record = await findLine(db, where.customerId, request.lineId);
      if (!record) throw AppError.notFound('credit line', request.lineId);
      return withinCostCap((await offerOn(db, record, request)).offer, cap.costCap);
    },

    async convert(request) {
      // Read before the transaction: the settings come through the policy context (cached), not `tx`.
      const cap = costCapInForce(await deps.termsInForce('credit_line', clock.today()));
      const { value, replayed } = await command<ConversionReceipt>(
        request.lineId,
        request.idempotencyKey,
        'line.conversion',
        { source: request.source, term: request.term, amount: request.amount ?? null },
        conversionCodec,
        async (tx, facility, record) => {
          const { offer, source } = await offerOn(tx, record, request);
          withinCostCap(offer, cap.costCap);
          const today = clock.today();
          const planId = ids.next('instalmentPlan');
          await openAccounts(
            tx,
            [{ customerId: record.terms.customerId, contractId: planId }],
            PLAN_ACCOUNT_KINDS,
            clock.now(),
          );
          const event: LineEvent = {
            seq: record.nextEventSeq,
            kind: 'conversion',
            effectiveDate: today,
            amount: offer.amount,
            planId,
            source,
            term: offer.term,
            feeRate: offer.feeRate,
          };
          const taken = await take(tx, facility, record, event);
          const plan = taken.state.plans.find((candidate) => candidate.planId === planId);
          if (deps.outbox && plan) await deps.outbox.write(tx, [planCreated(record.terms.customerId, plan)]);
          return {
            lineId: request.lineId,
            planId,
            seq: event.seq,
            effectiveDate: today,
            offer,
            journalIds: taken.journalIds,
          };
        },
      );
      return { receipt: value, replayed };
    },

    async payout(request) {
      if (request.amount !== undefined) positive(request.amount);
      const { value, replayed } = await command<PayoutReceipt>(
        request.lineId,
        request.idempotencyKey,
        'line.payout',
        { amount: request.amount ?? null },
        payoutCodec,
        async (tx, facility, record) => {
          const today = clock.today();
          const { state } = advanceLine(record.terms, record.state, today);
          const held = heldFor(state);
          const amount = request.amount ?? held;
          if (amount <= 0n) {
            throw AppError.invalid('amount', 'within-held', 'nothing is held for the customer to pay out');
          }
          if (amount > held) {
            throw AppError.invalid(
              'amount',
              'within-held',
              `at most ${toDecimalString(held)} is held for the customer and can be paid out`,
            );
          }
          const event: LineEvent = { seq: record.nextEventSeq, kind: 'payout', effectiveDate: today, amount };
          const taken = await take(tx, facility, record, event);
          return {
            lineId: request.lineId,
            seq: event.seq,
            amount,
            effectiveDate: today,
            heldBefore: held,
            heldAfter: heldFor(taken.state),
            balances: lineBalancesOf(taken.state),
            journalIds: taken.journalIds,
          };
        },
      );
      return { receipt: value, replayed };
    },

    async settlePlan(request) {
      const { value, replayed } = await command<PlanSettlementReceipt>(
        request.lineId,
        request.idempotencyKey,
        'line.plan-settlement',
        { planId: request.planId },
        settlementCodec,
        async (tx, facility, record) => {
          const today = clock.today();
          const { state } = advanceLine(record.terms, record.state, today);
          const plan = state.plans.find((candidate) => candidate.planId === request.planId);
          if (!plan) throw AppError.notFound('instalment plan', request.planId);
          if (!planIsRunning(plan)) {
            throw AppError.invalid(
              'planId',
              'plan-active',
              `plan ${request.planId} is ${planStatusOf(plan)}: nothing is left to bill`,
            );
          }
          const period = plan.billedPeriods + 1;
          if (period === lastPeriodOf(plan)) {
            throw AppError.invalid(
              'planId',
              'accelerates',
              `the next statement (${state.nextStatementDate}) bills the last period of plan ${request.planId} anyway`,
            );
          }
          const principal = planNotYetBilled(plan);
          const event: LineEvent = {
            seq: record.nextEventSeq,
            kind: 'plan-settlement',
            effectiveDate: today,
            amount: principal,
            planId: plan.planId,
          };
          await take(tx, facility, record, event);
          const periodsWaived = lastPeriodOf(plan) - period;
          if (request.requester && !request.requester.onBehalfOfCustomer && deps.audit) {
            await deps.audit.record(
              {
                actor: request.requester.actor,
                action: 'credit-line.plan-settlement',
                subject: { type: 'credit-line', id: request.lineId },
                outcome: 'ok',
                details: {
                  planId: plan.planId,
                  principal: toDecimalString(principal),
                  billedOn: state.nextStatementDate,
                  feesWaived: toDecimalString(timesMoney(plan.feePerPeriod, periodsWaived)),
                },
              },
              tx,
            );
          }
          return {
            lineId: request.lineId,
            planId: plan.planId,
            seq: event.seq,
            effectiveDate: today,
            principal,
            period,
            billedOn: state.nextStatementDate,
            fee: plan.feePerPeriod,
            feesWaived: timesMoney(plan.feePerPeriod, periodsWaived),
            periodsWaived,
          };
        },
      );
      return { receipt: value, replayed };
    },

    async getLine(lineId) {
      const where = await locate(db, lineId);
      const record = await findLine(db, where.customerId, lineId);
      if (!record) throw AppError.notFound('credit line', lineId);
      return view(db, record);
    },

    async listLines(customerId) {
      const records = await listLines(db, customerId);
      return Promise.all(records.map((record) => view(db, record)));
    },

    async statements(lineId) {
      const where = await locate(db, lineId);
      return listStatements(db, where.customerId, lineId);
    },

    async statement(lineId, seq) {
      const where = await locate(db, lineId);
      const statement = await findStatement(db, where.customerId, lineId, seq);
      if (!statement) throw AppError.notFound('statement', `${lineId}/${seq}`);
      return statement;
    },
  };
}
