import type { Logger } from '../logging/logger.ts';
import type { JobHandler, JobQueue } from './jobs.ts';

/**
 * A job enqueued again and again (a delivery pass, a recovery pass): `name` every `everyMs` (0: never
 * again), and once as soon as it is scheduled when `atStart`. Its payload is empty: the pass finds what is
 * due in the database.
 */
export interface RecurringJob {
  readonly name: string;
  readonly everyMs: number;
  readonly atStart?: boolean;
}

export interface RecurringDeps {
  readonly queue: JobQueue;
  /** Runs `beat` every `ms` until the returned stop is called (timers are the caller's: a port). */
  readonly every: (ms: number, beat: () => void) => () => void;
  readonly onError: (error: unknown, name: string) => void;
}

/**
 * Enqueues each recurring job on its interval until the returned stop is called. Every enqueue is a
 * singleton of the job's name for a slot as long as its interval (a start-up pass: a slot of a minute), so
 * that any number of processes scheduling the same jobs on one PostgreSQL queue make one job per interval
 * between them; in one process, a pass still queued or running makes the next enqueue a no-op (as the
 * server's timers skipped a tick while their pass was still busy). The queue only spares work: each pass
 * claims its items row by row, so two passes at once (a slow one overlapping the next slot) still do each
 * item once.
 */
export function scheduleRecurringJobs(deps: RecurringDeps, jobs: readonly RecurringJob[]): () => void {
  const stops: (() => void)[] = [];
  const enqueue = (job: RecurringJob): void => {
    const seconds = job.everyMs > 0 ? job.everyMs / 1_000 : 60;
    deps.queue
      .enqueue(job.name, {}, { singleton: { key: job.name, seconds } })
      .catch((error: unknown) => deps.onError(error, job.name));
  };
  for (const job of jobs) {
    if (job.atStart) enqueue(job);
    if (job.everyMs > 0) stops.push(deps.every(job.everyMs, () => enqueue(job)));
  }
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
}

/**
 * A pass of background work that finds what is due in the database itself (a delivery pass, a recovery
 * pass): `run` does it and reports; the report is logged under `label` when `worthLogging` says the pass
 * did something.
 */
export interface RecurringPass<Report> {
  readonly name: string;
  readonly label: string;
  readonly run: () => Promise<Report>;
  readonly worthLogging: (report: Report) => boolean;
}

/**
 * The job handler of a pass. A failing pass is logged (`<label> failed`) and not thrown: the next
 * interval's job is its retry, so the queue does not run it again at once.
 */
export function passHandler<Report>(pass: RecurringPass<Report>, logger: Logger): JobHandler {
  return async (_payload, context) => {
    try {
      const report = await pass.run();
      if (pass.worthLogging(report)) logger.info({ report, worker: context.worker }, pass.label);
    } catch (error) {
      logger.error({ err: error, worker: context.worker }, `${pass.label} failed`);
    }
  };
}
