import { groupByShard } from '../../platform/database/citus.ts';
import type { CustomerPartition } from '../../platform/database/customer-partition.ts';
import type { Database, Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import type { ContractStore } from '../shared/contract-store.pg.ts';

/**
 * The day-end batch (日终批处理): for each business date, every product brings each of its items (loans,
 * credit lines, …) up to that date — accrual, billing, due and overdue marking, penalty, buckets,
 * statements — exactly once per (item, date).
 *
 * How "exactly once" and "crash-safe" are kept: each item carries its own watermark (the last date it was
 * processed through), and a processor advances an item's watermark in the same transaction as the item's
 * postings, after locking the item and re-checking the watermark. Killing the batch at any point leaves
 * every item either fully processed for a date or not at all; running again picks up the items still
 * behind. Running twice finds none behind and changes nothing. Dates are caught up in order, and the run
 * log (`day_end_runs`) records which dates completed and how many items each advanced — counted in each
 * chunk's own transaction, so the count of a date interrupted and resumed is the sum of both runs' work.
 */

/** One item a processor looks after. */
export interface DayEndItem {
  readonly customerId: string;
  readonly id: string;
}

/**
 * A product's part of the day-end batch. Credit lines plug in by implementing this and being listed in
 * the composition root next to the loan processor.
 */
export interface DayEndProcessor {
  /** A short name, also the run log's key: `cash-loan`, `credit-line`. */
  readonly product: string;
  /** The first date some item still needs when no run has been recorded; undefined when none does. */
  earliestPending(q: Queryable): Promise<LocalDate | undefined>;
  /** How many items are behind `date` (for progress; may be approximate). */
  countBehind(q: Queryable, date: LocalDate): Promise<number>;
  /**
   * Items whose watermark is before `date`, after `afterId` in id order, at most `limit`; with `partition`,
   * only its customers' (the filter in the statement: `inCustomerPartition`).
   */
  listBehind(
    q: Queryable,
    date: LocalDate,
    afterId: string,
    limit: number,
    partition?: CustomerPartition,
  ): Promise<DayEndItem[]>;
  /**
   * Brings the items up to `date` inside `tx`: locks them (in a fixed order), skips any that are no longer
   * behind, books every missing day once and advances their watermarks. Returns how many it advanced.
   * Must only touch the database through `tx` — the runner retries the whole chunk on a deadlock.
   */
  advance(tx: Queryable, items: readonly DayEndItem[], date: LocalDate): Promise<number>;
  /**
   * Work of the date that must run outside any transaction (auto-repay calls a payment provider): after
   * every chunk of the date committed, before the date is marked completed. Must be safe to repeat: a run
   * killed here does it again for the same date. `concurrency` is the run's (transactions in flight; 1 on
   * PGlite) when it has one: how much of that work it may do at once; without it the step's own default.
   */
  afterDate?(
    date: LocalDate,
    options: { readonly concurrency?: number | undefined; readonly scope?: CustomerScope | undefined },
  ): Promise<void>;
  /**
   * Work done once per run after every date, not per partition (pay-outs waiting for the provider): the
   * partitioned run calls it when every partition has finished; the one-process run leaves it to `afterDate`
   * of its last date (unscoped).
   */
  afterRun?(through: LocalDate): Promise<void>;
}

/**
 * The customers one partition of a run looks after (a hash of the customer id, `day-end-jobs.ts`): a step's
 * `afterDate` given a scope touches only their rows, so partitions never do the same work at once.
 */
export interface CustomerScope {
  /**
   * The partition, for the steps' statements to filter by (`inCustomerPartition`): a partition then reads
   * only its own customers. Absent for a run made before the hash moved into SQL (migration 0906): its
   * statements read every customer and `owns` keeps the partition's.
   */
  readonly partition?: CustomerPartition;
  /** Whether a customer read under `partition` is the partition's (always, when the statement filtered). */
  owns(customerId: string): boolean;
}

/** The finding half of a product's processor over its contract store: what is behind, counted and paged. */
export function contractsBehindOf(
  store: ContractStore<unknown>,
): Pick<DayEndProcessor, 'earliestPending' | 'countBehind' | 'listBehind'> {
  return {
    earliestPending: (q) => store.earliestBehind(q),
    countBehind: (q, date) => store.countBehind(q, date),
    listBehind: (q, date, afterId, limit, partition) => store.behind(q, date, afterId, limit, partition),
  };
}

/** The run log's storage port (`day-end-runs.pg.ts`). */
export interface DayEndRunLog {
  lastCompleted(q: Queryable, product: string): Promise<LocalDate | undefined>;
  markStarted(q: Queryable, product: string, date: LocalDate, at: Date): Promise<void>;
  /**
   * Adds `items` to the date's count, inside the transaction that advanced them: the count then commits or
   * rolls back with the work it counts, so a run killed midway and resumed still counts every item once.
   * `slot` spreads the count over rows that are summed on read — a partition's number, or a chunk's place
   * among those in flight — so transactions of different partitions never wait on one row's lock.
   */
  countProcessed(q: Queryable, product: string, date: LocalDate, items: number, slot: number): Promise<void>;
  /** Marks the date completed, adding `items` not already counted by `countProcessed` (0 from the runner). */
  markCompleted(q: Queryable, product: string, date: LocalDate, items: number, at: Date): Promise<void>;
}

export interface DayEndProgress {
  readonly product: string;
  readonly date: LocalDate;
  readonly done: number;
  readonly total: number;
}

export interface DayEndOptions {
  /** The last business date to process (inclusive); not after today. */
  readonly through: LocalDate;
  /** Items per transaction (default 500). */
  readonly chunkSize?: number;
  /** Transactions in flight at once (default 1; the PostgreSQL pool must be at least this large). */
  readonly concurrency?: number;
  readonly onProgress?: (progress: DayEndProgress) => void;
}

export interface DayEndDateReport {
  readonly product: string;
  readonly date: LocalDate;
  readonly items: number;
  readonly milliseconds: number;
}

export interface DayEndReport {
  readonly through: LocalDate;
  /** A run made of jobs (`day-end-jobs.ts`): its id, partitions and wall time. */
  readonly run?: { readonly id: string; readonly partitions: number; readonly milliseconds: number };
  readonly dates: readonly DayEndDateReport[];
  /** True when nothing was behind (e.g. the second run of the same date). */
  readonly upToDate: boolean;
}

export interface DayEndDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly runs: DayEndRunLog;
  readonly processors: readonly DayEndProcessor[];
  /** Monotonic milliseconds, for the report's timings (performance.now in production). */
  readonly elapsed: () => number;
}

