import type { Command } from 'commander';
import { globalOptions, output, withApp } from '../../cli/runtime.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { toDecimalString } from '../../platform/money/money.ts';
import { parseLocalDate } from '../../platform/time/local-date.ts';
import { cliActorOfThisProcess } from '../../platform/audit/cli-actor.node.ts';
import { parseMoney, type Money } from '../../platform/money/money.ts';
import type { App } from '../../services.ts';
import type { AutoRepayView, PaymentAttempt, Payout } from './auto-repay-service.ts';
import { payoutFailureText } from './pay-out.ts';
import { autoRepayDto, providerPayoutDto, staffAttemptDto } from './auto-repay.routes.ts';

/**
 * `credence loan autopay on|off|show <loanId>` and `credence line autopay on|off|show <lineId>` (staff acting for the customer, recorded as a consent given
 * through staff under the notice in force) and `credence payments attempts|resolve` (a customer's attempts;
 * ask the provider now about every attempt still waiting). The same use cases and answers as the HTTP
 * routes (`--json` prints the staff view of `GET /v1/loans/{id}/auto-repay`).
 */

function attemptLine(attempt: PaymentAttempt): string {
  const outcome =
    attempt.status === 'failed'
      ? `failed (${attempt.failureReason ?? '-'})`
      : attempt.status === 'succeeded'
        ? `succeeded, booked as event #${attempt.bookedSeq ?? '-'}`
        : attempt.status;
  return `  ${attempt.paymentId}  ${attempt.accountId}  ${attempt.businessDate}  due ${attempt.dueDate} try ${attempt.tryNumber}  ${toDecimalString(attempt.amount).padStart(10)}  card …${attempt.cardLast4}  ${outcome}`;
}

function viewText(view: AutoRepayView): string {
  const state = view.enabled
    ? `on, from card …${view.cardLast4 ?? '????'} (${view.cardId ?? '-'}), notice version ${view.noticeVersion ?? '-'}${view.amountRule ? `, collects the ${view.amountRule === 'full' ? 'full statement balance' : 'minimum payment'}` : ''}`
    : 'off';
  return [
    `${view.accountId} (${view.customerId}): auto-repay ${state}${view.changed ? '' : ' (unchanged)'}`,
    ...view.consents.map(
      (c) =>
        `  consent #${c.seq} ${c.granted ? `granted (notice v${c.noticeVersion ?? '-'}, card ${c.cardId ?? '-'}${c.amountRule ? `, ${c.amountRule}` : ''})` : 'withdrawn'} by ${c.actorKind} ${c.actor} at ${c.recordedAt.toISOString()}`,
    ),
    view.attempts.length === 0 ? '  no attempts' : `  attempts:`,
    ...view.attempts.map(attemptLine),
  ].join('\n');
}

/** What `loan payout` and `line payout` differ in: the account's words and how its receipt reads. */
export interface PayoutCommandSpec<R> {
  readonly argument: readonly [name: string, description: string];
  readonly description: string;
  /** The product's receipt of the booked payout: a replay under the pay-out id, nothing booked again. */
  receiptOf(app: Pick<App, 'services'>, accountId: string, payoutId: string, amount: Money): Promise<R>;
  dto(receipt: R): object;
  text(receipt: R): string;
}

/**
 * `loan payout` and `line payout`: money held paid back to the customer's card through the provider. Paid:
 * the product's receipt with the pay-out; refused or unanswered: the pay-out.
 */
