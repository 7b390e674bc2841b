import { registerReversalCommand } from '../shared/reversal.cli.ts';
import type { Command } from 'commander';
import { registerLineHardshipCommands } from './line-hardship.cli.ts';
import { globalOptions, output, withApp } from '../../cli/runtime.ts';
import { cliActorOfThisProcess } from '../../platform/audit/cli-actor.node.ts';
import { AppError, isAppError } from '../../platform/errors/app-error.ts';
import { parseMoney, toDecimalString, type Money } from '../../platform/money/money.ts';
import { parseLocalDate } from '../../platform/time/local-date.ts';
import { formatReportedRate } from '../shared/irr.ts';
import type {
  ConversionRequest,
  CreditReceipt,
  LineReversalReceipt,
  LineView,
  PayoutReceipt,
} from './credit-line-service.ts';
import { registerPayoutCommand, registerLineAutopayCommand } from '../payments/payments.cli.ts';
import type { LineChangeReceipt, LineChangeResult, Requester } from './line-lifecycle-service.ts';
import {
  creditDto,
  lineChangeDto,
  lineDto,
  lineReversalDto,
  offerDto,
  payoutDto,
  planSettlementDto,
  lineWriteOffDto,
  purchaseDto,
  reviewDto,
  statementDto,
} from './credit-lines.routes.ts';
import type { LimitReviewRecord } from './limit-reviews.pg.ts';
import type { ConversionOffer } from './instalment-conversion.ts';
import type { StatementDocument } from './line-servicing.ts';
import { currentStatementDay } from './line-terms.ts';

/** `credence line …`: open, purchase, refund, pay, payout, statements, instalment offers and conversions, show. */

const d = (amount: Money) => toDecimalString(amount);

function integer(value: string, field: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw AppError.invalid(field, 'integer-range', `${field} must be a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

function lineText(view: LineView): string {
  const b = view.balances;
  const f = view.facility;
  return [
    `${view.terms.lineId}  ${f.status}  ${view.bucket} (${view.daysPastDue} days past due)  as of ${view.asOf}`,
    ...(view.closedOn === null ? [] : [`  closed on ${view.closedOn}`]),
    ...(view.writtenOff === null
      ? []
      : [
          `  written off on ${view.writtenOff.on}: ${d(view.writtenOff.total)} (principal ${d(view.writtenOff.principal)}, interest ${d(view.writtenOff.interest)}, fees ${d(view.writtenOff.fees)}); recovered ${d(view.writtenOff.recovered)}, still owed ${d(view.writtenOff.outstanding)}`,
        ]),
    `  limit ${d(f.limit)}${f.temporary === null ? '' : ` + temporary ${d(f.temporary.amount)} through ${f.temporary.until}`}${view.customerLimitCap === null ? '' : ` (the customer's cap ${d(view.customerLimitCap)})`}, used ${d(f.used)}, available ${d(f.available)}; statement day ${currentStatementDay(view.terms)}, due ${'dayOfMonth' in view.terms.due ? `on day ${view.terms.due.dayOfMonth}` : `${view.terms.due.daysAfterStatement} days after`}, next statement ${view.nextStatementDate}`,
    `  billed: principal ${d(b.billedPrincipal)}, interest ${d(b.billedInterest)}, fees ${d(b.billedFees)}; unbilled: principal ${d(b.unbilledPrincipal)}, interest ${d(b.unbilledInterest)}; instalments to come ${d(b.instalmentsNotYetBilled)}; held for the customer ${d(b.heldForCustomer)}`,
    ...view.openStatements.map(
      (o) =>
        `  statement #${o.seq} of ${o.statementDate}, due ${o.dueDate}: owed ${d(o.owed)}, minimum ${d(o.minimumPayment)} (left ${d(o.minimumOutstanding)})${o.graceLost ? ', bearing interest' : ''}`,
    ),
    ...view.plans.map(
      (p) =>
        `  plan ${p.planId} (${p.status}${p.cancelledOn === null ? '' : ` on ${p.cancelledOn}`}): ${d(p.principal)} over ${p.term}, fee ${d(p.feePerPeriod)} a period, ${p.billedPeriods} billed, principal owed ${d(p.principalOwed)} (${d(p.principalNotYetBilled)} not yet billed${p.refunded > 0n ? `, ${d(p.refunded)} refunded` : ''}), APR by IRR ${formatReportedRate(p.aprByIrr)}${p.remainingAprByIrr === null || p.refunded === 0n ? '' : ` (what remains: ${formatReportedRate(p.remainingAprByIrr)})`}`,
    ),
  ].join('\n');
}

