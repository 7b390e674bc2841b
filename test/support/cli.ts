import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { App } from '../../src/services.ts';
import { main } from '../../src/cli/main.ts';
import { withSharedApp } from '../../src/cli/runtime.ts';
import { createMemoryLogger } from '../../src/platform/logging/logger.ts';
import { createApp } from '../../src/app.ts';
import { testConfig } from './app.ts';
import { pgliteStore, type StoreUnderTest } from './stores.ts';

/**
 * The one way tests run the `credence` CLI.
 *
 * - {@link runCli}: `main(argv)` in this process, what it writes to stdout and stderr captured, and the exit
 *   code the launcher would end with (bin/credence.js sets `process.exitCode` to what `main` returns and
 *   nothing else). With `app`, every command runs on that application (`withSharedApp`) instead of opening
 *   the embedded database of a data directory, which takes seconds per command; what each command parses,
 *   does and prints is the same.
 * - {@link cliApp}: an application for those commands on a fresh, migrated schema of the file's shared
 *   PGlite (started from the run's snapshot), no data directory and no `initdb`.
 * - {@link runCliProcess}: the real launcher in a child process, for what only a process shows (the exit
 *   status of the binary, the lock of a data directory, a server, output written to file descriptor 1).
 */
export interface CliRun {
  /** The exit code: what `main` returned in process, the child's exit status as a process. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `credence <argv>` in this process; one at a time (it borrows process.stdout/stderr/stdin). */
export async function runCli(
  argv: readonly string[],
  options: { readonly app?: App; readonly stdin?: string } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write;
  const err = process.stderr.write;
  const stdinDescriptor = Object.getOwnPropertyDescriptor(process, 'stdin');
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stderr.write;
  if (options.stdin !== undefined) {
    Object.defineProperty(process, 'stdin', {
      value: Readable.from([options.stdin]),
      configurable: true,
      enumerable: stdinDescriptor?.enumerable ?? true,
    });
  }
  const exitCodeBefore = process.exitCode;
  let code: number;
  try {
    code = options.app ? await withSharedApp(options.app, () => main(argv)) : await main(argv);
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    if (options.stdin !== undefined && stdinDescriptor)
      Object.defineProperty(process, 'stdin', stdinDescriptor);
  }
  // The launcher overwrites whatever a command put in process.exitCode with main's answer (issue 12,
  // item 9): a command that sets it would lose its code in real use, so a test must not see it either.
  if (process.exitCode !== exitCodeBefore) {
    process.exitCode = exitCodeBefore;
    throw new Error(`credence ${argv.join(' ')} set process.exitCode; the launcher sets what main returns`);
  }
  return { code, stdout, stderr };
}

/**
 * An application for CLI commands on a fresh schema of `store` (PGlite by default), with the test
 * configuration and warnings logged to memory; stop it with `app.stop()` when the file ends.
 */
export async function cliApp(options: { readonly store?: StoreUnderTest } = {}): Promise<App> {
  const db = await (options.store ?? pgliteStore).fresh();
  return createApp({
    config: testConfig({ logLevel: 'warn' }),
    db,
    logger: createMemoryLogger('warn').logger,
  });
}

export const CREDENCE_BIN = fileURLToPath(new URL('../../bin/credence.js', import.meta.url));

/**
 * Runs the real launcher (`node bin/credence.js <argv>`) in a child process, asynchronously (a worker
 * blocked in spawnSync for seconds misses vitest's heartbeats on a busy machine). The environment is this
 * process's with `LOG_LEVEL=warn` and without `DATABASE_URL` (the embedded database of a data directory),
 * then `env` on top (a value of undefined removes a variable).
 */
export function runCliProcess(
  argv: readonly string[],
  options: {
    readonly env?: Readonly<Record<string, string | undefined>>;
    readonly cwd?: string;
    readonly stdin?: string;
    readonly timeoutMs?: number;
  } = {},
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const child = spawn(process.execPath, [CREDENCE_BIN, ...argv], {
    env,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    timeout: options.timeoutMs ?? 180_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      if (status === null) reject(new Error(`credence ${argv.join(' ')} ended by ${signal}: ${stderr}`));
      else resolve({ code: status, stdout, stderr });
    });
  });
}
