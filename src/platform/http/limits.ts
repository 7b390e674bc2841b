import { AppError } from '../errors/app-error.ts';

/**
 * Request limits of the HTTP server, per minute (a fixed one-minute window per client):
 *
 * - `requestsPerMinute`: requests per API key or session token (the hash of the credential), or per client
 *   address for calls without one (health, docs, the web app's files). Protects the database from one
 *   runaway client.
 * - `authFailuresPerMinute`: failed sign-ins (401) per client address. Checked before a credential this
 *   process has not seen work is looked up (failures plus lookups in flight), so a flood of guessed keys
 *   costs at most this many lookups a minute; successes are not counted.
 *
 * 0 turns a limit off.
 */
export interface RateLimitSettings {
  readonly requestsPerMinute: number;
  readonly authFailuresPerMinute: number;
}

/** What `loadConfig` uses when the environment says nothing. */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  requestsPerMinute: 6_000,
  authFailuresPerMinute: 30,
};

type Env = Readonly<Record<string, string | undefined>>;

function limit(env: Env, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  if (!/^\d{1,9}$/.test(text)) {
    throw AppError.invalid(name, 'whole-number', `"${text}" is not a whole number (0 turns the limit off)`);
  }
  return Number(text);
}

/**
 * `CREDENCE_RATE_LIMIT_PER_MINUTE` (default 6,000) and `CREDENCE_AUTH_FAILURES_PER_MINUTE` (default 30 failed sign-ins);
 * `CREDENCE_RATE_LIMIT=off` turns both off. A bad value is refused naming the variable.
 */
export function rateLimitsFromEnv(env: Env): RateLimitSettings {
  const switchText = env.CREDENCE_RATE_LIMIT?.trim().toLowerCase();
  if (switchText === 'off') return { requestsPerMinute: 0, authFailuresPerMinute: 0 };
  if (switchText !== undefined && switchText !== '' && switchText !== 'on') {
    throw AppError.invalid(
      'CREDENCE_RATE_LIMIT',
      'on-off',
      `"${env.CREDENCE_RATE_LIMIT}" is neither on nor off`,
    );
  }
  return {
    requestsPerMinute: limit(env, 'CREDENCE_RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMITS.requestsPerMinute),
    authFailuresPerMinute: limit(
      env,
      'CREDENCE_AUTH_FAILURES_PER_MINUTE',
      DEFAULT_RATE_LIMITS.authFailuresPerMinute,
    ),
  };
}
