import { Type } from 'typebox';
import {
  actorOfPrincipal,
  AUDIT_ACTOR_KINDS,
  AUDIT_OUTCOMES,
  type AuditRecord,
} from '../platform/audit/audit-log.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import { STAFF_ROLES, type StaffSession } from '../platform/auth/staff-auth.ts';
import { applyStaffCookie } from '../platform/auth/staff-cookie.http.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { IdString, InstantString, StringEnum } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { Services } from '../services.ts';
import { userDto } from './staff-user-view.ts';

/**
 * Staff sign-in for the console (`/v1/staff/…`), the admin's staff user management, and the audit viewer
 * (`GET /v1/audit`). Thin: validate, call the staff service or the audit log, answer a view.
 */

const StaffUserSummary = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: StringEnum(STAFF_ROLES),
});

const StaffSessionDto = Type.Object({
  user: StaffUserSummary,
  csrfToken: Type.String({
    description: 'Send it back in the x-csrf-token header on every request other than GET/HEAD/OPTIONS.',
  }),
  idleExpiresAt: Type.String({
    format: 'date-time',
    description:
      'Ends here unless used before (a request moves it, at most once a minute: a request within a minute of the last move answers the expiry as it stands).',
  }),
  expiresAt: Type.String({
    format: 'date-time',
    description: 'Ends here whatever happens (the absolute expiry).',
  }),
});

const StaffUserDto = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: StringEnum(STAFF_ROLES),
  disabled: Type.Boolean(),
  failedAttempts: Type.Integer({
    description: 'Consecutive failed sign-ins since the last good one or lock-out.',
  }),
  lockedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  passwordChangedAt: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const AuditEntryDto = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({ kind: StringEnum(AUDIT_ACTOR_KINDS), id: Type.String(), name: Type.String() }),
  action: Type.String({
    description: 'Dotted: staff.sign-in, staff-user.create, api-key.revoke, policy.approve, …',
  }),
  subject: Type.Object({ type: Type.String(), id: Type.String() }),
  outcome: StringEnum(AUDIT_OUTCOMES),
  details: Type.Record(Type.String(), Type.Unknown(), {
    description: 'What else the entry says (never a secret).',
  }),
});

function sessionDto(session: StaffSession) {
  return {
    user: session.user,
    csrfToken: session.csrfToken,
    idleExpiresAt: session.idleExpiresAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
  };
}

function auditDto(entry: AuditRecord) {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    outcome: entry.outcome,
    details: { ...entry.details },
  };
}

function principalOf(principal: Principal | undefined): Principal {
  if (!principal) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return principal;
}

const Password = Type.String({ minLength: 1, maxLength: 1000 });
const UserIdParams = Type.Object({ id: IdString('staffUser') }, { additionalProperties: false });
const UserAnswer = { 200: Type.Object({ user: StaffUserDto }) };

