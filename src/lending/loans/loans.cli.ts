import { registerReversalCommand } from '../shared/reversal.cli.ts';
import type { Command } from 'commander';
import { globalOptions, output, withApp } from '../../cli/runtime.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { parseMoney, sumMoney, toDecimalString, type Money } from '../../platform/money/money.ts';
import { formatPercent, parseRate } from '../../platform/money/rate.ts';
import { systemClock } from '../../platform/time/system-clock.node.ts';
import { parseLocalDate } from '../../platform/time/local-date.ts';
import type { App } from '../../services.ts';
import { hashApiKey } from '../../platform/auth/api-keys.ts';
import { parseId } from '../../platform/ids/ids.ts';
import { OVERRIDE_REASON_CODES, type OverrideActor } from '../facilities/facility-override.ts';
import type { OverrideOutcome } from '../facilities/facility-override-service.ts';
import { facilityOverrideView } from '../facilities/facility-override-view.ts';
import { parseProductCode, productCodeOf, PRODUCT_CODES } from '../facilities/facility.ts';
import { registerHardshipCommands } from './hardship.cli.ts';
import { flatFeeInstalmentPlan } from '../shared/instalment-apr.ts';
import { formatReportedRate } from '../shared/irr.ts';
import { registerPayoutCommand, registerLoanAutopayCommand } from '../payments/payments.cli.ts';
import { REPAYMENT_INTENTS, type RepaymentIntent } from './loan-state.ts';
import type { LoanView, PayoutReceipt, RepaymentReceipt, ReversalReceipt } from './loan-service.ts';
import {
  facilityDto,
  loanDto,
  loanEventDto,
  payoutDto,
  reversalDto,
  quoteDto,
  repaymentDto,
  statementDto,
} from './loans.routes.ts';
import {
  generateSchedule,
  INTEREST_BASES,
  REPAYMENT_METHODS,
  type InterestBasis,
  type RepaymentMethod,
} from './schedule.ts';

/** `credence loan …`: schedules and APR (no database), drawdown, repayment, quotes, statements, facilities. */

function integer(value: string, field: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw AppError.invalid(field, 'integer-range', `${field} must be a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

function oneOf<T extends string>(values: readonly T[], value: string, field: string): T {
  if (!(values as readonly string[]).includes(value)) {
    throw AppError.invalid(field, 'one-of', `${field} must be one of ${values.join(', ')}`);
  }
  return value as T;
}

const d = (amount: Money) => toDecimalString(amount);

/**
 * The person acting, as over HTTP: an admin API key (`--key` or `CREDENCE_API_KEY`, as `credence appeals`
 * takes a reviewer's), so an override's maker and checker are the same people whichever way they come in,
 * and maker-checker holds across the CLI and the API.
 */
async function adminOf(app: App, options: { key?: string }): Promise<OverrideActor> {
  const secret = options.key ?? process.env.CREDENCE_API_KEY;
  if (!secret)
    throw new AppError('UNAUTHENTICATED', 'pass an admin API key with --key or CREDENCE_API_KEY', {
      issues: [{ field: '--key', rule: 'required', message: 'an admin key is required' }],
    });
  const record = await app.services.apiKeys.findActiveByHash(hashApiKey(secret));
  if (!record) throw new AppError('UNAUTHENTICATED', 'the API key is unknown or revoked');
  if (record.role !== 'admin')
    throw new AppError('FORBIDDEN', `role "${record.role}" may not override a facility's terms`, {
      issues: [{ field: '--key', rule: 'role', message: 'an override needs an admin key' }],
    });
  return { keyId: record.id, name: record.name };
}

/** `--reason code:note` → `{code, note}` (the note may hold colons); the service checks both. */
export function parseOverrideReasonFlag(text: string): { code: string; note: string } {
  const colon = text.indexOf(':');
  if (colon < 0)
    throw AppError.invalid(
      '--reason',
      'code-and-note',
      'write a reason as code:note, e.g. pricing-error:rate keyed wrong',
    );
  return { code: text.slice(0, colon).trim(), note: text.slice(colon + 1) };
}

