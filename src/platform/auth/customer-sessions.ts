import { createHash } from 'node:crypto';
import { AppError } from '../errors/app-error.ts';
import type { IdGenerator, RandomBytes } from '../ids/ids.ts';
import type { Clock } from '../time/clock.ts';

/**
 * Customer sessions: a customer never holds an API key. The lender's backend (role `app`) asks for a
 * short-lived session scoped to one customer; the customer's browser sends its token, and the `/v1/me`
 * routes read and act on that customer only.
 *
 * A token is `cs_` and 43 base62 characters (~256 random bits), so it never looks like an API key
 * (`crd_…`). Being random and long, a plain SHA-256 is the right hash to store (as for API keys): a slow
 * password hash buys nothing against guessing 2^256 values, and the lookup stays one index probe.
 */

/** Default lifetime: 15 minutes. */
export const DEFAULT_SESSION_TTL_SECONDS = 900;
/** Longest lifetime: 12 hours. */
export const MAX_SESSION_TTL_SECONDS = 43_200;
/** Shortest lifetime: 1 minute. */
export const MIN_SESSION_TTL_SECONDS = 60;

export const SESSION_TOKEN_PREFIX = 'cs_';
const TOKEN = /^cs_[0-9A-Za-z]{43}$/;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Whether a bearer secret is meant as a customer session (whatever its validity). */
export function looksLikeSessionToken(secret: string): boolean {
  return secret.startsWith(SESSION_TOKEN_PREFIX);
}

/** A new token: `cs_` + 43 base62 characters, drawn without modulo bias. */
export function generateSessionToken(randomBytes: RandomBytes): string {
  let body = '';
  while (body.length < 43) {
    for (const byte of randomBytes(64)) {
      // 248 = 4 × 62: bytes at or above it would favour the first characters.
      if (byte < 248 && body.length < 43) body += BASE62[byte % 62];
    }
  }
  return `${SESSION_TOKEN_PREFIX}${body}`;
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A session as stored (never the token). */
export interface CustomerSessionRecord {
  readonly sessionId: string;
  readonly customerId: string;
  readonly issuedBy: string;
  readonly demo: boolean;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly revokedReason: 'sign_out' | 'revoke_all' | null;
}

/** Who is calling a `/v1/me` route: one customer, through one session. */
export interface CustomerPrincipal {
  readonly kind: 'customer';
  readonly sessionId: string;
  readonly customerId: string;
  readonly expiresAt: Date;
  readonly demo: boolean;
}

/** Why a session token is refused. */
export type SessionRefusal = 'expired' | 'revoked' | 'invalid';

export type SessionCheck =
  | { readonly ok: true; readonly principal: CustomerPrincipal }
  | { readonly ok: false; readonly reason: SessionRefusal };

/**
 * The verdict on a token's stored session at an instant: unknown (forged) → invalid; revoked → revoked
 * (even if also past its expiry: the stronger statement); at or past its expiry → expired.
 */
export function checkSession(record: CustomerSessionRecord | undefined, now: Date): SessionCheck {
  if (!record) return { ok: false, reason: 'invalid' };
  if (record.revokedAt !== null) return { ok: false, reason: 'revoked' };
  if (now.getTime() >= record.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    principal: {
      kind: 'customer',
      sessionId: record.sessionId,
      customerId: record.customerId,
      expiresAt: record.expiresAt,
      demo: record.demo,
    },
  };
}

/** The storage port of sessions (`customer-sessions.pg.ts`). */
export interface CustomerSessionStore {
  insert(record: CustomerSessionRecord & { readonly tokenHash: string }): Promise<void>;
  findByHash(tokenHash: string): Promise<CustomerSessionRecord | undefined>;
  /** Revokes one live session of the customer; false when it is not theirs or already ended. */
  revoke(customerId: string, sessionId: string, at: Date, reason: 'sign_out'): Promise<boolean>;
  /** Revokes every live session of the customer; returns how many. */
  revokeAll(customerId: string, at: Date): Promise<number>;
}

/** A session just issued: the token is shown this once. */
export interface IssuedSession {
  readonly token: string;
  readonly sessionId: string;
  readonly customerId: string;
  readonly expiresAt: Date;
}

/** Issue, check and revoke customer sessions. */
export interface CustomerSessions {
  /** A new session for an existing customer (NOT_FOUND otherwise); `ttlSeconds` 60–43,200, default 900. */
  issue(input: {
    readonly customerId: string;
    readonly ttlSeconds?: number;
    readonly issuedBy: string;
    readonly demo?: boolean;
  }): Promise<IssuedSession>;
  /** The principal for a token, or why it is refused. Never throws for a bad token. */
  authenticate(token: string): Promise<SessionCheck>;
  /** Sign-out: ends this session. */
  signOut(principal: CustomerPrincipal): Promise<void>;
  /** Ends every live session of a customer; returns how many. */
  revokeAll(customerId: string): Promise<number>;
}

export interface CustomerSessionDeps {
  readonly store: CustomerSessionStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly randomBytes: RandomBytes;
  /** NOT_FOUND when the customer does not exist. */
  readonly customerExists: (customerId: string) => Promise<void>;
}

/** Checks a requested lifetime: a whole number of seconds from 60 to 43,200. */
export function parseSessionTtl(value: number | undefined, field = 'ttlSeconds'): number {
  if (value === undefined) return DEFAULT_SESSION_TTL_SECONDS;
  if (!Number.isInteger(value) || value < MIN_SESSION_TTL_SECONDS || value > MAX_SESSION_TTL_SECONDS) {
    throw AppError.invalid(
      field,
      'range',
      `must be a whole number of seconds from ${MIN_SESSION_TTL_SECONDS} to ${MAX_SESSION_TTL_SECONDS} (12 hours)`,
    );
  }
  return value;
}

export function createCustomerSessions(deps: CustomerSessionDeps): CustomerSessions {
  const { store, clock, ids } = deps;
  return {
    async issue(input) {
      const ttl = parseSessionTtl(input.ttlSeconds);
      await deps.customerExists(input.customerId);
      const token = generateSessionToken(deps.randomBytes);
      const createdAt = clock.now();
      const record = {
        sessionId: ids.next('customerSession'),
        customerId: input.customerId,
        issuedBy: input.issuedBy,
        demo: input.demo ?? false,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + ttl * 1000),
        revokedAt: null,
        revokedReason: null,
        tokenHash: hashSessionToken(token),
      };
      await store.insert(record);
      return {
        token,
        sessionId: record.sessionId,
        customerId: record.customerId,
        expiresAt: record.expiresAt,
      };
    },
    async authenticate(token) {
      // A malformed token is refused without a lookup.
      if (!TOKEN.test(token)) return { ok: false, reason: 'invalid' };
      return checkSession(await store.findByHash(hashSessionToken(token)), clock.now());
    },
    async signOut(principal) {
      await store.revoke(principal.customerId, principal.sessionId, clock.now(), 'sign_out');
    },
    revokeAll: (customerId) => store.revokeAll(customerId, clock.now()),
  };
}
