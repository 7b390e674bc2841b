import { groupByShard } from '../../platform/database/citus.ts';
import type { CustomerPartition } from '../../platform/database/customer-partition.ts';
import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { JobContext, JobPayload, JobQueue } from '../../platform/jobs/jobs.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import {
  dayEndStarts,
  type CustomerScope,
  type DayEndDateReport,
  type DayEndDeps,
  type DayEndItem,
  type DayEndOptions,
  type DayEndProcessor,
  type DayEndReport,
  type DayEndService,
} from './day-end.ts';
import { dayEndJobStore as store, type DayEndJobPart, type DayEndJobRun } from './day-end-jobs.pg.ts';
import { dayEndRunItems } from './day-end-runs.pg.ts';

/**
 * The day-end as jobs (issue 16, item 4). A run through a date is split into `partitions` by a hash of the
 * customer id; each partition is one job on the queue, taken by any `credence worker` (or, on PGlite, run in
 * the process that asked for the run). A partition runs the whole batch for its customers — every date in
 * order, every product's step in the batch's order — so what one customer's steps read of another step
 * (reminders after the products, collections after auto-repay) is as in the one-process run.
 *
 * Exactly once per (account, date) is the batch's own guarantee, unchanged: each step locks its items and
 * re-checks their watermark in the chunk's transaction. A partition whose worker died is handed to another
 * job, which lists what is still behind and goes on; nothing already booked is booked again. What a run adds
 * is bookkeeping in `day_end_jobs` / `day_end_job_parts` (migration 0411): which job owns each partition (a
 * heartbeat every few seconds; silent past `staleMs`, the partition is taken over by a new job), how far each
 * got (progress, and where a retry starts), and which dates every partition has finished — those are marked
 * completed in the run log (`day_end_runs`) as in the one-process run.
 *
 * Which customers a partition holds is decided by the database: each step's listing filters by
 * `hashtext(customer_id)` mod the partitions (`customer-partition.ts`), so a partition reads its own rows and
 * nothing else — listing costs the accounts once over all partitions, not once per partition. A run records
 * its hash (`partition_hash`, migration 0906) and keeps it to its end: a run made before 0906 (FNV-1a, kept
 * by the worker after listing every account) resumes with FNV-1a, so no customer changes partition while a
 * partition's finished dates stand for the customers it had.
 *
 * Each chunk adds its count to the run log in its partition's own row (`countProcessed` slot = partition),
 * and its progress to the partition's row: partitions never wait on each other's row locks.
 *
 * Work of a date outside transactions (auto-repay asks the provider) runs per partition for the partition's
 * own customers (`CustomerScope`), so no attempt is settled by two jobs at once; work once per run
 * (`afterRun`: pay-outs; and the steps the composition root adds after the batch — limit reviews, appeals,
 * delivery, purges) runs once, in the process that asked for the run, after every partition is done.
 */

export const DAY_END_PARTITION_JOB = 'day-end-partition';

/**
 * The partition of a customer in a run made before migration 0906 (`partition_hash = 'fnv1a-32'`): FNV-1a
 * (32-bit) of the id, modulo the partitions, computed here after listing every account. Kept only so such a
 * run finishes as it began; every run made since partitions in SQL (`inCustomerPartition`).
 */
