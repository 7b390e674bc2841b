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
  staffUser: 'stf',
  staffSession: 'sts',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;
export type IdPrefix = (typeof ID_PREFIXES)[IdKind];

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The port that hands out ids; the composition root builds one, tests build a seeded one. */
export interface IdGenerator {
  next(kind: IdKind): string;
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
      return `${ID_PREFIXES[kind]}_${encodeTime(ms)}${encodeRandom(lastRandom)}`;
    },
  };
}

/** Checks that `value` is an id of the given kind; names the field otherwise. */
export function parseId(kind: IdKind, value: unknown, field = 'id'): string {
  const prefix = ID_PREFIXES[kind];
  if (typeof value !== 'string' || !new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`).test(value)) {
    throw AppError.invalid(field, 'id-format', `expected an id of the form ${prefix}_<26 characters>`);
  }
  return value;
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