/**
 * Runs the day-end batch for every date from each product's first pending date through `through`, dates
 * in order, products in the order given.
 */
export async function runDayEnd(deps: DayEndDeps, options: DayEndOptions): Promise<DayEndReport> {
  const { clock, processors } = deps;
  const today = clock.today();
  if (options.through > today) {
    throw AppError.invalid(
      'date',
      'not-after-today',
      `the day-end of ${options.through} cannot run before that day (today is ${today})`,
    );
  }
  const chunkSize = options.chunkSize ?? 500;
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 10_000) {
    throw AppError.invalid('chunkSize', 'range', 'chunk size must be 1–10000');
  }
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) {
    throw AppError.invalid('concurrency', 'range', 'concurrency must be 1–32');
  }
  const starts = await dayEndStarts(deps, options.through);
  const dates: DayEndDateReport[] = [];
  const first = [...starts.values()].sort()[0];
  if (!first) return { through: options.through, dates, upToDate: true };
  for (let date = first; date <= options.through; date = addDays(date, 1)) {
    for (const processor of processors) {
      const start = starts.get(processor.product);
      if (!start || date < start) continue;
      const began = deps.elapsed();
      const items = await runDate(deps, processor, date, chunkSize, concurrency, options.onProgress);
      dates.push({ product: processor.product, date, items, milliseconds: deps.elapsed() - began });
    }
  }
  return { through: options.through, dates, upToDate: dates.every((d) => d.items === 0) };
}

/**
 * Each product's first date to process through `through`: the day after its last completed date in the
 * run log, or its first pending item's date if earlier; products with nothing to do are left out.
 */
export async function dayEndStarts(
  deps: Pick<DayEndDeps, 'db' | 'runs' | 'processors'>,
  through: LocalDate,
): Promise<Map<string, LocalDate>> {
  const { db, runs, processors } = deps;
  const starts = new Map<string, LocalDate>();
  for (const processor of processors) {
    const last = await runs.lastCompleted(db, processor.product);
    const pending = await processor.earliestPending(db);
    const afterLast = last ? addDays(last, 1) : undefined;
    const start = afterLast && pending ? (afterLast < pending ? afterLast : pending) : (afterLast ?? pending);
    if (start && start <= through) starts.set(processor.product, start);
  }
  return starts;
}

async function runDate(
  deps: DayEndDeps,
  processor: DayEndProcessor,
  date: LocalDate,
  chunkSize: number,
  concurrency: number,
  onProgress: DayEndOptions['onProgress'],
): Promise<number> {
  const { db, clock, runs } = deps;
  await runs.markStarted(db, processor.product, date, clock.now());
  const total = await processor.countBehind(db, date);
  let done = 0;
  let afterId = '';
  onProgress?.({ product: processor.product, date, done, total });
  const pageSize = chunkSize * concurrency;
  for (let last = false; !last;) {
    const page = await processor.listBehind(db, date, afterId, pageSize);
    if (page.length === 0) break;
    last = page.length < pageSize;
    afterId = (page[page.length - 1] as DayEndItem).id;
    // On Citus a chunk holds customers of one shard group only, so its locking statements are single-shard
    // (router) queries; on PostgreSQL and PGlite the page is one group, chunked as before.
    const chunks: DayEndItem[][] = [];
    for (const group of await groupByShard(db, page)) {
      for (let index = 0; index < group.length; index += chunkSize)
        chunks.push(group.slice(index, index + chunkSize));
    }
    const advanced = await Promise.all(
      chunks.map((chunk, index) =>
        db
          .transaction(
            async (tx) => {
              const count = await processor.advance(tx, chunk, date);
              // Counted with the work, not at the end of the date: a kill between chunks loses neither. Each
              // chunk in flight counts in its own slot (no two wait on one row).
              if (count > 0)
                await runs.countProcessed(tx, processor.product, date, count, index % concurrency);
              return count;
            },
            { retries: 5 },
          )
          .then((count) => {
            done += count;
            onProgress?.({ product: processor.product, date, done, total: Math.max(total, done) });
            return count;
          }),
      ),
    );
    void advanced;
  }
  if (processor.afterDate) await processor.afterDate(date, { concurrency });
  // Every advanced item was counted in its own chunk's transaction (runs interrupted before this line too).
  await runs.markCompleted(db, processor.product, date, 0, clock.now());
  return done;
}

/** The batch as a service: the composition root lists the products' processors once. */
export interface DayEndService {
  run(options: DayEndOptions): Promise<DayEndReport>;
  readonly products: readonly string[];
}

export function createDayEndService(deps: DayEndDeps): DayEndService {
  return {
    run: (options) => runDayEnd(deps, options),
    products: deps.processors.map((processor) => processor.product),
  };
}
