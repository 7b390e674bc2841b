import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError, isAppError } from '../errors/app-error.ts';
import { rateLimitsFromEnv, type RateLimitSettings } from '../http/limits.ts';
import { staffSettingsFromEnv, type StaffSettings } from '../auth/staff-auth.ts';

/** A key for encrypting PII at rest; `id` is stored beside each ciphertext so keys can rotate. */
export interface PiiKey {
  readonly id: string;
  readonly key: Buffer; // 32 bytes, AES-256-GCM
}

export interface PiiConfig {
  /** The key new values are encrypted with. */
  readonly activeKey: PiiKey;
  /** Every key that may still be needed to decrypt (includes the active one). */
  readonly keys: readonly PiiKey[];
  /** HMAC-SHA-256 key for blind indexes (lookups by ID/phone/card without decrypting). Never rotates silently. */
  readonly blindIndexKey: Buffer;
}

/**
 * What the platform itself is configured with. The application's whole `Config` (`src/config.ts`) adds the
 * contexts' own sections (appeals), which each context reads from the environment itself: the platform knows
 * no context.
 */
export interface PlatformConfig {
  readonly port: number;
  readonly host: string;
  /** Embedded database directory (PGlite) and local secrets. */
  readonly dataDir: string;
  /** When set, PostgreSQL is the store instead of the embedded PGlite. */
  readonly databaseUrl: string | undefined;
  readonly logLevel: string;
  /** Maximum request body in bytes. */
  readonly bodyLimit: number;
  readonly pii: PiiConfig;
  /**
   * Request limits of the HTTP server (`CREDENCE_RATE_LIMIT*`, see `rateLimitsFromEnv`); `loadConfig` always
   * sets them. Absent (a hand-made config: tests, benchmarks): no limits.
   */
  readonly rateLimits?: RateLimitSettings;
  /** Staff sessions and lock-out (`CREDENCE_STAFF_*`, see `staffSettingsFromEnv`); absent: the defaults. */
  readonly staff?: StaffSettings;
  /**
   * How often this server runs the delivery pass of customer messages, in ms (`CREDENCE_MESSAGE_DELIVERY_MS`,
   * default 30,000; 0: this node never delivers — with several API nodes, any number may deliver: each
   * message is claimed by one pass under a lease). Absent (a hand-made config): the default.
   */
  readonly messageDeliveryMs?: number;
  /**
   * Where the sandbox payment provider keeps its book (a file; `CREDENCE_SANDBOX_PAYMENTS_FILE`): set, its
   * payments survive our restarts as a real provider's do. Unset: in memory.
   */
  readonly sandboxPaymentsFile?: string;
  /** Jobs (`credence worker`, the day-end's partitions): see `jobSettingsFromEnv`. Absent: the defaults. */
  readonly jobs?: JobSettings;
  /**
   * Who runs the background work — customer-message delivery, appeal re-checks and the appeals' recovery
   * pass, due limit reviews (`CREDENCE_BACKGROUND_WORK`): `node` (the default; the one mode of the embedded
   * PGlite) — each API node runs it itself, through an in-process queue, and `credence eod` runs the steps
   * after the batch itself; `workers` (PostgreSQL only) — API nodes run none of it and `credence eod`
   * enqueues the limit reviews: `credence worker` processes take it from the queue. Absent: `node`.
   */
  readonly backgroundWork?: BackgroundWork;
}

export const BACKGROUND_WORK = ['node', 'workers'] as const;
export type BackgroundWork = (typeof BACKGROUND_WORK)[number];

/** `CREDENCE_BACKGROUND_WORK`: `node` (default) or `workers`, which needs PostgreSQL (`DATABASE_URL`). */
export function backgroundWorkFromEnv(env: Env): BackgroundWork {
  const text = env.CREDENCE_BACKGROUND_WORK || 'node';
  if (!(BACKGROUND_WORK as readonly string[]).includes(text)) {
    throw AppError.invalid(
      'CREDENCE_BACKGROUND_WORK',
      'one-of',
      `CREDENCE_BACKGROUND_WORK must be node or workers, not "${text}"`,
    );
  }
  if (text === 'workers' && !env.DATABASE_URL) {
    throw AppError.invalid(
      'CREDENCE_BACKGROUND_WORK',
      'workers-need-postgres',
      'CREDENCE_BACKGROUND_WORK=workers needs PostgreSQL (DATABASE_URL): the embedded database has one process, which runs the background work itself',
    );
  }
  return text as BackgroundWork;
}

