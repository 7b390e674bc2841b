import type { Queryable } from '../../platform/database/database.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';

/** The rows of a day-end run made of jobs (migration 0411), as the runner and the progress views read them. */
export interface DayEndJobRun {
  readonly id: string;
  readonly through: LocalDate;
  readonly partitions: number;
  /**
   * How customers are put in partitions, fixed for the run's life: `hashtext` in each step's SQL
   * (`customer-partition.ts`), or `fnv1a-32` in the worker for a run made before migration 0906.
   */
  readonly partitionHash: PartitionHash;
  readonly chunkSize: number;
  /** Each product's first date in this run. */
  readonly starts: Readonly<Record<string, LocalDate>>;
  readonly status: 'running' | 'finishing' | 'completed';
  readonly completedThrough: LocalDate | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

export interface DayEndJobPart {
  readonly part: number;
  readonly status: 'queued' | 'running' | 'completed';
  readonly dateDone: LocalDate | null;
  readonly stepProduct: string | null;
  readonly stepDate: LocalDate | null;
  readonly stepTotal: number;
  readonly stepDone: number;
  readonly itemsDone: number;
  readonly attempts: number;
  readonly worker: string | null;
  /** The queue's id of the job that currently owns the partition. */
  readonly queueJob: string | null;
  readonly updatedAt: Date;
}

export type PartitionHash = 'hashtext' | 'fnv1a-32';

interface RunRow {
  id: string;
  through: string;
  partitions: number;
  partition_hash: string;
  chunk_size: number;
  starts: Record<string, string>;
  status: string;
  completed_through: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const RUN_COLUMNS = `id, through::text as through, partitions, partition_hash, chunk_size, starts, status,
  completed_through::text as completed_through, created_at, finished_at`;

function runOf(row: RunRow): DayEndJobRun {
  return {
    id: row.id,
    through: row.through as LocalDate,
    partitions: row.partitions,
    partitionHash: row.partition_hash === 'fnv1a-32' ? 'fnv1a-32' : 'hashtext',
    chunkSize: row.chunk_size,
    starts: row.starts as Record<string, LocalDate>,
    status: row.status as DayEndJobRun['status'],
    completedThrough: (row.completed_through as LocalDate | null) ?? null,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export const dayEndJobStore = {
  async insertRun(
    q: Queryable,
    run: Omit<DayEndJobRun, 'completedThrough' | 'finishedAt' | 'status'>,
  ): Promise<void> {
    await q.query(
      `insert into day_end_jobs (id, through, partitions, partition_hash, chunk_size, starts, status, created_at)
       values ($1, $2, $3, $7, $4, $5::jsonb, 'running', $6)`,
      [
        run.id,
        run.through,
        run.partitions,
        run.chunkSize,
        JSON.stringify(run.starts),
        run.createdAt,
        run.partitionHash,
      ],
    );
    await q.query(
      `insert into day_end_job_parts (job_id, part, status, updated_at)
       select $1, p, 'queued', $3 from generate_series(0, $2::int - 1) as p`,
      [run.id, run.partitions, run.createdAt],
    );
  },

  /** The run still going for `through`, if any (a second `credence eod` joins it instead of starting one). */
  async openRun(q: Queryable, through: LocalDate): Promise<DayEndJobRun | undefined> {
    const { rows } = await q.query<RunRow>(
      `select ${RUN_COLUMNS} from day_end_jobs where through = $1 and status <> 'completed'
        order by created_at desc limit 1`,
      [through],
    );
    return rows[0] ? runOf(rows[0]) : undefined;
  },

  async run(q: Queryable, id: string, options: { lock?: boolean } = {}): Promise<DayEndJobRun | undefined> {
    const { rows } = await q.query<RunRow>(
      `select ${RUN_COLUMNS} from day_end_jobs where id = $1${options.lock ? ' for update' : ''}`,
      [id],
    );
    return rows[0] ? runOf(rows[0]) : undefined;
  },

  async recentRuns(q: Queryable, limit: number): Promise<DayEndJobRun[]> {
    const { rows } = await q.query<RunRow>(
      `select ${RUN_COLUMNS} from day_end_jobs order by created_at desc, id desc limit $1`,
      [limit],
    );
    return rows.map(runOf);
  },

  async runsGoing(q: Queryable): Promise<DayEndJobRun[]> {
    const { rows } = await q.query<RunRow>(
      `select ${RUN_COLUMNS} from day_end_jobs where status = 'running' order by created_at`,
    );
    return rows.map(runOf);
  },

  async parts(q: Queryable, id: string): Promise<DayEndJobPart[]> {
    const { rows } = await q.query<{
      part: number;
      status: string;
      date_done: string | null;
      step_product: string | null;
      step_date: string | null;
      step_total: number;
      step_done: number;
      items_done: bigint | number;
      attempts: number;
      worker: string | null;
      queue_job: string | null;
      updated_at: Date;
    }>(
      `select part, status, date_done::text as date_done, step_product, step_date::text as step_date, step_total,
              step_done, items_done, attempts, worker, queue_job, updated_at
         from day_end_job_parts where job_id = $1 order by part`,
      [id],
    );
    return rows.map((row) => ({
      part: row.part,
      status: row.status as DayEndJobPart['status'],
      dateDone: (row.date_done as LocalDate | null) ?? null,
      stepProduct: row.step_product,
      stepDate: (row.step_date as LocalDate | null) ?? null,
      stepTotal: row.step_total,
      stepDone: row.step_done,
      itemsDone: Number(row.items_done),
      attempts: row.attempts,
      worker: row.worker,
      queueJob: row.queue_job,
      updatedAt: row.updated_at,
    }));
  },

  /** Records which queue job owns the partition now (the one enqueued last for it). */
  async assign(q: Queryable, id: string, part: number, queueJob: string, at: Date): Promise<void> {
    await q.query(
      `update day_end_job_parts set queue_job = $3, updated_at = $4 where job_id = $1 and part = $2`,
      [id, part, queueJob, at],
    );
  },

  /** A job starts on the partition: counted, named; false when another job owns it now or it is done. */
  async begin(
    q: Queryable,
    id: string,
    part: number,
    queueJob: string,
    worker: string,
    at: Date,
  ): Promise<boolean> {
    const result = await q.query(
      `update day_end_job_parts set status = 'running', attempts = attempts + 1, worker = $4, updated_at = $5
        where job_id = $1 and part = $2 and status <> 'completed' and (queue_job is null or queue_job = $3)`,
      [id, part, queueJob, worker, at],
    );
    return result.rowCount === 1;
  },

  /** The heartbeat of a live job; false when the partition was taken over (another job owns it now). */
  async beat(q: Queryable, id: string, part: number, queueJob: string, at: Date): Promise<boolean> {
    const result = await q.query(
      `update day_end_job_parts set updated_at = $4
        where job_id = $1 and part = $2 and (queue_job is null or queue_job = $3) and status = 'running'`,
      [id, part, queueJob, at],
    );
    return result.rowCount === 1;
  },

  async step(
    q: Queryable,
    id: string,
    part: number,
    step: { product: string; date: LocalDate; total: number },
    at: Date,
  ): Promise<void> {
    await q.query(
      `update day_end_job_parts set step_product = $3, step_date = $4, step_total = $5, step_done = 0, updated_at = $6
        where job_id = $1 and part = $2`,
      [id, part, step.product, step.date, step.total, at],
    );
  },

  /** Adds a chunk's advanced items, in the chunk's transaction (so the count commits with the work). */
  async advanced(q: Queryable, id: string, part: number, items: number, at: Date): Promise<void> {
    await q.query(
      `update day_end_job_parts set step_done = step_done + $3, items_done = items_done + $3, updated_at = $4
        where job_id = $1 and part = $2`,
      [id, part, items, at],
    );
  },

  /** The partition finished `date`; returns the earliest date every partition has finished (under the run's lock). */
  async dateDone(
    q: Queryable,
    id: string,
    part: number,
    date: LocalDate,
    at: Date,
  ): Promise<LocalDate | null> {
    await q.query(
      `update day_end_job_parts set date_done = $3, updated_at = $4 where job_id = $1 and part = $2`,
      [id, part, date, at],
    );
    const { rows } = await q.query<{ least: string | null; missing: bigint | number }>(
      `select min(date_done)::text as least, count(*) filter (where date_done is null) as missing
         from day_end_job_parts where job_id = $1`,
      [id],
    );
    const row = rows[0];
    return row && Number(row.missing) === 0 ? ((row.least as LocalDate | null) ?? null) : null;
  },

  async completedThrough(q: Queryable, id: string, date: LocalDate): Promise<void> {
    await q.query(`update day_end_jobs set completed_through = $2 where id = $1`, [id, date]);
  },

  /** Marks the partition completed; returns how many partitions of the run are not. */
  async partCompleted(q: Queryable, id: string, part: number, at: Date): Promise<number> {
    await q.query(
      `update day_end_job_parts set status = 'completed', updated_at = $3 where job_id = $1 and part = $2`,
      [id, part, at],
    );
    const { rows } = await q.query<{ n: bigint | number }>(
      `select count(*) as n from day_end_job_parts where job_id = $1 and status <> 'completed'`,
      [id],
    );
    return Number(rows[0]?.n ?? 0);
  },

  async setStatus(q: Queryable, id: string, status: DayEndJobRun['status'], at: Date): Promise<void> {
    await q.query(
      `update day_end_jobs set status = $2, finished_at = case when $2 = 'completed' then $3::timestamptz end
        where id = $1`,
      [id, status, at],
    );
  },

  /** Partitions whose owning job has been silent since `before` (its process died). */
  async silentParts(q: Queryable, id: string, before: Date): Promise<DayEndJobPart[]> {
    const parts = await dayEndJobStore.parts(q, id);
    return parts.filter((part) => part.status === 'running' && part.updatedAt < before);
  },
};
