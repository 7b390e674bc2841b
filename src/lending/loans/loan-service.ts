import { createPgIdempotencyStore } from '../../ledger/idempotency.pg.ts';
import { once, parseIdempotencyKey } from '../../ledger/idempotency.ts';
import { balanceEffect, type AccountKind, type Side } from '../../ledger/account.ts';
import type { ContractBalances, JournalEntry } from '../../ledger/journal.ts';
import { contractPostings, openAccounts, postJournals } from '../../ledger/ledger.pg.ts';
import type { Database, Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import { moneyFromJson, subMoney, ZERO, type Money } from '../../platform/money/money.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { availableCredit, checkDraw, type DrawRefusal } from '../facilities/facility.ts';
import { changeUtilisation, lockFacility, lockFacilityById } from '../facilities/facility.pg.ts';
import { assertFacilityTermsInForce, type TermsInForcePort } from '../facilities/facility-terms-guard.ts';
import { drawdownJournal, journalOf, LOAN_ACCOUNT_KINDS, loanBalances } from './loan-books.ts';
import { costCapInForce } from '../shared/cost-cap-in-force.ts';
import { contractFor, type LoanContract, type LoanProduct } from './loan-contract.ts';
import {
  outstandingOf,
  type LoanCounters,
  type LoanEvent,
  type LoanState,
  type Outstanding,
  type RepaymentIntent,
} from './loan-state.ts';
import {
  findLoan,
  hasDelinquentLoan,
  insertLoanEvent,
  insertLoans,
  listLoans,
  loanEvents,
  locateLoan,
  lockLoan,
  loanEventHistory,
  saveLoanStates,
  type LoanEventRecord,
  type LoanRecord,
} from './loans.pg.ts';
import { generateSchedule, type RepaymentMethod, type Schedule } from './schedule.ts';
import {
  advance,
  bucketOf,
  daysPastDue,
  initialState,
  instalmentViews,
  payoffQuote,
  receiveEvent,
  type Bucket,
  type BookedChange,
  type InstalmentView,
  type PayoffQuote,
} from './servicing.ts';
import type { MessageOutbox } from '../../platform/notifications/index.ts';
import { loanPaymentReceived } from './loan-messages.ts';

export interface LoanServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly product: LoanProduct;
  /**
   * The cash-loan products and legal cap in force on a date: a drawdown re-checks the facility's rate and
   * limit against them (defence in depth — a facility row with bad terms, however written, lends nothing).
   */
  readonly termsInForce: TermsInForcePort;
  /** Where "payment received" is written, in the repayment's transaction (none: the customer is not told). */
  readonly outbox?: MessageOutbox;
}

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

/** A loan as the API shows it, as of the last processed business day. */
export interface LoanView {
  readonly contract: LoanContract;
  readonly status: LoanState['status'];
  readonly asOf: LocalDate;
  readonly daysPastDue: number;
  readonly bucket: Bucket;
  readonly outstanding: Outstanding;
  readonly nextDue: { readonly dueDate: LocalDate; readonly amount: Money } | null;
  /** Annualised rate by IRR over the contract's cash flows (fee included). */
  readonly aprByIrr: number;
  readonly instalments: readonly InstalmentView[];
  readonly closedOn: LocalDate | null;
  readonly writtenOffOn: LocalDate | null;
}

export interface StatementLine {
  readonly kind: AccountKind;
  readonly side: Side;
  readonly amount: Money;
}

export interface StatementEntry {
  readonly journalId: string;
  readonly date: LocalDate;
  readonly kind: string;
  readonly description: string;
  readonly lines: readonly StatementLine[];
}

/** Statement of account: balances at the start and end of the period and every entry in between. */
export interface LoanStatement {
  readonly loan: LoanView;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly opening: ContractBalances;
  readonly closing: ContractBalances;
  readonly entries: readonly StatementEntry[];
}

