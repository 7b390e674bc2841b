import { conversionOfferOn, convertToPlan } from './convert-to-plan.ts';
import type { CreditLineDeps, CreditLineService, CreditLineServiceDeps } from './credit-line-ports.ts';
import {
  changeLineStatementDay,
  closeLine,
  grantTemporaryLimit,
  liftCustomerLimitCap,
  lineChanges,
  requestLowerLimit,
} from './line-lifecycle-service.ts';
import { getLine, lineStatement, lineStatements, listLines } from './line-reads.ts';
import { openLine } from './open-line.ts';
import { payLine } from './pay-line.ts';
import { payOutHeld } from './pay-out-held.ts';
import { releaseLineHeld, reserveLineHeld } from './reserve-held.ts';
import { purchaseOnLine } from './purchase-on-line.ts';
import { refundPurchase } from './refund-purchase.ts';
import { reverseLinePayment } from './reverse-line-payment.ts';
import { settleLinePlan } from './settle-plan.ts';
import { writeOffCreditLine } from './write-off-line.ts';
import { validateProduct } from './line-terms.ts';

/**
 * Credit lines as use cases, one file each: open a line on the customer's credit-line facility
 * (`open-line.ts`); purchases (`purchase-on-line.ts`) and refunds (`refund-purchase.ts`) against the available
 * limit (a refund of a converted purchase goes to its plan first); payments, value-dated back within the cycle
 * (`pay-line.ts`) and their reversal (`reverse-line-payment.ts`); payouts of money held (`pay-out-held.ts`); instalment offers and conversions
 * (`convert-to-plan.ts`); early settlement of a plan (`settle-plan.ts`); the lifecycle changes
 * (`line-lifecycle-service.ts`); views and statements (`line-reads.ts`). Every money command takes an
 * idempotency key and runs in one transaction that locks the facility, then the line, then writes the ledger
 * (`line-command.ts`). This factory only binds them to their deps.
 */

export type { CreditLineService, CreditLineServiceDeps } from './credit-line-ports.ts';
export type {
  ConversionReceipt,
  ConversionRequest,
  ConversionResult,
  ConversionSource,
  CreditAllocation,
  CreditReceipt,
  CreditResult,
  LineReversalReceipt,
  LineReversalResult,
  MinimumDue,
  PayoutReceipt,
  PayoutResult,
  PlanSettlementReceipt,
  PurchaseReceipt,
  PurchaseRefusal,
  PurchaseRequest,
  PurchaseResult,
} from './line-receipts.ts';
export { lineViewOf, type LineView, type OpenStatementView, type PlanView } from './line-view.ts';

export function createCreditLineService(serviceDeps: CreditLineServiceDeps): CreditLineService {
  const deps: CreditLineDeps = {
    ...serviceDeps,
    product: validateProduct(serviceDeps.product),
  };
  const lifecycle = {
    db: deps.db,
    clock: deps.clock,
    ids: deps.ids,
    audit: deps.audit,
    ledger: deps.ledger,
    idempotency: deps.idempotency,
  };
  return {
    openLine: (request) => openLine(deps, request),
    purchase: (request) => purchaseOnLine(deps, request),
    refund: (request) => refundPurchase(deps, request),
    pay: (request) => payLine(deps, request),
    conversionOffer: (request) => conversionOfferOn(deps, request),
    convert: (request) => convertToPlan(deps, request),
    payout: (request) => payOutHeld(deps, request),
    reserveHeld: (tx, request) => reserveLineHeld(deps, tx, request),
    releaseHeld: (tx, request) => releaseLineHeld(deps, tx, request),
    reversePayment: (request) => reverseLinePayment(deps, request),
    settlePlan: (request) => settleLinePlan(deps, request),
    writeOff: (request) => writeOffCreditLine(deps, request),
    close: (request) => closeLine(lifecycle, request),
    requestLowerLimit: (request) => requestLowerLimit(lifecycle, request),
    liftCustomerLimitCap: (request) => liftCustomerLimitCap(lifecycle, request),
    grantTemporaryLimit: (request) => grantTemporaryLimit(lifecycle, request),
    changeStatementDay: (request) => changeLineStatementDay(lifecycle, request),
    changes: (lineId) => lineChanges(lifecycle, lineId),
    getLine: (lineId) => getLine(deps, lineId),
    listLines: (customerId) => listLines(deps, customerId),
    statements: (lineId) => lineStatements(deps, lineId),
    statement: (lineId, seq) => lineStatement(deps, lineId, seq),
  };
}
