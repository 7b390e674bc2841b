import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Logger } from 'pino';
import { hashApiKey, roleAllows, type ApiKeyStore, type Principal, type Role } from '../auth/api-keys.ts';
import {
  looksLikeSessionToken,
  type CustomerPrincipal,
  type CustomerSessions,
  type SessionRefusal,
} from '../auth/customer-sessions.ts';
import { toJson } from '../database/database.ts';
import type { StaffAuth, StaffSession } from '../auth/staff-auth.ts';
import { applyStaffCookie, STAFF_COOKIE } from '../auth/staff-cookie.http.ts';
import { AppError, isAppError } from '../errors/app-error.ts';
import type { IdGenerator } from '../ids/ids.ts';
import type { Clock, MonotonicClock } from '../time/clock.ts';
import { systemMonotonicClock } from '../time/system-clock.node.ts';
import type { HttpServer } from './http-server.ts';
import { correlationIdOf, registerHardening, sendRouterProblem } from './hardening.ts';
import type { RateLimitSettings } from './limits.ts';
import { appErrorOfStatus, issuesFromAjv, problemOf } from './problem.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed to call the route (admin always may). Omitted: admin only. */
    roles?: readonly Role[];
    /** No API key needed (health, docs). */
    public?: boolean;
    /** Only a customer session (`cs_…`) may call it (the `/v1/me` routes); API keys get 403. */
    customer?: boolean;
    /** Only a staff console session (the `credence_staff` cookie) may call it; API keys get 403. */
    staff?: boolean;
    /** The staff sign-in: no credential, but counted by the sign-in limiter like a failed key. */
    signIn?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
    /** The staff console session, when the cookie authenticated the request. */
    staffSession?: StaffSession;
    /** The customer of the session, on a `customer` route. */
    customer?: CustomerPrincipal;
  }
}

export type { HttpServer } from './http-server.ts';

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, { ok: boolean; detail?: string }>>;
}

export interface HttpServerDeps {
  readonly logger: Logger;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  /** The rate limits' windows; the process's monotonic clock when absent. */
  readonly monotonic?: MonotonicClock;
  readonly apiKeys: ApiKeyStore;
  /** Customer sessions; without it every `cs_…` token is refused. */
  readonly customerSessions?: Pick<CustomerSessions, 'authenticate'>;
  /** Staff console sessions (the `credence_staff` cookie); without it the cookie is ignored. */
  readonly staffAuth?: Pick<StaffAuth, 'authenticate' | 'csrfMatches' | 'recordCsrfRefusal'>;
  readonly readiness: () => Promise<ReadinessReport>;
  readonly bodyLimit: number;
  readonly version: string;
  /** Request limits (`loadConfig` sets them from the environment); absent: none (tests, benchmarks). */
  readonly rateLimits?: RateLimitSettings;
}

function bearerSecret(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  return match ? match[1] : value.trim();
}

/**
 * The HTTP shell: fastify with TypeBox schemas, OpenAPI 3.1 at /openapi.json and a docs page at /docs,
 * RFC 9457 problem+json for every error, API-key authentication with roles, request ids, unknown
 * fields rejected, body size limit. Contexts add their routes before `ready()`.
 */