/** Cash loans: drawdown, repayment, write-off, quotes and views. Every money command is idempotent. */
export interface LoanService {
  drawdown(request: DrawdownRequest): Promise<DrawdownResult>;
  repay(request: RepaymentRequest): Promise<RepaymentResult>;
  writeOff(request: { loanId: string; idempotencyKey: string }): Promise<RepaymentResult>;
  /** Pays money held for the customer back to them (all of it by default); refuses more than is held. */
  payout(request: PayoutRequest): Promise<PayoutResult>;
  /** The loan's events (repayments, write-off, payouts) in arrival order. */
  events(loanId: string): Promise<LoanEventRecord[]>;
  payoffQuote(loanId: string, date?: LocalDate): Promise<PayoffQuote>;
  getLoan(loanId: string): Promise<LoanView>;
  listLoans(customerId: string): Promise<LoanView[]>;
  statement(loanId: string, range?: { from?: LocalDate; to?: LocalDate }): Promise<LoanStatement>;
}

/** Raised inside a transaction to roll it back and hand a value out (a declined command writes nothing). */
class Declined extends Error {
  constructor(readonly refusal: DrawdownRefusal) {
    super('declined');
  }
}

const idempotency = createPgIdempotencyStore();

/** A loan's view from its contract and state. */
export function viewOf(contract: LoanContract, state: LoanState, schedule?: Schedule): LoanView {
  const asOf = state.processedThrough;
  const dpd = daysPastDue(state, asOf);
  const instalments = instalmentViews(contract, state, asOf);
  const next = instalments.find(
    (view) => view.status !== 'paid' && view.status !== 'written-off' && view.owed > 0n,
  );
  const plan =
    schedule ??
    generateSchedule({
      principal: contract.principal,
      apr: contract.apr,
      term: contract.term,
      method: contract.method,
      basis: contract.basis,
      startDate: contract.startDate,
      upfrontFee: contract.upfrontFee,
    });
  return {
    contract,
    status: state.status,
    asOf,
    daysPastDue: dpd,
    bucket: bucketOf(dpd, contract.bucketBounds),
    outstanding: outstandingOf(state),
    nextDue: next && state.status === 'active' ? { dueDate: next.dueDate, amount: next.owed } : null,
    aprByIrr: plan.apr,
    instalments,
    closedOn: state.closedOn,
    writtenOffOn: state.writtenOffOn,
  };
}

function scheduleOf(contract: LoanContract): Schedule {
  return generateSchedule({
    principal: contract.principal,
    apr: contract.apr,
    term: contract.term,
    method: contract.method,
    basis: contract.basis,
    startDate: contract.startDate,
    upfrontFee: contract.upfrontFee,
  });
}