export function fnv1aPartition(customerId: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < customerId.length; index += 1) {
    hash ^= customerId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

export interface DayEndJobsDeps extends DayEndDeps {
  readonly queue: JobQueue;
  readonly ids: IdGenerator;
  /** How often a running partition writes its heartbeat (default 2,000 ms). */
  readonly heartbeatMs?: number;
  /** A partition silent this long is taken over (default 30,000 ms). */
  readonly staleMs?: number;
  /** How often a waiting process reads the progress (default 250 ms). */
  readonly pollMs?: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Runs `beat` every `ms` until the returned stop is called (timers are the caller's: a port). */
  readonly every: (ms: number, beat: () => void) => () => void;
}

export interface DayEndRunProgress {
  readonly run: DayEndJobRun;
  readonly parts: readonly DayEndJobPart[];
  /** Items advanced by every partition so far (accounts × steps). */
  readonly itemsDone: number;
  readonly partsCompleted: number;
}

const PAGE = 1_000;

/** The customers of partition `part` of `run`, as the run's steps read them. */
export function scopeOf(
  run: Pick<DayEndJobRun, 'partitions' | 'partitionHash'>,
  part: number,
): CustomerScope {
  if (run.partitionHash === 'fnv1a-32')
    return { owns: (customerId) => fnv1aPartition(customerId, run.partitions) === part };
  const partition: CustomerPartition = { partitions: run.partitions, part };
  return { partition, owns: () => true };
}

/** Every item of `processor` behind `date` that belongs to the partition (paged by id; filtered in SQL). */
async function behindIn(
  processor: DayEndProcessor,
  q: Queryable,
  date: LocalDate,
  scope: CustomerScope,
): Promise<DayEndItem[]> {
  const mine: DayEndItem[] = [];
  for (let afterId = ''; ;) {
    const page = await processor.listBehind(q, date, afterId, PAGE, scope.partition);
    for (const item of page) if (scope.owns(item.customerId)) mine.push(item);
    if (page.length < PAGE) return mine;
    afterId = (page[page.length - 1] as DayEndItem).id;
  }
}

function firstStart(run: DayEndJobRun): LocalDate | undefined {
  return Object.values(run.starts).sort()[0];
}

/**
 * Makes a run through `through` (or joins the one still going for that date): the run, its partitions and
 * one job per partition, enqueued in the same transaction (so a run exists exactly with its jobs).
 */
export async function startDayEndRun(
  deps: DayEndJobsDeps,
  input: { readonly through: LocalDate; readonly partitions: number; readonly chunkSize: number },
): Promise<{ readonly run: DayEndJobRun; readonly joined: boolean }> {
  const { db, clock } = deps;
  const today = clock.today();
  if (input.through > today) {
    throw AppError.invalid(
      'date',
      'not-after-today',
      `the day-end of ${input.through} cannot run before that day (today is ${today})`,
    );
  }
  if (!Number.isInteger(input.partitions) || input.partitions < 1 || input.partitions > 1024) {
    throw AppError.invalid('partitions', 'range', 'partitions must be 1–1024');
  }
  if (!Number.isInteger(input.chunkSize) || input.chunkSize < 1 || input.chunkSize > 10_000) {
    throw AppError.invalid('chunkSize', 'range', 'chunk size must be 1–10000');
  }
  const going = await store.openRun(db, input.through);
  if (going) {
    // One process (PGlite): the jobs of a run whose process stopped died with it; queue them again.
    if (deps.queue.kind === 'in-process') await requeue(deps, going.id, () => true);
    return { run: going, joined: true };
  }
  const starts = Object.fromEntries(await dayEndStarts(deps, input.through));
  const id = deps.ids.next('batch');
  const later: (() => Promise<void>)[] = [];
  await db.transaction(async (tx) => {
    await store.insertRun(tx, {
      id,
      through: input.through,
      partitions: input.partitions,
      partitionHash: 'hashtext',
      chunkSize: input.chunkSize,
      starts,
      createdAt: clock.now(),
    });
    for (let part = 0; part < input.partitions; part += 1) later.push(await assignJob(deps, tx, id, part));
  });
  for (const enqueue of later) await enqueue();
  return { run: (await store.run(db, id)) as DayEndJobRun, joined: false };
}

/** Gives each partition of the run that `which` picks a new job (the old one stops at its next heartbeat). */
async function requeue(
  deps: DayEndJobsDeps,
  runId: string,
  which: (part: DayEndJobPart) => boolean,
): Promise<number> {
  const later: (() => Promise<void>)[] = [];
  const count = await deps.db.transaction(async (tx) => {
    later.length = 0;
    const run = await store.run(tx, runId, { lock: true });
    if (!run || run.status === 'completed') return 0;
    const parts = (await store.parts(tx, runId)).filter((part) => part.status !== 'completed' && which(part));
    for (const part of parts) later.push(await assignJob(deps, tx, runId, part.part));
    return parts.length;
  });
  for (const enqueue of later) await enqueue();
  return count;
}

/**
 * Makes the partition's next job: its id is recorded as the owner first, then the job is enqueued — in the
 * same transaction on PostgreSQL; after the commit (the returned function) in one process, where a job
 * started inside the transaction could not see the run yet.
 */
async function assignJob(
  deps: DayEndJobsDeps,
  tx: Queryable,
  runId: string,
  part: number,
): Promise<() => Promise<void>> {
  const job = deps.queue.newJobId();
  await store.assign(tx, runId, part, job, deps.clock.now());
  const enqueue = async (within?: Queryable): Promise<void> => {
    await deps.queue.enqueue(
      DAY_END_PARTITION_JOB,
      { run: runId, part },
      { id: job, ...(within ? { within } : {}) },
    );
  };
  if (!deps.queue.transactional) return enqueue;
  await enqueue(tx);
  return async () => undefined;
}

/**
 * Takes over the partitions of every run going whose job has been silent longer than `staleMs` (its
 * process died or hangs): each gets a new job. Run by every worker and every waiting `credence eod` every
 * few seconds; the run's row lock makes two passes at once take each partition over once.
 */
export async function takeOverSilentPartitions(deps: DayEndJobsDeps): Promise<number> {
  const staleMs = deps.staleMs ?? 30_000;
  let taken = 0;
  for (const run of await store.runsGoing(deps.db)) {
    const before = new Date(deps.clock.now().getTime() - staleMs);
    taken += await requeue(deps, run.id, (part) => part.status === 'running' && part.updatedAt < before);
  }
  return taken;
}

/** The handler of one partition's job (registered under `DAY_END_PARTITION_JOB`). */
export async function runDayEndPartition(
  deps: DayEndJobsDeps,
  payload: JobPayload,
  context: JobContext,
): Promise<void> {
  const { db, clock, runs, processors } = deps;
  const runId = String(payload.run);
  const part = Number(payload.part);
  const run = await store.run(db, runId);
  if (!run || run.status === 'completed' || !Number.isInteger(part)) return;
  // Another job owns the partition now (this one was taken over), or it is done: nothing to do.
  if (!(await store.begin(db, runId, part, context.jobId, context.worker, clock.now()))) return;
  let owned = true;
  const stopBeating = deps.every(deps.heartbeatMs ?? 2_000, () => {
    store.beat(db, runId, part, context.jobId, clock.now()).then(
      (still) => {
        if (!still) owned = false;
      },
      () => undefined,
    );
  });
  const mustOwn = (): void => {
    if (!owned) throw new Error(`day-end ${runId} partition ${part} was taken over by another job`);
  };
  const scope = scopeOf(run, part);
  try {
    const first = firstStart(run);
    const mine = (await store.parts(db, runId)).find((row) => row.part === part);
    const from = mine?.dateDone ? addDays(mine.dateDone, 1) : first;
    for (let date = from; date !== undefined && date <= run.through; date = addDays(date, 1)) {
      for (const processor of processors) {
        const start = run.starts[processor.product];
        if (!start || date < start) continue;
        mustOwn();
        await runs.markStarted(db, processor.product, date, clock.now());
        const items = await behindIn(processor, db, date, scope);
        await store.step(
          db,
          runId,
          part,
          { product: processor.product, date, total: items.length },
          clock.now(),
        );
        const chunks: DayEndItem[][] = [];
        // On Citus a chunk holds customers of one shard group (single-shard locks), as in the one-process run.
        for (const group of await groupByShard(db, items)) {
          for (let index = 0; index < group.length; index += run.chunkSize)
            chunks.push(group.slice(index, index + run.chunkSize));
        }
        for (const chunk of chunks) {
          mustOwn();
          await db.transaction(
            async (tx) => {
              const count = await processor.advance(tx, chunk, date);
              // Counted with the work: a kill between chunks loses no count and counts nothing twice. In the
              // partition's own slot of the run log and its own progress row: no other partition's lock.
              if (count > 0) await runs.countProcessed(tx, processor.product, date, count, part);
              await store.advanced(tx, runId, part, count, clock.now());
            },
            { retries: 5 },
          );
        }
        // Work outside transactions (auto-repay's provider calls) for this partition's customers only, at the
        // step's own default concurrency (a partition has no transactions in flight to lend it).
        if (processor.afterDate) await processor.afterDate(date, { scope });
      }
      await markDateDone(deps, run, part, date);
    }
    await db.transaction(async (tx) => {
      await store.run(tx, runId, { lock: true });
      await store.partCompleted(tx, runId, part, clock.now());
    });
  } finally {
    stopBeating();
  }
}

/** This partition finished `date`; dates every partition has finished are marked completed in the run log. */
async function markDateDone(
  deps: DayEndJobsDeps,
  run: DayEndJobRun,
  part: number,
  date: LocalDate,
): Promise<void> {
  const { clock, runs, processors } = deps;
  await deps.db.transaction(async (tx) => {
    const locked = (await store.run(tx, run.id, { lock: true })) as DayEndJobRun;
    const least = await store.dateDone(tx, run.id, part, date, clock.now());
    const first = firstStart(run);
    if (!least || !first || (locked.completedThrough && least <= locked.completedThrough)) return;
    const from = locked.completedThrough ? addDays(locked.completedThrough, 1) : first;
    for (let day = from; day <= least; day = addDays(day, 1)) {
      for (const processor of processors) {
        const start = run.starts[processor.product];
        if (start && day >= start) await runs.markCompleted(tx, processor.product, day, 0, clock.now());
      }
    }
    await store.completedThrough(tx, run.id, least);
  });
}

/** A run's progress: each partition's step and counts, and the totals. */
export async function dayEndRunProgress(q: Queryable, runId: string): Promise<DayEndRunProgress | undefined> {
  const run = await store.run(q, runId);
  if (!run) return undefined;
  const parts = await store.parts(q, runId);
  return {
    run,
    parts,
    itemsDone: parts.reduce((sum, part) => sum + part.itemsDone, 0),
    partsCompleted: parts.filter((part) => part.status === 'completed').length,
  };
}

/**
 * Waits for every partition of the run, taking over silent ones as it goes, then does the run's work that
 * must happen once (`afterRun`) and marks it completed. Several waiters at once: the run's lock lets one
 * finish it; the others see it completed.
 */
export async function awaitDayEndRun(
  deps: DayEndJobsDeps,
  runId: string,
  onProgress?: (progress: DayEndRunProgress) => void,
): Promise<DayEndJobRun> {
  const pollMs = deps.pollMs ?? 250;
  const takeOverEvery = Math.max(pollMs, (deps.heartbeatMs ?? 2_000) * 2);
  let lastTakeOver = deps.elapsed();
  for (;;) {
    const progress = await dayEndRunProgress(deps.db, runId);
    if (!progress) throw AppError.notFound('day-end run', runId);
    onProgress?.(progress);
    if (progress.run.status === 'completed') return progress.run;
    if (progress.partsCompleted === progress.parts.length) break;
    if (deps.elapsed() - lastTakeOver >= takeOverEvery) {
      lastTakeOver = deps.elapsed();
      await takeOverSilentPartitions(deps);
    }
    await deps.sleep(pollMs);
  }
  const finishing = await deps.db.transaction(async (tx) => {
    const run = await store.run(tx, runId, { lock: true });
    if (!run || run.status === 'completed') return undefined;
    await store.setStatus(tx, runId, 'finishing', deps.clock.now());
    return run;
  });
  if (finishing) {
    for (const processor of deps.processors) {
      if (processor.afterRun && finishing.starts[processor.product])
        await processor.afterRun(finishing.through);
    }
    await store.setStatus(deps.db, runId, 'completed', deps.clock.now());
  }
  return (await store.run(deps.db, runId)) as DayEndJobRun;
}

/** What the run did per (product, date), from the run log (counts include an interrupted earlier attempt). */
async function reportOf(
  deps: DayEndJobsDeps,
  run: DayEndJobRun,
  milliseconds: number,
): Promise<DayEndReport> {
  const dates: DayEndDateReport[] = [];
  const first = firstStart(run);
  if (first) {
    const items = await dayEndRunItems(deps.db, first, run.through);
    for (let date = first; date <= run.through; date = addDays(date, 1)) {
      for (const processor of deps.processors) {
        const start = run.starts[processor.product];
        if (!start || date < start) continue;
        dates.push({
          product: processor.product,
          date,
          items: items.get(`${processor.product} ${date}`) ?? 0,
          milliseconds: 0,
        });
      }
    }
  }
  return {
    through: run.through,
    dates,
    upToDate: dates.every((d) => d.items === 0),
    run: { id: run.id, partitions: run.partitions, milliseconds },
  };
}

/**
 * The batch as a run of jobs, behind the same `DayEndService` the CLI and the steps after the batch use:
 * `run` makes the run (or joins the one going for the date), lets this process work on it too when `work`
 * (PGlite: always — the jobs run here), waits for every partition and returns the report. Progress is
 * reported as one line: items advanced over every partition, against what they have found behind so far.
 */
export function createQueuedDayEndService(
  deps: DayEndJobsDeps,
  options: { readonly partitions: number; readonly work: boolean; readonly worker: string },
): DayEndService {
  return {
    products: deps.processors.map((processor) => processor.product),
    async run(runOptions: DayEndOptions) {
      const began = deps.elapsed();
      const { run } = await startDayEndRun(deps, {
        through: runOptions.through,
        partitions: options.partitions,
        chunkSize: runOptions.chunkSize ?? 500,
      });
      if (options.work || deps.queue.kind === 'in-process')
        await deps.queue.work({ concurrency: runOptions.concurrency ?? 1, worker: options.worker });
      const finished = await awaitDayEndRun(deps, run.id, (progress) => {
        const found = progress.parts.reduce(
          (sum, part) => sum + part.itemsDone - part.stepDone + part.stepTotal,
          0,
        );
        runOptions.onProgress?.({
          product: `${progress.partsCompleted}/${progress.parts.length} partitions`,
          date: run.through,
          done: progress.itemsDone,
          total: Math.max(found, progress.itemsDone),
        });
      });
      return reportOf(deps, finished, deps.elapsed() - began);
    },
  };
}