function changeText(r: LineChangeReceipt): string {
  const temporary =
    r.temporary === null ? '' : `, temporary ${d(r.temporary.amount)} through ${r.temporary.until}`;
  const cap = r.customerLimitCap === null ? '' : `, customer's cap ${d(r.customerLimitCap)}`;
  return [
    `${r.change} on ${r.effectiveDate} (change #${r.seq} of ${r.lineId})${r.closedOn === null ? '' : `: closed on ${r.closedOn}`}`,
    `  ${r.facilityStatus}: limit ${d(r.limit)}${temporary}${cap}; used ${d(r.used)}, available ${d(r.available)}`,
  ].join('\n');
}

function statementText(st: StatementDocument): string {
  return [
    `statement #${st.seq} of ${st.statementDate} (${st.periodStart} to ${st.periodEnd}), due ${st.dueDate}`,
    `  opening balance      ${d(st.openingBalance).padStart(12)}`,
    `  purchases          + ${d(st.purchases).padStart(12)}`,
    `  refunds            − ${d(st.refunds).padStart(12)}`,
    `  payments           − ${d(st.payments).padStart(12)}`,
    `  paid out to you    + ${d(st.payouts).padStart(12)}`,
    ...(st.reversals !== 0n ? [`  payments reversed  + ${d(st.reversals).padStart(12)}`] : []),
    ...(st.waivers !== 0n ? [`  waived (goodwill)  − ${d(st.waivers).padStart(12)}`] : []),
    `  converted          − ${d(st.converted).padStart(12)}`,
    `  instalments        + ${d(st.instalmentPrincipal).padStart(12)}`,
    `  fees               + ${d(st.fees).padStart(12)}`,
    ...(st.lateFees > 0n ? [`  late fees          + ${d(st.lateFees).padStart(12)}`] : []),
    `  interest           + ${d(st.interest).padStart(12)}`,
    `  closing balance      ${d(st.closingBalance).padStart(12)}`,
    `  minimum payment      ${d(st.minimumPayment).padStart(12)}   (instalments still to come ${d(st.instalmentsNotYetBilled)})`,
    ...(st.instalmentRefunds > 0n
      ? [`  refunds taken off instalments not yet billed: ${d(st.instalmentRefunds)}`]
      : []),
  ].join('\n');
}

/** An IRR (a float from the root search, reporting only) as the percentage everything else prints: "13.45%". */
function formatIrrPercent(rate: number): string {
  return `${(Math.round(rate * 1e6) / 1e4).toFixed(2)}%`;
}

function creditText(r: CreditReceipt): string {
  const a = r.allocation;
  return [
    `${r.kind} of ${d(r.amount)} on ${r.effectiveDate} (event #${r.seq} on this line)${r.restated ? ' (back-dated: books restated)' : ''}`,
    `  fees ${d(a.fees)}, interest ${d(a.interest)}, principal ${d(a.principal)}${a.unbilledInstalments > 0n ? ` (${d(a.unbilledInstalments)} off instalments not yet billed)` : ''}, held ${d(a.held)}; interest change ${d(r.interestChange)}`,
    `  owed now ${d(r.balances.payoff)}; ${r.daysPastDue} days past due; available ${d(r.availableAfter)}`,
  ].join('\n');
}

