import type { Command } from 'commander';
import { globalOptions, output, withApp, type GlobalOptions } from '../cli/runtime.ts';
import type { App } from '../services.ts';
import { hashApiKey, type Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { parseId } from '../platform/ids/ids.ts';
import { formatMoney, parseMoney } from '../platform/money/money.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import {
  CASE_BUCKETS,
  COLLECTION_PRODUCTS,
  type CaseBucket,
  type CollectionCase,
  type CollectionProduct,
} from './collection-case.ts';
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  type ContactChannel,
  type ContactOutcome,
} from './collection-contact.ts';
import { caseFileDto, collectionCaseDto, contactDto, promiseDto } from './collections.dto.ts';
import type { CollectionCaseFile } from './get-collection-case.ts';
import type { ContactResult } from './record-collection-contact.ts';

/**
 * `credence collections …` for collectors: the queue, a case, claim (or the next one), release, log a
 * contact, record a promise to pay. Commands act as the collector whose API key they are given (`--key` or
 * CREDENCE_API_KEY) — the same person as over HTTP, so claims and caps hold across both. `--json` prints the
 * API's documents.
 */

interface KeyOption {
  key?: string;
}

async function collectorOf(app: App, options: KeyOption): Promise<Principal> {
  const secret = options.key ?? process.env.CREDENCE_API_KEY;
  if (!secret)
    throw new AppError('UNAUTHENTICATED', 'pass a collector API key with --key or CREDENCE_API_KEY', {
      issues: [{ field: '--key', rule: 'required', message: 'a collector key is required' }],
    });
  const record = await app.services.apiKeys.findActiveByHash(hashApiKey(secret));
  if (!record) throw new AppError('UNAUTHENTICATED', 'the API key is unknown or revoked');
  return { keyId: record.id, name: record.name, role: record.role };
}

function asCollector<T>(
  command: Command,
  work: (app: App, principal: Principal, global: GlobalOptions) => Promise<T>,
): Promise<T> {
  const global = globalOptions(command);
  return withApp(global, async (app) =>
    work(app, await collectorOf(app, command.optsWithGlobals<KeyOption>()), global),
  );
}

function oneOf<T extends string>(
  values: readonly T[],
  value: string | undefined,
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value))
    throw AppError.invalid(flag, 'one-of', `${flag} must be one of ${values.join(', ')}`);
  return value as T;
}

function caseLine(c: CollectionCase, now: Date): string {
  const held = c.claimExpiresAt !== null && c.claimExpiresAt.getTime() > now.getTime() && c.claimedBy;
  return [
    c.id,
    c.status.padEnd(6),
    c.product.padEnd(11),
    c.bucket.padEnd(3),
    `p${c.priority}`,
    `${String(c.daysPastDue).padStart(3)} dpd`,
    formatMoney(c.amountPastDue, 'en').padStart(16),
    c.accountId,
    held ? `held by ${held.name} until ${c.claimExpiresAt?.toISOString()}` : '',
    c.closeReason ? `closed ${c.closedOn} (${c.closeReason})` : '',
  ]
    .join('  ')
    .trimEnd();
}

function fileText(file: CollectionCaseFile, now: Date): string {
  const lines = [
    caseLine(file.case, now),
    `customer ${file.case.customerId}  opened ${file.case.openedOn}  oldest due ${file.case.oldestDueDate ?? '-'}  ${file.inCallQueue ? 'in the call queue' : 'not in the call queue'}`,
    'history:',
  ];
  for (const e of file.history)
    lines.push(
      `  ${String(e.seq).padStart(3)}  ${e.businessDate}  ${e.kind.padEnd(14)} ${e.fromBucket ?? ''}${e.toBucket || e.fromBucket ? ' → ' : ''}${e.toBucket ?? ''}  ${e.daysPastDue} dpd  ${formatMoney(e.amountPastDue, 'en')}`,
    );
  lines.push('promises:');
  for (const p of file.promises)
    lines.push(
      `  ${p.id}  ${formatMoney(p.amount, 'en')} by ${p.dueDate} (made ${p.madeOn} by ${p.madeBy.name})  ${p.status}${p.resolvedOn ? ` on ${p.resolvedOn}, paid ${p.paid === null ? '-' : formatMoney(p.paid, 'en')}` : ''}`,
    );
  lines.push('contacts:');
  for (const c of file.contacts)
    lines.push(
      `  ${c.contactedAt.toISOString()}  ${c.channel.padEnd(10)} ${c.outcome.padEnd(12)} by ${c.by.name}${c.note ? `  “${c.note}”` : ''}`,
    );
  return lines.join('\n');
}

