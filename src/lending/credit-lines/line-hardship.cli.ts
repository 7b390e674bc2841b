import type { Command } from 'commander';
import { globalOptions, output, withApp } from '../../cli/runtime.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { parseId } from '../../platform/ids/ids.ts';
import { toDecimalString } from '../../platform/money/money.ts';
import { formatPercent } from '../../platform/money/rate.ts';
import {
  reasonFlag,
  registerHardshipDecisionCommands,
  requestFlags,
  staffOf,
} from '../shared/hardship.cli.ts';
import type { LineHardshipOutcome } from './line-hardship-service.ts';
import { figuresDto, lineAskOf, lineHardshipOutcomeDto } from './line-hardship.routes.ts';
import { LINE_HARDSHIP_TOOLS } from './line-state.ts';

/**
 * `credence line hardship request|preview|approve|reject|list`: hardship tools on a credit line through the same
 * use cases as `/v1/lines/{id}/hardship-requests`, as the person whose API key is given (`--key` or
 * `CREDENCE_API_KEY`), so maker and checker are the same people over either way in (the loans' commands).
 */

function outcomeText(outcome: LineHardshipOutcome): string {
  const r = outcome.request;
  const asked =
    r.ask.tool === 'waiver'
      ? `interest ${toDecimalString(r.ask.interest)}, fees ${toDecimalString(r.ask.fees)}, late fees ` +
        toDecimalString(r.ask.lateFees)
      : r.ask.tool === 'settlement'
        ? `the customer pays ${toDecimalString(r.ask.amount)}`
        : r.ask.tool === 'holiday'
          ? `${r.ask.statements} statements without a minimum`
          : r.ask.tool === 'reschedule'
            ? `the whole balance over ${r.ask.instalments} instalments at ${formatPercent(r.ask.rate)} a year`
            : 'brought current';
  const head =
    `${r.id} (${r.ask.tool} on ${r.lineId}: ${asked}) is ${r.status}; ` +
    `money effect ${toDecimalString(r.moneyEffect)}`;
  if (r.status === 'pending')
    return `${head}\nIt waits for another person: credence line hardship approve ${r.lineId} ${r.id} --key <their reviewer key>`;
  return head;
}

interface AskOptions {
  tool: string;
  interest?: string;
  fees?: string;
  lateFees?: string;
  amount?: string;
  statements?: string;
  instalments?: string;
  rate?: string;
}

function askFrom(options: AskOptions) {
  if (!(LINE_HARDSHIP_TOOLS as readonly string[]).includes(options.tool))
    throw AppError.invalid('--tool', 'one-of', `--tool is one of ${LINE_HARDSHIP_TOOLS.join(', ')}`);
  return lineAskOf({
    tool: options.tool as (typeof LINE_HARDSHIP_TOOLS)[number],
    ...(options.interest !== undefined ? { interest: options.interest } : {}),
    ...(options.fees !== undefined ? { fees: options.fees } : {}),
    ...(options.lateFees !== undefined ? { lateFees: options.lateFees } : {}),
    ...(options.amount !== undefined ? { amount: options.amount } : {}),
    ...(options.statements !== undefined ? { statements: statementsOf(options.statements) } : {}),
    ...(options.instalments !== undefined ? { instalments: instalmentsOf(options.instalments) } : {}),
    ...(options.rate !== undefined ? { rate: options.rate } : {}),
  });
}

function instalmentsOf(text: string): number {
  if (!/^\d{1,3}$/.test(text))
    throw AppError.invalid('--instalments', 'whole-number', '--instalments is a whole number of instalments');
  return Number(text);
}

function statementsOf(text: string): number {
  if (!/^\d{1,2}$/.test(text))
    throw AppError.invalid('--statements', 'whole-number', '--statements is a whole number of statements');
  return Number(text);
}

function askOptions(command: Command): Command {
  return command
    .requiredOption('--tool <tool>', LINE_HARDSHIP_TOOLS.join(' | '))
    .option('--interest <yuan>', 'waiver: interest to waive')
    .option('--fees <yuan>', 'waiver: instalment fees to waive')
    .option('--late-fees <yuan>', 'waiver: late fees to waive')
    .option('--amount <yuan>', 'settlement: what the customer pays now (the rest is written off)')
    .option('--statements <n>', 'holiday: how many of the next statements ask no minimum payment')
    .option('--instalments <n>', "reschedule: the workout plan's monthly instalments (3–36)")
    .option('--rate <decimal>', "reschedule: the plan's annual rate, e.g. 0.06 (0: no interest)");
}

