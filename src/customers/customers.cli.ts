import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { createProgress } from '../cli/progress.ts';
import { CliExit, globalOptions, output, withApp } from '../cli/runtime.ts';
import { counted } from '../cli/plural.ts';
import { positiveInteger } from '../cli/numbers.ts';
import { close, write } from '../cli/streams.ts';
import { toJson } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { businessDateOf, shanghaiClockTime, startOfBusinessDate } from '../platform/time/local-date.ts';
import { parseAsOf } from './customers.routes.ts';
import { EXTERNAL_EVENT_TYPES } from './events/customer-event.ts';
import { fileSize, formatOf, readEventFile } from './events/event-file.node.ts';
import { featureCsvHeader, featureCsvLine, parseLabelWindow } from './features/feature-table.ts';

/**
 * An as-of instant the way the business reads it, in Asia/Shanghai: "the end of 2026-05-01 (Asia/Shanghai)"
 * for a business date's last millisecond (what `--as-of 2026-05-01` means), else the Shanghai wall time.
 */
export function asOfText(asOf: Date): string {
  const date = businessDateOf(asOf);
  const next = startOfBusinessDate(businessDateOf(new Date(asOf.getTime() + 1)));
  if (next.getTime() === asOf.getTime() + 1) return `the end of ${date} (Asia/Shanghai)`;
  return `${date} ${shanghaiClockTime(asOf)} Asia/Shanghai`;
}

/** `credence import events`, `credence features` (`credence demo-data` is the demo's: `src/demo/population/`). */
export function registerCustomerCommands(program: Command): void {
  registerImportEventsCommand(program);
  registerFeaturesCommand(program);
}

/** `credence import events`: a file of events, in batches, two in flight. */
function registerImportEventsCommand(program: Command): void {
  const imports = program.command('import').description('Import data into Credence.');
  imports
    .command('events')
    .description(
      `Stream customer events from NDJSON or CSV (types: ${EXTERNAL_EVENT_TYPES.join(', ')}). Good rows are kept, bad rows ` +
        'reported with their line; idempotent by (source, eventId). Exit 3 when any row was rejected.',
    )
    .requiredOption('--file <path>', 'an .ndjson or .csv file')
    .option('--format <format>', 'ndjson or csv (default: from the file name)')
    .option('--batch-size <n>', 'rows per transaction', '2000')
    .action(async (options: { file: string; format?: string; batchSize: string }, command: Command) => {
      const global = globalOptions(command);
      const format = formatOf(options.file, options.format);
      const batchSize = positiveInteger(options.batchSize, '--batch-size', 5000);
      const size = await fileSize(options.file);
      await withApp(global, async (app) => {
        const progress = createProgress('importing events', size, { quiet: global.json === true });
        let accepted = 0;
        let duplicates = 0;
        const rejected: Array<{ line: number; field: string; reason: string }> = [];
        // Two batches in flight: while the database stores one, the next is read and validated. Each batch is
        // its own transaction, so their order does not matter (events are keyed, not sequenced).
        const inFlight = new Set<Promise<void>>();
        for await (const batch of readEventFile(options.file, format, batchSize)) {
          const task: Promise<void> = app.services.customers
            .ingestEvents(batch.rows, { positions: batch.lines })
            .then((report) => {
              accepted += report.accepted;
              duplicates += report.duplicates;
              for (const bad of [...batch.malformed, ...report.rejected])
                rejected.push({ line: bad.index, field: bad.field, reason: bad.reason });
              progress.update(batch.bytesRead, `${accepted} accepted, ${rejected.length} rejected`);
            });
          inFlight.add(task);
          void task.finally(() => inFlight.delete(task)).catch(() => undefined);
          if (inFlight.size >= 2) await Promise.race(inFlight);
        }
        await Promise.all(inFlight);
        progress.stop();
        rejected.sort((a, b) => a.line - b.line);
        output(global, { accepted, duplicates, rejected }, () =>
          [
            `accepted ${counted(accepted, 'event')} (${duplicates.toLocaleString('en-US')} of them already stored), rejected ${rejected.length.toLocaleString('en-US')}`,
            ...rejected
              .slice(0, 50)
              .map((bad) => `  line ${bad.line}: ${bad.field ? `${bad.field} ` : ''}${bad.reason}`),
            ...(rejected.length > 50 ? [`  … and ${rejected.length - 50} more (use --json for all)`] : []),
          ].join('\n'),
        );
        if (rejected.length > 0) throw new CliExit(3, '');
      });
    });
}

/** `credence features`: the training table to CSV, or one customer's snapshot. */
function registerFeaturesCommand(program: Command): void {
  program
    .command('features')
    .description(
      'Compute features from the database as of a date. With --out: the training table (one row per customer, label bad = ' +
        '30+ days past due within the label window). With --customer: that customer’s snapshot as JSON.',
    )
    .requiredOption('--as-of <date>', 'a business date YYYY-MM-DD (end of that day) or an RFC 3339 instant')
    .option('--label-window <window>', 'label window after the as-of date: 6m or 90d', '6m')
    .option('--out <file>', 'CSV file for the training table')
    .option('--customer <id>', 'print one customer’s snapshot instead')
    .action(
      async (
        options: { asOf: string; labelWindow: string; out?: string; customer?: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const asOf = parseAsOf(options.asOf);
        if (!asOf) throw AppError.invalid('--as-of', 'required', 'give --as-of');
        const window = parseLabelWindow(options.labelWindow, '--label-window');
        if (!options.out && !options.customer)
          throw AppError.invalid('--out', 'required', 'give --out F.csv or --customer ID');
        await withApp(global, async (app) => {
          if (options.customer) {
            const snapshot = await app.services.customers.getSnapshot(options.customer, asOf);
            process.stdout.write(`${toJson(snapshot)}\n`);
            return;
          }
          const out = createWriteStream(options.out ?? '');
          await write(out, `${featureCsvHeader()}\n`);
          const progress = createProgress('features', 0, { quiet: global.json === true });
          const started = app.monotonic.nowMs();
          const rows = await app.services.customers.trainingRows(
            asOf,
            window,
            async (customerId, vector, bad) => write(out, `${featureCsvLine(customerId, vector, bad)}\n`),
            {
              onProgress: (done, total) => {
                progress.setTotal(total);
                progress.update(done);
              },
            },
          );
          progress.stop();
          await close(out);
          const seconds = (app.monotonic.nowMs() - started) / 1000;
          output(
            global,
            { rows, out: options.out, asOf: asOf.toISOString(), labelWindow: window.text, seconds },
            () =>
              `wrote ${counted(rows, 'row')} to ${options.out} (as of ${asOfText(asOf)}, label window ${window.text}) in ${seconds.toFixed(1)} s`,
          );
        });
      },
    );
}
