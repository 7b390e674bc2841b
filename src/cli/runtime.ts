import type { Command } from 'commander';
import type { App } from '../app.ts';
import { loadConfig, type Config } from '../platform/config/config.ts';
import { servingHolder } from '../platform/database/data-dir-lock.node.ts';
import {
  AppError,
  ERROR_CODES,
  exitCodeOf,
  isAppError,
  type ErrorCode,
  type FieldIssue,
} from '../platform/errors/app-error.ts';
import { toJson } from '../platform/database/database.ts';
import { createLogger } from '../platform/logging/logger.ts';

/** Options every command understands (declared on the root program). */
export interface GlobalOptions {
  json?: boolean;
  dataDir?: string;
  databaseUrl?: string;
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** Config from the environment, with `--data-dir` / `--database-url` taking precedence. */
export function configFor(options: GlobalOptions): Config {
  return loadConfig({
    ...process.env,
    ...(options.dataDir ? { CREDENCE_DATA_DIR: options.dataDir } : {}),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
}

/**
 * Builds the application (database opened and migrated, nothing listening), runs `work`, and always
 * closes it. CLI commands log only warnings to stderr, so stdout stays clean for their output.
 */
export async function withApp<T>(options: GlobalOptions, work: (app: App) => Promise<T>): Promise<T> {
  const config = configFor(options);
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', destination: process.stderr });
  // Imported here, not at the top: commands that never open the application (train, score, kyc
  // validate, --help) do not pay for loading it (fastify, PGlite, pg and every context).
  const { createApp } = await import('../app.ts');
  const app = await createApp({ config, logger });
  try {
    return await work(app);
  } finally {
    await app.stop();
  }
}

/** A running `credence serve` that holds the embedded database this command would open. */
export interface RunningServer {
  readonly url: string;
  readonly cliKey: string;
}

/**
 * The server holding the embedded database in this command's data directory, if one is serving (with a
 * key for local CLI use): commands that have an API counterpart go through it instead of opening the
 * database, which PGlite allows to one process only. Undefined on PostgreSQL, which many processes share.
 */
export function runningServer(options: GlobalOptions): RunningServer | undefined {
  const config = configFor(options);
  return config.databaseUrl ? undefined : servingHolder(config.dataDir);
}

/**
 * Runs a command through the running server's API when one holds this command's embedded database (see
 * `runningServer`), else on the application opened here: the same answer either way.
 */
export async function viaServerOrApp<T>(
  options: GlobalOptions,
  remote: (server: RunningServer) => Promise<T>,
  local: (app: App) => Promise<T>,
): Promise<T> {
  const server = runningServer(options);
  return server ? remote(server) : withApp(options, local);
}

/**
 * One request to the running server; a problem answer becomes the same `AppError` (code, message, field
 * issues) the command would have raised itself, so exit codes and messages do not depend on the route.
 */
export async function callServer<T>(
  server: RunningServer,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${server.cliKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new AppError('UNAVAILABLE', `the running server at ${server.url} did not answer`, { cause: error });
  }
  const payload = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return payload as T;
  const problem = (payload ?? {}) as { code?: string; detail?: string; errors?: FieldIssue[] };
  const code: ErrorCode = (ERROR_CODES as readonly string[]).includes(problem.code ?? '')
    ? (problem.code as ErrorCode)
    : 'INTERNAL';
  throw new AppError(code, problem.detail ?? `the server answered ${response.status}`, {
    issues: problem.errors ?? [],
  });
}

/** Prints a result: JSON (bigints as strings) with `--json`, else the human text. */
export function output(options: GlobalOptions, value: unknown, human: () => string): void {
  if (options.json) process.stdout.write(`${toJson(value)}\n`);
  else process.stdout.write(`${human()}\n`);
}

/** Raised by commands to end with a specific exit code and message, without a stack trace. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Maps a failure to an exit code and a message on stderr (JSON with `--json`). */
export function reportFailure(error: unknown, json: boolean): number {
  if (error instanceof CliExit) {
    if (error.message) process.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  const appError = isAppError(error)
    ? error
    : new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
  if (json) {
    process.stderr.write(
      `${toJson({ error: { code: appError.code, message: appError.message, errors: appError.issues } })}\n`,
    );
  } else {
    process.stderr.write(`error [${appError.code}]: ${appError.message}\n`);
    for (const issue of appError.issues)
      process.stderr.write(`  - ${issue.field}: ${issue.message} (${issue.rule})\n`);
    if (!isAppError(error) && error instanceof Error && error.stack && process.env.CREDENCE_DEBUG) {
      process.stderr.write(`${error.stack}\n`);
    }
  }
  return exitCodeOf(appError.code);
}
