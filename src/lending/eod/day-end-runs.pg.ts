import type { Queryable } from '../../platform/database/database.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { DayEndRunLog } from './day-end.ts';

/**
 * A run's items per (product, date): what `day_end_runs` counted itself (before migration 0906, and what
 * `markCompleted` adds) plus the per-slot counts of `day_end_run_counts` (0906). Alias `r` is the run log.
 */
const ITEMS_FROM = `day_end_runs r left join (
    select product, business_date, sum(items) as items from day_end_run_counts group by product, business_date
  ) c on c.product = r.product and c.business_date = r.business_date`;
const ITEMS = `(r.items_processed + coalesce(c.items, 0))`;

/** The run log in `day_end_runs` (migration 0404) and its per-slot counts in `day_end_run_counts` (0906). */
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
    async countProcessed(q, product, date, items, slot) {
      // A row per slot (the run's row is never locked by a chunk); `markStarted` made the run's row first.
      await q.query(
        `insert into day_end_run_counts (product, business_date, slot, items) values ($1, $2, $4, $3)
         on conflict (product, business_date, slot) do update set items = day_end_run_counts.items + excluded.items`,
        [product, date, items, slot],
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
    items_processed: bigint | number | string;
    started_at: Date;
    completed_at: Date | null;
  }>(
    `select r.product, r.business_date::text as business_date, r.status, ${ITEMS} as items_processed,
            r.started_at, r.completed_at
       from ${ITEMS_FROM} order by r.business_date desc, r.product limit $1`,
    [limit],
  );
  return result.rows.map((row) => ({
    product: row.product,
    date: row.business_date as LocalDate,
    status: row.status === 'completed' ? 'completed' : 'running',
    items: Number(row.items_processed),
    startedAt: row.started_at,
    completedAt: row.completed_at,
  }));
}

/** Items advanced per (product, date) between `from` and `through` (the report of a run), summed over slots. */
export async function dayEndRunItems(
  q: Queryable,
  from: LocalDate,
  through: LocalDate,
  product?: string,
): Promise<Map<string, number>> {
  const params: unknown[] = [from, through];
  if (product) params.push(product);
  const result = await q.query<{ product: string; business_date: string; items: bigint | number | string }>(
    `select r.product, r.business_date::text as business_date, ${ITEMS} as items from ${ITEMS_FROM}
      where r.business_date between $1 and $2${product ? ' and r.product = $3' : ''}
      order by r.business_date, r.product`,
    params,
  );
  return new Map(result.rows.map((row) => [`${row.product} ${row.business_date}`, Number(row.items)]));
}