/** The API's answer to an override (`PUT …/facilities/{product}`, `…/approve`). */
function overrideOutcomeView(outcome: OverrideOutcome) {
  return {
    facility: outcome.facility ? facilityDto(outcome.facility) : null,
    change: outcome.change,
    override: outcome.override && facilityOverrideView(outcome.override),
    replayed: false,
  };
}

function overrideOutcomeText(outcome: OverrideOutcome): string {
  const { override, facility } = outcome;
  if (outcome.change === 'unchanged' || !override)
    return `unchanged ${facility?.id ?? '-'}: the facility already has these terms under this decision`;
  if (outcome.change === 'pending')
    return [
      `override ${override.id} waits for a second person: limit ${d(override.limit)} is above the threshold; the facility is unchanged.`,
      'Another admin (another key, under another name) approves it with:',
      `  credence loan facility approve ${override.id} --customer ${override.customerId} --product ${productCodeOf(override.product)} --key <their admin key>`,
    ].join('\n');
  const terms = facility
    ? `: limit ${d(facility.limit)}, used ${d(facility.used)}, available ${d(outcome.available)}, APR ${formatPercent(facility.apr)}`
    : '';
  const checked = override.checker ? `, approved by ${override.checker.name}` : '';
  return `override ${override.id} applied (${outcome.change} ${facility?.id ?? '-'}${terms}); made by ${override.maker.name}${checked}`;
}

function loanText(view: LoanView): string {
  const c = view.contract;
  const o = view.outstanding;
  return [
    `${c.loanId}  ${view.status}  ${view.bucket} (${view.daysPastDue} days past due)  as of ${view.asOf}`,
    `  ${d(c.principal)} at ${formatPercent(c.apr)} a year over ${c.term} months, ${c.method}, ${c.basis} basis, drawn ${c.startDate}`,
    `  owed: principal ${d(o.principal)}, interest ${d(o.interest)}, penalty ${d(o.penalty)}; held for the customer ${d(o.overpayment)}`,
    ...view.instalments.map(
      (i) =>
        `  ${String(i.period).padStart(3)}  ${i.dueDate}  ${i.status.padEnd(11)} principal ${d(i.principal).padStart(12)}  interest ${d(i.interest).padStart(10)}  penalty ${d(i.penalty).padStart(8)}  owed ${d(i.owed).padStart(12)}`,
    ),
  ].join('\n');
}

function receiptText(receipt: RepaymentReceipt): string {
  const a = receipt.allocation;
  return [
    `repayment of ${d(receipt.amount)} on ${receipt.effectiveDate} (event #${receipt.seq} on this loan)${receipt.restated ? ' (back-dated: books restated)' : ''}`,
    `  principal ${d(a.principal)}, interest ${d(a.interest)}, penalty ${d(a.penalty)}, recovered ${d(a.recovered)}, held ${d(a.held)}`,
    `  loan is ${receipt.status}; owed principal ${d(receipt.outstanding.principal)}, interest ${d(receipt.outstanding.interest)}, penalty ${d(receipt.outstanding.penalty)}`,
  ].join('\n');
}

function payoutText(receipt: PayoutReceipt): string {
  return [
    `payout of ${d(receipt.amount)} on ${receipt.effectiveDate} (event #${receipt.seq} on this loan; held before ${d(receipt.heldBefore)})`,
    `  loan is ${receipt.status}; held for the customer now ${d(receipt.outstanding.overpayment)}`,
  ].join('\n');
}

