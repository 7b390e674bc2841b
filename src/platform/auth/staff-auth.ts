import { timingSafeEqual } from 'node:crypto';
import type { AuditActor, AuditLog } from '../audit/audit-log.ts';
import type { Queryable } from '../database/database.ts';
import { STAFF_PRINCIPAL_PREFIX } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import type { IdGenerator, RandomBytes } from '../ids/ids.ts';
import type { Clock } from '../time/clock.ts';
import type { Principal } from './api-keys.ts';
import { hashSessionToken } from './customer-sessions.ts';
import {
  checkPasswordRules,
  DEFAULT_SCRYPT_COST,
  hashPassword,
  needsRehash,
  verifyPassword,
  type ScryptCost,
} from './staff-passwords.ts';

/**
 * Staff sign-in for the console: users with a username, a password (scrypt) and a role; cookie sessions
 * with an idle and an absolute expiry and a CSRF token of their own; lock-out after repeated failures.
 * Every sign-in (ok, failed, locked), sign-out, CSRF refusal and user change is recorded in the audit log.
 *
 * A signed-in user becomes a `Principal` { keyId: 'staff:<userId>', name: <username>, role } and passes the
 * same role checks as an API key.
 */

export const STAFF_ROLES = ['reviewer', 'analyst', 'collector', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function parseStaffRole(value: string, field = 'role'): StaffRole {
  if (!(STAFF_ROLES as readonly string[]).includes(value))
    throw AppError.invalid(field, 'one-of', `role must be one of ${STAFF_ROLES.join(', ')}`);
  return value as StaffRole;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Usernames are lower case: letters, digits, `.`, `_`, `-`, 1–64 characters, starting with a letter or digit. */
export function parseUsername(value: string, field = 'username'): string {
  const username = value.trim().toLowerCase();
  if (!USERNAME.test(username))
    throw AppError.invalid(
      field,
      'username',
      'use 1–64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  return username;
}

export interface StaffSettings {
  /** A session ends after this many minutes without a request (default 30). */
  readonly idleMinutes: number;
  /** A session ends this many hours after sign-in, used or not (default 12). */
  readonly absoluteHours: number;
  /** Consecutive failed sign-ins that lock the account (default 5). */
  readonly lockoutAttempts: number;
  /** How long a lock-out lasts, in minutes (default 15). */
  readonly lockoutMinutes: number;
  /** The scrypt cost of new password hashes. */
  readonly scrypt: ScryptCost;
}

export const DEFAULT_STAFF_SETTINGS: StaffSettings = {
  idleMinutes: 30,
  absoluteHours: 12,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
  scrypt: DEFAULT_SCRYPT_COST,
};

function wholeNumber(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw AppError.invalid(field, 'range', `must be a whole number from ${min} to ${max}`);
  return value;
}

/** Checks settings; defaults for what is not given. */
export function parseStaffSettings(partial: Partial<StaffSettings> = {}): StaffSettings {
  const settings = { ...DEFAULT_STAFF_SETTINGS, ...partial };
  wholeNumber('staff.idleMinutes', settings.idleMinutes, 1, 24 * 60);
  wholeNumber('staff.absoluteHours', settings.absoluteHours, 1, 7 * 24);
  wholeNumber('staff.lockoutAttempts', settings.lockoutAttempts, 1, 100);
  wholeNumber('staff.lockoutMinutes', settings.lockoutMinutes, 1, 24 * 60);
  if (settings.idleMinutes > settings.absoluteHours * 60)
    throw AppError.invalid(
      'staff.idleMinutes',
      'not-above-absolute',
      'must not exceed the absolute lifetime',
    );
  return settings;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `CREDENCE_STAFF_IDLE_MINUTES` (30), `CREDENCE_STAFF_SESSION_HOURS` (12), `CREDENCE_STAFF_LOCKOUT_ATTEMPTS`
 * (5), `CREDENCE_STAFF_LOCKOUT_MINUTES` (15); a bad value is refused naming the variable.
 */
export function staffSettingsFromEnv(env: Env): StaffSettings {
  const read = (name: string, fallback: number, min: number, max: number): number => {
    const text = env[name]?.trim();
    if (text === undefined || text === '') return fallback;
    if (!/^\d{1,6}$/.test(text))
      throw AppError.invalid(name, 'whole-number', `"${text}" is not a whole number`);
    return wholeNumber(name, Number(text), min, max);
  };
  return parseStaffSettings({
    idleMinutes: read('CREDENCE_STAFF_IDLE_MINUTES', DEFAULT_STAFF_SETTINGS.idleMinutes, 1, 24 * 60),
    absoluteHours: read('CREDENCE_STAFF_SESSION_HOURS', DEFAULT_STAFF_SETTINGS.absoluteHours, 1, 7 * 24),
    lockoutAttempts: read('CREDENCE_STAFF_LOCKOUT_ATTEMPTS', DEFAULT_STAFF_SETTINGS.lockoutAttempts, 1, 100),
    lockoutMinutes: read('CREDENCE_STAFF_LOCKOUT_MINUTES', DEFAULT_STAFF_SETTINGS.lockoutMinutes, 1, 24 * 60),
  });
}

/** A staff user as the service shows it (never the password hash). */
export interface StaffUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly disabled: boolean;
  readonly failedAttempts: number;
  readonly lockedUntil: Date | null;
  readonly passwordChangedAt: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A stored user with its hash: only the store and the sign-in see it. */
export interface StaffUserWithHash extends StaffUser {
  readonly passwordHash: string;
}

export type StaffSessionEnd = 'sign-out' | 'user-disabled' | 'password-changed';

export interface StaffSessionRecord {
  readonly id: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly idleExpiresAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly revokedReason: StaffSessionEnd | null;
}

/** A live session and its user, as the server and the console see them. */
export interface StaffSession {
  readonly sessionId: string;
  readonly user: Pick<StaffUser, 'id' | 'username' | 'displayName' | 'role'>;
  readonly csrfToken: string;
  readonly idleExpiresAt: Date;
  readonly expiresAt: Date;
}

/** The storage port (`staff-store.pg.ts`). */
export interface StaffStore {
  /** CONFLICT when the username is taken. */
  insertUser(user: StaffUserWithHash): Promise<StaffUser>;
  findUserByUsername(username: string): Promise<StaffUserWithHash | undefined>;
  findUserById(id: string): Promise<StaffUser | undefined>;
  listUsers(): Promise<StaffUser[]>;
  /** One more consecutive failure; at `threshold` the account locks until `lockUntil` and the count restarts. */
  recordFailure(
    userId: string,
    at: Date,
    threshold: number,
    lockUntil: Date,
  ): Promise<{ failedAttempts: number; lockedUntil: Date | null }>;
  /** A good sign-in: the count restarts; the hash is replaced when `rehash` is given (a cost change). */
  recordSuccess(userId: string, at: Date, rehash?: string): Promise<void>;
  /** Disables or enables; enabling also lifts a lock-out. NOT_FOUND for an unknown id. */
  setDisabled(userId: string, disabled: boolean, at: Date): Promise<StaffUser>;
  /** A new password hash; lifts a lock-out. NOT_FOUND for an unknown id. */
  setPasswordHash(userId: string, passwordHash: string, at: Date): Promise<StaffUser>;
  insertSession(session: StaffSessionRecord & { readonly tokenHash: string }): Promise<void>;
  /**
   * Moves a session's idle expiry to `idleExpiresAt` (and its last use to `now`) while it is live at `now`
   * (not revoked, before both expiries); the idle expiry it now has, or undefined when it was not live.
   */
  refreshSession(sessionId: string, now: Date, idleExpiresAt: Date): Promise<Date | undefined>;
  /** The session of a token hash whatever its state (the caller judges it: live, expired or revoked). */
  findSession(tokenHash: string): Promise<{ session: StaffSessionRecord; user: StaffUser } | undefined>;
  revokeSession(sessionId: string, at: Date, reason: StaffSessionEnd): Promise<boolean>;
  /** Ends every live session of a user; how many. */
  revokeUserSessions(userId: string, at: Date, reason: StaffSessionEnd): Promise<number>;
  /**
   * Runs `work` in one transaction, with a store bound to it and the transaction itself (for the audit
   * entry that records the change); inside a transaction, runs in that one.
   */
  transaction<T>(work: (store: StaffStore, tx: Queryable) => Promise<T>): Promise<T>;
}

/** Why a sign-in is refused: `invalid` covers unknown user, wrong password and disabled user alike. */
export type SignInResult =
  | { readonly ok: true; readonly token: string; readonly session: StaffSession }
  | { readonly ok: false; readonly reason: 'invalid' }
  | {
      readonly ok: false;
      readonly reason: 'locked';
      readonly lockedUntil: Date;
      /** Whole seconds until the lock ends (at least 1): the Retry-After. */
      readonly retryAfterSeconds: number;
    };

/** Why a cookie is refused. */
export type StaffSessionRefusal = 'expired' | 'revoked' | 'invalid';

export type StaffSessionCheck =
  | { readonly ok: true; readonly session: StaffSession; readonly principal: Principal }
  | { readonly ok: false; readonly reason: StaffSessionRefusal; readonly expiry?: 'idle' | 'absolute' };

/** Where a sign-in came from, for the audit log. */
export interface SignInContext {
  readonly ip?: string;
}

export interface StaffAuth {
  readonly settings: StaffSettings;
  signIn(input: { username: string; password: string }, context?: SignInContext): Promise<SignInResult>;
  /** The session of a cookie's token (its idle expiry refreshed), or why it is refused. Never throws for a bad token. */
  authenticate(token: string): Promise<StaffSessionCheck>;
  /** Whether `presented` is the session's CSRF token (constant time). */
  csrfMatches(session: StaffSession, presented: string | undefined): boolean;
  /** Records a request refused for a missing or wrong CSRF token. */
  recordCsrfRefusal(
    session: StaffSession,
    request: { method: string; path: string; presented: boolean },
  ): Promise<void>;
  signOut(session: StaffSession): Promise<void>;
  createUser(
    input: { username: string; displayName: string; role: string; password: string },
    actor: AuditActor,
  ): Promise<StaffUser>;
  listUsers(): Promise<StaffUser[]>;
  /** A user by id (`stf_…`) or username; NOT_FOUND otherwise. */
  findUser(idOrUsername: string): Promise<StaffUser>;
  disableUser(userId: string, actor: AuditActor): Promise<StaffUser>;
  enableUser(userId: string, actor: AuditActor): Promise<StaffUser>;
  setPassword(userId: string, password: string, actor: AuditActor): Promise<StaffUser>;
}

export interface StaffAuthDeps {
  readonly store: StaffStore;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly randomBytes: RandomBytes;
  readonly settings?: Partial<StaffSettings>;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A session used within this long of its last write is not written again: busy consoles send many requests
 * a minute, and the idle expiry (30 minutes by default) loses at most this much by it.
 */
const IDLE_REFRESH_MS = 60_000;

function newToken(randomBytes: RandomBytes): string {
  return Buffer.from(randomBytes(32)).toString('base64url');
}

export function staffPrincipal(user: Pick<StaffUser, 'id' | 'username' | 'role'>): Principal {
  return { keyId: `${STAFF_PRINCIPAL_PREFIX}${user.id}`, name: user.username, role: user.role };
}

function sessionOf(record: StaffSessionRecord, user: StaffUser): StaffSession {
  return {
    sessionId: record.id,
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
    csrfToken: record.csrfToken,
    idleExpiresAt: record.idleExpiresAt,
    expiresAt: record.expiresAt,
  };
}

function staffActor(session: StaffSession): AuditActor {
  return { kind: 'staff', id: session.user.id, name: session.user.username };
}

function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

export function createStaffAuth(deps: StaffAuthDeps): StaffAuth {
  const { store, audit, clock, ids, randomBytes } = deps;
  const settings = parseStaffSettings(deps.settings);
  const idleMs = settings.idleMinutes * 60_000;

  const userSubject = (id: string) => ({ type: 'staff-user', id });

  const signInAudit = (
    user: { id: string; username: string } | undefined,
    attempted: string,
    outcome: 'ok' | 'failed' | 'refused',
    details: Record<string, unknown>,
    context: SignInContext,
    tx?: Queryable,
  ) =>
    audit.record(
      {
        actor: user
          ? { kind: 'staff', id: user.id, name: user.username }
          : { kind: 'staff', id: 'unknown', name: USERNAME.test(attempted) ? attempted : '(not a username)' },
        action: 'staff.sign-in',
        subject: userSubject(user?.id ?? 'unknown'),
        outcome,
        details: { ...details, ...(context.ip ? { ip: context.ip } : {}) },
      },
      tx,
    );

  async function changeUser(
    userId: string,
    actor: AuditActor,
    action: string,
    change: (store: StaffStore) => Promise<StaffUser>,
    details: (user: StaffUser) => Record<string, unknown>,
  ): Promise<StaffUser> {
    // The change and its audit entry commit together, or neither does.
    return store.transaction(async (inTx, tx) => {
      const user = await change(inTx);
      await audit.record(
        { actor, action, subject: userSubject(userId), outcome: 'ok', details: details(user) },
        tx,
      );
      return user;
    });
  }

  const service: StaffAuth = {
    settings,

    async signIn(input, context = {}) {
      const now = clock.now();
      const attempted = input.username.trim().toLowerCase();
      const user = USERNAME.test(attempted) ? await store.findUserByUsername(attempted) : undefined;
      if (!user) {
        // One scrypt derivation, as a wrong password costs: an unknown username takes as long to answer.
        await hashPassword(input.password, randomBytes, settings.scrypt);
        await signInAudit(undefined, attempted, 'failed', { reason: 'unknown-user' }, context);
        return { ok: false, reason: 'invalid' };
      }
      if (user.lockedUntil && now.getTime() < user.lockedUntil.getTime()) {
        await signInAudit(
          user,
          attempted,
          'refused',
          { reason: 'locked', lockedUntil: user.lockedUntil.toISOString() },
          context,
        );
        return {
          ok: false,
          reason: 'locked',
          lockedUntil: user.lockedUntil,
          retryAfterSeconds: secondsUntil(user.lockedUntil, now),
        };
      }
      const matches = await verifyPassword(input.password, user.passwordHash);
      if (!matches) {
        const lockUntil = new Date(now.getTime() + settings.lockoutMinutes * 60_000);
        const locked = await store.transaction(async (inTx, tx) => {
          const after = await inTx.recordFailure(user.id, now, settings.lockoutAttempts, lockUntil);
          const lockedNow = after.lockedUntil !== null && after.lockedUntil.getTime() > now.getTime();
          await signInAudit(
            user,
            attempted,
            'failed',
            {
              reason: 'wrong-password',
              failedAttempts: lockedNow ? settings.lockoutAttempts : after.failedAttempts,
              ...(lockedNow ? { lockedUntil: lockUntil.toISOString() } : {}),
            },
            context,
            tx,
          );
          return lockedNow;
        });
        return locked
          ? {
              ok: false,
              reason: 'locked',
              lockedUntil: lockUntil,
              retryAfterSeconds: secondsUntil(lockUntil, now),
            }
          : { ok: false, reason: 'invalid' };
      }
      if (user.disabled) {
        await signInAudit(user, attempted, 'refused', { reason: 'disabled' }, context);
        return { ok: false, reason: 'invalid' };
      }
      const rehash = needsRehash(user.passwordHash, settings.scrypt)
        ? await hashPassword(input.password, randomBytes, settings.scrypt)
        : undefined;
      const token = newToken(randomBytes);
      const record: StaffSessionRecord = {
        id: ids.next('staffSession'),
        userId: user.id,
        csrfToken: newToken(randomBytes),
        createdAt: now,
        lastSeenAt: now,
        idleExpiresAt: new Date(
          Math.min(now.getTime() + idleMs, now.getTime() + settings.absoluteHours * 3_600_000),
        ),
        expiresAt: new Date(now.getTime() + settings.absoluteHours * 3_600_000),
        revokedAt: null,
        revokedReason: null,
      };
      await store.transaction(async (inTx, tx) => {
        await inTx.recordSuccess(user.id, now, rehash);
        await inTx.insertSession({ ...record, tokenHash: hashSessionToken(token) });
        await signInAudit(user, attempted, 'ok', { sessionId: record.id, role: user.role }, context, tx);
      });
      return { ok: true, token, session: sessionOf(record, user) };
    },

    async authenticate(token) {
      if (!TOKEN.test(token)) return { ok: false, reason: 'invalid' };
      const now = clock.now();
      // One read per request; the row is written (idle expiry moved) at most once a minute per session.
      const found = await store.findSession(hashSessionToken(token));
      if (!found) return { ok: false, reason: 'invalid' };
      const { session: record, user } = found;
      if (record.revokedAt !== null || user.disabled) return { ok: false, reason: 'revoked' };
      if (now.getTime() >= record.expiresAt.getTime())
        return { ok: false, reason: 'expired', expiry: 'absolute' };
      if (now.getTime() >= record.idleExpiresAt.getTime())
        return { ok: false, reason: 'expired', expiry: 'idle' };
      if (now.getTime() - record.lastSeenAt.getTime() < IDLE_REFRESH_MS)
        return { ok: true, session: sessionOf(record, user), principal: staffPrincipal(user) };
      const idleExpiresAt = await store.refreshSession(
        record.id,
        now,
        new Date(Math.min(now.getTime() + idleMs, record.expiresAt.getTime())),
      );
      // Revoked between the read and the write (a sign-out or a disable committed meanwhile).
      if (!idleExpiresAt) return { ok: false, reason: 'revoked' };
      return {
        ok: true,
        session: sessionOf({ ...record, idleExpiresAt }, user),
        principal: staffPrincipal(user),
      };
    },

    csrfMatches(session, presented) {
      if (presented === undefined) return false;
      const left = Buffer.from(session.csrfToken, 'utf8');
      const right = Buffer.from(presented, 'utf8');
      return left.length === right.length && timingSafeEqual(left, right);
    },

    async recordCsrfRefusal(session, request) {
      await audit.record({
        actor: staffActor(session),
        action: 'staff.csrf',
        subject: { type: 'staff-session', id: session.sessionId },
        outcome: 'refused',
        details: {
          reason: request.presented ? 'wrong-token' : 'missing-token',
          method: request.method,
          path: request.path.slice(0, 200),
        },
      });
    },

    async signOut(session) {
      await store.transaction(async (inTx, tx) => {
        await inTx.revokeSession(session.sessionId, clock.now(), 'sign-out');
        await audit.record(
          {
            actor: staffActor(session),
            action: 'staff.sign-out',
            subject: { type: 'staff-session', id: session.sessionId },
            outcome: 'ok',
            details: {},
          },
          tx,
        );
      });
    },

    async createUser(input, actor) {
      const username = parseUsername(input.username);
      const displayName = input.displayName.trim();
      if (displayName.length < 1 || displayName.length > 100)
        throw AppError.invalid('displayName', 'length', 'must be 1 to 100 characters');
      const role = parseStaffRole(input.role);
      checkPasswordRules(input.password);
      const now = clock.now();
      const passwordHash = await hashPassword(input.password, randomBytes, settings.scrypt);
      return store.transaction(async (inTx, tx) => {
        const user = await inTx.insertUser({
          id: ids.next('staffUser'),
          username,
          displayName,
          role,
          disabled: false,
          failedAttempts: 0,
          lockedUntil: null,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
          passwordHash,
        });
        await audit.record(
          {
            actor,
            action: 'staff-user.create',
            subject: userSubject(user.id),
            outcome: 'ok',
            details: { username, displayName, role },
          },
          tx,
        );
        return user;
      });
    },

    listUsers: () => store.listUsers(),

    async findUser(idOrUsername) {
      const user = idOrUsername.startsWith('stf_')
        ? await store.findUserById(idOrUsername)
        : USERNAME.test(idOrUsername.trim().toLowerCase())
          ? await store.findUserByUsername(idOrUsername.trim().toLowerCase())
          : undefined;
      if (!user) throw AppError.notFound('staff user', idOrUsername);
      const { passwordHash: _hash, ...shown } = user as StaffUserWithHash;
      return shown;
    },

    async disableUser(userId, actor) {
      if (actor.kind === 'staff' && actor.id === userId)
        throw AppError.invalid(
          'id',
          'not-yourself',
          'you cannot disable your own account; ask another admin',
        );
      return changeUser(
        userId,
        actor,
        'staff-user.disable',
        async (inTx) => {
          const at = clock.now();
          const user = await inTx.setDisabled(userId, true, at);
          await inTx.revokeUserSessions(userId, at, 'user-disabled');
          return user;
        },
        (user) => ({ username: user.username }),
      );
    },

    enableUser: (userId, actor) =>
      changeUser(
        userId,
        actor,
        'staff-user.enable',
        (inTx) => inTx.setDisabled(userId, false, clock.now()),
        (user) => ({ username: user.username }),
      ),

    async setPassword(userId, password, actor) {
      checkPasswordRules(password);
      const hash = await hashPassword(password, randomBytes, settings.scrypt);
      return changeUser(
        userId,
        actor,
        'staff-user.password',
        async (inTx) => {
          const at = clock.now();
          const user = await inTx.setPasswordHash(userId, hash, at);
          // Sessions opened with the old password end: a changed password is often a compromised one.
          await inTx.revokeUserSessions(userId, at, 'password-changed');
          return user;
        },
        (user) => ({ username: user.username }),
      );
    },
  };
  return service;
}
