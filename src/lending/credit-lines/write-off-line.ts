import { AppError } from '../../platform/errors/app-error.ts';
import { toDecimalString, type Money } from '../../platform/money/money.ts';
import type { CreditLineDeps } from './credit-line-ports.ts';
import { command, take } from './line-command.ts';
import { reasonOf } from './line-lifecycle.ts';
import { writeOffCodec, type LineWriteOffReceipt, type LineWriteOffRequest } from './line-receipts.ts';
import { advanceLine, lineBalancesOf, lineDaysPastDue, writtenOffOf } from './line-servicing.ts';
import type { LineEvent } from './line-state.ts';

/**
 * Staff write a line off today (charge-off by hand; the day-end does it by itself once days past due exceed
 * the product's limit) — as a cash loan is written off: a reviewer, no second person (loans have none), under
 * an idempotency key, in one transaction (facility, then line locked). The day steps up to today are booked
 * first; then the `write-off` event moves everything owed to write-off expense, one journal per contract
 * (source `write-off:<line>:<seq>`), the facility stays suspended, and the customer is told. Refused with
 * nothing written: a line written off already (`lineId` / `not-written-off`), one that owes nothing
 * (`lineId` / `owes-something`: close it instead), a closed line (`line` / `line-open`), a reason that is not
 * 1–200 characters (`reason` / `length`). Audited (`credit-line.write-off`).
 */
export async function writeOffCreditLine(
  deps: CreditLineDeps,
  request: LineWriteOffRequest,
): Promise<{ receipt: LineWriteOffReceipt; replayed: boolean }> {
  const reason = reasonOf(request.reason);
  const { value, replayed } = await command<LineWriteOffReceipt>(
    deps,
    request.lineId,
    request.idempotencyKey,
    'line.write-off',
    { reason },
    writeOffCodec,
    async (tx, facility, record) => {
      const today = deps.clock.today();
      const { state } = advanceLine(record.terms, record.state, today);
      if (state.writtenOffOn) {
        throw AppError.invalid(
          'lineId',
          'not-written-off',
          `line ${request.lineId} was written off on ${state.writtenOffOn} already`,
        );
      }
      const owed: Money = lineBalancesOf(state).payoff;
      if (owed <= 0n) {
        throw AppError.invalid(
          'lineId',
          'owes-something',
          `line ${request.lineId} owes nothing: there is nothing to write off (close it instead)`,
        );
      }
      const event: LineEvent = {
        seq: record.nextEventSeq,
        kind: 'write-off',
        effectiveDate: today,
        amount: owed,
        reason,
      };
      const daysPastDue = lineDaysPastDue(state, today);
      const taken = await take(deps, tx, facility, record, event);
      const writtenOff = writtenOffOf(taken.state);
      if (!writtenOff) throw new AppError('INTERNAL', `line ${request.lineId} was not written off`);
      if (deps.audit) {
        await deps.audit.record(
          {
            actor: request.requester.actor,
            action: 'credit-line.write-off',
            subject: { type: 'credit-line', id: request.lineId },
            outcome: 'ok',
            details: { reason, daysPastDue, writtenOff: toDecimalString(writtenOff.total) },
          },
          tx,
        );
      }
      return {
        lineId: request.lineId,
        seq: event.seq,
        effectiveDate: today,
        reason,
        daysPastDue,
        writtenOff,
        journalIds: taken.journalIds,
      };
    },
  );
  return { receipt: value, replayed };
}