function reversalText(receipt: ReversalReceipt): string {
  const owed = (o: ReversalReceipt['outstanding']) => d(sumMoney([o.principal, o.interest, o.penalty]));
  return [
    `repayment #${receipt.reverses} of ${d(receipt.amount)} (received ${receipt.paidOn}) reversed: ${receipt.reason} (event #${receipt.seq})`,
    `  owed ${owed(receipt.outstandingBefore)} -> ${owed(receipt.outstanding)}; ${receipt.daysPastDue} days past due; loan is ${receipt.status}`,
  ].join('\n');
}

export function registerLoanCommands(program: Command): void {
  const loan = program
    .command('loan')
    .description('Cash loans: schedules, APR, drawdown, repayment, statements, auto-repay.');
  registerLoanAutopayCommand(loan);

  loan
    .command('schedule')
    .description('Print a repayment schedule (needs no database).')
    .requiredOption('--principal <yuan>', 'principal in yuan, e.g. 10000.00')
    .requiredOption('--apr <fraction>', 'annual rate as a decimal fraction: 0.1825 is 18.25%')
    .requiredOption('--term <months>', 'number of monthly instalments')
    .option('--method <method>', REPAYMENT_METHODS.join(' | '), 'equal-installment')
    .option('--basis <basis>', `${INTEREST_BASES.join(' | ')}: APR/12 a period or APR/365 a day`, 'monthly')
    .option('--start <date>', 'drawdown date YYYY-MM-DD (default: today)')
    .action(
      (
        options: {
          principal: string;
          apr: string;
          term: string;
          method: string;
          basis: string;
          start?: string;
        },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const schedule = generateSchedule({
          principal: parseMoney(options.principal, '--principal'),
          apr: parseRate(options.apr, '--apr'),
          term: integer(options.term, '--term', 1, 360),
          method: oneOf<RepaymentMethod>(REPAYMENT_METHODS, options.method, '--method'),
          basis: oneOf<InterestBasis>(INTEREST_BASES, options.basis, '--basis'),
          startDate: options.start ? parseLocalDate(options.start, '--start') : systemClock.today(),
        });
        const lines = schedule.lines.map((line) => ({
          period: line.period,
          dueDate: line.dueDate,
          principal: d(line.principal),
          interest: d(line.interest),
          payment: d(line.payment),
          balance: d(line.balance),
        }));
        output(
          global,
          { lines, totalInterest: d(schedule.totalInterest), apr: formatReportedRate(schedule.apr) },
          () =>
            [
              `${schedule.terms.method}, ${schedule.terms.basis} basis (interest rounded half up per period; remainder on the last instalment)`,
              'period  due date     principal      interest       payment       balance',
              ...lines.map(
                (l) =>
                  `${String(l.period).padStart(6)}  ${l.dueDate}  ${l.principal.padStart(10)}  ${l.interest.padStart(12)}  ${l.payment.padStart(12)}  ${l.balance.padStart(12)}`,
              ),
              `total interest ${d(schedule.totalInterest)}; annualised rate by IRR ${formatReportedRate(schedule.apr)}`,
            ].join('\n'),
        );
      },
    );

  loan
    .command('apr')
    .description(
      'Annualised rate by IRR of a flat-fee instalment plan (principal in equal parts, a fee each period).',
    )
    .requiredOption('--principal <yuan>', 'amount converted or lent, in yuan')
    .requiredOption('--term <months>', 'number of monthly periods')
    .requiredOption(
      '--fee-per-period <fraction>',
      'fee each period as a fraction of the principal: 0.0075 is 0.75%',
    )
    .action((options: { principal: string; term: string; feePerPeriod: string }, command: Command) => {
      const global = globalOptions(command);
      const plan = flatFeeInstalmentPlan({
        principal: parseMoney(options.principal, '--principal'),
        term: integer(options.term, '--term', 1, 360),
        feePerPeriod: parseRate(options.feePerPeriod, '--fee-per-period'),
      });
      const apr = formatReportedRate(plan.apr);
      output(
        global,
        { apr },
        () =>
          `annualised rate by IRR: ${apr} (fee ${d(plan.feePerPeriod)} a period, ${d(plan.totalFees)} in all)`,
      );
    });

  loan
    .command('drawdown')
    .description("Draw a cash loan within the customer's available credit.")
    .requiredOption('--customer <id>', 'customer id (cus_…)')
    .requiredOption('--amount <yuan>', 'principal in yuan')
    .requiredOption('--term <months>', 'term in months')
    .option('--method <method>', REPAYMENT_METHODS.join(' | '), 'equal-installment')
    .requiredOption('--idempotency-key <key>', 'a key unique to this drawdown')
    .action(
      async (
        options: { customer: string; amount: string; term: string; method: string; idempotencyKey: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        await withApp(global, async (app) => {
          const result = await app.services.loans.drawdown({
            customerId: options.customer,
            amount: parseMoney(options.amount, '--amount'),
            term: integer(options.term, '--term', 1, 360),
            method: oneOf<RepaymentMethod>(REPAYMENT_METHODS, options.method, '--method'),
            idempotencyKey: options.idempotencyKey,
          });
          if (result.outcome === 'declined') {
            throw new AppError('UNPROCESSABLE', `drawdown declined: ${result.refusal.reason}`, {
              details: { ...result.refusal },
            });
          }
          const view = await app.services.loans.getLoan(result.receipt.loanId);
          output(
            global,
            {
              loanId: view.contract.loanId,
              replayed: result.replayed,
              available: d(result.receipt.availableAfter),
            },
            () =>
              `${result.replayed ? '(repeat of an earlier request) ' : ''}${loanText(view)}\navailable credit now ${d(result.receipt.availableAfter)}`,
          );
        });
      },
    );

  loan
    .command('repay')
    .description('Record a repayment (a past --date restates the books from that day).')
    .argument('<loanId>', 'the loan (ln_…)')
    .requiredOption('--amount <yuan>', 'amount received')
    .option('--intent <intent>', REPAYMENT_INTENTS.join(' | '), 'scheduled')
    .option('--date <date>', 'value date YYYY-MM-DD (default: today)')
    .requiredOption('--idempotency-key <key>', 'a key unique to this repayment')
    .action(
      async (
        loanId: string,
        options: { amount: string; intent: string; date?: string; idempotencyKey: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        await withApp(global, async (app) => {
          const result = await app.services.loans.repay({
            loanId,
            amount: parseMoney(options.amount, '--amount'),
            intent: oneOf<RepaymentIntent>(REPAYMENT_INTENTS, options.intent, '--intent'),
            effectiveDate: options.date ? parseLocalDate(options.date, '--date') : undefined,
            idempotencyKey: options.idempotencyKey,
          });
          output(global, { ...repaymentDto(result.receipt), replayed: result.replayed }, () =>
            receiptText(result.receipt),
          );
        });
      },
    );

  registerReversalCommand(loan, {
    argument: ['<loanId>', 'the loan (ln_…)'],
    description:
      'Reverse a repayment that did not stand (returned by the bank, charged back): the books are restated as if it had never been received.',
    paymentWord: 'repayment',
    paymentHelp: "the repayment's number (see `credence loan events`)",
    reverse: async (app, { contractId, ...request }) =>
      app.services.loans.reverseRepayment({ loanId: contractId, ...request }),
    dto: reversalDto,
    text: reversalText,
  });

  registerPayoutCommand(loan, {
    argument: ['<loanId>', 'the loan (ln_…)'],
    description:
      'Pay money held for the customer back to their bound card through the payment provider (all of it unless --amount).',
    receiptOf: async (app, loanId, payoutId, amount) =>
      (await app.services.loans.payout({ loanId, amount, idempotencyKey: payoutId })).receipt,
    dto: payoutDto,
    text: payoutText,
  });

  loan
    .command('events')
    .description("The loan's events (repayments, write-off, payouts) in the order they arrived.")
    .argument('<loanId>', 'the loan (ln_…)')
    .action(async (loanId: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const events = await app.services.loans.events(loanId);
        output(global, { loanId, events: events.map(loanEventDto) }, () =>
          events.length === 0
            ? `${loanId} has no events`
            : events
                .map(
                  (event) =>
                    `${String(event.seq).padStart(4)}  ${event.effectiveDate}  ${event.kind.padEnd(9)}` +
                    (event.kind === 'repayment' || event.kind === 'payout' ? ` ${d(event.amount)}` : '') +
                    (event.kind === 'reversal' ? ` of #${event.reverses} (${event.reason})` : '') +
                    (event.kind === 'repayment' ? ` (${event.intent})` : ''),
                )
                .join('\n'),
        );
      });
    });

  loan
    .command('show')
    .description('A loan: status, bucket, instalments, what is owed.')
    .argument('<loanId>', 'the loan (ln_…)')
    .action(async (loanId: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const view = await app.services.loans.getLoan(loanId);
        output(global, loanDto(view), () => loanText(view));
      });
    });

  loan
    .command('quote')
    .description('Payoff quote: what settles the loan on a date.')
    .argument('<loanId>', 'the loan (ln_…)')
    .option('--date <date>', 'YYYY-MM-DD (default: today)')
    .action(async (loanId: string, options: { date?: string }, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const quote = await app.services.loans.payoffQuote(
          loanId,
          options.date ? parseLocalDate(options.date, '--date') : undefined,
        );
        output(
          global,
          quoteDto(quote),
          () =>
            `payoff on ${quote.date}: ${d(quote.total)} (principal ${d(quote.principal)}, interest ${d(quote.interest)}, penalty ${d(quote.penalty)}, less ${d(quote.heldForCustomer)} held)`,
        );
      });
    });

  loan
    .command('statement')
    .description('Statement of account: balances and every entry.')
    .argument('<loanId>', 'the loan (ln_…)')
    .option('--from <date>', 'YYYY-MM-DD')
    .option('--to <date>', 'YYYY-MM-DD')
    .action(async (loanId: string, options: { from?: string; to?: string }, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const statement = await app.services.loans.statement(loanId, {
          from: options.from ? parseLocalDate(options.from, '--from') : undefined,
          to: options.to ? parseLocalDate(options.to, '--to') : undefined,
        });
        output(global, statementDto(statement), () =>
          [
            `statement of ${loanId}, ${statement.from} to ${statement.to}`,
            ...statement.entries.map(
              (entry) =>
                `${entry.date}  ${entry.kind.padEnd(11)} ${entry.lines.map((l) => `${l.side} ${l.kind} ${d(l.amount)}`).join('; ')}`,
            ),
            `closing: ${Object.entries(statement.closing)
              .map(([kind, value]) => `${kind} ${d(value)}`)
              .join(', ')}`,
          ].join('\n'),
        );
      });
    });

  registerHardshipCommands(loan);

  const facility = loan
    .command('facility')
    .description('Credit facilities (limits) — normally set by decisions.');

  facility
    .command('set')
    .description(
      "Override a facility's terms by hand, as PUT /v1/customers/{id}/facilities/{product} does: an approved " +
        "decision of this customer and product, within the product's range and the legal cap, with reasons; " +
        'above the second-person threshold it waits for another admin (loan facility approve).',
    )
    .requiredOption('--customer <id>', 'customer id (cus_…)')
    .option('--product <product>', PRODUCT_CODES.join(' | '), 'cash_loan')
    .requiredOption('--limit <yuan>', 'the limit')
    .requiredOption('--apr <fraction>', 'contract rate as a decimal fraction')
    .requiredOption('--decision <id>', 'the approved decision whose terms this overrides (dec_…)')
    .option(
      '--reason <code:note>',
      `why, repeatable (1–5); code one of ${OVERRIDE_REASON_CODES.join(', ')}`,
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--key <secret>', 'admin API key (or CREDENCE_API_KEY): the person making the override')
    .action(
      async (
        options: {
          customer: string;
          product: string;
          limit: string;
          apr: string;
          decision: string;
          reason: string[];
          key?: string;
        },
        command: Command,
      ) => {
        const global = globalOptions(command);
        // What can be checked without the database is checked first (a bad flag never opens it).
        const input = {
          customerId: options.customer,
          product: parseProductCode(options.product, '--product'),
          limit: parseMoney(options.limit, '--limit'),
          apr: parseRate(options.apr, '--apr'),
          decisionId: options.decision,
          reasons: options.reason.map(parseOverrideReasonFlag),
        };
        await withApp(global, async (app) => {
          const outcome = await app.services.facilityOverrides.propose(input, await adminOf(app, options));
          output(global, overrideOutcomeView(outcome), () => overrideOutcomeText(outcome));
        });
      },
    );

  facility
    .command('approve')
    .description('Approve a pending override as the second person (another admin key, under another name).')
    .argument('<overrideId>', 'the pending override (fov_…)')
    .requiredOption('--customer <id>', 'customer id (cus_…)')
    .option('--product <product>', PRODUCT_CODES.join(' | '), 'cash_loan')
    .option('--key <secret>', 'admin API key (or CREDENCE_API_KEY): the second person')
    .action(
      async (
        overrideId: string,
        options: { customer: string; product: string; key?: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const product = parseProductCode(options.product, '--product');
        const id = parseId('facilityOverride', overrideId, 'overrideId');
        await withApp(global, async (app) => {
          const outcome = await app.services.facilityOverrides.approve(
            options.customer,
            product,
            id,
            await adminOf(app, options),
          );
          output(global, overrideOutcomeView(outcome), () => overrideOutcomeText(outcome));
        });
      },
    );

  facility
    .command('reject')
    .description('Reject (or, as its maker, withdraw) a pending override; the facility keeps its terms.')
    .argument('<overrideId>', 'the pending override (fov_…)')
    .requiredOption('--customer <id>', 'customer id (cus_…)')
    .option('--product <product>', PRODUCT_CODES.join(' | '), 'cash_loan')
    .requiredOption('--note <text>', 'why (1–500 characters)')
    .option('--key <secret>', 'admin API key (or CREDENCE_API_KEY)')
    .action(
      async (
        overrideId: string,
        options: { customer: string; product: string; note: string; key?: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const product = parseProductCode(options.product, '--product');
        const id = parseId('facilityOverride', overrideId, 'overrideId');
        await withApp(global, async (app) => {
          const override = await app.services.facilityOverrides.reject(
            options.customer,
            product,
            id,
            options.note,
            await adminOf(app, options),
          );
          output(
            global,
            { override: facilityOverrideView(override) },
            () =>
              `override ${override.id} rejected by ${override.checker?.name ?? '-'}; the facility is unchanged`,
          );
        });
      },
    );

  for (const action of ['freeze', 'reactivate'] as const) {
    facility
      .command(action)
      .description(action === 'freeze' ? 'Freeze a facility (no new drawing).' : 'Reactivate a facility.')
      .requiredOption('--customer <id>', 'customer id (cus_…)')
      .option('--product <product>', PRODUCT_CODES.join(' | '), 'cash_loan')
      .requiredOption('--reason <text>', 'why')
      .action(async (options: { customer: string; product: string; reason: string }, command: Command) => {
        const global = globalOptions(command);
        await withApp(global, async (app) => {
          const input = {
            customerId: options.customer,
            product: parseProductCode(options.product, '--product'),
            reason: options.reason,
          };
          const result =
            action === 'freeze'
              ? await app.services.facilities.freezeFacility(input)
              : await app.services.facilities.reactivateFacility(input);
          output(global, { facility: facilityDto(result) }, () => `${result.id} is ${result.status}`);
        });
      });
  }
}
