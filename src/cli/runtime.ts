import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { App } from '../services.ts';
import { loadConfig, type Config } from '../config.ts';
import { servingHolder } from '../platform/database/data-dir-lock.node.ts';
import {
  AppError,
  ERROR_CODES,
  exitCodeOf,
  isAppError,
  type ErrorCode,
  type FieldIssue,
} from '../platform/errors/app-error.ts';
import { toJson, type Database } from '../platform/database/database.ts';
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
 * An application opened once and lent to every command run inside `withSharedApp` (see there). Scoped to
 * the async call, so it never leaks into commands run elsewhere in the process.
 */
const sharedApp = new AsyncLocalStorage<App>();

/**
 * Runs `work` — typically several `main(argv)` calls — with every command using `app` instead of opening
 * the database itself, and leaving it open afterwards. Opening the embedded PGlite takes seconds, so this is
 * how one process runs many commands on one database (the README's commands in
 * `test/cli/readme-commands.test.ts`); what each command parses, does and prints is unchanged.
 */
export function withSharedApp<T>(app: App, work: () => Promise<T>): Promise<T> {
  return sharedApp.run(app, work);
}

/**
 * Builds the application (database opened and migrated, nothing listening), runs `work`, and always
 * closes it. CLI commands log only warnings to stderr, so stdout stays clean for their output.
 */
export async function withApp<T>(options: GlobalOptions, work: (app: App) => Promise<T>): Promise<T> {
  const shared = sharedApp.getStore();
  if (shared) return work(shared);
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

/** The database alone (for `migrate`), or the shared application's; `close` closes only what it opened. */
export async function openDatabaseFor(
  options: GlobalOptions,
): Promise<{ db: Database; close: () => Promise<void> }> {
  const shared = sharedApp.getStore();
  if (shared) return { db: shared.db, close: async () => undefined };
  const { openDatabase } = await import('../platform/database/open.ts');
  const db = await openDatabase(configFor(options));
  return { db, close: () => db.close() };
}

/**
 * Refuses at once when the embedded data directory has no database yet, instead of creating an empty one
 * (which takes seconds) only to report that the product or customer asked about does not exist. Commands
 * that read what earlier steps stored call it; those that set a database up (`serve`, `migrate`, `keys
 * create`, `policy install-defaults`, `demo-data`) do not. PostgreSQL is left to say what it has.
 */
export function requireExistingDatabase(options: GlobalOptions): void {
  if (sharedApp.getStore()) return;
  const config = configFor(options);
  if (config.databaseUrl) return;
  const pgdata = join(config.dataDir, 'pgdata');
  if (existsSync(pgdata) && readdirSync(pgdata).length > 0) return;
  throw new AppError(
    'NOT_FOUND',
    `there is no database in ${config.dataDir} yet. Start the demo with \`npm start\` (it creates one with demo customers), or set one up with \`credence migrate\` and \`credence policy install-defaults\`; or point --data-dir / CREDENCE_DATA_DIR / DATABASE_URL at an existing one.`,
    { issues: [{ field: 'dataDir', rule: 'database-exists', message: `no database in ${config.dataDir}` }] },
  );
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
  if (sharedApp.getStore()) return undefined;
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
  if (server) return remote(server);
  requireExistingDatabase(options);
  return withApp(options, local);
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

/**
 * The text of a failure: the message once, then only the field issues it does not already say (an
 * `AppError.invalid` message is "<field>: <message>"; many refusals repeat their one issue's words).
 */
export function failureText(error: AppError): string {
  const lines: string[] = [];
  const stated = error.issues.filter((issue) => error.message.includes(issue.message));
  const rules = stated.map((issue) => issue.rule);
  lines.push(`error [${error.code}]: ${error.message}${rules.length ? ` (${rules.join(', ')})` : ''}`);
  for (const issue of error.issues) {
    if (!stated.includes(issue)) lines.push(`  - ${issue.field}: ${issue.message} (${issue.rule})`);
  }
  return `${lines.join('\n')}\n`;
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
    process.stderr.write(failureText(appError));
    if (!isAppError(error) && error instanceof Error && error.stack && process.env.CREDENCE_DEBUG) {
      process.stderr.write(`${error.stack}\n`);
    }
  }
  return exitCodeOf(appError.code);
}
