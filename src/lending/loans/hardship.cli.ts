import type { Command } from 'commander';
import { globalOptions, output, withApp } from '../../cli/runtime.ts';
import { hashApiKey, type Role } from '../../platform/auth/api-keys.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { parseId } from '../../platform/ids/ids.ts';
import type { App } from '../../services.ts';
import { HARDSHIP_REASON_CODES } from './hardship.ts';
import type { HardshipActor, HardshipOutcome } from './hardship-service.ts';
import { askOf, hardshipOutcomeDto } from './hardship.routes.ts';
import { HARDSHIP_TOOLS } from './loan-state.ts';

/**
 * `credence loan hardship request|approve|reject|list`: the hardship tools through the same use cases as
 * `/v1/loans/{id}/hardship-requests`, as the person whose API key is given (`--key` or `CREDENCE_API_KEY`),
 * so maker and checker are the same people over either way in.
 */
export async function staffOf(
  app: App,
  options: { key?: string },
  roles: readonly Role[],
): Promise<HardshipActor> {
  const secret = options.key ?? process.env.CREDENCE_API_KEY;
  if (!secret)
    throw new AppError('UNAUTHENTICATED', 'pass an API key with --key or CREDENCE_API_KEY', {
      issues: [{ field: '--key', rule: 'required', message: 'a staff key is required' }],
    });
  const record = await app.services.apiKeys.findActiveByHash(hashApiKey(secret));
  if (!record) throw new AppError('UNAUTHENTICATED', 'the API key is unknown or revoked');
  if (record.role !== 'admin' && !roles.includes(record.role))
    throw new AppError('FORBIDDEN', `role "${record.role}" may not do this`, {
      issues: [{ field: '--key', rule: 'role', message: `needs a key of role ${roles.join(' or ')}` }],
    });
  return { keyId: record.id, name: record.name };
}

/** `--reason code:note` → `{code, note}` (the note may hold colons); the use case checks both. */
export function reasonFlag(text: string): { code: string; note: string } {
  const colon = text.indexOf(':');
  if (colon < 0)
    throw AppError.invalid(
      '--reason',
      'code-and-note',
      'write a reason as code:note, e.g. income-loss:lost job',
    );
  return { code: text.slice(0, colon).trim(), note: text.slice(colon + 1) };
}

function outcomeText(outcome: HardshipOutcome): string {
  const r = outcome.request;
  const head = `${r.id} (${r.ask.tool} on ${r.loanId}) is ${r.status}; money effect ${r.moneyEffect.toString()} fen`;
  if (r.status === 'pending')
    return `${head}\nIt waits for another person: credence loan hardship approve ${r.id} --key <their reviewer key>`;
  return head;
}