function allocationOf(before: LoanCounters, after: LoanCounters): RepaymentAllocation {
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

function encodeReceipt(receipt: RepaymentReceipt): unknown {
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

function decodeReceipt(stored: unknown): RepaymentReceipt {
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

function encodeOutstanding(o: Outstanding): string[] {
  return [o.principal, o.interest, o.penalty, o.overpayment, o.writtenOff].map(String);
}

function decodeOutstanding(list: string[]): Outstanding {
  const b = (index: number) => moneyFromJson(list[index] ?? '0', `outstanding[${index}]`);
  return { principal: b(0), interest: b(1), penalty: b(2), overpayment: b(3), writtenOff: b(4) };
}

const payoutCodec = {
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

/**
 * Books an event on a locked loan: applies it (advancing or restating as its date requires), posts the
 * journals, saves the state and moves the facility's utilisation by the principal repaid. Shared by
 * repayments and write-offs.
 */
async function bookEvent(
  tx: Queryable,
  deps: LoanServiceDeps,
  record: LoanRecord,
  event: LoanEvent,
): Promise<{ state: LoanState; changes: BookedChange[]; journals: JournalEntry[] }> {
  const { contract } = record;
  const earlier = await loanEvents(tx, contract.customerId, contract.loanId);
  const { state, changes } = receiveEvent(contract, record.state, earlier, event);
  const journals: JournalEntry[] = [];
  for (const change of changes) {
    const journal = journalOf(contract, change, deps.ids.next('journal'));
    if (journal) journals.push(journal);
  }
  const now = deps.clock.now();
  await insertLoanEvent(tx, contract.customerId, contract.loanId, event, now);
  await postJournals(tx, journals, now);
  await saveLoanStates(tx, [{ contract, state, nextEventSeq: record.nextEventSeq + 1 }], now);
  const repaid = state.counters.principalRepaid - record.state.counters.principalRepaid;
  if (repaid !== 0n) await changeUtilisation(tx, contract.customerId, contract.facilityId, -repaid, now);
  return { state, changes, journals };
}

async function locate(q: Queryable, loanId: string): Promise<{ customerId: string; facilityId: string }> {
  const where = await locateLoan(q, loanId);
  if (!where) throw AppError.notFound('loan', loanId);
  return where;
}

export function createLoanService(deps: LoanServiceDeps): LoanService {
  const { db, clock, ids, product } = deps;

  async function load(loanId: string): Promise<LoanRecord> {
    const where = await locate(db, loanId);
    const record = await findLoan(db, where.customerId, loanId);
    if (!record) throw AppError.notFound('loan', loanId);
    return record;
  }

  async function takeEvent(
    loanId: string,
    idempotencyKey: string,
    scope: string,
    request: Record<string, unknown>,
    makeEvent: (record: LoanRecord, today: LocalDate) => LoanEvent,
  ): Promise<RepaymentResult> {
    const key = parseIdempotencyKey(idempotencyKey);
    const where = await locate(db, loanId);
    return db.transaction(async (tx) => {
      const { value, replayed } = await once<RepaymentReceipt>(
        idempotency,
        tx,
        { customerId: where.customerId, scope, key, request: { loanId, ...request } },
        clock.now(),
        { encode: encodeReceipt, decode: decodeReceipt },
        async () => {
          // Lock order everywhere: facility, then loan (the day-end batch follows it too).
          await lockFacilityById(tx, where.customerId, where.facilityId);
          const record = await lockLoan(tx, where.customerId, loanId);
          if (!record) throw AppError.notFound('loan', loanId);
          const event = makeEvent(record, clock.today());
          const { state, changes, journals } = await bookEvent(tx, deps, record, event);
          const last = changes[changes.length - 1];
          const restated = last?.cause === 'restatement';
          const allocation = last
            ? allocationOf(last.before, last.after)
            : allocationOf(state.counters, state.counters);
          // A recovery on a written-off loan is not a payment the borrower is told about here.
          if (deps.outbox && event.kind === 'repayment' && allocation.recovered === 0n) {
            await deps.outbox.write(tx, [
              loanPaymentReceived({
                loanId,
                customerId: where.customerId,
                seq: event.seq,
                amount: event.amount,
                principal: allocation.principal,
                interest: allocation.interest,
                penalty: allocation.penalty,
                held: allocation.held,
                stateAfter: state,
              }),
            ]);
          }
          return {
            loanId,
            seq: event.seq,
            amount: event.kind === 'repayment' ? event.amount : ZERO,
            intent: event.kind === 'repayment' ? event.intent : 'scheduled',
            effectiveDate: event.effectiveDate,
            restated,
            allocation,
            accrualChange: {
              interest: last ? subMoney(last.after.interestAccrued, last.before.interestAccrued) : ZERO,
              penalty: last ? subMoney(last.after.penaltyAccrued, last.before.penaltyAccrued) : ZERO,
            },
            outstanding: outstandingOf(state),
            status: state.status,
            journalIds: journals.map((journal) => journal.id),
          };
        },
      );
      return { receipt: value, replayed };
    });
  }

  return {
    async drawdown(request) {
      const key = parseIdempotencyKey(request.idempotencyKey);
      if (request.amount <= 0n) throw AppError.invalid('amount', 'positive', 'the amount must be above zero');
      // Read before the transaction: the settings come through the policy context (cached), not `tx`.
      const today = clock.today();
      const termsInForce = await deps.termsInForce('cash_loan', today);
      try {
        return await db.transaction(async (tx) => {
          const { value, replayed } = await once<{ loanId: string; availableAfter: string }>(
            idempotency,
            tx,
            {
              customerId: request.customerId,
              scope: 'loan.drawdown',
              key,
              request: { amount: request.amount, term: request.term, method: request.method },
            },
            clock.now(),
            { encode: (v) => v, decode: (stored) => stored as { loanId: string; availableAfter: string } },
            async () => {
              const facility = await lockFacility(tx, request.customerId, 'cash-loan');
              if (!facility) throw new Declined({ reason: 'no-facility' });
              const refusal = checkDraw(facility, request.amount);
              if (refusal) throw new Declined(refusal);
              assertFacilityTermsInForce(facility, termsInForce, today);
              if (await hasDelinquentLoan(tx, request.customerId)) {
                throw new Declined({ reason: 'delinquent', detail: 'a loan is past due or written off' });
              }
              const contract = contractFor(product, {
                loanId: ids.next('loan'),
                customerId: request.customerId,
                facilityId: facility.id,
                principal: request.amount,
                apr: facility.apr,
                term: request.term,
                method: request.method,
                startDate: clock.today(),
                ...costCapInForce(termsInForce),
              });
              const state = initialState(contract);
              const now = clock.now();
              await insertLoans(tx, [{ contract, state }], now);
              await openAccounts(
                tx,
                [{ customerId: contract.customerId, contractId: contract.loanId }],
                LOAN_ACCOUNT_KINDS,
                now,
              );
              await postJournals(tx, [drawdownJournal(contract, state.counters, ids.next('journal'))], now);
              const used = await changeUtilisation(
                tx,
                contract.customerId,
                facility.id,
                contract.principal,
                now,
              );
              const available = availableCredit({ ...facility, used });
              return { loanId: contract.loanId, availableAfter: available.toString() };
            },
          );
          const record = await findLoan(tx, request.customerId, value.loanId);
          if (!record) throw new AppError('INTERNAL', `loan ${value.loanId} vanished after the drawdown`);
          const { contract } = record;
          const receipt: DrawdownReceipt = {
            loanId: contract.loanId,
            contract,
            paidOut: subMoney(contract.principal, contract.upfrontFee),
            schedule: scheduleOf(contract),
            availableAfter: moneyFromJson(value.availableAfter, 'receipt.availableAfter'),
          };
          return { outcome: 'drawn' as const, receipt, replayed };
        });
      } catch (error) {
        if (error instanceof Declined) return { outcome: 'declined', refusal: error.refusal };
        throw error;
      }
    },

    repay(request) {
      if (request.amount <= 0n) throw AppError.invalid('amount', 'positive', 'the amount must be above zero');
      return takeEvent(
        request.loanId,
        request.idempotencyKey,
        'loan.repayment',
        { amount: request.amount, intent: request.intent, effectiveDate: request.effectiveDate ?? null },
        (record, today) => {
          const effectiveDate = request.effectiveDate ?? today;
          if (effectiveDate > today) {
            throw AppError.invalid(
              'effectiveDate',
              'not-in-the-future',
              `the value date cannot be after today (${today})`,
            );
          }
          if (effectiveDate < record.contract.startDate) {
            throw AppError.invalid(
              'effectiveDate',
              'not-before-drawdown',
              `the loan was drawn on ${record.contract.startDate}`,
            );
          }
          return {
            seq: record.nextEventSeq,
            kind: 'repayment',
            effectiveDate,
            amount: request.amount,
            intent: request.intent,
          };
        },
      );
    },

    writeOff(request) {
      return takeEvent(request.loanId, request.idempotencyKey, 'loan.write-off', {}, (record, today) => {
        if (record.state.status !== 'active') {
          throw new AppError(
            'UNPROCESSABLE',
            `loan ${record.contract.loanId} is ${record.state.status}; only an active loan can be written off`,
          );
        }
        return { seq: record.nextEventSeq, kind: 'write-off', effectiveDate: today };
      });
    },

    async payout(request) {
      if (request.amount !== undefined && request.amount <= 0n) {
        throw AppError.invalid('amount', 'positive', 'the amount must be above zero');
      }
      const key = parseIdempotencyKey(request.idempotencyKey);
      const { loanId } = request;
      const where = await locate(db, loanId);
      return db.transaction(async (tx) => {
        const { value, replayed } = await once<PayoutReceipt>(
          idempotency,
          tx,
          {
            customerId: where.customerId,
            scope: 'loan.payout',
            key,
            request: { loanId, amount: request.amount ?? null },
          },
          clock.now(),
          payoutCodec,
          async () => {
            // Lock order everywhere: facility, then loan. Reaching today may bill an instalment (which uses
            // held money and repays principal, moving the facility's utilisation).
            await lockFacilityById(tx, where.customerId, where.facilityId);
            const record = await lockLoan(tx, where.customerId, loanId);
            if (!record) throw AppError.notFound('loan', loanId);
            const today = clock.today();
            // What is held today, after the day steps up to today (a due date today uses held money first).
            const asOfToday =
              today > record.state.processedThrough
                ? advance(record.contract, record.state, today).state
                : record.state;
            const heldBefore = outstandingOf(asOfToday).overpayment;
            const amount = request.amount ?? heldBefore;
            if (amount === 0n) {
              throw AppError.invalid('amount', 'within-held', `nothing is held for the customer on ${today}`);
            }
            const event: LoanEvent = {
              seq: record.nextEventSeq,
              kind: 'payout',
              effectiveDate: today,
              amount,
            };
            // Refuses more than is held (HeldShortfall → amount / within-held), before anything is written.
            const { state, journals } = await bookEvent(tx, deps, record, event);
            return {
              loanId,
              seq: event.seq,
              amount,
              effectiveDate: today,
              heldBefore,
              outstanding: outstandingOf(state),
              status: state.status,
              journalIds: journals.map((journal) => journal.id),
            };
          },
        );
        return { receipt: value, replayed };
      });
    },

    async events(loanId) {
      const where = await locate(db, loanId);
      return loanEventHistory(db, where.customerId, loanId);
    },

    async payoffQuote(loanId, date) {
      const record = await load(loanId);
      return payoffQuote(record.contract, record.state, date ?? clock.today());
    },

    async getLoan(loanId) {
      const record = await load(loanId);
      return viewOf(record.contract, record.state);
    },

    async listLoans(customerId) {
      const records = await listLoans(db, customerId);
      return records.map((record) => viewOf(record.contract, record.state));
    },

    async statement(loanId, range = {}) {
      const record = await load(loanId);
      const from = range.from ?? record.contract.startDate;
      const to = range.to ?? clock.today();
      if (from > to) throw AppError.invalid('from', 'before-to', 'from must not be after to');
      const postings = await contractPostings(db, record.contract.customerId, loanId);
      const opening: Partial<Record<AccountKind, bigint>> = {};
      const closing: Partial<Record<AccountKind, bigint>> = {};
      const entries = new Map<
        string,
        { journalId: string; date: LocalDate; kind: string; description: string; lines: StatementLine[] }
      >();
      for (const posting of postings) {
        if (posting.effectiveDate > to) continue;
        const effect = balanceEffect(posting.kind, posting.side, posting.amount);
        closing[posting.kind] = (closing[posting.kind] ?? 0n) + effect;
        if (posting.effectiveDate < from) {
          opening[posting.kind] = (opening[posting.kind] ?? 0n) + effect;
          continue;
        }
        let entry = entries.get(posting.journalId);
        if (!entry) {
          entry = {
            journalId: posting.journalId,
            date: posting.effectiveDate,
            kind: posting.journalKind,
            description: posting.description,
            lines: [],
          };
          entries.set(posting.journalId, entry);
        }
        entry.lines.push({ kind: posting.kind, side: posting.side, amount: posting.amount });
      }
      return {
        loan: viewOf(record.contract, record.state),
        from,
        to,
        opening: opening as ContractBalances,
        closing: closing as ContractBalances,
        entries: [...entries.values()],
      };
    },
  };
}

/** The ledger balances a loan's state implies (what its accounts must hold). */
export function expectedBalances(state: LoanState): ContractBalances {
  return loanBalances(state.counters);
}
