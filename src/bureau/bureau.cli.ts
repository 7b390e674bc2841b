import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createProgress, type Progress } from '../cli/progress.ts';
import { globalOptions, output, withApp } from '../cli/runtime.ts';
import { cliActorOfThisProcess } from '../platform/audit/cli-actor.node.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import { isQueryReason } from './bureau.ts';

function progressOf(label: string, quiet: boolean) {
  let progress: Progress | undefined;
  return {
    onProgress: (done: number, total: number) => {
      progress ??= createProgress(label, total, { quiet });
      progress.setTotal(total);
      progress.update(done);
    },
    stop: () => progress?.stop(),
  };
}

/**
 * `credence bureau …`: ask the bureau for a person's report (logged, consent required), send the advance
 * notices of negative information, and build the monthly report (idempotent per month).
 */
export function registerBureauCommands(program: Command): void {
  const bureau = program
    .command('bureau')
    .description('Credit bureau: queries with their use log, advance notices, the monthly report.');

  bureau
    .command('query')
    .description("Ask the credit bureau for a customer's report (needs their bureau_query consent); logged.")
    .requiredOption('--customer <id>', 'the customer (cus_…)')
    .option('--purpose <reason>', 'loan_application or post_loan_review', 'post_loan_review')
    .requiredOption(
      '--key <key>',
      'request key: the same key returns the logged query instead of asking again',
    )
    .action(async (options: { customer: string; purpose: string; key: string }, command: Command) => {
      const global = globalOptions(command);
      if (!isQueryReason(options.purpose))
        throw AppError.invalid('--purpose', 'query-reason', 'loan_application or post_loan_review');
      await withApp(global, async (app) => {
        const actor = cliActorOfThisProcess();
        const outcome = await app.services.bureau.query({
          customerId: options.customer,
          purpose: options.purpose,
          requestedBy: { kind: 'system', id: actor.id, name: actor.name },
          requestKey: options.key,
        });
        const { query } = outcome;
        output(
          global,
          { ...query, queriedAt: query.queriedAt.toISOString(), created: outcome.created },
          () =>
            `${outcome.created ? 'queried' : 'already queried'} ${query.id}: ${query.eventCount} records ` +
            `(${query.eventsIngested} new), report ${query.reportRef} sha256 ${query.reportSha256}, ` +
            `consent ${query.consentEventRef}`,
        );
      });
    });

  bureau
    .command('notify')
    .description(
      'Send the advance notices of negative information due (accounts overdue with no notice yet).',
    )
    .option('--date <date>', 'the business date whose end the accounts are read at (default: today)')
    .option('--quiet', 'no progress on stderr')
    .action(async (options: { date?: string; quiet?: boolean }, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const progress = progressOf('bureau notify', Boolean(options.quiet || global.json));
        const summary = await app.services.bureau.notify({
          ...(options.date ? { asOf: parseLocalDate(options.date, '--date') } : {}),
          onProgress: progress.onProgress,
        });
        progress.stop();
        output(
          global,
          summary,
          () =>
            `${summary.asOf}: ${summary.negative} accounts with negative information, ${summary.sent} notices sent, ` +
            `${summary.withoutConsent} without reporting consent (not reported, not notified)`,
        );
      });
    });

  bureau
    .command('report')
    .description(
      'Build and submit the monthly file to the credit bureau (layout CRM1); idempotent per month.',
    )
    .requiredOption('--month <month>', 'the month, YYYY-MM (must have ended)')
    .option('--out <dir>', 'also write the file into this directory')
    .option('--quiet', 'no progress on stderr')
    .action(async (options: { month: string; out?: string; quiet?: boolean }, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const progress = progressOf(`bureau report ${options.month}`, Boolean(options.quiet || global.json));
        const outcome = await app.services.bureau.report({
          month: options.month,
          actor: cliActorOfThisProcess(),
          onProgress: progress.onProgress,
        });
        progress.stop();
        const written = options.out && outcome.file ? join(options.out, outcome.file.name) : null;
        if (written && outcome.file) writeFileSync(written, outcome.file.content, { mode: 0o600 });
        const { run } = outcome;
        output(
          global,
          {
            ...run,
            startedAt: run.startedAt.toISOString(),
            finishedAt: run.finishedAt?.toISOString() ?? null,
            created: outcome.created,
            noticesSent: outcome.noticesSent,
            location: outcome.file?.location ?? null,
            written,
          },
          () =>
            outcome.created
              ? `${run.month}: ${run.records} records reported, ${run.held} held (notice period), ` +
                `${run.withoutConsent} without consent; ${outcome.noticesSent} notices sent; ` +
                `${run.fileName} sha256 ${run.fileSha256}${written ? ` written to ${written}` : ''}`
              : `${run.month} was reported already (${run.fileName}, sha256 ${run.fileSha256}); nothing sent again`,
        );
      });
    });
}