/**
 * How jobs are watched (`CREDENCE_JOB_HEARTBEAT_MS`, `CREDENCE_JOB_STALE_MS`, `CREDENCE_JOB_EXPIRE_SECONDS`)
 * and how often workers run the recurring passes (`CREDENCE_APPEAL_RECOVERY_MS`, `CREDENCE_LIMIT_REVIEWS_MS`).
 */
export interface JobSettings {
  /** How often a running job writes its heartbeat (default 2,000 ms). */
  readonly heartbeatMs: number;
  /** A job silent this long is taken over by another (default 30,000 ms; at least 3 heartbeats). */
  readonly staleMs: number;
  /** Seconds before the queue itself hands an active job out again (default 3,600; the backstop). */
  readonly expireSeconds: number;
  /** How often `credence worker` processes run the appeals' recovery pass (default 60,000 ms). */
  readonly appealRecoveryMs: number;
  /** How often `credence worker` processes look for limit reviews due (default 600,000 ms). */
  readonly limitReviewsMs: number;
}

function integerSetting(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw AppError.invalid(name, 'range', `${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export function jobSettingsFromEnv(env: Env): JobSettings {
  const heartbeatMs = integerSetting(env, 'CREDENCE_JOB_HEARTBEAT_MS', 2_000, 100, 600_000);
  const staleMs = integerSetting(env, 'CREDENCE_JOB_STALE_MS', 30_000, 300, 3_600_000);
  if (staleMs < 3 * heartbeatMs) {
    throw AppError.invalid(
      'CREDENCE_JOB_STALE_MS',
      'three-heartbeats',
      'CREDENCE_JOB_STALE_MS must be at least three heartbeats (CREDENCE_JOB_HEARTBEAT_MS)',
    );
  }
  return {
    heartbeatMs,
    staleMs,
    expireSeconds: integerSetting(env, 'CREDENCE_JOB_EXPIRE_SECONDS', 3_600, 1, 82_800),
    appealRecoveryMs: integerSetting(env, 'CREDENCE_APPEAL_RECOVERY_MS', 60_000, 1_000, 86_400_000),
    limitReviewsMs: integerSetting(env, 'CREDENCE_LIMIT_REVIEWS_MS', 600_000, 1_000, 86_400_000),
  };
}

/** The environment variables configuration is read from (`process.env` in production). */
export type Env = Readonly<Record<string, string | undefined>>;

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw AppError.invalid('PORT', 'port-number', `"${value}" is not a TCP port (0–65535)`);
  }
  return port;
}

function parseKey(field: string, text: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32)
    throw AppError.invalid(field, 'aes-256-key', 'keys must be 32 bytes, base64-encoded');
  return key;
}

/**
 * `CREDENCE_PII_KEYS="k2:<base64>,k1:<base64>"` — the first key encrypts, all decrypt.
 * `CREDENCE_BLIND_INDEX_KEY=<base64>`.
 */
function piiFromEnv(env: Env): PiiConfig | undefined {
  const keysText = env.CREDENCE_PII_KEYS;
  const blindText = env.CREDENCE_BLIND_INDEX_KEY;
  if (!keysText && !blindText) return undefined;
  if (!keysText || !blindText) {
    throw AppError.invalid(
      keysText ? 'CREDENCE_BLIND_INDEX_KEY' : 'CREDENCE_PII_KEYS',
      'required-together',
      'CREDENCE_PII_KEYS and CREDENCE_BLIND_INDEX_KEY must be set together',
    );
  }
  const keys = keysText.split(',').map((entry, index) => {
    const [id, material] = entry.split(':');
    if (!id || !material || !/^[a-z0-9-]{1,32}$/.test(id)) {
      throw AppError.invalid(
        `CREDENCE_PII_KEYS[${index}]`,
        'key-entry',
        'each entry is "<key id>:<base64 key>"',
      );
    }
    return { id, key: parseKey(`CREDENCE_PII_KEYS[${index}]`, material) };
  });
  const [activeKey] = keys;
  if (!activeKey) throw AppError.invalid('CREDENCE_PII_KEYS', 'non-empty', 'at least one key is required');
  return { activeKey, keys, blindIndexKey: parseKey('CREDENCE_BLIND_INDEX_KEY', blindText) };
}

interface LocalSecrets {
  piiKeyId: string;
  piiKey: string;
  blindIndexKey: string;
}

/**
 * For the embedded default only: keys generated once and kept in `<dataDir>/secrets.json` (mode 0600), so
 * `npm start` works on a fresh machine. A real deployment passes keys in the environment.
 */
function localPii(dataDir: string): PiiConfig {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'secrets.json');
  if (!existsSync(path)) {
    const fresh: LocalSecrets = {
      piiKeyId: 'local-1',
      piiKey: randomBytes(32).toString('base64'),
      blindIndexKey: randomBytes(32).toString('base64'),
    };
    writeFileSync(path, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  }
  const secrets = JSON.parse(readFileSync(path, 'utf8')) as LocalSecrets;
  const activeKey = { id: secrets.piiKeyId, key: parseKey('secrets.json piiKey', secrets.piiKey) };
  return {
    activeKey,
    keys: [activeKey],
    blindIndexKey: parseKey('secrets.json blindIndexKey', secrets.blindIndexKey),
  };
}

/**
 * Re-labels a settings refusal with where the value came from: the issues under `prefix`
 * (`appeals.windowDays`) name `source` instead (the variable or file the value was read from).
 */
export function fromSource(error: unknown, prefix: string, source: string): never {
  if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
  const issues = error.issues.map((issue) => {
    if (!issue.field.startsWith(prefix)) return issue;
    const field = `${source}${issue.field.slice(prefix.length)}`;
    return { field, rule: issue.rule, message: issue.message.split(issue.field).join(field) };
  });
  const [first] = issues;
  throw new AppError('VALIDATION_FAILED', first ? `${first.field}: ${first.message}` : error.message, {
    issues,
  });
}

/** Reads the platform's configuration once, at start-up, from the environment. */
export function loadPlatformConfig(env: Env): PlatformConfig {
  const dataDir = resolve(env.CREDENCE_DATA_DIR || './.credence');
  const databaseUrl = env.DATABASE_URL || undefined;
  const pii = piiFromEnv(env);
  if (!pii && databaseUrl && env.CREDENCE_ALLOW_LOCAL_KEYS !== '1') {
    throw AppError.invalid(
      'CREDENCE_PII_KEYS',
      'required-with-postgres',
      'set CREDENCE_PII_KEYS and CREDENCE_BLIND_INDEX_KEY when DATABASE_URL is used (or CREDENCE_ALLOW_LOCAL_KEYS=1 for development)',
    );
  }
  const messageDeliveryMs = env.CREDENCE_MESSAGE_DELIVERY_MS
    ? Number(env.CREDENCE_MESSAGE_DELIVERY_MS)
    : 30_000;
  if (!Number.isInteger(messageDeliveryMs) || messageDeliveryMs < 0 || messageDeliveryMs > 86_400_000) {
    throw AppError.invalid(
      'CREDENCE_MESSAGE_DELIVERY_MS',
      'delivery-interval',
      'the delivery interval is an integer number of milliseconds from 0 (never) to 86,400,000 (a day)',
    );
  }
  const bodyLimit = env.CREDENCE_BODY_LIMIT ? Number(env.CREDENCE_BODY_LIMIT) : 1_048_576;
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1024) {
    throw AppError.invalid('CREDENCE_BODY_LIMIT', 'min-1024', 'body limit must be an integer ≥ 1024 bytes');
  }
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl,
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimit,
    pii: pii ?? localPii(dataDir),
    rateLimits: rateLimitsFromEnv(env),
    staff: staffSettingsFromEnv(env),
    messageDeliveryMs,
    jobs: jobSettingsFromEnv(env),
    backgroundWork: backgroundWorkFromEnv(env),
    ...(env.CREDENCE_SANDBOX_PAYMENTS_FILE
      ? { sandboxPaymentsFile: resolve(env.CREDENCE_SANDBOX_PAYMENTS_FILE) }
      : {}),
  };
}

/** Keys for tests: fixed, never used outside them. */
export function testPiiConfig(): PiiConfig {
  const activeKey = { id: 'test-1', key: Buffer.alloc(32, 7) };
  return { activeKey, keys: [activeKey], blindIndexKey: Buffer.alloc(32, 9) };
}
