import type { JournalEntry, LedgerPort } from '../../ledger/index.ts';
import type { Queryable } from '../../platform/database/database.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { contractsBehindOf, type DayEndProcessor } from '../eod/day-end.ts';
import { lockFacilitiesOf, releaseUtilisation } from '../facilities/facility.pg.ts';
import { journalOf } from './loan-books.ts';
import type { LoanContract } from './loan-contract.ts';
import type { LoanState } from './loan-state.ts';
import { loanStore, saveLoanStates } from './loans.pg.ts';
import { advance } from './servicing.ts';

/**
 * The cash-loan part of the day-end batch: for each loan behind the date, the day steps (accrual, billing,
 * penalty, buckets, write-off) are computed by the pure core and booked — one journal per loan per day,
 * source key `day-end:<loan>:<date>` — together with the new state and watermark, in one transaction per
 * chunk. Locks follow the commands' order: the customers' facilities first, then the loans.
 */
export function createLoanDayEndProcessor(deps: {
  clock: Clock;
  ids: IdGenerator;
  ledger: LedgerPort;
}): DayEndProcessor {
  return {
    product: 'cash-loan',
    ...contractsBehindOf(loanStore),
    async advance(tx: Queryable, items, date: LocalDate) {
      await lockFacilitiesOf(
        tx,
        items.map((item) => item.customerId),
        'cash-loan',
      );
      const records = await loanStore.lockBehind(tx, items, date);
      const journals: JournalEntry[] = [];
      const saved: { contract: LoanContract; state: LoanState }[] = [];
      const releases: { customerId: string; facilityId: string; amount: bigint }[] = [];
      for (const record of records) {
        const { state, changes } = advance(record.contract, record.state, date);
        for (const change of changes) {
          const journal = journalOf(record.contract, change, deps.ids.next('journal'));
          if (journal) journals.push(journal);
        }
        saved.push({ contract: record.contract, state });
        // Money held for the customer can pay principal when an instalment is billed: the limit comes back.
        const repaid = state.counters.principalRepaid - record.state.counters.principalRepaid;
        if (repaid !== 0n) {
          releases.push({
            customerId: record.contract.customerId,
            facilityId: record.contract.facilityId,
            amount: repaid,
          });
        }
      }
      const now = deps.clock.now();
      await deps.ledger.postJournals(tx, journals, now);
      await saveLoanStates(tx, saved, now);
      await releaseUtilisation(tx, releases, now);
      return records.length;
    },
  };
}