function reversalText(r: LineReversalReceipt): string {
  const minimums = (list: LineReversalReceipt['minimums']) =>
    list.length === 0
      ? 'none'
      : list.map((m) => `#${m.seq} due ${m.dueDate}: ${d(m.minimumOutstanding)}`).join(', ');
  return [
    `payment #${r.reverses} of ${d(r.amount)} (value date ${r.paidOn}) reversed: ${r.reason} (event #${r.seq} on this line)`,
    `  owed ${d(r.balancesBefore.payoff)} -> ${d(r.balances.payoff)}; interest booked ${d(r.interestChange)}, late fees ${d(r.lateFeeChange)}`,
    `  minimum still to pay: ${minimums(r.minimums)} (was ${minimums(r.minimumsBefore)})`,
    `  ${r.daysPastDueBefore} -> ${r.daysPastDue} days past due; available ${d(r.availableAfter)}`,
  ].join('\n');
}

function payoutText(r: PayoutReceipt): string {
  return `payout of ${d(r.amount)} on ${r.effectiveDate} (event #${r.seq} on this line): held for the customer ${d(r.heldBefore)} → ${d(r.heldAfter)}; owed now ${d(r.balances.payoff)}`;
}

function reviewText(r: LimitReviewRecord, lang: 'zh' | 'en' | 'both'): string {
  const head = `review ${r.id} (${r.trigger}) ${r.status}: ${r.outcome ?? '—'} → ${r.action ?? '—'}, limit ${r.limitBefore === null ? '—' : d(r.limitBefore)} → ${r.limitAfter === null ? '—' : d(r.limitAfter)}, decision ${r.decisionId ?? '—'}`;
  const message = r.message ? (lang === 'both' ? [r.message.zh, r.message.en] : [r.message[lang]]) : [];
  return [head, ...message.map((text) => `  ${text}`)].join('\n');
}

function offerText(o: ConversionOffer): string {
  return [
    `convert ${d(o.amount)} over ${o.term} periods: fee ${d(o.feePerPeriod)} a period (${d(o.totalFees)} in all)`,
    `  instalments ${o.instalments.map(d).join(', ')}`,
    `  annualised rate ${formatIrrPercent(o.aprByIrr)} by IRR (fees included; ${formatReportedRate(o.aprByIrr)})`,
  ].join('\n');
}

function conversionRequest(
  lineId: string,
  options: { statement?: string; purchase?: string; term: string; amount?: string },
): ConversionRequest {
  if ((options.statement === undefined) === (options.purchase === undefined)) {
    throw AppError.invalid('--statement', 'one-of', 'give either --statement <seq> or --purchase <id>');
  }
  return {
    lineId,
    source:
      options.statement !== undefined
        ? { statementSeq: integer(options.statement, '--statement', 1, 100_000) }
        : { purchaseId: options.purchase ?? '' },
    term: integer(options.term, '--term', 1, 12),
    ...(options.amount === undefined ? {} : { amount: parseMoney(options.amount, '--amount') }),
  };
}

/**
 * A line opens on the limit an approved credit-line decision granted; without one, say so and how to get
 * it, instead of only that there is no limit.
 */
function needsCreditLineDecision(error: unknown, customerId: string): unknown {
  if (!isAppError(error) || error.details.reason !== 'no-facility') return error;
  return new AppError(
    'UNPROCESSABLE',
    `customer ${customerId} has no approved credit-line limit: a line opens on the limit of an approved credit-line decision. Ask for one with \`credence decide --customer ${customerId} --product credit_line\`, then open the line.`,
    { details: { reason: 'no-facility' }, cause: error },
  );
}

