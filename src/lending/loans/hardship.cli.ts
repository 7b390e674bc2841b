import type { Command } from 'commander';
import { globalOptions, output, withApp } from '../../cli/runtime.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { parseId } from '../../platform/ids/ids.ts';
import {
  reasonFlag,
  registerHardshipDecisionCommands,
  requestFlags,
  staffOf,
} from '../shared/hardship.cli.ts';
import type { HardshipOutcome } from './hardship-service.ts';
import { askOf, hardshipOutcomeDto } from './hardship.routes.ts';
import { HARDSHIP_TOOLS } from './loan-state.ts';

/**
 * `credence loan hardship request|approve|reject|list`: the hardship tools through the same use cases as
 * `/v1/loans/{id}/hardship-requests`, as the person whose API key is given (`--key` or `CREDENCE_API_KEY`),
 * so maker and checker are the same people over either way in. Approve, reject and list are the shared
 * layer's commands (`../shared/hardship.cli.ts`).
 */

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

  const request = hardship
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
    .option('--amount <yuan>', 'settlement: what the customer pays now');
  requestFlags(request).action(
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

  registerHardshipDecisionCommands(hardship, {
    subject: 'loan',
    subjectArgument: { name: 'loanId', kind: 'loan', description: 'the loan (ln_…)' },
    requestArguments: [
      { name: 'requestId', kind: 'hardshipRequest', description: 'the pending request (hsr_…)' },
    ],
    listDescription: "A loan's hardship requests, newest first.",
    listMoneyEffect: 'fen',
    service: (app) => app.services.loanHardship,
    outcomeDto: hardshipOutcomeDto,
    outcomeText,
  });
}
