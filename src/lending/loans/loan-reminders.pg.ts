import type { Queryable } from '../../platform/database/database.ts';
import type { MessageOutbox } from '../../platform/notifications/index.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { DayEndProcessor } from '../eod/day-end.ts';
import { createReminderProcessor } from '../eod/reminder-processor.ts';
import { decodeContract, decodeState } from './loan-codec.ts';
import type { LoanContract } from './loan-contract.ts';
import { loanReminders } from './loan-messages.ts';
import type { LoanState } from './loan-state.ts';
import { earliestBehind } from './loans.pg.ts';

/** The cash-loan reminders of the day-end batch (due in 3 days / tomorrow / today, overdue 1 / 7 / 30). */
export function createLoanReminderProcessor(deps: { clock: Clock; outbox: MessageOutbox }): DayEndProcessor {
  return createReminderProcessor<{ contract: LoanContract; state: LoanState }>(
    {
      product: 'cash-loan-reminders',
      earliestPending: (q) => earliestBehind(q),
      async countOpen(q: Queryable) {
        const result = await q.query<{ n: bigint }>(
          `select count(*) as n from loans where status = 'active'`,
        );
        return Number(result.rows[0]?.n ?? 0n);
      },
      async listOpen(q, afterId, limit) {
        const result = await q.query<{ customer_id: string; id: string }>(
          `select customer_id, id from loans where status = 'active' and id > $1 order by id limit $2`,
          [afterId, limit],
        );
        return result.rows.map((row) => ({ customerId: row.customer_id, id: row.id }));
      },
      async load(q, items) {
        const result = await q.query<{ contract: unknown; state: unknown }>(
          `select contract, state from loans
            where (customer_id, id) in (select * from unnest($1::text[], $2::text[])) order by id`,
          [items.map((item) => item.customerId), items.map((item) => item.id)],
        );
        return result.rows.map((row) => ({
          contract: decodeContract(row.contract),
          state: decodeState(row.state),
        }));
      },
      remind: (loan, noticeDay) => loanReminders(loan.contract, loan.state, noticeDay),
    },
    deps,
  );
}
