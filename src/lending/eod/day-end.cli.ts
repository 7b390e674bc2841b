import type { Command } from 'commander';
import { createProgress, type Progress } from '../../cli/progress.ts';
import { globalOptions, output, withApp } from '../../cli/runtime.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { systemClock } from '../../platform/time/system-clock.node.ts';
import { addDays, parseLocalDate } from '../../platform/time/local-date.ts';

function integer(value: string, field: string): number {
  if (!/^\d+$/.test(value)) throw AppError.invalid(field, 'integer', `${field} must be a whole number`);
  return Number(value);
}

/**
 * `credence eod --date D`: the day-end batch for every date not yet done up to D, in order. Safe to run
 * twice (the second run finds nothing behind) and to kill (a restart finishes what is left).
 */
export function registerDayEndCommand(program: Command): void {
  program
    .command('eod')
    .description(
      'Run the day-end batch (accrual, billing, overdue, penalty, buckets) through a date, catching up skipped dates.',
    )
    .option('--date <date>', 'last business date to process, YYYY-MM-DD (default: yesterday)')
    .option('--chunk-size <n>', 'items per transaction', '500')
    .option('--concurrency <n>', 'transactions in flight (PostgreSQL)', '4')
    .option('--quiet', 'no progress on stderr')
    .action(
      async (
        options: { date?: string; chunkSize: string; concurrency: string; quiet?: boolean },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const through = options.date
          ? parseLocalDate(options.date, '--date')
          : addDays(systemClock.today(), -1);
        await withApp(global, async (app) => {
          let progress: Progress | undefined;
          let label = '';
          const report = await app.services.dayEnd.run({
            through,
            chunkSize: integer(options.chunkSize, '--chunk-size'),
            concurrency: app.db.dialect === 'pglite' ? 1 : integer(options.concurrency, '--concurrency'),
            onProgress: ({ product, date, done, total }) => {
              const next = `eod ${date} ${product}`;
              if (next !== label) {
                progress?.stop();
                label = next;
                progress = createProgress(next, total, { quiet: options.quiet || global.json });
              }
              progress?.setTotal(total);
              progress?.update(done);
            },
          });
          progress?.stop();
          output(global, report, () =>
            report.upToDate
              ? `day-end is up to date through ${through}; nothing was behind`
              : report.dates
                  .map(
                    (d) =>
                      `${d.date} ${d.product}: ${d.items} processed in ${(d.milliseconds / 1000).toFixed(2)} s`,
                  )
                  .join('\n'),
          );
        });
      },
    );
}
