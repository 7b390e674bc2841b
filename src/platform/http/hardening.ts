import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../errors/app-error.ts';
import { STAFF_COOKIE } from '../auth/staff-cookie.http.ts';
import type { MonotonicClock } from '../time/clock.ts';
import type { RateLimitSettings } from './limits.ts';
import { problemOf } from './problem.ts';
import type { HttpServer } from './http-server.ts';
import { nulIssues } from './text-guard.ts';

/**
 * The security shell around every route, in one place: response headers (helmet, `Cache-Control` on the
 * API), request limits (@fastify/rate-limit), text without NUL, the client's correlation id, and
 * problem+json for the errors the router raises before any route runs.
 */

/**
 * The Content-Security-Policy of every page the server sends: the Swagger UI under /docs and the customer
 * web app under /app/ (a Vite build: its scripts are files of this origin; antd-mobile sets inline styles,
 * hence `'unsafe-inline'` for styles only). Nothing may frame the pages. The staff console's policy editor
 * compiles GoRules' ZEN engine (WebAssembly, served from /app/assets/), hence `'wasm-unsafe-eval'`.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  // The console's policy editor runs GoRules' ZEN engine as WebAssembly (from our origin): compiling wasm
  // needs 'wasm-unsafe-eval' — it allows WebAssembly only, not eval() of JavaScript.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** A client's own request id, kept beside ours in the logs: bounded, and only characters safe in a log. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The caller's correlation id (`X-Correlation-Id`, or `X-Request-Id` as many clients send it) when it is
 * well-formed; anything else is ignored. It never becomes the request id: that one the server makes, so
 * two requests can never share it.
 */
export function correlationIdOf(headers: IncomingHttpHeaders): string | undefined {
  for (const name of ['x-correlation-id', 'x-request-id']) {
    const value = headers[name];
    if (typeof value === 'string' && CORRELATION_ID.test(value)) return value;
  }
  return undefined;
}

const STAFF_COOKIE_VALUE = new RegExp(`(?:^|;\\s*)${STAFF_COOKIE}=([A-Za-z0-9_-]{1,100})(?:;|$)`);

function staffCookieOf(header: string | undefined): string | undefined {
  return header ? STAFF_COOKIE_VALUE.exec(header)?.[1] : undefined;
}

/** The credential as the auth hook reads it (a bearer token, the `X-Api-Key` header, or the staff cookie). */
function presentedCredential(headers: IncomingHttpHeaders, withCookie = true): string | undefined {
  for (const header of [headers.authorization, headers['x-api-key']]) {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) continue;
    const match = /^Bearer\s+(\S+)$/i.exec(value);
    const secret = match ? match[1] : value.trim();
    if (secret) return secret;
  }
  // No bearer token: the staff console's session cookie is the credential (as in the auth hook), so each
  // console session has its own request bucket and, once it has worked, is not held back by the address's
  // sign-in bound (many staff behind one office address, each console sending requests in parallel).
  return withCookie ? staffCookieOf(headers.cookie) : undefined;
}

function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url').slice(0, 22);
}

/** Routes the auth hook lets through without a credential (the same test as the hook). */
function needsNoCredential(request: FastifyRequest): boolean {
  return (
    request.routeOptions.config.public === true ||
    request.url.startsWith('/docs') ||
    request.routeOptions.url === undefined
  );
}

function rateLimited(what: string, retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', `${what}; retry in ${retryAfterSeconds} s`, {
    details: { retryAfterSeconds },
  });
}

/** Remembers at most `max` credentials that authenticated here, oldest forgotten first. */
class KnownCredentials {
  readonly #seen = new Map<string, true>();
  constructor(private readonly max: number) {}
  has(key: string): boolean {
    return this.#seen.has(key);
  }
  add(key: string): void {
    this.#seen.delete(key);
    this.#seen.set(key, true);
    if (this.#seen.size > this.max) {
      const oldest = this.#seen.keys().next();
      if (!oldest.done) this.#seen.delete(oldest.value);
    }
  }
  delete(key: string): void {
    this.#seen.delete(key);
  }
}

