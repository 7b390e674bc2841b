import type { Command } from 'commander';
import { globalOptions, output, withApp } from '../../cli/runtime.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { App } from '../../services.ts';
import { REVERSAL_REASONS, type ReversalReason } from './reversals.ts';

/** What `loan reverse` and `line reverse` differ in: the account's words, its use case and its receipt. */
export interface ReversalCommandSpec<R> {
  readonly argument: readonly [name: string, description: string];
  readonly description: string;
  /** How the payment is named in `--payment`'s help and its error ("repayment", "payment"). */
  readonly paymentWord: string;
  readonly paymentHelp: string;
  reverse(
    app: Pick<App, 'services'>,
    request: { contractId: string; paymentSeq: number; reason: ReversalReason; idempotencyKey: string },
  ): Promise<{ receipt: R; replayed: boolean }>;
  dto(receipt: R): object;
  text(receipt: R): string;
}

/**
 * `loan reverse` and `line reverse`: a payment that did not stand (returned by the bank, charged back)
 * reversed, the contract restated as if it had never been received. `--payment` must be a positive whole
 * number and `--reason` one of the reasons (exit 3 naming the option otherwise), checked before anything opens.
 */
export function registerReversalCommand<R>(parent: Command, spec: ReversalCommandSpec<R>): void {
  parent
    .command('reverse')
    .description(spec.description)
    .argument(spec.argument[0], spec.argument[1])
    .requiredOption('--payment <seq>', spec.paymentHelp)
    .requiredOption('--reason <reason>', REVERSAL_REASONS.join(' | '))
    .requiredOption('--idempotency-key <key>', 'a key unique to this reversal')
    .action(
      async (
        contractId: string,
        options: { payment: string; reason: string; idempotencyKey: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        if (!/^[1-9][0-9]{0,8}$/.test(options.payment))
          throw AppError.invalid('--payment', 'positive-integer', `the ${spec.paymentWord}'s number, e.g. 3`);
        const reason = REVERSAL_REASONS.find((candidate) => candidate === options.reason);
        if (!reason)
          throw AppError.invalid(
            '--reason',
            'one-of',
            `--reason must be one of ${REVERSAL_REASONS.join(', ')}`,
          );
        await withApp(global, async (app) => {
          const result = await spec.reverse(app, {
            contractId,
            paymentSeq: Number(options.payment),
            reason,
            idempotencyKey: options.idempotencyKey,
          });
          output(
            global,
            { ...spec.dto(result.receipt), replayed: result.replayed },
            () => `${result.replayed ? '(repeat of an earlier request) ' : ''}${spec.text(result.receipt)}`,
          );
        });
      },
    );
}
