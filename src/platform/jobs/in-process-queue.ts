import type { JobHandlers, JobPayload, JobQueue } from './jobs.ts';

/**
 * The single-process queue (PGlite, whose data directory belongs to one process): jobs are kept in memory
 * and run by the same handlers, in this process, once `work` has been called — `concurrency` at a time, in
 * the order enqueued. A job that throws is run again up to `retries` times (as the PostgreSQL queue would
 * hand it to a worker again), then reported to `onError` and dropped; `idle()` resolves when nothing is
 * queued or running. Jobs queued when the process stops are lost with it: what they were for is in the
 * database (a day-end run and its partitions), and the next `credence eod` picks the run up again.
 */
export interface InProcessQueue extends JobQueue {
  /** Resolves when no job is queued or running. */
  idle(): Promise<void>;
}

interface QueuedJob {
  readonly id: string;
  readonly name: string;
  readonly payload: JobPayload;
  /** `name key` of a singleton job (see `EnqueueOptions.singleton`). */
  readonly singleton: string | undefined;
  tries: number;
}

export function createInProcessQueue(deps: {
  readonly handlers: JobHandlers;
  readonly nextId: () => string;
  readonly retries?: number;
  readonly onError?: (error: unknown, job: { readonly id: string; readonly name: string }) => void;
}): InProcessQueue {
  const retries = deps.retries ?? 2;
  const queued: QueuedJob[] = [];
  let running = 0;
  let concurrency = 0;
  let worker = 'in-process';
  let waiters: (() => void)[] = [];
  /** Singleton jobs queued or running, by `name key`. */
  const singletons = new Set<string>();

  const settleIdle = (): void => {
    if (queued.length > 0 || running > 0) return;
    const waiting = waiters;
    waiters = [];
    for (const resolve of waiting) resolve();
  };

  const pump = (): void => {
    while (running < concurrency && queued.length > 0) {
      const job = queued.shift() as QueuedJob;
      const handler = deps.handlers.get(job.name);
      running += 1;
      void (async () => {
        try {
          if (!handler) throw new Error(`no handler for job ${job.name}`);
          await handler(job.payload, { jobId: job.id, worker });
        } catch (error) {
          job.tries += 1;
          if (job.tries <= retries) queued.push(job);
          else deps.onError?.(error, job);
        } finally {
          // Done or given up (not queued again for a retry): the next job of its key may be queued.
          if (job.singleton && !queued.includes(job)) singletons.delete(job.singleton);
          running -= 1;
          pump();
          settleIdle();
        }
      })();
    }
  };

  return {
    kind: 'in-process',
    transactional: false,
    newJobId: () => deps.nextId(),
    enqueue(name, payload, options = {}) {
      if (!deps.handlers.get(name)) return Promise.reject(new Error(`no handler for job ${name}`));
      // A job would start before the transaction it was enqueued in commits (and not see its rows).
      if (options.within)
        return Promise.reject(new Error('the in-process queue cannot enqueue in a transaction'));
      // One process has no slots to share: a singleton job still queued or running makes this one a no-op.
      const singleton = options.singleton ? `${name} ${options.singleton.key}` : undefined;
      if (singleton !== undefined) {
        if (singletons.has(singleton)) return Promise.resolve(null);
        singletons.add(singleton);
      }
      const id = options.id ?? deps.nextId();
      queued.push({ id, name, payload, singleton, tries: 0 });
      queueMicrotask(pump);
      return Promise.resolve(id);
    },
    work(options) {
      concurrency = Math.max(1, options.concurrency);
      worker = options.worker;
      pump();
      return Promise.resolve();
    },
    async stop() {
      concurrency = 0;
      queued.length = 0;
      singletons.clear();
      await this.idle();
    },
    idle() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settleIdle();
      });
    },
  };
}