/**
 * The counters, in memory, one fixed window per key. The plugin's own store hands back its live counter,
 * which it reads a tick later: in a burst every request then sees the burst's final count (the first of
 * 500 refused too). This one answers with the count as it was at each request's increment, and forgets
 * the oldest keys beyond `MAX_KEYS`.
 */
class WindowCounters {
  static readonly MAX_KEYS = 50_000;
  readonly #windows = new Map<string, { count: number; startedAt: number }>();

  constructor(private readonly monotonic: MonotonicClock) {}

  incr(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow: number,
  ): void {
    const now = this.monotonic.nowMs();
    let window = this.#windows.get(key);
    if (!window || window.startedAt + timeWindow <= now) {
      window = { count: 0, startedAt: now };
      this.#windows.delete(key);
      this.#windows.set(key, window);
      if (this.#windows.size > WindowCounters.MAX_KEYS) {
        const oldest = this.#windows.keys().next();
        if (!oldest.done) this.#windows.delete(oldest.value);
      }
    }
    window.count += 1;
    callback(null, { current: window.count, ttl: window.startedAt + timeWindow - now });
  }

  /** The count without counting (the plugin's `{ increment: false }`). */
  read(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow: number,
  ): void {
    const now = this.monotonic.nowMs();
    const window = this.#windows.get(key);
    if (!window || window.startedAt + timeWindow <= now) callback(null, { current: 0, ttl: 0 });
    else callback(null, { current: window.count, ttl: window.startedAt + timeWindow - now });
  }

  child(): WindowCounters {
    return new WindowCounters(this.monotonic);
  }
}

/** The store class the plugin instantiates (`new store(options)`), its windows read on `monotonic`. */
function windowCountersOn(monotonic: MonotonicClock): new () => WindowCounters {
  return class extends WindowCounters {
    constructor() {
      super(monotonic);
    }
  };
}

