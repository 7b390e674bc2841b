import type { Command } from 'commander';
import { callServer, CliExit, globalOptions, output, viaServerOrApp } from '../cli/runtime.ts';
import { parseId } from '../platform/ids/ids.ts';
import { parseMoney } from '../platform/money/money.ts';
import {
  customerText,
  customerTextInputOfView,
  decisionView,
  type CustomerTextInput,
  type DecisionView,
} from './decision-view.ts';
import type { ReplayReport } from './replay.ts';

/**
 * `credence decide --customer ID --product P [--amount 5000.00] [--lang zh|en|both] [--json]`: decides and
 * records, like `POST /v1/decisions`. The human form reads like what the customer would see; `--json` prints
 * the API's response. `credence decision show|replay ID` read and replay a recorded decision.
 *
 * While `credence serve` holds the embedded database of the same data directory, these commands go through
 * its API (with the local key it keeps in the lock file) instead of opening the database: same answers,
 * same exit codes.
 */
export function registerDecisionCommands(program: Command): void {
  program
    .command('decide')
    .description('Decide for a customer and product: limit and price, or reasons and what to do about them.')
    .requiredOption('--customer <id>', 'customer id (cus_…)')
    .requiredOption('--product <code>', 'product code: cash_loan or credit_line')
    .option('--amount <yuan>', 'the amount asked for, in yuan, e.g. 5000.00')
    .option('--lang <lang>', 'language of the text: zh, en or both', 'both')
    .action(
      async (
        options: { customer: string; product: string; amount?: string; lang: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const customerId = parseId('customer', options.customer, 'customer');
        const requestedAmount = options.amount === undefined ? null : parseMoney(options.amount, 'amount');
        const view = await viaServerOrApp(
          global,
          (server) =>
            callServer<DecisionView>(server, 'POST', '/v1/decisions', {
              customerId,
              product: options.product,
              ...(options.amount === undefined ? {} : { requestedAmount: options.amount }),
            }),
          async (app) =>
            decisionView(
              await app.services.decisions.decide({
                customerId,
                productCode: options.product,
                requestedAmount,
              }),
            ),
        );
        output(global, view, () => humanText(customerTextInputOfView(view), options.lang));
      },
    );

  const decision = program.command('decision').description('Read and replay recorded decisions.');
  decision
    .command('show <id>')
    .description('One recorded decision (with --json, the evidence too: facts, rule trace).')
    .option('--lang <lang>', 'zh, en or both', 'both')
    .action(async (id: string, options: { lang: string }, command: Command) => {
      const global = globalOptions(command);
      const decisionId = parseId('decision', id);
      const view = await viaServerOrApp(
        global,
        (server) => callServer<DecisionView>(server, 'GET', `/v1/decisions/${decisionId}?evidence=true`),
        async (app) => decisionView(await app.services.decisions.get(decisionId), { evidence: true }),
      );
      output(global, view, () => humanText(customerTextInputOfView(view), options.lang));
    });
  decision
    .command('replay <id>')
    .description(
      'Recompute a decision from its stored facts, model and policy versions; exit 7 if it differs.',
    )
    .action(async (id: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      const decisionId = parseId('decision', id);
      const report = await viaServerOrApp(
        global,
        (server) => callServer<ReplayReport>(server, 'POST', `/v1/decisions/${decisionId}/replay`),
        (app) => app.services.decisions.replay(decisionId),
      );
      output(global, report, () =>
        report.matches
          ? `${report.decisionId}: replay matches (${report.outcome.recomputed}; model ${report.modelVersion ?? '-'}, policy ${report.policyVersion ?? '-'})`
          : `${report.decisionId}: replay DIFFERS in ${report.differences.map((d) => d.field).join(', ')}`,
      );
      // The exit code goes back through main like every other (the launcher sets it once).
      if (!report.matches) throw new CliExit(7, '');
    });
}

function humanText(record: CustomerTextInput, lang: string): string {
  const header = `${record.id}  ${record.productCode}  score ${record.score ?? '-'}  model ${record.modelVersion ?? '-'}  policy ${record.policyVersionId ?? '-'} (${record.arm ?? '-'})`;
  const parts = [header];
  if (lang !== 'en') parts.push(customerText(record, 'zh'));
  if (lang !== 'zh') parts.push(customerText(record, 'en'));
  return parts.join('\n');
}
