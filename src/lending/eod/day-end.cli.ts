import type { Command } from 'commander';
import { createProgress, type Progress } from '../../cli/progress.ts';
import { globalOptions, output, withApp } from '../../cli/runtime.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { systemClock } from '../../platform/time/system-clock.node.ts';
import { addDays, parseLocalDate } from '../../platform/time/local-date.ts';
import type { DayEndRunProgress } from './day-end-jobs.ts';

function integer(value: string, field: string): number {
  if (!/^\d+$/.test(value)) throw AppError.invalid(field, 'integer', `${field} must be a whole number`);
  return Number(value);
}

/** One line per partition and a total: what `credence eod status` prints and the API returns. */
export function progressText(progress: DayEndRunProgress): string {
  const { run, parts } = progress;
  const lines = [
    `${run.id} through ${run.through}: ${run.status}, ${progress.partsCompleted}/${parts.length} partitions done, ${progress.itemsDone} items advanced${run.completedThrough ? `, every partition through ${run.completedThrough}` : ''}`,
  ];
  for (const part of parts) {
    const step = part.stepProduct
      ? ` — ${part.stepDate} ${part.stepProduct} ${part.stepDone}/${part.stepTotal}`
      : '';
    lines.push(
      `  partition ${part.part}: ${part.status}${step}, ${part.itemsDone} items${part.worker ? ` (${part.worker}, attempt ${part.attempts})` : ''}`,
    );
  }
  return lines.join('\n');
}

/**
 * `credence eod --date D`: the day-end batch for every date not yet done up to D, in order, as a run of jobs
 * partitioned by customer. On PostgreSQL the partitions go on the queue, and `credence worker` processes on
 * any machine take them; this process takes them too unless `--no-work`. On PGlite they run here. It waits
 * for the run, then runs the steps after the batch once. Safe to run twice (the second run finds nothing
 * behind), to run while another is going (it joins the run of the same date) and to kill (a restart joins
 * the run; partitions of a dead process are taken over after CREDENCE_JOB_STALE_MS).
 *
 * `credence eod status [run]`: the progress of a run (the latest by default), per partition.
 */
export function registerDayEndCommand(program: Command): void {
  const eod = program
    .command('eod')
    .description(
      'Run the day-end batch (accrual, billing, overdue, penalty, buckets) through a date, catching up skipped dates.',
    )
    .option('--date <date>', 'last business date to process, YYYY-MM-DD (default: yesterday)')
    .option('--chunk-size <n>', 'items per transaction', '500')
    .option('--concurrency <n>', 'partitions this process works on at once (PostgreSQL)', '4')
    .option(
      '--partitions <n>',
      'partitions by customer hash, one job each (default: --concurrency on PostgreSQL, 1 on PGlite); with workers, their slots together',
    )
    .option('--no-work', 'only queue the run and wait: `credence worker` processes do the work (PostgreSQL)')
    .option('--quiet', 'no progress on stderr')
    .action(
      async (
        options: {
          date?: string;
          chunkSize: string;
          concurrency: string;
          partitions?: string;
          work: boolean;
          quiet?: boolean;
        },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const through = options.date
          ? parseLocalDate(options.date, '--date')
          : addDays(systemClock.today(), -1);
        const chunkSize = integer(options.chunkSize, '--chunk-size');
        const concurrency = integer(options.concurrency, '--concurrency');
        const partitions = options.partitions ? integer(options.partitions, '--partitions') : undefined;
        await withApp(global, async (app) => {
          const pglite = app.db.dialect === 'pglite';
          let progress: Progress | undefined;
          let label = '';
          const dayEnd = app.services.dayEndRuns.service({
            partitions: partitions ?? (pglite ? 1 : concurrency),
            work: pglite || options.work,
            worker: `eod-${process.pid}`,
          });
          const report = await dayEnd.run({
            through,
            chunkSize,
            concurrency: pglite ? 1 : concurrency,
            onProgress: ({ product, date, done, total }) => {
              const next = `eod ${date} ${product.includes('partitions') ? 'partitions' : product}`;
              if (next !== label) {
                progress?.stop();
                label = next;
                progress = createProgress(next, total, { quiet: options.quiet || global.json });
              }
              progress?.setTotal(total);
              progress?.update(done, product);
            },
          });
          progress?.stop();
          output(global, report, () => {
            const lines = report.dates
              .filter((d) => d.items > 0 || !report.run)
              .map((d) =>
                d.milliseconds > 0 || !report.run
                  ? `${d.date} ${d.product}: ${d.items} processed in ${(d.milliseconds / 1000).toFixed(2)} s`
                  : `${d.date} ${d.product}: ${d.items} processed`,
              );
            if (report.run)
              lines.push(
                `run ${report.run.id}: ${report.run.partitions} partitions in ${(report.run.milliseconds / 1000).toFixed(2)} s`,
              );
            return report.upToDate
              ? `day-end is up to date through ${through}; nothing was behind`
              : lines.join('\n');
          });
        });
      },
    );
  eod
    .command('status [run]')
    .description('Progress of a day-end run (the latest by default): each partition, its step and counts.')
    .action(async (runId: string | undefined, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const id = runId ?? (await app.services.dayEndRuns.recent(1))[0]?.id;
        if (!id) throw AppError.notFound('day-end run', 'latest');
        const progress = await app.services.dayEndRuns.progress(id);
        if (!progress) throw AppError.notFound('day-end run', id);
        output(global, progress, () => progressText(progress));
      });
    });
}
