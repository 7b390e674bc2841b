import type { LineView } from '../lending/credit-lines/credit-line-service.ts';
import type { DrawRefusal } from '../lending/facilities/facility.ts';
import {
  contractFor,
  DEFAULT_LOAN_PRODUCT,
  formatReportedRate,
  generateSchedule,
  type LoanView,
  type RepaymentIntent,
  type RepaymentMethod,
} from '../lending/index.ts';
import type { DrawdownRefusal } from '../lending/loans/loan-service.ts';
import { AppError, isAppError } from '../platform/errors/app-error.ts';
import {
  addMoney,
  parseMoney,
  subMoney,
  toDecimalString,
  ZERO,
  type Money,
} from '../platform/money/money.ts';
import { divideRate, toExactRateString } from '../platform/money/rate.ts';
import type { MeDeps } from './me-deps.ts';

/**
 * The customer's money: loans (quote, drawdown, repayment) and credit-line actions (open, purchase in the
 * demo, payment, instalment conversion). Each delegates to the lending services with the session's customer
 * id; a loan or line of another customer is not found. Every money command carries the caller's
 * idempotency key through to the service, which makes it happen once per (customer, command, key).
 */

const notFound = (what: string, id: string) => AppError.notFound(what, id);

function isNotFound(error: unknown): boolean {
  return isAppError(error) && error.code === 'NOT_FOUND';
}

/** A loan of this customer, or NOT_FOUND (the same answer for another customer's and for none). */
export async function ownLoan(deps: MeDeps, customerId: string, loanId: string): Promise<LoanView> {
  const view = await deps.services.loans.getLoan(loanId).catch((error: unknown) => {
    if (isNotFound(error)) return undefined;
    throw error;
  });
  if (!view || view.contract.customerId !== customerId) throw notFound('loan', loanId);
  return view;
}

/** A credit line of this customer, or NOT_FOUND. */
export async function ownLine(deps: MeDeps, customerId: string, lineId: string): Promise<LineView> {
  const view = await deps.services.creditLines.getLine(lineId).catch((error: unknown) => {
    if (isNotFound(error)) return undefined;
    throw error;
  });
  if (!view || view.terms.customerId !== customerId) throw notFound('credit line', lineId);
  return view;
}

/** Why a drawdown or purchase was refused, as a 422 whose `reason` the app can act on. */
export function refused(
  refusal:
    | DrawdownRefusal
    | DrawRefusal
    | { reason: 'line-overdue'; daysPastDue: number }
    | { reason: 'line-written-off'; writtenOffOn: string },
) {
  switch (refusal.reason) {
    case 'insufficient-available-credit':
      return new AppError(
        'UNPROCESSABLE',
        `the amount is above your available credit of ${toDecimalString(refusal.available)}`,
        { details: { reason: refusal.reason, available: toDecimalString(refusal.available) } },
      );
    case 'no-facility':
      return new AppError('UNPROCESSABLE', 'you have no approved limit for this product yet: apply first', {
        details: { reason: refusal.reason },
      });
    case 'facility-not-active':
      return new AppError('UNPROCESSABLE', `your limit is ${refusal.status}`, {
        details: { reason: refusal.reason, facilityStatus: refusal.status },
      });
    case 'delinquent':
      return new AppError('UNPROCESSABLE', 'a loan is past due: repay it first', {
        details: { reason: 'loan-past-due' },
      });
    case 'line-overdue':
      return new AppError(
        'UNPROCESSABLE',
        `the line is ${refusal.daysPastDue} days past due: repay it first`,
        {
          details: { reason: refusal.reason, daysPastDue: refusal.daysPastDue },
        },
      );
    case 'line-written-off':
      return new AppError(
        'UNPROCESSABLE',
        `the line was written off on ${refusal.writtenOffOn}: it takes no more purchases; what is owed can still be paid`,
        { details: { reason: refusal.reason, writtenOffOn: refusal.writtenOffOn } },
      );
  }
}

export interface LoanRequest {
  readonly amount: string;
  readonly term: number;
  readonly method: RepaymentMethod;
}

/** `POST /v1/me/loans/quote`: the schedule a drawdown would have today; nothing is stored. */
export async function quoteLoan(deps: MeDeps, customerId: string, request: LoanRequest) {
  const principal = parseMoney(request.amount, 'amount');
  const facility = await deps.services.facilities.getFacility(customerId, 'cash-loan');
  if (!facility) throw refused({ reason: 'no-facility' });
  const contract = contractFor(DEFAULT_LOAN_PRODUCT, {
    loanId: 'quote',
    customerId,
    facilityId: facility.id,
    principal,
    apr: facility.apr,
    term: request.term,
    method: request.method,
    startDate: deps.clock.today(),
  });
  const schedule = generateSchedule({
    principal: contract.principal,
    apr: contract.apr,
    term: contract.term,
    method: contract.method,
    basis: contract.basis,
    startDate: contract.startDate,
    upfrontFee: contract.upfrontFee,
  });
  const s = toDecimalString;
  return {
    amount: s(principal),
    term: contract.term,
    method: contract.method,
    apr: toExactRateString(contract.apr),
    dailyRate: toExactRateString(divideRate(contract.apr, 365n)),
    aprByIrr: formatReportedRate(schedule.apr),
    upfrontFee: s(contract.upfrontFee),
    paidOut: s(subMoney(principal, contract.upfrontFee)),
    totalInterest: s(schedule.totalInterest),
    totalFees: s(contract.upfrontFee),
    totalRepayment: s(schedule.totalPayment),
    rows: schedule.lines.map((line) => ({
      period: line.period,
      dueDate: line.dueDate,
      principal: s(line.principal),
      interest: s(line.interest),
      payment: s(line.payment),
      balance: s(line.balance),
    })),
  };
}