function contactText(result: ContactResult): string {
  const c = result.contact;
  const head = `${result.replayed ? 'already logged' : 'logged'} ${c.id}: ${c.channel} ${c.outcome} at ${c.contactedAt.toISOString()}`;
  return result.promise
    ? `${head}\npromise ${result.promise.id}: ${formatMoney(result.promise.amount, 'en')} by ${result.promise.dueDate} (kept or broken by the day-end)`
    : head;
}

const contactJson = (result: ContactResult) => ({
  contact: contactDto(result.contact),
  promise: result.promise ? promiseDto(result.promise) : null,
  replayed: result.replayed,
});

export function registerCollectionCommands(program: Command): void {
  const collections = program
    .command('collections')
    .description(
      'Collections: the call queue, claims, cases with their history, the contact log, promises to pay.',
    )
    .option('--key <secret>', 'collector API key (or CREDENCE_API_KEY)');

  collections
    .command('queue')
    .description('The call queue: priority, amount past due, days past due, the oldest first.')
    .option('--view <view>', 'unclaimed (default), mine or all')
    .option('--product <product>', COLLECTION_PRODUCTS.join(' or '))
    .option('--bucket <bucket>', CASE_BUCKETS.join(', '))
    .option('--limit <n>', '1–500 (default 50)')
    .action(
      async (
        options: { view?: string; product?: string; bucket?: string; limit?: string },
        command: Command,
      ) => {
        await asCollector(command, async (app, by, global) => {
          const view = oneOf(['unclaimed', 'mine', 'all'] as const, options.view, '--view');
          const product = oneOf<CollectionProduct>(COLLECTION_PRODUCTS, options.product, '--product');
          const bucket = oneOf<CaseBucket>(CASE_BUCKETS, options.bucket, '--bucket');
          if (options.limit !== undefined && !/^[1-9][0-9]{0,2}$/.test(options.limit))
            throw AppError.invalid('--limit', 'range', '--limit must be a whole number from 1 to 500');
          const items = await app.services.collections.queue({
            by,
            ...(view ? { view } : {}),
            ...(product ? { product } : {}),
            ...(bucket ? { bucket } : {}),
            ...(options.limit ? { limit: Number(options.limit) } : {}),
          });
          const now = app.clock.now();
          output(global, { items: items.map((c) => collectionCaseDto(c, now)) }, () =>
            items.length === 0 ? 'the queue is empty' : items.map((c) => caseLine(c, now)).join('\n'),
          );
        });
      },
    );

  collections
    .command('case <caseId>')
    .description('One case: figures, claim, history, promises and the contact log.')
    .action(async (caseId: string, _options: unknown, command: Command) => {
      await asCollector(command, async (app, by, global) => {
        if (by.role !== 'collector' && by.role !== 'admin')
          throw new AppError('FORBIDDEN', `role "${by.role}" may not work collection cases`);
        const file = await app.services.collections.getCase(parseId('collectionCase', caseId, 'caseId'));
        const now = app.clock.now();
        output(global, caseFileDto(file, now), () => fileText(file, now));
      });
    });

  collections
    .command('claim [caseId]')
    .description(
      'Claims a case (or extends your claim); --next claims the first unclaimed case of the queue.',
    )
    .option('--next', 'the first unclaimed case of the queue')
    .action(async (caseId: string | undefined, options: { next?: boolean }, command: Command) => {
      await asCollector(command, async (app, by, global) => {
        if (!caseId && !options.next)
          throw AppError.invalid('caseId', 'required', 'name a case, or pass --next for the next one');
        const claimed = caseId
          ? await app.services.collections.claim(parseId('collectionCase', caseId, 'caseId'), by)
          : await app.services.collections.claimNext(by);
        const now = app.clock.now();
        output(global, { case: claimed ? collectionCaseDto(claimed, now) : null }, () =>
          claimed ? caseLine(claimed, now) : 'the queue is empty',
        );
      });
    });

  collections
    .command('release <caseId>')
    .description('Puts the case back in the queue.')
    .action(async (caseId: string, _options: unknown, command: Command) => {
      await asCollector(command, async (app, by, global) => {
        const released = await app.services.collections.release(
          parseId('collectionCase', caseId, 'caseId'),
          by,
        );
        const now = app.clock.now();
        output(global, { case: collectionCaseDto(released, now) }, () => caseLine(released, now));
      });
    });

  const contactOptions = (command: Command) =>
    command
      .requiredOption('--channel <channel>', CONTACT_CHANNELS.join(', '))
      .option('--note <text>', 'what was said (ID, card and phone numbers are masked)')
      .option('--at <instant>', 'when it happened, RFC 3339 (default now)')
      .option('--idempotency-key <key>', 'a key for this contact (default: one is made up)');

  type ContactFlags = { channel: string; note?: string; at?: string; idempotencyKey?: string };
  const contactOf = (app: App, by: Principal, caseId: string, flags: ContactFlags) => {
    const channel = oneOf<ContactChannel>(CONTACT_CHANNELS, flags.channel, '--channel') as ContactChannel;
    let contactedAt: Date | undefined;
    if (flags.at !== undefined) {
      contactedAt = new Date(flags.at);
      if (!/^\d{4}-\d\d-\d\dT/.test(flags.at) || Number.isNaN(contactedAt.getTime()))
        throw AppError.invalid('--at', 'instant', '--at must be an instant like 2026-02-20T10:00:00+08:00');
    }
    return {
      caseId: parseId('collectionCase', caseId, 'caseId'),
      by,
      channel,
      ...(flags.note !== undefined ? { note: flags.note } : {}),
      ...(contactedAt ? { contactedAt } : {}),
      idempotencyKey: flags.idempotencyKey ?? app.ids.next('request'),
    };
  };

  contactOptions(
    collections
      .command('contact <caseId>')
      .description('Logs a contact with the customer (within the permitted hours and the caps).')
      .requiredOption('--outcome <outcome>', CONTACT_OUTCOMES.filter((o) => o !== 'promise').join(', ')),
  ).action(async (caseId: string, flags: ContactFlags & { outcome: string }, command: Command) => {
    await asCollector(command, async (app, by, global) => {
      const outcome = oneOf<ContactOutcome>(CONTACT_OUTCOMES, flags.outcome, '--outcome') as ContactOutcome;
      if (outcome === 'promise')
        throw AppError.invalid(
          '--outcome',
          'use-promise',
          'record a promise with `credence collections promise`',
        );
      const result = await app.services.collections.contact({
        ...contactOf(app, by, caseId, flags),
        outcome,
      });
      output(global, contactJson(result), () => contactText(result));
    });
  });

  contactOptions(
    collections
      .command('promise <caseId>')
      .description('Records a promise to pay made in a contact; the day-end keeps or breaks it.')
      .requiredOption('--date <date>', 'pay by (YYYY-MM-DD)')
      .requiredOption('--amount <yuan>', 'the amount promised, e.g. 500.00'),
  ).action(
    async (caseId: string, flags: ContactFlags & { date: string; amount: string }, command: Command) => {
      await asCollector(command, async (app, by, global) => {
        const result = await app.services.collections.contact({
          ...contactOf(app, by, caseId, flags),
          outcome: 'promise',
          promise: {
            date: parseLocalDate(flags.date, '--date'),
            amount: parseMoney(flags.amount, '--amount'),
          },
        });
        output(global, contactJson(result), () => contactText(result));
      });
    },
  );
}
