import { AppError } from '../errors/app-error.ts';
import type { Clock } from '../time/clock.ts';

/**
 * Prefixed, time-sortable identifiers: `cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE`. After the prefix come 26 Crockford
 * base-32 characters: 48 bits of milliseconds since the epoch, then 80 bits of randomness (the ULID layout),
 * so ids sort by creation time as plain strings and in a `text` index. Within one millisecond the random
 * part is incremented, so ids from one generator are strictly increasing.
 */
export const ID_PREFIXES = {
  customer: 'cus',
  card: 'crd',
  verification: 'ver',
  consent: 'cns',
  event: 'evt',
  hold: 'hld',
  model: 'mdl',
  policy: 'pol',
  decision: 'dec',
  appeal: 'apl',
  referral: 'ref',
  evidence: 'evd',
  review: 'rvw',
  apiKey: 'key',
  request: 'req',
  account: 'acc',
  journal: 'jrn',
  transaction: 'txn',
  loan: 'ln',
  line: 'cl',
  facility: 'fac',
  facilityOverride: 'fov',
  statement: 'stm',
  purchase: 'pur',
  instalmentPlan: 'ipl',
  limitReview: 'lrv',
  batch: 'eod',
  audit: 'aud',
  notification: 'ntf',
  import: 'imp',
  blocklistEntry: 'blk',
  customerSession: 'ses',
  changeRequest: 'chg',
  policySimulation: 'sim',
  modelBacktest: 'bkt',
  staffUser: 'stf',
  staffSession: 'sts',
  dataSubjectRequest: 'dsr',
  dataExport: 'dxp',
  dataCorrection: 'dcr',
  legalHold: 'lgh',
  collectionCase: 'ccs',
  promiseToPay: 'ptp',
  collectionContact: 'cct',
  bureauQuery: 'bqy',
  payment: 'pay',
  payout: 'rfd',
  hardshipRequest: 'hsr',
  lineHardshipRequest: 'lhr',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;
export type IdPrefix = (typeof ID_PREFIXES)[IdKind];

declare const idKind: unique symbol;

/**
 * An id of one kind of entity: a plain string at run time, branded by its kind at compile time, so a loan id
 * cannot be passed where a line id is expected. Made by the `IdGenerator`, by `parseId` at the edge (routes,
 * CLI arguments) and by `idFromDb` when a row is decoded — nowhere else.
 */
export type Id<K extends IdKind> = string & { readonly [idKind]: K };

export type CustomerId = Id<'customer'>;
export type DecisionId = Id<'decision'>;
export type AppealId = Id<'appeal'>;
export type ReferralId = Id<'referral'>;
export type EvidenceId = Id<'evidence'>;
export type LoanId = Id<'loan'>;
export type LineId = Id<'line'>;
export type FacilityId = Id<'facility'>;
export type FacilityOverrideId = Id<'facilityOverride'>;
export type StatementId = Id<'statement'>;
export type PurchaseId = Id<'purchase'>;
export type InstalmentPlanId = Id<'instalmentPlan'>;
export type LimitReviewId = Id<'limitReview'>;
export type LedgerAccountId = Id<'account'>;
export type JournalId = Id<'journal'>;
export type TransactionId = Id<'transaction'>;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The port that hands out ids; the composition root builds one, tests build a seeded one. */
export interface IdGenerator {
  next<K extends IdKind>(kind: K): Id<K>;
}

/** Source of random bytes (node:crypto in production, a seeded PRNG in tests). */
export type RandomBytes = (length: number) => Uint8Array;

function encodeTime(ms: number): string {
  let out = '';
  let value = ms;
  for (let i = 0; i < 10; i += 1) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  // 80 bits → 16 characters of 5 bits.
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < 16; i += 1) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

export function createIdGenerator(clock: Clock, randomBytes: RandomBytes): IdGenerator {
  let lastMs = -1;
  let lastRandom = new Uint8Array(10);
  return {
    next(kind) {
      const ms = Math.max(clock.now().getTime(), lastMs);
      if (ms === lastMs) {
        // Same millisecond: increment the 80-bit random part so the order stays strict.
        const next = Uint8Array.from(lastRandom);
        for (let i = next.length - 1; i >= 0; i -= 1) {
          next[i] = ((next[i] ?? 0) + 1) & 0xff;
          if (next[i] !== 0) break;
        }
        lastRandom = next;
      } else {
        lastRandom = Uint8Array.from(randomBytes(10));
        lastMs = ms;
      }
      return `${ID_PREFIXES[kind]}_${encodeTime(ms)}${encodeRandom(lastRandom)}` as Id<typeof kind>;
    },
  };
}

/** Checks that `value` is an id of the given kind; names the field otherwise. */
export function parseId<K extends IdKind>(kind: K, value: unknown, field = 'id'): Id<K> {
  const prefix = ID_PREFIXES[kind];
  if (typeof value !== 'string' || !new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`).test(value)) {
    throw AppError.invalid(field, 'id-format', `expected an id of the form ${prefix}_<26 characters>`);
  }
  return value as Id<K>;
}

/**
 * Brands an id read from a column that holds ids of one kind. The database wrote it from a branded id, so
 * its form is not checked again (seeded and imported rows keep the ids they were given); a value that is
 * not a string at all is a fault of the adapter.
 */
export function idFromDb<K extends IdKind>(kind: K, value: string, column: string): Id<K> {
  if (typeof value !== 'string') {
    throw new AppError('INTERNAL', `stored ${kind} id ${column} is a ${typeof value}, not text`);
  }
  return value as Id<K>;
}

/** The creation instant encoded in an id. */
export function idTime(id: string): Date {
  const body = id.slice(id.indexOf('_') + 1, id.indexOf('_') + 11);
  let ms = 0;
  for (const char of body) ms = ms * 32 + ALPHABET.indexOf(char);
  return new Date(ms);
}

/** A deterministic byte source (xorshift) for tests and the synthetic population. */
export function seededRandomBytes(seed: number): RandomBytes {
  let state = seed >>> 0 || 0x9e3779b9;
  return (length) => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 1) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      out[i] = state & 0xff;
    }
    return out;
  };
}

/**
 * Random bytes drawn from `fill` (the operating system's CSPRNG, `randomFillSync`) a block at a time and
 * handed out in order, each byte once: an id needs 10 random bytes, and one system call per id costs more
 * than the id. The bytes are the same CSPRNG's, never reused; only the number of calls changes. Each
 * answer is a fresh copy.
 */
export function pooledRandomBytes(fill: (into: Uint8Array) => void, blockBytes = 4096): RandomBytes {
  const block = new Uint8Array(blockBytes);
  let offset = blockBytes;
  return (length) => {
    if (length > blockBytes) {
      const out = new Uint8Array(length);
      fill(out);
      return out;
    }
    if (offset + length > blockBytes) {
      fill(block);
      offset = 0;
    }
    const out = block.slice(offset, offset + length);
    offset += length;
    return out;
  };
}