/** `POST /v1/me/loans`: a drawdown on the customer's cash-loan limit. */
export async function drawLoan(
  deps: MeDeps,
  customerId: string,
  request: LoanRequest,
  idempotencyKey: string,
) {
  const result = await deps.services.loans.drawdown({
    customerId,
    amount: parseMoney(request.amount, 'amount'),
    term: request.term,
    method: request.method,
    idempotencyKey,
  });
  if (result.outcome === 'declined') throw refused(result.refusal);
  const loan = await deps.services.loans.getLoan(result.receipt.loanId);
  return {
    loan,
    paidOut: toDecimalString(result.receipt.paidOut),
    availableAfter: toDecimalString(result.receipt.availableAfter),
    replayed: result.replayed,
  };
}

/** `POST /v1/me/loans/{id}/repayments`. */
export async function repayLoan(
  deps: MeDeps,
  customerId: string,
  loanId: string,
  request: { readonly amount: string; readonly intent?: RepaymentIntent },
  idempotencyKey: string,
) {
  await ownLoan(deps, customerId, loanId);
  const amount = parseMoney(request.amount, 'amount');
  if (amount <= 0n) throw AppError.invalid('amount', 'positive', 'must be more than 0');
  return deps.services.loans.repay({
    loanId,
    amount,
    intent: request.intent ?? 'scheduled',
    idempotencyKey,
  });
}

export type LinePaymentKind = 'full' | 'minimum' | 'amount';

/** What a payment kind means on the line now: the payoff, what is left of the minimum, or the amount. */
export function resolvePaymentAmount(line: LineView, kind: LinePaymentKind, amount: Money | null): Money {
  switch (kind) {
    case 'full':
      return line.balances.payoff;
    case 'minimum': {
      let total = ZERO;
      for (const statement of line.openStatements)
        if (statement.settledOn === null) total = addMoney(total, statement.minimumOutstanding);
      return total;
    }
    case 'amount':
      if (amount === null) throw AppError.invalid('amount', 'required', 'is required with kind "amount"');
      return amount;
  }
}

/**
 * `POST /v1/me/lines/{id}/payments`: pay the full balance, the minimum or an amount. The amount a kind
 * meant is fixed with the key on the first request (`me_line_payment_requests`), so a retry pays it once —
 * after the first payment "full" would mean something else — and the same key for another request is 409.
 */
export async function payLine(
  deps: MeDeps,
  customerId: string,
  lineId: string,
  request: { readonly kind: LinePaymentKind; readonly amount?: string },
  idempotencyKey: string,
) {
  if (request.kind !== 'amount' && request.amount !== undefined)
    throw AppError.invalid('amount', 'not-allowed', `is only sent with kind "amount", not "${request.kind}"`);
  const requested = request.amount === undefined ? null : parseMoney(request.amount, 'amount');
  if (requested !== null && requested <= 0n)
    throw AppError.invalid('amount', 'positive', 'must be more than 0');
  if (request.kind === 'amount' && requested === null)
    throw AppError.invalid('amount', 'required', 'is required with kind "amount"');
  const line = await ownLine(deps, customerId, lineId);
  const same = (stored: { lineId: string; kind: string; requestedAmount: Money | null }) =>
    stored.lineId === lineId && stored.kind === request.kind && stored.requestedAmount === requested;
  let stored = await deps.linePayments.find(customerId, idempotencyKey);
  if (!stored) {
    const resolved = resolvePaymentAmount(line, request.kind, requested);
    if (resolved <= 0n)
      throw new AppError('UNPROCESSABLE', 'nothing is owed on this line for that kind of payment', {
        details: { reason: 'nothing-owed' },
      });
    await deps.linePayments.insert(
      {
        customerId,
        idempotencyKey,
        lineId,
        kind: request.kind,
        requestedAmount: requested,
        resolvedAmount: resolved,
      },
      deps.clock.now(),
    );
    stored = await deps.linePayments.find(customerId, idempotencyKey);
    if (!stored) throw new AppError('INTERNAL', 'a line payment request vanished after it was recorded');
  }
  if (!same(stored))
    throw new AppError('IDEMPOTENCY_MISMATCH', 'this Idempotency-Key was used for a different payment', {
      issues: [
        { field: 'headers.idempotency-key', rule: 'idempotency', message: 'was used for another request' },
      ],
    });
  const result = await deps.services.creditLines.pay({
    lineId,
    amount: stored.resolvedAmount,
    idempotencyKey,
  });
  return result;
}
