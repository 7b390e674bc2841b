import { once, parseIdempotencyKey } from '../../ledger/index.ts';
import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { subMoney, sumMoney, ZERO, type Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { availableCredit, type Facility } from '../facilities/facility.ts';
import { findFacility, lockFacilityById } from '../facilities/facility.pg.ts';
import type { CreditLineDeps } from './credit-line-ports.ts';
import { lineEvents, locateLine, lockLine, type LineRecord } from './credit-lines.pg.ts';
import { bookLineOutcomes } from './line-booking.pg.ts';
import { assertLineOpen } from './line-lifecycle.ts';
import { linePaymentReceived, lineRecoveryReceived, planChanged } from './line-messages.ts';
import {
  allocationOf,
  creditCodec,
  type CreditReceipt,
  type CreditResult,
  type PurchaseRefusal,
} from './line-receipts.ts';
import {
  bookCounters,
  lineBalancesOf,
  lineDaysPastDue,
  receiveLineEvent,
  type LineBookCounters,
} from './line-servicing.ts';
import type { LineEvent, LineState } from './line-state.ts';
import { lineViewOf, type LineView } from './line-view.ts';
import type { MessageDraft } from '../../platform/notifications/index.ts';

/**
 * The frame every credit-line money command runs in (`command`: the idempotency key, then the facility and
 * the line locked in that order, one transaction), taking an event in and booking it (`take`), and the
 * payment/refund path both share (`credit`). The use cases are one file each beside it.
 */

/** Raised inside a transaction to roll it back and hand a value out (a declined command writes nothing). */
export class Declined extends Error {
  constructor(readonly refusal: PurchaseRefusal) {
    super('declined');
  }
}

export function positive(amount: Money, field = 'amount'): void {
  if (amount <= 0n) throw AppError.invalid(field, 'positive', 'the amount must be above zero');
}

export async function locate(
  q: Queryable,
  lineId: string,
): Promise<{ customerId: string; facilityId: string }> {
  const where = await locateLine(q, lineId);
  if (!where) throw AppError.notFound('credit line', lineId);
  return where;
}

export async function lineViewAt(q: Queryable, record: LineRecord): Promise<LineView> {
  const facility = await findFacility(q, record.terms.customerId, 'credit-line');
  if (!facility) throw new AppError('INTERNAL', `the facility of line ${record.terms.lineId} is missing`);
  return lineViewOf(record.terms, record.state, facility, record);
}

/**
 * Runs a money command on a locked line: claims the idempotency key, locks the facility then the line,
 * and hands both to `work`.
 */
export async function command<T>(
  deps: CreditLineDeps,
  lineId: string,
  idempotencyKey: string,
  scope: string,
  request: Record<string, unknown>,
  codec: { encode: (value: T) => unknown; decode: (stored: unknown) => T },
  work: (tx: Queryable, facility: Facility, record: LineRecord) => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  const key = parseIdempotencyKey(idempotencyKey);
  const where = await locate(deps.db, lineId);
  return deps.db.transaction((tx) =>
    once<T>(
      deps.idempotency,
      tx,
      { customerId: where.customerId, scope, key, request: { lineId, ...request } },
      deps.clock.now(),
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
export async function take(
  deps: CreditLineDeps,
  tx: Queryable,
  facility: Facility,
  record: LineRecord,
  event: LineEvent,
  /** The line's events so far, when the caller has read them under the lock already. */
  known?: readonly LineEvent[],
): Promise<{
  state: LineState;
  before: LineBookCounters;
  after: LineBookCounters;
  restated: boolean;
  journalIds: string[];
}> {
  const { terms } = record;
  // Earlier events matter only to a back-dated payment and a reversal, whose books are replayed from the
  // opening.
  const earlier =
    known ??
    (event.effectiveDate < record.state.processedThrough || event.kind === 'reversal'
      ? await lineEvents(tx, terms.customerId, terms.lineId)
      : []);
  const outcome = receiveLineEvent(terms, record.state, earlier, event);
  const journals = await bookLineOutcomes(
    tx,
    {
      clock: deps.clock,
      ids: deps.ids,
      ledger: deps.ledger,
      ...(deps.outbox ? { outbox: deps.outbox } : {}),
    },
    [
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
    ],
  );
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

export async function availableAfter(tx: Queryable, customerId: string): Promise<Money> {
  const facility = await findFacility(tx, customerId, 'credit-line');
  return facility ? availableCredit(facility) : ZERO;
}

export async function credit(
  deps: CreditLineDeps,
  kind: 'payment' | 'refund',
  lineId: string,
  idempotencyKey: string,
  amount: Money,
  request: Record<string, unknown>,
  makeEvent: (record: LineRecord, today: LocalDate, tx: Queryable) => Promise<LineEvent>,
): Promise<CreditResult> {
  positive(amount);
  const { value, replayed } = await command<CreditReceipt>(
    deps,
    lineId,
    idempotencyKey,
    `line.${kind}`,
    { amount, ...request },
    creditCodec,
    async (tx, facility, record) => {
      const event = await makeEvent(record, deps.clock.today(), tx);
      const taken = await take(deps, tx, facility, record, event);
      const refunded = (state: LineState) => sumMoney(state.plans.map((plan) => plan.refunded));
      const allocation = allocationOf(
        taken.before,
        taken.after,
        subMoney(refunded(taken.state), refunded(record.state)),
      );
      if (deps.outbox) {
        const { customerId } = record.terms;
        const drafts: MessageDraft[] =
          allocation.recovered > 0n || record.state.writtenOffOn
            ? [
                lineRecoveryReceived({
                  customerId,
                  lineId,
                  seq: event.seq,
                  amount,
                  recovered: allocation.recovered,
                  state: taken.state,
                }),
              ]
            : kind === 'payment'
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
