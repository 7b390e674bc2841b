import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { integerInRange } from '../../cli/numbers.ts';
import { createProgress } from '../../cli/progress.ts';
import { globalOptions, output } from '../../cli/runtime.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { runAppealSimulationInMemory } from './appeal-simulation.node.ts';
import { renderSimulationSvg } from './appeal-simulation-plot.ts';

/**
 * `credence appeals simulate`: appeals over a synthetic population on an in-memory database. The command
 * sits under `credence appeals` beside the reviewers' commands, but it is the demo's: the CLI's command
 * table loads it with the appeals commands and hands it the `appeals` command they made.
 */
export function registerAppealSimulationCommand(program: Command): void {
  const appeals = program.commands.find((command) => command.name() === 'appeals');
  if (!appeals) throw new AppError('INTERNAL', 'the appeals commands are registered before appeals simulate');
  appeals
    .command('simulate')
    .description(
      'Simulate appeals over a synthetic population on an in-memory database: applications, appeals, fixes, an outage, reviewers working the queue on Shanghai business days. Prints the median time to resolution and the share resolved by the re-check.',
    )
    .option('--customers <n>', 'synthetic applicants', '1000')
    .option('--seed <n>', 'population and behaviour seed', '2')
    .option('--reviewers <n>', 'reviewers working the queue', '2')
    .option('--out <file.svg>', 'write the plot (SVG) here')
    .option('--quiet', 'no progress on stderr')
    .action(
      async (
        options: { customers: string; seed: string; reviewers: string; out?: string; quiet?: boolean },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const customers = integerInRange(options.customers, '--customers', 10, 100_000);
        const progress = createProgress('simulate', customers, { quiet: options.quiet || global.json });
        const result = await runAppealSimulationInMemory(
          {
            customers,
            seed: integerInRange(options.seed, '--seed', 1, 2 ** 31 - 1),
            reviewers: integerInRange(options.reviewers, '--reviewers', 1, 50),
          },
          (done, detail) => progress.update(done, detail),
        );
        progress.stop();
        if (options.out) writeFileSync(options.out, renderSimulationSvg(result));
        output(global, result.summary, () => result.text);
      },
    );
}
