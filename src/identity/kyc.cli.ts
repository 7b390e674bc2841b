import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createProgress } from '../cli/progress.ts';
import { CliExit, globalOptions, output, withApp } from '../cli/runtime.ts';
import { counted } from '../cli/plural.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { maskCard, maskIdNumber, maskPhone } from '../platform/pii/mask.ts';
import { systemClock } from '../platform/time/system-clock.node.ts';
import { checkCardNumber } from './bank-card.ts';
import { checkIdNumber } from './id-number.ts';
import { checkPhone } from './phone.ts';

type Kind = 'id' | 'card' | 'phone';

/** The `kyc validate` answer for one value. `normalized` is masked unless the operator asks to reveal it. */
export interface KycValidation {
  readonly kind: Kind;
  readonly valid: boolean;
  readonly reason: string | null;
  readonly normalized: string | null;
  readonly birthDate: string | null;
  readonly sex: 'male' | 'female' | null;
  readonly issuer?: string | null;
}

const KIND_NAMES: Readonly<Record<Kind, string>> = { id: 'ID number', card: 'bank card', phone: 'phone' };

/** One value's answer for a person: "ID number 110105********002X: valid (born 1949-12-31, female)". */
export function validationText(result: KycValidation): string {
  const name = KIND_NAMES[result.kind];
  if (!result.valid) return `${name}: invalid — ${result.reason ?? 'not accepted'}`;
  const about = [
    ...(result.birthDate ? [`born ${result.birthDate}`] : []),
    ...(result.sex ? [result.sex] : []),
  ];
  return `${name} ${result.normalized ?? ''}: valid${about.length ? ` (${about.join(', ')})` : ''}`;
}

export function validateValue(kind: Kind, value: string, reveal: boolean): KycValidation {
  const show = (normalized: string, mask: (text: string) => string) =>
    reveal ? normalized : mask(normalized);
  if (kind === 'id') {
    const result = checkIdNumber(value, systemClock.today());
    return result.valid
      ? {
          kind,
          valid: true,
          reason: null,
          normalized: show(result.normalized, maskIdNumber),
          birthDate: result.birthDate,
          sex: result.sex,
        }
      : { kind, valid: false, reason: result.reason, normalized: null, birthDate: null, sex: null };
  }
  if (kind === 'card') {
    const result = checkCardNumber(value);
    return result.valid
      ? {
          kind,
          valid: true,
          reason: null,
          normalized: show(result.normalized, maskCard),
          birthDate: null,
          sex: null,
          issuer: result.issuer?.code ?? null,
        }
      : { kind, valid: false, reason: result.reason, normalized: null, birthDate: null, sex: null };
  }
  const result = checkPhone(value);
  return result.valid
    ? {
        kind,
        valid: true,
        reason: null,
        normalized: show(result.normalized, maskPhone),
        birthDate: null,
        sex: null,
      }
    : { kind, valid: false, reason: result.reason, normalized: null, birthDate: null, sex: null };
}

function parseKind(text: string | undefined): Kind {
  if (text === 'id' || text === 'card' || text === 'phone') return text;
  throw AppError.invalid('--kind', 'one-of', 'kind is id, card or phone');
}

interface ValidateOptions {
  idNumber?: string;
  card?: string;
  phone?: string;
  stdin?: boolean;
  kind?: string;
  reveal?: boolean;
}

/** `credence kyc validate` (no database) and `credence kyc reencrypt`. */
export function registerKycCommand(program: Command): void {
  const kyc = program
    .command('kyc')
    .description('Identity checks: validate ID numbers, cards and phones; rotate PII keys.');

  kyc
    .command('validate')
    .description(
      'Validate ID numbers (GB 11643), bank cards (Luhn) or mobile numbers; one line per value (one JSON line with --json). Exit 3 if any is invalid.',
    )
    .option('--id-number <value>', 'a resident ID number (18 characters, or 15 digits to upgrade)')
    .option('--card <value>', 'a bank card number')
    .option('--phone <value>', 'a mainland mobile number')
    .option('--stdin', 'read one value per line from standard input (with --kind)')
    .option('--kind <kind>', 'what the stdin values are: id, card or phone')
    .option('--reveal', 'print the normalised value in clear (masked by default)')
    .action(async (options: ValidateOptions, command: Command) => {
      const json = globalOptions(command).json === true;
      const values: Array<[Kind, string]> = [];
      if (options.idNumber !== undefined) values.push(['id', options.idNumber]);
      if (options.card !== undefined) values.push(['card', options.card]);
      if (options.phone !== undefined) values.push(['phone', options.phone]);
      if (options.stdin) {
        const kind = parseKind(options.kind);
        for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
          if (line.trim() !== '') values.push([kind, line.trim()]);
        }
      }
      if (values.length === 0)
        throw AppError.invalid(
          '--id-number',
          'required',
          'give --id-number, --card, --phone or --stdin --kind K',
        );
      let invalid = 0;
      for (const [kind, value] of values) {
        const result = validateValue(kind, value, options.reveal === true);
        if (!result.valid) invalid += 1;
        process.stdout.write(`${json ? JSON.stringify(result) : validationText(result)}\n`);
      }
      if (invalid > 0) throw new CliExit(3, '');
    });

  kyc
    .command('reencrypt')
    .description(
      "Move every ID number, phone, name, card and appeal evidence file still sealed under a lender key (or in clear, before migration 0604) to its customer's own data key, then re-wrap every customer data key under the active PII key (after adding a new key first in CREDENCE_PII_KEYS).",
    )
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const progress = createProgress('re-encrypting', 0, { quiet: global.json === true });
        const count = await app.services.customers.reencryptPii({
          onProgress: (done) => progress.update(done),
        });
        const evidence = await app.services.appeals.reencryptEvidence({
          onProgress: (done) => progress.update(count + done),
        });
        const rewrapped = await app.services.privacy.rewrapDataKeys({
          onProgress: (done) => progress.update(count + evidence + done),
        });
        progress.stop();
        output(
          global,
          { reencrypted: count, evidence, rewrapped },
          () =>
            `moved ${counted(count, 'row')} and ${counted(evidence, 'appeal evidence file')} to customers' data keys; re-wrapped ${counted(rewrapped, 'data key')} under the active key`,
        );
      });
    });
}
