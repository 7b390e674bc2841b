import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { positiveInteger } from '../../cli/numbers.ts';
import { counted } from '../../cli/plural.ts';
import { createProgress } from '../../cli/progress.ts';
import { globalOptions, output, withApp } from '../../cli/runtime.ts';
import { close, write } from '../../cli/streams.ts';
import { eventToWire } from '../../customers/index.ts';
import { createPiiVault } from '../../identity/index.ts';
import { toJson } from '../../platform/database/database.ts';
import { parseLocalDate, type LocalDate } from '../../platform/time/local-date.ts';
import { systemClock } from '../../platform/time/system-clock.node.ts';
import { storePopulation } from './population-store.ts';
import { generatePopulation, populationEvents } from './population.ts';

/**
 * `credence demo-data`: a synthetic population (the documented latent model of `population.ts`) stored in
 * the database, or its events written as NDJSON to import elsewhere.
 */
export function registerDemoDataCommand(program: Command): void {
  program
    .command('demo-data')
    .description(
      'Generate a synthetic population (documented latent model) into the database, or its events to NDJSON with --out.',
    )
    .option('--customers <n>', 'how many customers', '1000')
    .option('--months <n>', 'months of history', '24')
    .option('--seed <n>', 'random seed (same seed, same data)', '1')
    .option('--end <date>', 'the business date the history ends on', '2026-11-01')
    .option(
      '--out <file>',
      'write events as NDJSON (and customers to <file>.customers.ndjson) instead of the database',
    )
    .action(
      async (
        options: { customers: string; months: string; seed: string; end: string; out?: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const end: LocalDate = parseLocalDate(options.end, '--end');
        const population = generatePopulation({
          customers: positiveInteger(options.customers, '--customers', 10_000_000),
          months: positiveInteger(options.months, '--months', 120),
          seed: positiveInteger(options.seed, '--seed', 2 ** 31),
          end,
        });
        if (options.out) {
          const events = createWriteStream(options.out);
          const customers = createWriteStream(`${options.out}.customers.ndjson`);
          const progress = createProgress('writing', population.customers.length, {
            quiet: global.json === true,
          });
          let written = 0;
          for (const customer of population.customers) {
            const { start: _s, end: _e, latent: _l, index: _i, ...record } = customer;
            await write(customers, `${toJson(record)}\n`);
            for (const event of populationEvents(population, customer)) {
              if (event.source === 'credence') continue; // Credence's own records are written by Credence, not imported
              await write(events, `${toJson(eventToWire(event))}\n`);
              written += 1;
            }
            progress.update(customer.index + 1);
          }
          progress.stop();
          await Promise.all([close(events), close(customers)]);
          output(
            global,
            { customers: population.customers.length, events: written, out: options.out },
            () =>
              `wrote ${counted(written, 'event')} of ${counted(population.customers.length, 'customer')} to ${options.out} (customers: ${options.out}.customers.ndjson)`,
          );
          return;
        }
        await withApp(global, async (app) => {
          const progress = createProgress('storing', population.customers.length, {
            quiet: global.json === true,
          });
          const stored = await storePopulation(app.db, createPiiVault(app.config.pii), population, {
            receivedAt: systemClock.now(),
            onProgress: (customers, events) => progress.update(customers, `${events} events`),
          });
          progress.stop();
          output(
            global,
            stored,
            () => `stored ${counted(stored.customers, 'customer')} and ${counted(stored.events, 'event')}`,
          );
        });
      },
    );
}
