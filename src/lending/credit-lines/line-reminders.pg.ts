import { moneyFromDb } from '../../platform/money/money.ts';
import type { MessageOutbox } from '../../platform/notifications/index.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { DayEndProcessor } from '../eod/day-end.ts';
import { createReminderProcessor, openContractsOf } from '../eod/reminder-processor.ts';
import { lineStore } from './credit-lines.pg.ts';
import { lineReminders, statementReady } from './line-messages.ts';

/**
 * The credit-line reminders of the day-end batch: due in 3 days / tomorrow / today and overdue 1 / 7 / 30
 * for every line, and "statement ready" for the statements cut on the date (read from the statements the
 * day step stored: the figures the customer's statement shows).
 */
export function createLineReminderProcessor(deps: { clock: Clock; outbox: MessageOutbox }): DayEndProcessor {
  return createReminderProcessor(
    {
      product: 'credit-line-reminders',
      ...openContractsOf(lineStore),
      remind: (line, noticeDay) => lineReminders(line.terms, line.state, noticeDay),
      async ofDate(q, items, date) {
        const result = await q.query<{
          customer_id: string;
          line_id: string;
          seq: number;
          statement_date: string;
          due_date: string;
          closing_balance: bigint;
          minimum_payment: bigint;
        }>(
          `select customer_id, line_id, seq, statement_date::text as statement_date, due_date::text as due_date,
                  closing_balance, minimum_payment
             from credit_line_statements
            where (customer_id, line_id) in (select * from unnest($1::text[], $2::text[]))
              and statement_date = $3`,
          [items.map((item) => item.customerId), items.map((item) => item.id), date],
        );
        return result.rows.map((row) =>
          statementReady({
            customerId: row.customer_id,
            lineId: row.line_id,
            seq: row.seq,
            statementDate: row.statement_date as LocalDate,
            dueDate: row.due_date as LocalDate,
            closingBalance: moneyFromDb(row.closing_balance, 'credit_line_statements.closing_balance'),
            minimumPayment: moneyFromDb(row.minimum_payment, 'credit_line_statements.minimum_payment'),
          }),
        );
      },
    },
    deps,
  );
}