export function registerHardshipCommands(loan: Command): void {
  const hardship = loan
    .command('hardship')
    .description('Hardship tools for a borrower in trouble (issue 15).');

  hardship
    .command('request')
    .description(
      'Ask for a hardship change with reasons (as POST /v1/loans/{id}/hardship-requests): applied at once within ' +
        'the threshold, otherwise pending a second person.',
    )
    .argument('<loanId>', 'the loan (ln_…)')
    .requiredOption('--tool <tool>', HARDSHIP_TOOLS.join(' | '))
    .option('--instalments <n>', 'reschedule: instalments left after it; holiday: instalments skipped')
    .option('--max-instalment <yuan>', 'reschedule: the fewest instalments of at most this')
    .option('--interest <yuan>', 'waiver: interest to waive')
    .option('--penalty <yuan>', 'waiver: penalty interest to waive')
    .option('--amount <yuan>', 'settlement: what the customer pays now')
    .option(
      '--reason <code:note>',
      `why, repeatable (1–5); code one of ${HARDSHIP_REASON_CODES.join(', ')}`,
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .requiredOption('--idempotency-key <key>', 'a key unique to this request')
    .option('--key <secret>', 'collector or reviewer API key (or CREDENCE_API_KEY): the person asking')
    .action(
      async (
        loanId: string,
        options: {
          tool: string;
          instalments?: string;
          maxInstalment?: string;
          interest?: string;
          penalty?: string;
          amount?: string;
          reason: string[];
          idempotencyKey: string;
          key?: string;
        },
        command: Command,
      ) => {
        const global = globalOptions(command);
        if (!(HARDSHIP_TOOLS as readonly string[]).includes(options.tool))
          throw AppError.invalid('--tool', 'one-of', `--tool is one of ${HARDSHIP_TOOLS.join(', ')}`);
        if (options.instalments !== undefined && !/^\d{1,3}$/.test(options.instalments))
          throw AppError.invalid('--instalments', 'integer', '--instalments is a whole number');
        const ask = askOf({
          tool: options.tool as (typeof HARDSHIP_TOOLS)[number],
          ...(options.instalments !== undefined ? { instalments: Number(options.instalments) } : {}),
          ...(options.maxInstalment !== undefined ? { maxInstalment: options.maxInstalment } : {}),
          ...(options.interest !== undefined ? { interest: options.interest } : {}),
          ...(options.penalty !== undefined ? { penalty: options.penalty } : {}),
          ...(options.amount !== undefined ? { amount: options.amount } : {}),
          reasons: [],
        });
        const reasons = options.reason.map(reasonFlag);
        const id = parseId('loan', loanId, 'loanId');
        await withApp(global, async (app) => {
          const maker = await staffOf(app, options, ['collector', 'reviewer']);
          const { outcome, replayed } = await app.services.loanHardship.request({
            loanId: id,
            ask,
            reasons,
            maker,
            idempotencyKey: options.idempotencyKey,
          });
          output(global, hardshipOutcomeDto(outcome, replayed), () => outcomeText(outcome));
        });
      },
    );

  hardship
    .command('approve')
    .description(
      'Approve a pending hardship request as the second person (another reviewer key, another name).',
    )
    .argument('<requestId>', 'the pending request (hsr_…)')
    .option('--key <secret>', 'reviewer API key (or CREDENCE_API_KEY): the second person')
    .action(async (requestId: string, options: { key?: string }, command: Command) => {
      const global = globalOptions(command);
      const id = parseId('hardshipRequest', requestId, 'requestId');
      await withApp(global, async (app) => {
        const checker = await staffOf(app, options, ['reviewer']);
        const outcome = await app.services.loanHardship.approve({ requestId: id, checker });
        output(global, hardshipOutcomeDto(outcome, false), () => outcomeText(outcome));
      });
    });

  hardship
    .command('reject')
    .description('Reject (or, as its maker, withdraw) a pending hardship request; the loan is unchanged.')
    .argument('<requestId>', 'the pending request (hsr_…)')
    .requiredOption('--note <text>', 'why')
    .option('--key <secret>', 'collector or reviewer API key (or CREDENCE_API_KEY)')
    .action(async (requestId: string, options: { note: string; key?: string }, command: Command) => {
      const global = globalOptions(command);
      const id = parseId('hardshipRequest', requestId, 'requestId');
      await withApp(global, async (app) => {
        const by = await staffOf(app, options, ['collector', 'reviewer']);
        const request = await app.services.loanHardship.reject({ requestId: id, note: options.note, by });
        output(
          global,
          { id: request.id, status: request.status },
          () => `${request.id} is ${request.status}`,
        );
      });
    });

  hardship
    .command('list')
    .description("A loan's hardship requests, newest first.")
    .argument('<loanId>', 'the loan (ln_…)')
    .action(async (loanId: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      const id = parseId('loan', loanId, 'loanId');
      await withApp(global, async (app) => {
        const requests = await app.services.loanHardship.list(id);
        output(
          global,
          {
            requests: requests.map((r) => ({
              id: r.id,
              tool: r.ask.tool,
              status: r.status,
              moneyEffectFen: r.moneyEffect.toString(),
            })),
          },
          () =>
            requests
              .map((r) => `${r.id}  ${r.ask.tool}  ${r.status}  ${r.moneyEffect.toString()} fen`)
              .join('\n') || 'none',
        );
      });
    });
}
