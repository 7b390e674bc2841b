import type { Queryable } from '../../platform/database/database.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { DayEndRunLog } from './day-end.ts';

/** The run log in `day_end_runs` (migration 0404). */
export function createPgDayEndRunLog(): DayEndRunLog {
  return {
    async lastCompleted(q, product) {
      const result = await q.query<{ last: string | null }>(
        `select max(business_date)::text as last from day_end_runs where product = $1 and status = 'completed'`,
        [product],
      );
      const last = result.rows[0]?.last;
      return last ? (last as LocalDate) : undefined;
    },
    async markStarted(q, product, date, at) {
      await q.query(
        `insert into day_end_runs (product, business_date, status, started_at) values ($1, $2, 'running', $3)
         on conflict (product, business_date) do nothing`,
        [product, date, at],
      );
    },
    async countProcessed(q, product, date, items) {
      await q.query(
        `update day_end_runs set items_processed = items_processed + $3 where product = $1 and business_date = $2`,
        [product, date, items],
      );
    },
    async markCompleted(q, product, date, items, at) {
      await q.query(
        `update day_end_runs set status = 'completed', items_processed = items_processed + $3, completed_at = $4
          where product = $1 and business_date = $2`,
        [product, date, items, at],
      );
    },
  };
}

export interface DayEndRunRow {
  readonly product: string;
  readonly date: LocalDate;
  readonly status: 'running' | 'completed';
  readonly items: number;
  readonly startedAt: Date;
  readonly completedAt: Date | null;
}

/** The most recent runs, newest first. */
export async function recentDayEndRuns(q: Queryable, limit = 30): Promise<DayEndRunRow[]> {
  const result = await q.query<{
    product: string;
    business_date: string;
    status: string;
    items_processed: number;
    started_at: Date;
    completed_at: Date | null;
  }>(
    `select product, business_date::text as business_date, status, items_processed, started_at, completed_at
       from day_end_runs order by business_date desc, product limit $1`,
    [limit],
  );
  return result.rows.map((row) => ({
    product: row.product,
    date: row.business_date as LocalDate,
    status: row.status === 'completed' ? 'completed' : 'running',
    items: row.items_processed,
    startedAt: row.started_at,
    completedAt: row.completed_at,
  }));
}
