import type { Queryable } from '../database/database.ts';

/**
 * The jobs port (issue 16, item 4): work that any process may do, handed out one job at a time. A job is a
 * name and a JSON payload; a handler registered under the name does the work. Two adapters:
 *
 * - on PostgreSQL, a queue in the database (`pg-boss-queue.pg.ts`): `credence worker` processes on any
 *   number of machines take jobs; a job whose process died is handed out again (its handler must be safe
 *   to run again: the day-end's is, by each account's watermark);
 * - on PGlite, one process (`in-process-queue.ts`): the same handlers run in the process that enqueued them.
 *
 * The work itself is the same code on both: only who calls the handler differs. Nothing outside
 * `src/platform/jobs/` and the composition root knows which queue is in use.
 */

/** A job's payload: plain JSON (no bigint: write money as a decimal string). */
export type JobPayload = Readonly<Record<string, unknown>>;

export interface JobContext {
  /** The queue's id of this job (for logs and for a handler's own bookkeeping). */
  readonly jobId: string;
  /** Which process runs it (`worker` name, or `in-process`). */
  readonly worker: string;
}

export type JobHandler = (payload: JobPayload, context: JobContext) => Promise<void>;

export interface EnqueueOptions {
  /**
   * The transaction to enqueue in: the job then exists exactly when the transaction commits. Only the
   * PostgreSQL queue can (`transactional`); on the in-process queue enqueue after the commit instead.
   */
  readonly within?: Queryable;
  /** The job's id, made beforehand by `newJobId()` (so it can be recorded before the job can start). */
  readonly id?: string;
  /**
   * At most one job of this name and `key` per slot of `seconds` (the clock cut into slots of that length):
   * any number of processes enqueuing the same recurring job in one slot make one job. On PostgreSQL the
   * queue's unique index decides (pg-boss `singletonKey` + `singletonSeconds`); in one process, a job with the
   * key that is queued or still running makes the next one a no-op (a pass is never run twice at once). This
   * only saves work: what makes the work happen once per item is the item's own row claim.
   */
  readonly singleton?: { readonly key: string; readonly seconds: number };
}

/** The named handlers a process can run (the composition root registers them once). */
export interface JobHandlers {
  register(name: string, handler: JobHandler): void;
  get(name: string): JobHandler | undefined;
  readonly names: readonly string[];
}

export function createJobHandlers(): JobHandlers {
  const handlers = new Map<string, JobHandler>();
  return {
    register(name, handler) {
      if (!/^[a-z][a-z0-9-]{0,60}$/.test(name)) throw new Error(`job name ${name}: use a-z, 0-9 and -`);
      if (handlers.has(name)) throw new Error(`job ${name} is registered twice`);
      handlers.set(name, handler);
    },
    get: (name) => handlers.get(name),
    get names() {
      return [...handlers.keys()];
    },
  };
}

export interface JobQueue {
  /** `queue` (PostgreSQL, shared by many processes) or `in-process` (PGlite). */
  readonly kind: 'queue' | 'in-process';
  /** Whether `enqueue` can take part in a transaction (`within`). */
  readonly transactional: boolean;
  /** A fresh id for a job (a UUID on PostgreSQL). */
  newJobId(): string;
  /**
   * Puts a job on the queue; resolves with its id, or `null` when `singleton` held it back (a job of the
   * same name and key is already in the slot).
   */
  enqueue(name: string, payload: JobPayload, options?: EnqueueOptions): Promise<string | null>;
  /**
   * Takes jobs of every registered name and runs them, `concurrency` at a time, until `stop`. Resolves once
   * it is taking jobs.
   */
  work(options: { readonly concurrency: number; readonly worker: string }): Promise<void>;
  /** Stops taking jobs and waits for the ones running. */
  stop(): Promise<void>;
}
