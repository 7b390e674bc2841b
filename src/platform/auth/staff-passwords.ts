import { scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../errors/app-error.ts';
import type { RandomBytes } from '../ids/ids.ts';

/**
 * Staff passwords, hashed with scrypt (Node's `crypto.scrypt`): memory-hard, so guessing on GPUs costs memory
 * as well as time. Each hash has its own random 16-byte salt and carries its parameters:
 * `scrypt$<log2 N>$<r>$<p>$<salt base64url>$<key base64url>`, so raising the cost later keeps every stored
 * hash verifiable (and `needsRehash` tells when one should be redone at the next sign-in).
 *
 * Default cost: N = 2^15, r = 8, p = 1 — 32 MiB and ≈ 50–100 ms per hash on one core (OWASP's minimum
 * for scrypt is N = 2^17 with r = 8 at p = 1 only for 128 MiB; 2^15 is the RFC 7914 interactive figure).
 */
export interface ScryptCost {
  /** log2 of N (CPU/memory cost): 10..20. */
  readonly logN: number;
  /** Block size. */
  readonly r: number;
  /** Parallelism. */
  readonly p: number;
}

export const DEFAULT_SCRYPT_COST: ScryptCost = { logN: 15, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const HASH = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** Passwords: 10 to 200 characters (a long passphrase is welcome; a megabyte is not a password). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export function checkPasswordRules(password: string, field = 'password'): void {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw AppError.invalid(field, 'min-length', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if ([...password].length > MAX_PASSWORD_LENGTH)
    throw AppError.invalid(field, 'max-length', `must be at most ${MAX_PASSWORD_LENGTH} characters`);
}

function checkCost(cost: ScryptCost): void {
  if (!Number.isInteger(cost.logN) || cost.logN < 10 || cost.logN > 20)
    throw AppError.invalid('scrypt.logN', 'range', 'log2 N must be a whole number from 10 to 20');
  if (!Number.isInteger(cost.r) || cost.r < 1 || cost.r > 32)
    throw AppError.invalid('scrypt.r', 'range', 'r must be a whole number from 1 to 32');
  if (!Number.isInteger(cost.p) || cost.p < 1 || cost.p > 16)
    throw AppError.invalid('scrypt.p', 'range', 'p must be a whole number from 1 to 16');
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.logN;
  const options: ScryptOptions = {
    N,
    r: cost.r,
    p: cost.p,
    // scrypt needs 128·N·r bytes; Node refuses above `maxmem` (32 MiB by default, exactly the default cost).
    maxmem: 256 * N * cost.r,
  };
  return new Promise((resolve, reject) => {
    // NFC: the same password typed on two keyboards is the same password.
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** A new hash of `password` with a fresh salt. */
export async function hashPassword(
  password: string,
  randomBytes: RandomBytes,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
): Promise<string> {
  checkCost(cost);
  const salt = Buffer.from(randomBytes(SALT_LENGTH));
  const key = await derive(password, salt, cost);
  return `scrypt$${cost.logN}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether `password` matches `stored` (constant-time comparison of the derived keys). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = HASH.exec(stored);
  if (!match) return false;
  const cost = { logN: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  checkCost(cost);
  const salt = Buffer.from(match[4] ?? '', 'base64url');
  const expected = Buffer.from(match[5] ?? '', 'base64url');
  const actual = await derive(password, salt, cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Whether a stored hash was made with a cost other than `cost` (redo it at the next good sign-in). */
export function needsRehash(stored: string, cost: ScryptCost): boolean {
  const match = HASH.exec(stored);
  return (
    !match || Number(match[1]) !== cost.logN || Number(match[2]) !== cost.r || Number(match[3]) !== cost.p
  );
}

const PASSWORD_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A generated password: 20 characters from 57 unambiguous ones (≈ 117 bits), without modulo bias. */
export function generatePassword(randomBytes: RandomBytes): string {
  let out = '';
  const limit = 256 - (256 % PASSWORD_ALPHABET.length);
  while (out.length < 20) {
    for (const byte of randomBytes(32)) {
      if (byte < limit && out.length < 20) out += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
    }
  }
  return out;
}