export function registerStaffRoutes(http: HttpServer, services: Pick<Services, 'staff' | 'audit'>): void {
  const { staff, audit } = services;

  http.post(
    '/v1/staff/sign-in',
    {
      config: { signIn: true },
      schema: {
        tags: ['staff'],
        summary: 'Sign a staff user in: sets the credence_staff session cookie and answers the session.',
        description:
          'A wrong username and a wrong password answer the same 401. After 5 consecutive failures the account ' +
          'is locked for 15 minutes (429, details.reason "locked" and details.lockedUntil). Failed sign-ins ' +
          'count against the per-address sign-in limit.',
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 200 }), password: Password },
          { additionalProperties: false },
        ),
        response: { 200: StaffSessionDto },
      },
    },
    async (request, reply) => {
      const result = await staff.signIn(request.body, { ip: request.ip });
      if (!result.ok) {
        if (result.reason === 'locked') {
          void reply.header('retry-after', String(result.retryAfterSeconds));
          throw new AppError(
            'RATE_LIMITED',
            `too many failed sign-ins: the account is locked until ${result.lockedUntil.toISOString()}; try again then, or ask an admin to enable it`,
            {
              details: {
                reason: 'locked',
                lockedUntil: result.lockedUntil.toISOString(),
                retryAfterSeconds: result.retryAfterSeconds,
              },
            },
          );
        }
        throw new AppError('UNAUTHENTICATED', 'the username or the password is wrong', {
          details: { reason: 'credentials' },
        });
      }
      applyStaffCookie(reply, request, { token: result.token, expiresAt: result.session.expiresAt });
      return sessionDto(result.session);
    },
  );

  http.get(
    '/v1/staff/session',
    {
      config: { staff: true },
      schema: {
        tags: ['staff'],
        summary: 'The signed-in staff user and the session (its idle expiry moved by this request).',
        response: { 200: StaffSessionDto },
      },
    },
    async (request) => {
      if (!request.staffSession) throw new AppError('UNAUTHENTICATED', 'sign in first');
      return sessionDto(request.staffSession);
    },
  );

  http.post(
    '/v1/staff/sign-out',
    {
      config: { staff: true },
      schema: {
        tags: ['staff'],
        summary: 'Sign out: the session is revoked and the cookie cleared.',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      if (!request.staffSession) throw new AppError('UNAUTHENTICATED', 'sign in first');
      await staff.signOut(request.staffSession);
      applyStaffCookie(reply, request, undefined);
      return reply.status(204).send(null);
    },
  );

  http.get(
    '/v1/staff/users',
    {
      config: { roles: [] },
      schema: {
        tags: ['staff'],
        summary: 'Staff users (never their password hashes).',
        response: { 200: Type.Object({ users: Type.Array(StaffUserDto) }) },
      },
    },
    async () => ({ users: (await staff.listUsers()).map(userDto) }),
  );

  http.post(
    '/v1/staff/users',
    {
      config: { roles: [] },
      schema: {
        tags: ['staff'],
        summary: 'Create a staff user.',
        description:
          'username: 1–64 lower-case letters, digits, ".", "_" or "-"; password: 10–200 characters (stored as an scrypt hash).',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            displayName: Type.String({ minLength: 1, maxLength: 100 }),
            role: StringEnum(STAFF_ROLES),
            password: Password,
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ user: StaffUserDto }) },
      },
    },
    async (request, reply) => {
      const user = await staff.createUser(request.body, actorOfPrincipal(principalOf(request.principal)));
      return reply.status(201).send({ user: userDto(user) });
    },
  );

  http.post(
    '/v1/staff/users/:id/disable',
    {
      config: { roles: [] },
      schema: {
        tags: ['staff'],
        summary: "Disable a staff user: sign-ins refused, the user's sessions ended.",
        params: UserIdParams,
        response: UserAnswer,
      },
    },
    async (request) => ({
      user: userDto(
        await staff.disableUser(request.params.id, actorOfPrincipal(principalOf(request.principal))),
      ),
    }),
  );

  http.post(
    '/v1/staff/users/:id/enable',
    {
      config: { roles: [] },
      schema: {
        tags: ['staff'],
        summary: 'Enable a staff user again (also lifts a lock-out).',
        params: UserIdParams,
        response: UserAnswer,
      },
    },
    async (request) => ({
      user: userDto(
        await staff.enableUser(request.params.id, actorOfPrincipal(principalOf(request.principal))),
      ),
    }),
  );

  http.post(
    '/v1/staff/users/:id/password',
    {
      config: { roles: [] },
      schema: {
        tags: ['staff'],
        summary: "Set a staff user's password: lifts a lock-out and ends the user's sessions.",
        params: UserIdParams,
        body: Type.Object({ password: Password }, { additionalProperties: false }),
        response: UserAnswer,
      },
    },
    async (request) => ({
      user: userDto(
        await staff.setPassword(
          request.params.id,
          request.body.password,
          actorOfPrincipal(principalOf(request.principal)),
        ),
      ),
    }),
  );

  http.get(
    '/v1/audit',
    {
      config: { roles: [] },
      schema: {
        tags: ['staff'],
        summary:
          'The audit log, newest first: sign-ins, sign-outs, user and API key changes, approvals, overrides.',
        querystring: Type.Object(
          {
            action: Type.Optional(
              Type.String({
                maxLength: 100,
                description: 'An action ("staff.sign-in") or every action under a prefix ("staff.*").',
              }),
            ),
            actor: Type.Optional(
              Type.String({ minLength: 1, maxLength: 200, description: "An actor's id or name." }),
            ),
            from: Type.Optional(InstantString('Recorded at or after this instant.')),
            to: Type.Optional(InstantString('Recorded before this instant.')),
            limit: Type.Optional(
              Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: '1–500, default 50.' }),
            ),
            before: Type.Optional(IdString('audit', 'The `next` of the previous page.')),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(AuditEntryDto),
            next: Type.Union([Type.String(), Type.Null()], { description: 'The `before` of the next page.' }),
          }),
        },
      },
    },
    async (request) => {
      const query = request.query;
      const page = await audit.list({
        ...(query.action !== undefined ? { action: query.action } : {}),
        ...(query.actor !== undefined ? { actor: query.actor } : {}),
        ...(query.from !== undefined ? { from: new Date(query.from) } : {}),
        ...(query.to !== undefined ? { to: new Date(query.to) } : {}),
        ...(query.limit !== undefined ? { limit: Number(query.limit) } : {}),
        ...(query.before !== undefined ? { before: query.before } : {}),
      });
      return { items: page.items.map(auditDto), next: page.next };
    },
  );
}