export function registerPayoutCommand<R>(parent: Command, spec: PayoutCommandSpec<R>): void {
  parent
    .command('payout')
    .description(spec.description)
    .argument(spec.argument[0], spec.argument[1])
    .option('--amount <yuan>', 'amount to pay back (default: all that is held)')
    .option('--card <cardId>', 'the bound card to pay to (default: the auto-repay card, else the first)')
    .requiredOption('--idempotency-key <key>', 'a key unique to this payout')
    .action(
      async (
        accountId: string,
        options: { amount?: string; card?: string; idempotencyKey: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        await withApp(global, async (app) => {
          const actor = cliActorOfThisProcess();
          const { payout, replayed } = await app.services.autoRepay.payout({
            accountId,
            ...(options.amount === undefined ? {} : { amount: parseMoney(options.amount, '--amount') }),
            ...(options.card === undefined ? {} : { cardId: options.card }),
            idempotencyKey: options.idempotencyKey,
            requestedBy: `${actor.name} (${actor.id})`.slice(0, 200),
          });
          const receipt =
            payout.status === 'paid'
              ? await spec.receiptOf(app, accountId, payout.payoutId, payout.amount)
              : null;
          const shown = providerPayoutDto(payout);
          const again = replayed ? '(repeat of an earlier request) ' : '';
          output(
            global,
            receipt ? { ...spec.dto(receipt), payout: shown, replayed } : { payout: shown, replayed },
            () =>
              receipt
                ? `${again}${spec.text(receipt)}\n${payoutOutcomeText(payout)}`
                : `${again}${payoutOutcomeText(payout)}`,
          );
        });
      },
    );
}

/** One line on a pay-out: where the money went, or why it did not. */
export function payoutOutcomeText(payout: Payout): string {
  const head = `pay-out ${payout.payoutId} of ${toDecimalString(payout.amount)} to card …${payout.cardLast4}`;
  if (payout.status === 'paid') return `${head}: paid (provider ref ${payout.providerRef ?? '-'})`;
  if (payout.status === 'failed')
    return `${head}: FAILED, ${payout.failureReason ? payoutFailureText(payout.failureReason).en : '-'}; the money is still held for the customer`;
  return `${head}: no answer from the provider yet (${payout.status}); nothing is booked until it confirms — \`credence payments resolve-payouts\` asks again`;
}

/** `loan autopay …`, added to the `loan` command by `registerLoanCommands`. */
export function registerLoanAutopayCommand(loan: Command): void {
  registerAutopayCommand(loan, 'loan');
}

/** `line autopay …`, added to the `line` command by the credit lines' CLI. */
export function registerLineAutopayCommand(line: Command): void {
  registerAutopayCommand(line, 'line');
}

function registerAutopayCommand(parent: Command, kind: 'loan' | 'line'): void {
  const what = kind === 'loan' ? 'loan' : 'credit line';
  const argument = kind === 'loan' ? ['<loanId>', 'the loan (ln_…)'] : ['<lineId>', 'the credit line (cl_…)'];
  const autopay = parent
    .command('autopay')
    .description(`Auto-repay of a ${what} from the customer's bound card: turn on, off, show.`);

  for (const action of ['on', 'off'] as const) {
    autopay
      .command(action)
      .description(
        action === 'on'
          ? 'Turn auto-repay on for the customer (a consent through staff, under the notice in force).'
          : 'Turn auto-repay off (nothing is collected from then on).',
      )
      .argument(argument[0] as string, argument[1])
      .option('--card <cardId>', 'the bound card to collect from (default: the one chosen, else the first)')
      .option('--notice-version <n>', 'the notice version the customer was shown (must be in force)')
      .option(
        '--rule <rule>',
        kind === 'line'
          ? "full (the statement's full balance, the default) or minimum (its minimum payment)"
          : 'credit lines only (a loan collects everything due)',
      )
      .requiredOption('--by <name>', 'who asks, on the customer’s behalf (recorded with the consent)')
      .action(
        async (
          loanId: string,
          options: { card?: string; noticeVersion?: string; rule?: string; by: string },
          command: Command,
        ) => {
          const global = globalOptions(command);
          if (options.noticeVersion !== undefined && !/^[1-9][0-9]{0,5}$/.test(options.noticeVersion))
            throw AppError.invalid('--notice-version', 'positive-integer', 'a notice version, e.g. 1');
          if (options.by.trim().length === 0 || options.by.length > 200)
            throw AppError.invalid('--by', 'length', 'a name of 1 to 200 characters');
          if (options.rule !== undefined && options.rule !== 'full' && options.rule !== 'minimum')
            throw AppError.invalid('--rule', 'amount-rule', 'full or minimum');
          const amountRule = options.rule as 'full' | 'minimum' | undefined;
          await withApp(global, async (app) => {
            const view = await app.services.autoRepay.set({
              accountId: loanId,
              enabled: action === 'on',
              ...(options.card === undefined ? {} : { cardId: options.card }),
              ...(amountRule === undefined ? {} : { amountRule }),
              ...(options.noticeVersion === undefined
                ? {}
                : { noticeVersion: Number(options.noticeVersion) }),
              actor: { kind: 'staff', name: `${options.by.trim()} (cli)` },
            });
            output(global, autoRepayDto(view, await app.services.autoRepay.notice()), () => viewText(view));
          });
        },
      );
  }

  autopay
    .command('show')
    .description(`A ${what}'s auto-repay: state, card, consents and attempts.`)
    .argument(argument[0] as string, argument[1])
    .action(async (loanId: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const view = await app.services.autoRepay.get({ accountId: loanId });
        output(global, autoRepayDto(view, await app.services.autoRepay.notice()), () => viewText(view));
      });
    });
}

/** `credence payments …`: payment attempts with the provider. */
export function registerPaymentCommands(program: Command): void {
  const payments = program
    .command('payments')
    .description('Payment attempts with the payment provider (auto-repay): list, resolve.');

  payments
    .command('attempts')
    .description("A customer's payment attempts, oldest first, with status and reason.")
    .requiredOption('--customer <id>', 'the customer (cus_…)')
    .action(async (options: { customer: string }, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const attempts = await app.services.autoRepay.attempts(options.customer);
        output(global, { attempts: attempts.map(staffAttemptDto) }, () =>
          attempts.length === 0 ? 'no payment attempts' : attempts.map(attemptLine).join('\n'),
        );
      });
    });

  payments
    .command('resolve-payouts')
    .description(
      'Ask the provider now about every pay-out of money held still waiting; a confirmed one is booked once, by the pay-out id.',
    )
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const report = await app.services.autoRepay.settlePayouts();
        output(
          global,
          report,
          () =>
            `${report.paid} paid, ${report.failed} failed, ${report.unknown} still unknown, ${report.unbooked} confirmed but not booked (money held used since: see staff)`,
        );
      });
    });

  payments
    .command('resolve')
    .description(
      'Ask the provider now about every attempt still waiting (requested or unknown); money collected is booked once, by the payment id.',
    )
    .option('--through <date>', 'attempts of business dates up to this one (default: today)')
    .action(async (options: { through?: string }, command: Command) => {
      const global = globalOptions(command);
      const through = options.through ? parseLocalDate(options.through, '--through') : undefined;
      await withApp(global, async (app) => {
        const report = await app.services.autoRepay.settle(through);
        output(
          global,
          report,
          () =>
            `through ${report.through}: ${report.succeeded} succeeded, ${report.failed} failed, ${report.unknown} still unknown`,
        );
      });
    });
}
