import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors/app-error.ts';
import type { RandomBytes } from '../ids/ids.ts';

/**
 * Roles of API callers:
 * - `app`: the lender's customer-facing app (create customers, send events, ask for decisions, file appeals);
 * - `reviewer`: appeal reviewers and operations staff;
 * - `analyst`: risk analysts (models, policies, simulations, monitoring);
 * - `collector`: collections staff (the collections queue, contact log and promises to pay, nothing else);
 * - `admin`: everything, including key management.
 */
export const ROLES = ['app', 'reviewer', 'analyst', 'collector', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function parseRole(value: string, field = 'role'): Role {
  if (!isRole(value)) throw AppError.invalid(field, 'one-of', `role must be one of ${ROLES.join(', ')}`);
  return value;
}

/** Who is calling: the key's id, name and role (never the key itself). */
export interface Principal {
  readonly keyId: string;
  readonly name: string;
  readonly role: Role;
}

/** Admin may do anything; otherwise the role must be listed. */
export function roleAllows(role: Role, allowed: readonly Role[]): boolean {
  return role === 'admin' || allowed.includes(role);
}

export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The first characters of the key, shown in listings so people can tell keys apart. */
  readonly prefix: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A new secret: `crd_<role>_<40 base62 chars>` (~238 bits). Keys are random and long, so a plain SHA-256
 * is the right hash (a slow password hash buys nothing against guessing 2^238 values).
 */
export function generateApiKeySecret(role: Role, randomBytes: RandomBytes): string {
  const bytes = randomBytes(40);
  let body = '';
  for (const byte of bytes) body += BASE62[byte % 62];
  return `crd_${role}_${body}`;
}

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function keyPrefix(secret: string): string {
  return secret.slice(0, secret.lastIndexOf('_') + 7);
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The port the HTTP server authenticates against. */
export interface ApiKeyStore {
  create(input: { name: string; role: Role; secret: string }): Promise<ApiKeyRecord>;
  findActiveByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  list(): Promise<ApiKeyRecord[]>;
  revoke(id: string): Promise<ApiKeyRecord>;
  touch(id: string, at: Date): Promise<void>;
}
