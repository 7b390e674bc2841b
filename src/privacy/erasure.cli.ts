import type { Command } from 'commander';
import { createProgress } from '../cli/progress.ts';
import { CliExit, globalOptions, output, withApp } from '../cli/runtime.ts';
import { counted } from '../cli/plural.ts';
import { cliActorOfThisProcess } from '../platform/audit/cli-actor.node.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import {
  REQUEST_KINDS,
  REQUEST_STATUSES,
  type RequestKind,
  type RequestStatus,
} from './data-subject-request.ts';
import { legalHoldView, requestView, type RequestView } from './erasure-view.ts';

/** Exit code of an erasure that a hold keeps from running now (recorded; the day step runs it later). */
export const EXIT_BLOCKED = 7;

/** One request as lines a privacy officer reads. */
export function requestText(view: RequestView): string {
  const lines = [
    `${view.id}  ${view.kind}  ${view.status}  customer ${view.customerId}  asked ${view.requestedAt} by ${view.requestedBy.kind} ${view.requestedBy.id}`,
    `  ${view.summary.en}`,
  ];
  for (const hold of view.holds)
    lines.push(`  - ${hold.kind}${hold.ruleId ? ` [${hold.ruleId}]` : ''}: ${hold.text.en}`);
  return lines.join('\n');
}

function oneOf<T extends string>(
  values: readonly T[],
  value: string | undefined,
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value))
    throw AppError.invalid(flag, 'one-of', `must be one of ${values.join(', ')}`);
  return value as T;
}

/**
 * `credence privacy erase|requests|run-erasures|holds|hold|release-hold`: erasure requests, the day step of
 * erasures, legal holds — added to the `privacy` command (`privacy.cli.ts` registers it with the copies).
 */
export function registerErasureCommands(program: Command): void {
  const privacy =
    program.commands.find((command) => command.name() === 'privacy') ??
    program.command('privacy').description("A person's data rights (PIPL).");
  privacy.description(
    "A person's data rights (PIPL): copies of their data, erasure with legal holds and retention rules.",
  );

  privacy
    .command('erase <customerId>')
    .description(
      "Ask to erase a customer's data on their behalf: erased at once when nothing holds it (exit 0); otherwise recorded as blocked with each hold and until when (exit 7), and carried out by run-erasures once the holds lapse.",
    )
    .requiredOption('--reason <text>', 'why staff act for the person (a call, a letter)')
    .action(async (customerId: string, options: { reason: string }, command: Command) => {
      const global = globalOptions(command);
      const view = await withApp(global, async (app) => {
        const { request } = await app.services.privacy.requestErasure({
          customerId,
          by: cliActorOfThisProcess(),
          reason: options.reason,
        });
        return requestView(request, 'staff');
      });
      output(global, view, () => requestText(view));
      if (view.status === 'blocked') throw new CliExit(EXIT_BLOCKED, '');
    });

  privacy
    .command('requests')
    .description('Data-subject requests, oldest first (the queue of pending erasures with --status blocked).')
    .option('--kind <kind>', REQUEST_KINDS.join(', '))
    .option('--status <status>', REQUEST_STATUSES.join(', '))
    .option('--customer <customerId>', 'one customer')
    .action(async (options: { kind?: string; status?: string; customer?: string }, command: Command) => {
      const global = globalOptions(command);
      const kind = oneOf<RequestKind>(REQUEST_KINDS, options.kind, '--kind');
      const status = oneOf<RequestStatus>(REQUEST_STATUSES, options.status, '--status');
      const views = await withApp(global, async (app) =>
        (
          await app.services.privacy.requests({
            ...(kind ? { kind } : {}),
            ...(status ? { statuses: [status] } : {}),
            ...(options.customer ? { customerId: options.customer } : {}),
          })
        ).map((request) => requestView(request, 'staff')),
      );
      output(global, { requests: views }, () =>
        views.length === 0 ? 'no requests' : views.map(requestText).join('\n'),
      );
    });

  privacy
    .command('run-erasures')
    .description(
      'The day step: carry out every blocked erasure whose holds have lapsed (others get their holds brought up to date).',
    )
    .option('--date <YYYY-MM-DD>', 'the business date to check the holds on (default: today, Asia/Shanghai)')
    .action(async (options: { date?: string }, command: Command) => {
      const global = globalOptions(command);
      const businessDate = options.date ? parseLocalDate(options.date, '--date') : undefined;
      const report = await withApp(global, async (app) => {
        const progress = createProgress('checking erasure requests', 0, { quiet: global.json === true });
        try {
          return await app.services.privacy.runErasures({
            ...(businessDate ? { businessDate } : {}),
            onProgress: (done) => progress.update(done),
          });
        } finally {
          progress.stop();
        }
      });
      output(
        global,
        report,
        () =>
          `${report.businessDate}: checked ${counted(report.checked, 'blocked erasure')}; carried out ${report.erased.length}, still held ${report.stillBlocked.length}`,
      );
    });

  privacy
    .command('holds')
    .description('Legal holds, newest first.')
    .option('--customer <customerId>', 'one customer')
    .option('--in-force', 'only the holds in force today')
    .action(async (options: { customer?: string; inForce?: boolean }, command: Command) => {
      const global = globalOptions(command);
      const holds = await withApp(global, async (app) =>
        (
          await app.services.privacy.legalHolds({
            ...(options.customer ? { customerId: options.customer } : {}),
            inForce: options.inForce === true,
          })
        ).map(legalHoldView),
      );
      output(global, { holds }, () =>
        holds.length === 0
          ? 'no legal holds'
          : holds
              .map(
                (hold) =>
                  `${hold.id}  customer ${hold.customerId}  through ${hold.heldUntil}${hold.releasedAt ? `  released ${hold.releasedAt}: ${hold.releaseReason ?? ''}` : ''}\n  ${hold.reason}${hold.authority ? ` (${hold.authority})` : ''}`,
              )
              .join('\n'),
      );
    });

  privacy
    .command('hold <customerId>')
    .description("Keep a customer's data for a legal reason through an end date (erasure waits until then).")
    .requiredOption('--reason <text>', 'why (a court order, an investigation)')
    .requiredOption('--until <YYYY-MM-DD>', 'the last day held')
    .option('--authority <text>', "a court's case number, a regulator's reference")
    .action(
      async (
        customerId: string,
        options: { reason: string; until: string; authority?: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const hold = await withApp(global, async (app) =>
          legalHoldView(
            await app.services.privacy.placeLegalHold({
              customerId,
              reason: options.reason,
              heldUntil: options.until,
              ...(options.authority ? { authority: options.authority } : {}),
              by: cliActorOfThisProcess(),
            }),
          ),
        );
        output(global, hold, () => `${hold.id}: customer ${hold.customerId} held through ${hold.heldUntil}`);
      },
    );

  privacy
    .command('release-hold <holdId>')
    .description('End a legal hold early, saying why.')
    .requiredOption('--reason <text>', 'why it ends early')
    .action(async (holdId: string, options: { reason: string }, command: Command) => {
      const global = globalOptions(command);
      const hold = await withApp(global, async (app) =>
        legalHoldView(
          await app.services.privacy.releaseLegalHold({
            holdId,
            reason: options.reason,
            by: cliActorOfThisProcess(),
          }),
        ),
      );
      output(global, hold, () => `${hold.id}: released (${hold.releaseReason ?? ''})`);
    });
}