export function registerCreditLineCommands(program: Command): void {
  const line = program
    .command('line')
    .description('Credit lines: purchases, refunds, payments, payouts, statements, instalments.');

  registerLineAutopayCommand(line);
  registerLineHardshipCommands(line);

  line
    .command('open')
    .description("Open a customer's credit line on their credit-line limit.")
    .requiredOption('--customer <id>', 'customer id (cus_…)')
    .option('--statement-day <day>', 'day of the month statements are cut (default: the product’s)')
    .action(async (options: { customer: string; statementDay?: string }, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const { line: view, opened } = await app.services.creditLines
          .openLine({
            customerId: options.customer,
            ...(options.statementDay === undefined
              ? {}
              : { statementDay: integer(options.statementDay, '--statement-day', 1, 31) }),
          })
          .catch((error: unknown) => {
            throw needsCreditLineDecision(error, options.customer);
          });
        output(
          global,
          { ...lineDto(view), opened },
          () => `${opened ? 'opened' : 'already open'}: ${lineText(view)}`,
        );
      });
    });

  line
    .command('purchase')
    .description('A purchase against the available limit.')
    .argument('<lineId>', 'the line (cl_…)')
    .requiredOption('--amount <yuan>', 'amount in yuan')
    .requiredOption('--description <text>', 'merchant and item')
    .requiredOption('--idempotency-key <key>', 'a key unique to this purchase')
    .action(
      async (
        lineId: string,
        options: { amount: string; description: string; idempotencyKey: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        await withApp(global, async (app) => {
          const result = await app.services.creditLines.purchase({
            lineId,
            amount: parseMoney(options.amount, '--amount'),
            description: options.description,
            idempotencyKey: options.idempotencyKey,
          });
          if (result.outcome === 'declined') {
            throw new AppError('UNPROCESSABLE', `purchase declined: ${result.refusal.reason}`, {
              details: { ...result.refusal },
            });
          }
          const r = result.receipt;
          output(
            global,
            { ...purchaseDto(r), replayed: result.replayed },
            () =>
              `${result.replayed ? '(repeat of an earlier request) ' : ''}purchase ${r.purchaseId} of ${d(r.amount)} on ${r.effectiveDate}; available now ${d(r.availableAfter)}`,
          );
        });
      },
    );

  line
    .command('refund')
    .description('A merchant refund of a purchase, credited to the line.')
    .argument('<lineId>', 'the line (cl_…)')
    .requiredOption('--purchase <id>', 'the purchase refunded (pur_…)')
    .requiredOption('--amount <yuan>', 'amount refunded')
    .requiredOption('--idempotency-key <key>', 'a key unique to this refund')
    .action(
      async (
        lineId: string,
        options: { purchase: string; amount: string; idempotencyKey: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        await withApp(global, async (app) => {
          const result = await app.services.creditLines.refund({
            lineId,
            purchaseId: options.purchase,
            amount: parseMoney(options.amount, '--amount'),
            idempotencyKey: options.idempotencyKey,
          });
          output(global, { ...creditDto(result.receipt), replayed: result.replayed }, () =>
            creditText(result.receipt),
          );
        });
      },
    );

  line
    .command('pay')
    .description('A payment (a past --date within the cycle restates the books).')
    .argument('<lineId>', 'the line (cl_…)')
    .requiredOption('--amount <yuan>', 'amount received')
    .option('--date <date>', 'value date YYYY-MM-DD (default: today)')
    .requiredOption('--idempotency-key <key>', 'a key unique to this payment')
    .action(
      async (
        lineId: string,
        options: { amount: string; date?: string; idempotencyKey: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        await withApp(global, async (app) => {
          const result = await app.services.creditLines.pay({
            lineId,
            amount: parseMoney(options.amount, '--amount'),
            ...(options.date === undefined ? {} : { effectiveDate: parseLocalDate(options.date, '--date') }),
            idempotencyKey: options.idempotencyKey,
          });
          output(global, { ...creditDto(result.receipt), replayed: result.replayed }, () =>
            creditText(result.receipt),
          );
        });
      },
    );

  registerReversalCommand(line, {
    argument: ['<lineId>', 'the line (cl_…)'],
    description:
      'Reverse a payment that did not stand (returned by the bank, charged back): the line is restated as if it had never been made.',
    paymentWord: 'payment',
    paymentHelp: "the payment's number (the event # its receipt printed)",
    reverse: async (app, { contractId, ...request }) =>
      app.services.creditLines.reversePayment({ lineId: contractId, ...request }),
    dto: lineReversalDto,
    text: reversalText,
  });

  registerPayoutCommand(line, {
    argument: ['<lineId>', 'the line (cl_…)'],
    description:
      'Pay money held for the customer (overpaid or refunded beyond the debt) back to their bound card through the payment provider.',
    receiptOf: async (app, lineId, payoutId, amount) =>
      (await app.services.creditLines.payout({ lineId, amount, idempotencyKey: payoutId })).receipt,
    dto: payoutDto,
    text: payoutText,
  });

  // The CLI is an operator's tool: what it does is recorded as the operator's (audited), not the customer's.
  const operator = (): Requester => ({ onBehalfOfCustomer: false, actor: cliActorOfThisProcess() });
  const printChange = (global: ReturnType<typeof globalOptions>, result: LineChangeResult) =>
    output(
      global,
      { ...lineChangeDto(result.receipt), replayed: result.replayed },
      () => `${result.replayed ? '(repeat of an earlier request) ' : ''}${changeText(result.receipt)}`,
    );

  line
    .command('close')
    .description(
      'Close a line at zero balance (nothing owed or held, no plan open); it then accepts nothing more.',
    )
    .argument('<lineId>', 'the line (cl_…)')
    .option('--reason <text>', 'why')
    .requiredOption('--idempotency-key <key>', 'a key unique to this request')
    .action(
      async (lineId: string, options: { reason?: string; idempotencyKey: string }, command: Command) => {
        const global = globalOptions(command);
        await withApp(global, async (app) => {
          const result = await app.services.creditLines.close({
            lineId,
            idempotencyKey: options.idempotencyKey,
            requester: operator(),
            ...(options.reason === undefined ? {} : { reason: options.reason }),
          });
          printChange(global, result);
        });
      },
    );

  line
    .command('lower-limit')
    .description(
      "The customer's lower limit (not below what is used); reviews never raise it back until lifted.",
    )
    .argument('<lineId>', 'the line (cl_…)')
    .option('--limit <yuan>', 'the limit the customer asks for')
    .option('--lift', "lift the customer's cap instead (the limit stays; the next review may raise it)")
    .option('--reason <text>', "the customer's reason (required with --limit)")
    .requiredOption('--idempotency-key <key>', 'a key unique to this request')
    .action(
      async (
        lineId: string,
        options: { limit?: string; lift?: boolean; reason?: string; idempotencyKey: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        if ((options.limit === undefined) === (options.lift !== true)) {
          throw AppError.invalid('--limit', 'one-of', 'give either --limit or --lift');
        }
        await withApp(global, async (app) => {
          const requester = operator();
          const result =
            options.limit === undefined
              ? await app.services.creditLines.liftCustomerLimitCap({
                  lineId,
                  idempotencyKey: options.idempotencyKey,
                  requester,
                })
              : await app.services.creditLines.requestLowerLimit({
                  lineId,
                  limit: parseMoney(options.limit, '--limit'),
                  reason: options.reason ?? '',
                  idempotencyKey: options.idempotencyKey,
                  requester,
                });
          printChange(global, result);
        });
      },
    );

  line
    .command('temporary-limit')
    .description('Grant a temporary limit (临时额度) on top of the limit through a date (at most 90 days).')
    .argument('<lineId>', 'the line (cl_…)')
    .requiredOption('--amount <yuan>', 'extra credit')
    .requiredOption('--until <date>', 'its last day (YYYY-MM-DD)')
    .requiredOption('--reason <text>', 'why')
    .requiredOption('--idempotency-key <key>', 'a key unique to this grant')
    .action(
      async (
        lineId: string,
        options: { amount: string; until: string; reason: string; idempotencyKey: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        await withApp(global, async (app) => {
          const result = await app.services.creditLines.grantTemporaryLimit({
            lineId,
            amount: parseMoney(options.amount, '--amount'),
            until: parseLocalDate(options.until, '--until'),
            reason: options.reason,
            idempotencyKey: options.idempotencyKey,
            requester: operator(),
          });
          printChange(global, result);
        });
      },
    );

  line
    .command('write-off')
    .description(
      'Write the line off today (charge-off by hand): everything owed moves to write-off expense, spending stops, later payments are recoveries.',
    )
    .argument('<lineId>', 'the line (cl_…)')
    .requiredOption('--reason <text>', 'why, 1–200 characters')
    .requiredOption('--idempotency-key <key>', 'a key unique to this request')
    .action(async (lineId: string, options: { reason: string; idempotencyKey: string }, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const result = await app.services.creditLines.writeOff({
          lineId,
          reason: options.reason,
          idempotencyKey: options.idempotencyKey,
          requester: operator(),
        });
        const r = result.receipt;
        output(
          global,
          { ...lineWriteOffDto(r), replayed: result.replayed },
          () =>
            `${result.replayed ? '(repeat of an earlier request) ' : ''}line ${r.lineId} written off on ${r.effectiveDate} at ${r.daysPastDue} days past due: ${d(r.writtenOff.total)} (principal ${d(r.writtenOff.principal)}, interest ${d(r.writtenOff.interest)}, fees ${d(r.writtenOff.fees)}); journals ${r.journalIds.join(', ')}`,
        );
      });
    });

  line
    .command('settle-plan')
    .description(
      "Settle an instalment plan early: what it has not billed is billed on the next statement with that period's fee; later fees are waived.",
    )
    .argument('<lineId>', 'the line (cl_…)')
    .requiredOption('--plan <id>', 'the plan (ipl_…)')
    .requiredOption('--idempotency-key <key>', 'a key unique to this request')
    .action(async (lineId: string, options: { plan: string; idempotencyKey: string }, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const result = await app.services.creditLines.settlePlan({
          lineId,
          planId: options.plan,
          idempotencyKey: options.idempotencyKey,
          requester: operator(),
        });
        const r = result.receipt;
        output(
          global,
          { ...planSettlementDto(r), replayed: result.replayed },
          () =>
            `${result.replayed ? '(repeat of an earlier request) ' : ''}plan ${r.planId} settled early on ${r.effectiveDate}: ${d(r.principal)} billed on ${r.billedOn} as period ${r.period} with its fee ${d(r.fee)}; ${r.periodsWaived} later fees waived (${d(r.feesWaived)})`,
        );
      });
    });

  line
    .command('statement-day')
    .description(
      'Change the statement day (at most once in 6 months): the cycle in flight ends on the old day, the next on the new one.',
    )
    .argument('<lineId>', 'the line (cl_…)')
    .requiredOption('--day <n>', 'the new statement day, 1–31')
    .requiredOption('--idempotency-key <key>', 'a key unique to this request')
    .action(async (lineId: string, options: { day: string; idempotencyKey: string }, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const result = await app.services.creditLines.changeStatementDay({
          lineId,
          statementDay: integer(options.day, '--day', 1, 31),
          idempotencyKey: options.idempotencyKey,
          requester: operator(),
        });
        const t = result.receipt.detail;
        output(global, { ...lineChangeDto(result.receipt), replayed: result.replayed }, () =>
          [
            changeText(result.receipt),
            `  statement day ${String(t.from)} → ${String(t.to)}: last on the old day ${String(t.lastOnOldDay)} (due ${String(t.itsDueDate)}), first on the new day ${String(t.firstOnNewDay)} (due ${String(t.firstOnNewDayDue)})`,
          ].join('\n'),
        );
      });
    });

  line
    .command('changes')
    .description("A line's lifecycle changes (close, limits, temporary limits), oldest first.")
    .argument('<lineId>', 'the line (cl_…)')
    .action(async (lineId: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const changes = await app.services.creditLines.changes(lineId);
        output(global, { changes }, () =>
          changes.length === 0
            ? 'no changes'
            : changes
                .map(
                  (c) =>
                    `#${c.seq} ${c.effectiveDate} ${c.kind} by ${c.requestedBy}${c.reason === null ? '' : ` (${c.reason})`}: ${JSON.stringify(c.detail)}`,
                )
                .join('\n'),
        );
      });
    });

  line
    .command('statement')
    .description("A line's statements (all, or one with --seq).")
    .argument('<lineId>', 'the line (cl_…)')
    .option('--seq <n>', 'one statement')
    .action(async (lineId: string, options: { seq?: string }, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const statements =
          options.seq === undefined
            ? await app.services.creditLines.statements(lineId)
            : [await app.services.creditLines.statement(lineId, integer(options.seq, '--seq', 1, 100_000))];
        output(global, { statements: statements.map(statementDto) }, () =>
          statements.length === 0 ? 'no statements yet' : statements.map(statementText).join('\n\n'),
        );
      });
    });

  for (const action of ['offer', 'convert'] as const) {
    const sub = line
      .command(action)
      .description(
        action === 'offer'
          ? 'What converting a statement or an unbilled purchase into instalments costs (nothing is written).'
          : 'Convert a statement (before its due date) or an unbilled purchase into 3/6/9/12 instalments.',
      )
      .argument('<lineId>', 'the line (cl_…)')
      .option('--statement <seq>', 'the statement to convert')
      .option('--purchase <id>', 'the unbilled purchase to convert (pur_…)')
      .requiredOption('--term <n>', '3, 6, 9 or 12 periods')
      .option('--amount <yuan>', 'for a statement: the part of its revolving principal');
    if (action === 'convert')
      sub.requiredOption('--idempotency-key <key>', 'a key unique to this conversion');
    sub.action(
      async (
        lineId: string,
        options: {
          statement?: string;
          purchase?: string;
          term: string;
          amount?: string;
          idempotencyKey?: string;
        },
        command: Command,
      ) => {
        const global = globalOptions(command);
        await withApp(global, async (app) => {
          const request = conversionRequest(lineId, options);
          if (action === 'offer') {
            const offer = await app.services.creditLines.conversionOffer(request);
            output(global, offerDto(offer), () => offerText(offer));
            return;
          }
          const result = await app.services.creditLines.convert({
            ...request,
            idempotencyKey: options.idempotencyKey ?? '',
          });
          const r = result.receipt;
          output(
            global,
            { planId: r.planId, offer: offerDto(r.offer), replayed: result.replayed },
            () => `plan ${r.planId}: ${offerText(r.offer)}`,
          );
        });
      },
    );
  }

  line
    .command('review')
    .description(
      'Review the limit now: a limit_review decision applied to the facility (raise, lower, freeze).',
    )
    .argument('<lineId>', 'the line (cl_…)')
    .requiredOption('--idempotency-key <key>', 'a key unique to this review')
    .option('--lang <lang>', 'zh | en | both', 'both')
    .action(async (lineId: string, options: { idempotencyKey: string; lang: string }, command: Command) => {
      const global = globalOptions(command);
      const lang = options.lang === 'zh' || options.lang === 'en' ? options.lang : 'both';
      await withApp(global, async (app) => {
        const review = await app.services.lineReviews.review({
          lineId,
          idempotencyKey: options.idempotencyKey,
        });
        output(global, reviewDto(review), () => reviewText(review, lang));
      });
    });

  line
    .command('reviews')
    .description("A line's limit reviews, newest first.")
    .argument('<lineId>', 'the line (cl_…)')
    .action(async (lineId: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const reviews = await app.services.lineReviews.listReviews(lineId);
        output(global, { reviews: reviews.map(reviewDto) }, () =>
          reviews.length === 0 ? 'no reviews yet' : reviews.map((r) => reviewText(r, 'both')).join('\n'),
        );
      });
    });

  line
    .command('show')
    .description('A line: limit, what is owed, open statements, plans, days past due.')
    .argument('<lineId>', 'the line (cl_…)')
    .action(async (lineId: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const view = await app.services.creditLines.getLine(lineId);
        output(global, lineDto(view), () => lineText(view));
      });
    });
}
