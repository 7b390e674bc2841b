import type { Command } from 'commander';
import { globalOptions, output, withApp } from '../../cli/runtime.ts';
import { hashApiKey, type Role } from '../../platform/auth/api-keys.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { parseId, type IdKind } from '../../platform/ids/ids.ts';
import { toDecimalString, type Money } from '../../platform/money/money.ts';
import type { App } from '../../services.ts';
import { HARDSHIP_REASON_CODES } from '../loans/hardship.ts';
import type { HardshipActor, HardshipStatus } from './hardship-requests.pg.ts';

/**
 * The CLI kit of the one hardship-request layer (issue 18), used by `credence loan hardship` and `credence line
 * hardship`: the staff key as the person acting, the `--reason` flags, and the approve / reject / list commands
 * every product has. Each product keeps its `request` (and `preview`) command, whose flags are its tool's.
 */

/**
 * The person whose API key is given (`--key` or `CREDENCE_API_KEY`), so maker and checker are the same people
 * over the CLI as over HTTP; refused when the key is unknown, revoked or of another role.
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

/** The flags of a `request` command after its tool's: reasons, the idempotency key, the maker's key. */
export function requestFlags(command: Command): Command {
  return command
    .option(
      '--reason <code:note>',
      `why, repeatable (1–5); code one of ${HARDSHIP_REASON_CODES.join(', ')}`,
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .requiredOption('--idempotency-key <key>', 'a key unique to this request')
    .option('--key <secret>', 'collector or reviewer API key (or CREDENCE_API_KEY): the person asking');
}

/** A positional id: its name in the help and in the service's input, its kind, what it is. */
export interface IdArgument {
  readonly name: string;
  readonly kind: IdKind;
  readonly description: string;
}

/** What the approve / reject / list commands of a product need. */
export interface HardshipDecisionCommands<Request, Outcome> {
  /** `loan` or `line`: what is unchanged by a rejection. */
  readonly subject: string;
  /** The subject's argument of `list`. */
  readonly subjectArgument: IdArgument;
  /** The arguments naming a request to approve or reject (the service's input takes them by name). */
  readonly requestArguments: readonly IdArgument[];
  readonly listDescription: string;
  /** How `list` shows a request's money effect: fen (`moneyEffectFen`) or yuan (`moneyEffect`). */
  readonly listMoneyEffect: 'fen' | 'yuan';
  service(app: App): {
    approve(input: Readonly<Record<string, unknown>> & { checker: HardshipActor }): Promise<Outcome>;
    reject(input: Readonly<Record<string, unknown>> & { note: string; by: HardshipActor }): Promise<Request>;
    list(subjectId: string): Promise<
      readonly {
        readonly id: string;
        readonly ask: { readonly tool: string };
        readonly status: HardshipStatus;
        readonly moneyEffect: Money;
      }[]
    >;
  };
  outcomeDto(outcome: Outcome, replayed: boolean): unknown;
  outcomeText(outcome: Outcome): string;
}

/** Adds the arguments and reads them back, parsed, by name (commander passes them first, in order). */
function withIds(command: Command, ids: readonly IdArgument[]): Command {
  for (const id of ids) command.argument(`<${id.name}>`, id.description);
  return command;
}

function idsOf(ids: readonly IdArgument[], values: readonly unknown[]): Record<string, string> {
  return Object.fromEntries(ids.map((id, i) => [id.name, parseId(id.kind, String(values[i]), id.name)]));
}

/** `approve`, `reject` and `list` under a product's `hardship` command. */
export function registerHardshipDecisionCommands<Request extends { id: string; status: string }, Outcome>(
  hardship: Command,
  spec: HardshipDecisionCommands<Request, Outcome>,
): void {
  const n = spec.requestArguments.length;
  withIds(
    hardship
      .command('approve')
      .description(
        'Approve a pending hardship request as the second person (another reviewer key, another name).',
      ),
    spec.requestArguments,
  )
    .option('--key <secret>', 'reviewer API key (or CREDENCE_API_KEY): the second person')
    .action(async (...args: unknown[]) => {
      const options = args[n] as { key?: string };
      const global = globalOptions(args[n + 1] as Command);
      const ref = idsOf(spec.requestArguments, args);
      await withApp(global, async (app) => {
        const checker = await staffOf(app, options, ['reviewer']);
        const outcome = await spec.service(app).approve({ ...ref, checker });
        output(global, spec.outcomeDto(outcome, false), () => spec.outcomeText(outcome));
      });
    });

  withIds(
    hardship
      .command('reject')
      .description(
        `Reject (or, as its maker, withdraw) a pending hardship request; the ${spec.subject} is unchanged.`,
      ),
    spec.requestArguments,
  )
    .requiredOption('--note <text>', 'why')
    .option('--key <secret>', 'collector or reviewer API key (or CREDENCE_API_KEY)')
    .action(async (...args: unknown[]) => {
      const options = args[n] as { note: string; key?: string };
      const global = globalOptions(args[n + 1] as Command);
      const ref = idsOf(spec.requestArguments, args);
      await withApp(global, async (app) => {
        const by = await staffOf(app, options, ['collector', 'reviewer']);
        const request = await spec.service(app).reject({ ...ref, note: options.note, by });
        output(
          global,
          { id: request.id, status: request.status },
          () => `${request.id} is ${request.status}`,
        );
      });
    });

  hardship
    .command('list')
    .description(spec.listDescription)
    .argument(`<${spec.subjectArgument.name}>`, spec.subjectArgument.description)
    .action(async (subjectId: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      const { name, kind } = spec.subjectArgument;
      const id = parseId(kind, subjectId, name);
      const fen = spec.listMoneyEffect === 'fen';
      await withApp(global, async (app) => {
        const requests = await spec.service(app).list(id);
        output(
          global,
          {
            requests: requests.map((r) => ({
              id: r.id,
              tool: r.ask.tool,
              status: r.status,
              ...(fen
                ? { moneyEffectFen: r.moneyEffect.toString() }
                : { moneyEffect: toDecimalString(r.moneyEffect) }),
            })),
          },
          () =>
            requests
              .map(
                (r) =>
                  `${r.id}  ${r.ask.tool}  ${r.status}  ` +
                  (fen ? `${r.moneyEffect.toString()} fen` : toDecimalString(r.moneyEffect)),
              )
              .join('\n') || 'none',
        );
      });
    });
}
