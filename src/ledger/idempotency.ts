import { createHash } from 'node:crypto';
import { AppError } from '../platform/errors/app-error.ts';
import type { Queryable } from '../platform/database/database.ts';

/**
 * Idempotency of money commands. Every command carries a key chosen by the caller; the first request with a
 * key is carried out and its response stored with a hash of the request; a repeat with the same key and the
 * same request gets the stored response and writes nothing; the same key with a different request is
 * refused with IDEMPOTENCY_MISMATCH (HTTP 409). A command that is refused (invalid, over limit) stores
 * nothing — its transaction rolls back with everything else — so the caller may correct and retry it.
 */

/** JSON with object keys sorted and bigints as strings: equal requests hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 of the canonical JSON of a request. */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

/** Checks a caller's idempotency key: 1–200 visible ASCII characters (a UUID fits). */
export function parseIdempotencyKey(value: unknown, field = 'idempotencyKey'): string {
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw AppError.invalid(
      field,
      'idempotency-key',
      'an idempotency key of 1–200 visible ASCII characters is required',
    );
  }
  return value;
}

export interface IdempotencyScope {
  readonly customerId: string;
  /** The command, e.g. `loan.drawdown`; a key is unique within (customer, scope). */
  readonly scope: string;
  readonly key: string;
  /** The request as the command understood it (hashed). */
  readonly request: unknown;
}

/** The storage port of idempotency records; the adapter is `idempotency.pg.ts`. */
export interface IdempotencyStore {
  /**
   * Claims the key inside the caller's transaction. Returns `undefined` when the key is new (the caller
   * carries out the command and then calls `complete`), or the stored response of an earlier identical
   * request. A concurrent claim of the same key waits for the first transaction to finish.
   */
  claim(tx: Queryable, scope: IdempotencyScope, at: Date): Promise<unknown>;
  /** Stores the response of the command the key was claimed for. */
  complete(tx: Queryable, scope: IdempotencyScope, response: unknown, at: Date): Promise<void>;
}

/**
 * Runs `work` at most once per key within the caller's transaction: a repeat returns the stored response
 * (decoded by `decode`) and `replayed: true`.
 */
export async function once<T>(
  store: IdempotencyStore,
  tx: Queryable,
  scope: IdempotencyScope,
  at: Date,
  codec: { encode: (value: T) => unknown; decode: (stored: unknown) => T },
  work: () => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  const stored = await store.claim(tx, scope, at);
  if (stored !== undefined) return { value: codec.decode(stored), replayed: true };
  const value = await work();
  await store.complete(tx, scope, codec.encode(value), at);
  return { value, replayed: false };
}
