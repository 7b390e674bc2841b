import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { sumMoney, toDecimalString } from '../../platform/money/money.ts';
import { costCapInForce } from '../shared/cost-cap-in-force.ts';
import type { CreditLineDeps, CreditLineService } from './credit-line-ports.ts';
import { findLine, findPurchase, type LineRecord } from './credit-lines.pg.ts';
import { conversionOffer, withinCostCap, type ConversionOffer } from './instalment-conversion.ts';
import { command, locate, positive, take } from './line-command.ts';
import { PLAN_ACCOUNT_KINDS } from './line-books.ts';
import { planCreated } from './line-messages.ts';
import { conversionCodec, type ConversionReceipt, type ConversionRequest } from './line-receipts.ts';
import { advanceLine } from './line-servicing.ts';
import type { LineEvent, PlanSource } from './line-state.ts';

/** The amount and offer of a conversion on the line's state as of today. */
export async function offerOn(
  deps: CreditLineDeps,
  tx: Queryable,
  record: LineRecord,
  request: ConversionRequest,
): Promise<{ offer: ConversionOffer; source: PlanSource }> {
  const today = deps.clock.today();
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

/** What converting would cost; nothing is written. */
export async function conversionOfferOn(
  deps: CreditLineDeps,
  request: Parameters<CreditLineService['conversionOffer']>[0],
): ReturnType<CreditLineService['conversionOffer']> {
  const cap = costCapInForce(await deps.termsInForce('credit_line', deps.clock.today()));
  const where = await locate(deps.db, request.lineId);
  const record = await findLine(deps.db, where.customerId, request.lineId);
  if (!record) throw AppError.notFound('credit line', request.lineId);
  return withinCostCap((await offerOn(deps, deps.db, record, request)).offer, cap.costCap);
}

/** Converts a statement's revolving balance or an unbilled purchase into an instalment plan. */
export async function convertToPlan(
  deps: CreditLineDeps,
  request: Parameters<CreditLineService['convert']>[0],
): ReturnType<CreditLineService['convert']> {
  // Read before the transaction: the settings come through the policy context (cached), not `tx`.
  const cap = costCapInForce(await deps.termsInForce('credit_line', deps.clock.today()));
  const { value, replayed } = await command<ConversionReceipt>(
    deps,
    request.lineId,
    request.idempotencyKey,
    'line.conversion',
    { source: request.source, term: request.term, amount: request.amount ?? null },
    conversionCodec,
    async (tx, facility, record) => {
      const { offer, source } = await offerOn(deps, tx, record, request);
      withinCostCap(offer, cap.costCap);
      const today = deps.clock.today();
      const planId = deps.ids.next('instalmentPlan');
      await deps.ledger.openAccounts(
        tx,
        [{ customerId: record.terms.customerId, contractId: planId }],
        PLAN_ACCOUNT_KINDS,
        deps.clock.now(),
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
      const taken = await take(deps, tx, facility, record, event);
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
}
