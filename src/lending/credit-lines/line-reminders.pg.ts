import type { Queryable } from '../../platform/database/database.ts';
import { moneyFromDb } from '../../platform/money/money.ts';
import type { MessageOutbox } from '../../platform/notifications/index.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { DayEndProcessor } from '../eod/day-end.ts';
import { createReminderProcessor } from '../eod/reminder-processor.ts';
import { earliestLineBehind } from './credit-lines.pg.ts';
import { decodeLineState, decodeTerms } from './line-codec.ts';
import { lineReminders, statementReady } from './line-messages.ts';
import type { LineState } from './line-state.ts';
import type { LineTerms } from './line-terms.ts';

/**
 * The credit-line reminders of the day-end batch: due in 3 days / tomorrow / today and overdue 1 / 7 / 30
 * for every line, and "statement ready" for the statements cut on the date (read from the statements the
 * day step stored: the figures the customer's statement shows).
 */
export function createLineReminderProcessor(deps: { clock: Clock; outbox: MessageOutbox }): DayEndProcessor {
  return createReminderProcessor<{ terms: LineTerms; state: LineState }>(
    {
      product: 'credit-line-reminders',
      earliestPending: (q) => earliestLineBehind(q),
      async countOpen(q: Queryable) {
        const result = await q.query<{ n: bigint }>('select count(*) as n from credit_lines');
        return Number(result.rows[0]?.n ?? 0n);
      },
      async listOpen(q, afterId, limit) {
        const result = await q.query<{ customer_id: string; id: string }>(
          'select customer_id, id from credit_lines where id > $1 order by id limit $2',
          [afterId, limit],
        );
        return result.rows.map((row) => ({ customerId: row.customer_id, id: row.id }));
      },
      async load(q, items) {
        const result = await q.query<{ terms: unknown; state: unknown }>(
          `select terms, state from credit_lines
            where (customer_id, id) in (select * from unnest($1::text[], $2::text[])) order by id`,
          [items.map((item) => item.customerId), items.map((item) => item.id)],
        );
        return result.rows.map((row) => ({
          terms: decodeTerms(row.terms),
          state: decodeLineState(row.state),
        }));
      },
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
