import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createProgress } from '../cli/progress.ts';
import { globalOptions, output, withApp } from '../cli/runtime.ts';
import { cliActorOfThisProcess } from '../platform/audit/cli-actor.node.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { parseId } from '../platform/ids/ids.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import { copyView } from './export.dto.ts';

/** Writes a file whole or not at all (a half-written copy of someone's data is worse than none). */
function writeWhole(path: string, content: Uint8Array): void {
  const temporary = `${path}.partial`;
  try {
    writeFileSync(temporary, content, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new AppError('BAD_REQUEST', `cannot write ${path}: ${(error as Error).message}`);
  }
}

/**
 * `credence privacy export --customer ID --reason TEXT [--as-of DATE] [--out FILE] [--summary FILE] [--clear]`:
 * a copy of a customer's data made now, with a progress bar on stderr, by the operator at the terminal
 * (the OS user is the audit actor, the channel is `staff`, the reason is recorded). The identity is masked
 * unless `--clear` (an operator with the database is an admin; it is audited). `--out` writes the JSON
 * document, `--summary` the HTML page (mode 0600); `--json` prints the copy's record.
 */
export function registerPrivacyCommands(program: Command): void {
  const privacy = program
    .command('privacy')
    .description('A person’s data rights: copies of their data (PIPL).');
  privacy
    .command('export')
    .description('Make a copy of everything held about a customer (JSON document and readable summary).')
    .requiredOption('--customer <id>', 'the customer (cus_…)')
    .requiredOption('--reason <text>', 'why (recorded with the request and in the audit log)')
    .option('--as-of <date>', 'features as of this business date (default today)')
    .option('--out <file>', 'write the JSON document here')
    .option('--summary <file>', 'write the readable summary (HTML, zh-CN and en) here')
    .option('--clear', 'the identity in clear (default: masked)')
    .action(
      async (
        flags: {
          customer: string;
          reason: string;
          asOf?: string;
          out?: string;
          summary?: string;
          clear?: boolean;
        },
        command: Command,
      ) => {
        const options = globalOptions(command);
        const customerId = parseId('customer', flags.customer, '--customer');
        const asOf = flags.asOf === undefined ? undefined : parseLocalDate(flags.asOf, '--as-of');
        await withApp(options, async (app) => {
          const actor = cliActorOfThisProcess();
          let progress: ReturnType<typeof createProgress> | undefined;
          const job = await app.services.copies.make(
            {
              customerId,
              channel: 'staff',
              requestedBy: actor,
              reason: flags.reason,
              identity: flags.clear ? 'clear' : 'masked',
              ...(asOf ? { asOf } : {}),
            },
            (done, total) => {
              progress ??= createProgress('copy', total, { quiet: options.json === true });
              progress.update(done);
            },
          );
          (progress as ReturnType<typeof createProgress> | undefined)?.stop();
          if (job.status !== 'done')
            throw new AppError('INTERNAL', `the copy failed: ${job.error?.message ?? 'unknown reason'}`);
          const written: string[] = [];
          for (const [path, format] of [
            [flags.out, 'json'],
            [flags.summary, 'html'],
          ] as const) {
            if (!path) continue;
            const file = await app.services.copies.download({ customerId, exportId: job.id, actor, format });
            writeWhole(path, file.body);
            written.push(path);
          }
          const view = copyView(job, `/v1/customers/${customerId}/data/copies/${job.id}`, app.clock.now());
          output(options, { ...view, written }, () =>
            [
              `copy ${job.id} of ${customerId}: ${job.status}, features as of ${job.asOf}, identity ${job.identity}`,
              `  ${Object.values(job.counts ?? {}).reduce((sum, n) => sum + n, 0)} records; document ${job.documentBytes ?? 0} bytes, sha256 ${job.documentSha256 ?? '-'}`,
              `  kept until ${job.expiresAt?.toISOString() ?? '-'} (then purged by the day step)`,
              ...written.map((path) => `  written: ${path}`),
            ].join('\n'),
          );
        });
      },
    );
}