async function registerRateLimits(
  app: HttpServer,
  settings: RateLimitSettings,
  monotonic: MonotonicClock,
): Promise<void> {
  if (settings.requestsPerMinute <= 0 && settings.authFailuresPerMinute <= 0) return;
  await app.register(rateLimit, {
    global: settings.requestsPerMinute > 0,
    max: Math.max(1, settings.requestsPerMinute),
    timeWindow: 60_000,
    hook: 'onRequest',
    store: windowCountersOn(monotonic),
    // One bucket per credential (its hash: the secret never sits in memory as a key), else per address.
    keyGenerator: (request) => {
      const secret = presentedCredential(request.headers);
      return secret ? `credential:${digest(secret)}` : `address:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      rateLimited(`more than ${context.max} requests a minute`, Math.max(1, Math.ceil(context.ttl / 1000))),
  });
  if (settings.authFailuresPerMinute <= 0) return;

  // Failed sign-ins per address. Before a credential not seen to work here is looked up, the address's
  // failures this minute plus its lookups still in flight must be under the bound — so 500 guessed keys at
  // once cost at most the bound in lookups and the rest are refused from memory. Only failures (401) are
  // counted: many customers signing in behind one address (a carrier's NAT) are not held back by each
  // other's successes. A credential that worked is not checked again (until it fails).
  const max = settings.authFailuresPerMinute;
  const failures = app.createRateLimit({
    max,
    timeWindow: 60_000,
    keyGenerator: (request) => `sign-in:${request.ip}`,
  });
  const known = new KnownCredentials(10_000);
  const inFlight = new Map<string, number>();
  const attempts = new WeakMap<FastifyRequest, { key: string; settled: boolean }>();
  const settle = (request: FastifyRequest): { key: string } | undefined => {
    const attempt = attempts.get(request);
    if (!attempt || attempt.settled) return undefined;
    attempt.settled = true;
    const pending = (inFlight.get(request.ip) ?? 1) - 1;
    if (pending > 0) inFlight.set(request.ip, pending);
    else inFlight.delete(request.ip);
    return attempt;
  };
  app.addHook('onRequest', async (request, reply) => {
    if (needsNoCredential(request)) return;
    // The sign-in is always checked against the address's bound: a cookie sent along must not let it skip.
    const secret = presentedCredential(request.headers, request.routeOptions.config.signIn !== true);
    const key = secret === undefined ? '' : digest(secret);
    if (key && known.has(key)) return;
    const state = await failures(request, { increment: false });
    const failed = state.isAllowed ? 0 : max - state.remaining;
    const pending = inFlight.get(request.ip) ?? 0;
    if (failed + pending >= max) {
      const retryAfter = state.isAllowed ? 1 : Math.max(1, state.ttlInSeconds);
      void reply.header('retry-after', String(retryAfter));
      throw rateLimited(`more than ${max} failed sign-ins a minute from this address`, retryAfter);
    }
    inFlight.set(request.ip, pending + 1);
    attempts.set(request, { key, settled: false });
  });
  app.addHook('onResponse', async (request, reply) => {
    const attempt = settle(request);
    if (!attempt) return;
    if (reply.statusCode === 401) {
      if (attempt.key) known.delete(attempt.key);
      await failures(request);
    } else if (attempt.key && reply.statusCode !== 429) known.add(attempt.key);
  });
  app.addHook('onRequestAbort', async (request) => {
    settle(request);
  });
}

export interface HardeningOptions {
  /** Request limits; absent or zero: no limits (tests, benchmarks). */
  readonly rateLimits?: RateLimitSettings;
  /** The limits' one-minute windows are measured on it (a wall clock set back would stretch one). */
  readonly monotonic: MonotonicClock;
}

/**
 * Registers the shell: call before any route is added (the rate limiter attaches itself to routes as they
 * are declared) and before the auth hook (the sign-in limiter must run first).
 */
export async function registerHardening(app: HttpServer, options: HardeningOptions): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(
        Object.entries(CONTENT_SECURITY_POLICY).map(([name, values]) => [name, [...values]]),
      ),
    },
    frameguard: { action: 'deny' },
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // API answers carry customer data: no cache on the way may keep them.
    if (request.url.startsWith('/v1/')) void reply.header('cache-control', 'no-store');
    const correlationId = correlationIdOf(request.headers);
    if (correlationId) void reply.header('x-correlation-id', correlationId);
    return payload;
  });

  // PostgreSQL cannot store U+0000 in text: refuse it at the edge, for every route, naming the field.
  app.addHook('preValidation', async (request) => {
    const issues = [
      ...nulIssues(request.params, 'params'),
      ...nulIssues(request.query, 'query'),
      ...nulIssues(request.body, 'body'),
    ];
    if (issues.length > 0) {
      const summary = issues.map((issue) => `${issue.field} ${issue.message}`).join('; ');
      throw new AppError('VALIDATION_FAILED', summary, { issues });
    }
  });

  await registerRateLimits(
    app,
    options.rateLimits ?? { requestsPerMinute: 0, authFailuresPerMinute: 0 },
    options.monotonic,
  );
}

/**
 * Errors the router raises before a route (and its hooks) runs: a path that is not valid percent-encoding
 * (400) and a path parameter longer than the router reads (414). Answered as problem+json like the rest,
 * logged as a refusal (no stack: the client sent it).
 */
export function sendRouterProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('URI_TOO_LONG', 'a part of the path is longer than 100 characters')
      : error.code === 'FST_ERR_BAD_URL'
        ? new AppError('BAD_REQUEST', 'the path is not valid percent-encoding (e.g. "%ZZ")')
        : new AppError('INTERNAL', 'unexpected routing error', { cause: error });
  // The path is echoed only when it is short (a 3,000-character id is not worth sending back).
  const instance = request.url.length <= 200 ? request.url : undefined;
  const problem = problemOf(appError, instance, request.id);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: appError.code, status: problem.status }, 'request refused');
  void reply
    .status(problem.status)
    .header('x-request-id', request.id)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .type('application/problem+json')
    .send(problem);
}