export function registerLineHardshipCommands(line: Command): void {
  const hardship = line
    .command('hardship')
    .description(
      'Hardship tools on a credit line (issue 15): a goodwill waiver, a settlement for less, a payment holiday, a re-age, a reschedule into a workout plan.',
    );

  requestFlags(
    askOptions(
      hardship
        .command('request')
        .description(
          'Ask for a hardship change with reasons (as POST /v1/lines/{id}/hardship-requests): applied at once ' +
            'within the threshold, otherwise pending a second person.',
        )
        .argument('<lineId>', 'the line (cl_…)'),
    ),
  ).action(
    async (
      lineId: string,
      options: AskOptions & { reason: string[]; idempotencyKey: string; key?: string },
      command: Command,
    ) => {
      const global = globalOptions(command);
      const ask = askFrom(options);
      const reasons = options.reason.map(reasonFlag);
      const id = parseId('line', lineId, 'lineId');
      await withApp(global, async (app) => {
        const maker = await staffOf(app, options, ['collector', 'reviewer']);
        const { outcome, replayed } = await app.services.lineHardship.request({
          lineId: id,
          ask,
          reasons,
          maker,
          idempotencyKey: options.idempotencyKey,
        });
        output(global, lineHardshipOutcomeDto(outcome, replayed), () => outcomeText(outcome));
      });
    },
  );

  askOptions(
    hardship
      .command('preview')
      .description(
        'What a hardship request would do now (money effect, second person, the line before and after); writes nothing.',
      )
      .argument('<lineId>', 'the line (cl_…)'),
  ).action(async (lineId: string, options: AskOptions, command: Command) => {
    const global = globalOptions(command);
    const ask = askFrom(options);
    const id = parseId('line', lineId, 'lineId');
    await withApp(global, async (app) => {
      const preview = await app.services.lineHardship.preview({ lineId: id, ask });
      const dto = {
        moneyEffect: toDecimalString(preview.moneyEffect),
        secondPersonAbove: toDecimalString(preview.secondPersonAbove),
        needsSecondPerson: preview.needsSecondPerson,
        before: figuresDto(preview.before),
        after: figuresDto(preview.after),
      };
      output(
        global,
        dto,
        () =>
          `money effect ${dto.moneyEffect} (a second person above ${dto.secondPersonAbove}: ` +
          `${dto.needsSecondPerson ? 'needed' : 'not needed'})\n` +
          `owed ${dto.before.payoff} → ${dto.after.payoff}; minimum due ${dto.before.minimumDue} → ` +
          `${dto.after.minimumDue}; days past due ${dto.before.daysPastDue} → ${dto.after.daysPastDue}` +
          (dto.after.workout
            ? `\nworkout plan ${dto.after.workout.amount} over ${dto.after.workout.instalments} at ` +
              `${dto.after.workout.rate} a year (contract ${dto.after.workout.contractRate}), charges ` +
              `${dto.after.workout.totalCharge}, APR by IRR ${dto.after.workout.aprByIrr}\n` +
              dto.after.workout.schedule
                .map(
                  (row) =>
                    `  ${row.period}. due ${row.dueDate}: ${row.instalment} (principal ${row.principal} + charge ${row.charge})`,
                )
                .join('\n')
            : ''),
      );
    });
  });

  registerHardshipDecisionCommands(hardship, {
    subject: 'line',
    subjectArgument: { name: 'lineId', kind: 'line', description: 'the line (cl_…)' },
    requestArguments: [
      { name: 'lineId', kind: 'line', description: 'the line (cl_…)' },
      { name: 'requestId', kind: 'lineHardshipRequest', description: 'the pending request (lhr_…)' },
    ],
    listDescription: "A credit line's hardship requests, newest first.",
    listMoneyEffect: 'yuan',
    service: (app) => app.services.lineHardship,
    outcomeDto: lineHardshipOutcomeDto,
    outcomeText,
  });
}