export async function createHttpServer(deps: HttpServerDeps): Promise<HttpServer> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimit,
    // The request id is always the server's own; a client's id is logged beside it as `correlationId`.
    genReqId: () => deps.ids.next('request'),
    childLoggerFactory: (logger, bindings, options, rawRequest) => {
      const correlationId = correlationIdOf(rawRequest.headers);
      return logger.child(correlationId ? { ...bindings, correlationId } : bindings, options);
    },
    frameworkErrors: (error, request, reply) => sendRouterProblem(error, request, reply),
    ajv: {
      customOptions: {
        // Strict input: unknown fields are errors, nothing is coerced ("12" is not 12, 12 is not "12").
        removeAdditional: false,
        coerceTypes: false,
        useDefaults: true,
        allErrors: true,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // JSON only: a text/plain body is refused with 415 rather than half-parsed.
  app.removeContentTypeParser('text/plain');

  // Responses may carry bigint (fen); they are written as decimal strings (`toJson`: plain stringify unless a
  // body holds a bigint — most views carry money as strings).
  app.setSerializerCompiler(() => (data) => toJson(data));
  app.setReplySerializer((payload) => toJson(payload));

  // A callback hook, not an async one: no promise per response for setting one header.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });

  await registerHardening(app, {
    monotonic: deps.monotonic ?? systemMonotonicClock,
    ...(deps.rateLimits ? { rateLimits: deps.rateLimits } : {}),
  });
  // Unsigned: the staff cookie is an opaque 256-bit random token looked up by its hash; a signature adds nothing.
  await app.register(cookie);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Credence API',
        version: deps.version,
        description:
          'Consumer-credit decisions with reasons and recourse, identity, customer data, appeals and servicing. ' +
          'Amounts are strings: decimal yuan ("1234.56") or, where a field says so, integer fen ("123456"). ' +
          'Errors are RFC 9457 problem+json documents naming the field and the rule.',
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key from `credence keys create --role R`.',
          },
          customerSession: {
            type: 'http',
            scheme: 'bearer',
            description: 'A customer session token (`cs_…`) from POST /v1/customers/{id}/sessions.',
          },
          staffSession: {
            type: 'apiKey',
            in: 'cookie',
            name: STAFF_COOKIE,
            description:
              'A staff console session from POST /v1/staff/sign-in. Requests other than GET/HEAD/OPTIONS must ' +
              'repeat the session\'s csrfToken in the `x-csrf-token` header (403, details.reason "csrf", otherwise).',
          },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // Every non-public route documents its security and roles in the OpenAPI output.
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as {
      public?: boolean;
      roles?: readonly Role[];
      customer?: boolean;
      staff?: boolean;
      signIn?: boolean;
    };
    if (config.public || config.signIn || route.url.startsWith('/docs')) return;
    const roles = config.roles ?? [];
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    if (config.staff) {
      const who = 'Caller: a signed-in staff user (the staff console session cookie) only.';
      route.schema = {
        ...schema,
        security: [{ staffSession: [] }],
        description: schema.description ? `${String(schema.description)}\n\n${who}` : who,
      };
      return;
    }
    if (config.customer) {
      const who = 'Caller: a customer session (cs_…) only; it reads and acts on its own customer.';
      route.schema = {
        ...schema,
        security: [{ customerSession: [] }],
        description: schema.description ? `${String(schema.description)}\n\n${who}` : who,
      };
      return;
    }
    const note = `Roles: ${['admin', ...roles.filter((role) => role !== 'admin')].join(', ')}.`;
    route.schema = {
      ...schema,
      security: [{ apiKey: [] }, { staffSession: [] }],
      description: schema.description ? `${String(schema.description)}\n\n${note}` : note,
    };
  });

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (
      config.public ||
      config.signIn ||
      request.url.startsWith('/docs') ||
      request.routeOptions.url === undefined
    )
      return;
    const secret = bearerSecret(request.headers.authorization) ?? bearerSecret(request.headers['x-api-key']);
    // No bearer token: a staff console cookie, when there is one, is the credential.
    const staffToken = secret ? undefined : request.cookies[STAFF_COOKIE];
    if (staffToken !== undefined && deps.staffAuth && !config.customer) {
      await authenticateStaff(deps.staffAuth, request, reply, staffToken);
      return;
    }
    if (config.staff) {
      throw secret
        ? new AppError(
            'FORBIDDEN',
            'only a signed-in staff user may call this endpoint (POST /v1/staff/sign-in)',
          )
        : new AppError('UNAUTHENTICATED', 'sign in: a staff session is required (POST /v1/staff/sign-in)', {
            details: { reason: 'missing' },
          });
    }
    if (!secret) {
      throw config.customer
        ? new AppError('UNAUTHENTICATED', 'sign in: a customer session is required', {
            details: { reason: 'missing' },
          })
        : new AppError('UNAUTHENTICATED', 'an API key is required: send "Authorization: Bearer <key>"');
    }
    // A customer session is a principal of its own kind: it may call the `customer` routes and nothing else.
    if (looksLikeSessionToken(secret)) {
      const check = deps.customerSessions
        ? await deps.customerSessions.authenticate(secret)
        : ({ ok: false, reason: 'invalid' } as const);
      if (!check.ok) {
        throw new AppError('UNAUTHENTICATED', SESSION_REFUSED[check.reason], {
          details: { reason: check.reason },
        });
      }
      if (!config.customer)
        throw new AppError('FORBIDDEN', 'a customer session may call only the /v1/me endpoints');
      request.customer = check.principal;
      return;
    }
    const record = await deps.apiKeys.findActiveByHash(hashApiKey(secret));
    if (!record) throw new AppError('UNAUTHENTICATED', 'the API key is unknown or revoked');
    request.principal = { keyId: record.id, name: record.name, role: record.role };
    if (config.customer) {
      throw new AppError(
        'FORBIDDEN',
        'only a customer session may call this endpoint (the app asks for one: POST /v1/customers/{id}/sessions)',
      );
    }
    checkRole(record.role, config.roles);
  });

  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    const appError = toAppError(error);
    const problem = problemOf(appError, request.url, request.id);
    // RFC 9110: a 401 says which scheme to use; a refused session token says why (RFC 6750).
    if (problem.status === 401) void reply.header('www-authenticate', wwwAuthenticate(appError));
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, status: problem.status }, 'request refused');
    void reply.status(problem.status).type('application/problem+json').send(problem);
  });

  app.setNotFoundHandler((request, reply) => {
    const problem = problemOf(
      new AppError('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`),
      request.url,
      request.id,
    );
    void reply.status(404).type('application/problem+json').send(problem);
  });

  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary: 'Liveness: the process is up.',
        response: { 200: Type.Object({ status: Type.Literal('ok'), version: Type.String() }) },
      },
    },
    async () => ({ status: 'ok' as const, version: deps.version }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary: 'Readiness: the database answers and its migrations are current.',
      },
    },
    async (_request, reply) => {
      const report = await deps.readiness();
      return reply.status(report.ready ? 200 : 503).send(report);
    },
  );

  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  return app;
}

