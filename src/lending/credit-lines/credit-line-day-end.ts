import { AppError } from '../../platform/errors/app-error.ts';
import type { Queryable } from '../../platform/database/database.ts';
import type { LedgerPort } from '../../ledger/index.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { MessageOutbox } from '../../platform/notifications/index.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { contractsBehindOf, type DayEndProcessor } from '../eod/day-end.ts';
import { lineStore, lockLineFacilities } from './credit-lines.pg.ts';
import { bookLineOutcomes, type LineOutcome } from './line-booking.pg.ts';
import { advanceLine } from './line-servicing.ts';

/**
 * The credit-line part of the day-end batch: for each line behind the date, the day steps (statements,
 * due checks, interest, overdue marking) are computed by the pure core and booked — journals under
 * `day-end:<line>:<date>` (and `…:<plan>`), statements, the new state and watermark, utilisation and the
 * facility's suspension — in one transaction per chunk. Locks follow the commands' order: the customers'
 * facilities first, then the lines (in id order), then the ledger. A line a command already brought up to
 * the date drops out when the chunk locks it, so nothing is booked twice; a crash rolls the chunk back whole.
 */
export function createCreditLineDayEndProcessor(deps: {
  clock: Clock;
  ids: IdGenerator;
  /** The ledger the day's journals are posted on, in the chunk's transaction. */
  ledger: LedgerPort;
  /** The customer's "written off" message when the charge-off rule writes a line off (none: not sent). */
  outbox?: MessageOutbox;
}): DayEndProcessor {
  return {
    product: 'credit-line',
    ...contractsBehindOf(lineStore),
    async advance(tx: Queryable, items, date: LocalDate) {
      const facilities = await lockLineFacilities(
        tx,
        items.map((item) => item.customerId),
      );
      const records = await lineStore.lockBehind(tx, items, date);
      const outcomes: LineOutcome[] = [];
      for (const record of records) {
        const facility = facilities.get(record.terms.customerId);
        if (!facility)
          throw new AppError('INTERNAL', `line ${record.terms.lineId} has no credit-line facility`);
        const { state, changes, statements } = advanceLine(record.terms, record.state, date);
        outcomes.push({ terms: record.terms, before: record.state, state, changes, statements, facility });
      }
      await bookLineOutcomes(tx, deps, outcomes);
      return records.length;
    },
  };
}
