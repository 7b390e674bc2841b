import type { Command } from 'commander';
import { AppError } from '../../platform/errors/app-error.ts';
import { globalOptions, withApp } from '../runtime.ts';

function integer(value: string, field: string): number {
  if (!/^\d+$/.test(value)) throw AppError.invalid(field, 'integer', `${field} must be a whole number`);
  return Number(value);
}

/**
 * `credence worker`: a process that takes jobs from the queue on PostgreSQL (the day-end's partitions, and
 * the background passes: customer-message delivery, the appeals' recovery pass, due limit reviews) and
 * runs them, `--concurrency` at a time per kind of job, until SIGTERM or SIGINT (it then finishes or hands
 * back what it holds). Any number of them, on any number of machines, each with DATABASE_URL and the same
 * keys as the API nodes. Each enqueues the background passes on their intervals (the queue keeps one job
 * per interval between all workers); every few seconds it also takes over partitions whose job fell silent
 * (a worker that died).
 */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'Run queued jobs (day-end partitions, message delivery, appeal re-checks, limit reviews) until stopped; PostgreSQL only, any number of them.',
    )
    .option('--concurrency <n>', 'jobs at once', '1')
    .option('--name <name>', 'this worker in logs and progress (default: worker-<host pid>)')
    .action(async (options: { concurrency: string; name?: string }, command: Command) => {
      const global = globalOptions(command);
      const concurrency = integer(options.concurrency, '--concurrency');
      if (concurrency < 1 || concurrency > 32)
        throw AppError.invalid('--concurrency', 'range', '--concurrency must be 1–32');
      await withApp(global, async (app) => {
        if (app.jobs.kind !== 'queue') {
          throw AppError.invalid(
            'DATABASE_URL',
            'required',
            'credence worker needs PostgreSQL (DATABASE_URL): on PGlite jobs run in the process that asks for them (credence eod)',
          );
        }
        const name = options.name ?? `worker-${process.pid}`;
        const stopped = new Promise<void>((resolve) => {
          process.once('SIGTERM', () => resolve());
          process.once('SIGINT', () => resolve());
        });
        await app.jobs.work({ concurrency, worker: name });
        const unschedule = app.background.schedule();
        process.stderr.write(`${name} is taking jobs (concurrency ${concurrency})\n`);
        let done = false;
        void stopped.then(() => (done = true));
        while (!done) {
          await Promise.race([
            stopped,
            new Promise((resolve) => setTimeout(resolve, app.services.dayEndRuns.takeOverEveryMs)),
          ]);
          if (done) break;
          try {
            const taken = await app.services.dayEndRuns.takeOver();
            if (taken > 0) app.logger.info({ taken }, 'jobs: took over partitions of a silent worker');
          } catch (error) {
            app.logger.error({ err: error }, 'jobs: take-over pass failed');
          }
        }
        unschedule();
        process.stderr.write(`${name} stopping\n`);
      });
    });
}