const SESSION_REFUSED: Readonly<Record<SessionRefusal, string>> = {
  expired: 'the session has expired: sign in again',
  revoked: 'the session has ended (signed out or revoked): sign in again',
  invalid: 'the session token is not valid: sign in again',
};

const STAFF_REFUSED = {
  expired: 'the staff session has expired: sign in again',
  revoked: 'the staff session has ended (signed out, password changed or user disabled): sign in again',
  invalid: 'the staff session is not valid: sign in again',
} as const;

/** Methods that change nothing: no CSRF token needed (RFC 9110 safe methods). */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The staff cookie as the credential: the session (its idle expiry refreshed) becomes the request's
 * principal and passes the route's role check; a state-changing request must carry the session's CSRF token.
 * A refused cookie is cleared.
 */
async function authenticateStaff(
  staffAuth: NonNullable<HttpServerDeps['staffAuth']>,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): Promise<void> {
  const config = request.routeOptions.config;
  const check = await staffAuth.authenticate(token);
  if (!check.ok) {
    applyStaffCookie(reply, request, undefined);
    throw new AppError('UNAUTHENTICATED', STAFF_REFUSED[check.reason], {
      details: { reason: check.reason, ...(check.expiry ? { expiry: check.expiry } : {}) },
    });
  }
  request.principal = check.principal;
  request.staffSession = check.session;
  if (!SAFE_METHODS.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    const presented = Array.isArray(header) ? header[0] : header;
    if (!staffAuth.csrfMatches(check.session, presented)) {
      await staffAuth.recordCsrfRefusal(check.session, {
        method: request.method,
        path: request.url.split('?')[0] ?? '',
        presented: presented !== undefined,
      });
      throw new AppError(
        'FORBIDDEN',
        presented === undefined
          ? "send the session's CSRF token in the x-csrf-token header (GET /v1/staff/session has it)"
          : "the x-csrf-token header does not match this session's CSRF token (GET /v1/staff/session has it)",
        { details: { reason: 'csrf' } },
      );
    }
  }
  if (!config.staff) checkRole(check.principal.role, config.roles);
}

/** FORBIDDEN unless the route's roles (admin is always allowed) include `role`: API keys and staff alike. */
function checkRole(role: Role, allowed: readonly Role[] = []): void {
  if (!roleAllows(role, allowed)) {
    throw new AppError('FORBIDDEN', `role "${role}" may not call this endpoint`, {
      details: { requiredRoles: ['admin', ...allowed] },
    });
  }
}

function wwwAuthenticate(error: AppError): string {
  const reason = error.details.reason;
  if (reason === 'expired' || reason === 'revoked' || reason === 'invalid')
    return `Bearer realm="credence", error="invalid_token", error_description="${SESSION_REFUSED[reason]}"`;
  return 'Bearer realm="credence"';
}

function toAppError(error: FastifyError | AppError | Error): AppError {
  if (isAppError(error)) return error;
  const fastifyError = error as FastifyError & { validationContext?: string };
  if (fastifyError.validation) {
    const issues = issuesFromAjv(fastifyError.validation, fastifyError.validationContext);
    const summary = issues.map((issue) => `${issue.field} ${issue.message}`).join('; ');
    return new AppError('VALIDATION_FAILED', summary, { issues });
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'the request body is larger than the limit');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('BAD_REQUEST', 'the body is empty but the content type says JSON');
    default:
      break;
  }
  // Errors of fastify and its plugins (e.g. the static files' 403 for "/docs/static/../..") keep their status.
  return appErrorOfStatus(fastifyError.statusCode, error);
}
