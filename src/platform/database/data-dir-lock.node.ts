import { mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.ts';

/**
 * One process at a time on an embedded database. PGlite keeps its data directory open for the life of the
 * instance and does not guard it: a second process opening the same directory (say, `credence decide`
 * while `npm start` is serving) would replay the first one's write-ahead log from its own view and can
 * corrupt it. So whoever opens the directory first writes `credence.lock` beside it — its pid, what it
 * runs, since when and, once it listens, its URL — and every later opener is refused while that process
 * lives, with the way round: use the running server's API, stop it, or share a PostgreSQL database.
 *
 * A lock left by a process that died (kill -9, power loss) is stale: its pid no longer answers, and the
 * next opener takes it over. The lock is removed on a clean close, and on exit if the process ends without
 * closing.
 */
export interface DataDirLock {
  readonly path: string;
  /**
   * Records the URL the holder listens on, so a refused opener can say where to go instead — and, when
   * given, an API key for local command-line use, so the CLI on the same data directory can go through the
   * running server (the file is readable by its owner only, as `secrets.json` beside it).
   */
  noteServing(serving: ServingNote): void;
  /** Removes the lock if this process still holds it. Safe to call twice. */
  release(): void;
}

export interface ServingNote {
  readonly url: string;
  readonly cliKey?: string;
}

interface LockRecord {
  readonly pid: number;
  readonly command: string;
  readonly since: string;
  readonly url?: string;
  readonly cliKey?: string;
}

const LOCK_FILE = 'credence.lock';

/** Whether a process with this pid exists (a signal-0 probe; EPERM means it exists but is not ours). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readRecord(path: string): LockRecord | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockRecord>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid)) return undefined;
    return {
      pid: parsed.pid,
      command: typeof parsed.command === 'string' ? parsed.command : 'credence',
      since: typeof parsed.since === 'string' ? parsed.since : 'an unknown time',
      ...(typeof parsed.url === 'string' ? { url: parsed.url } : {}),
      ...(typeof parsed.cliKey === 'string' ? { cliKey: parsed.cliKey } : {}),
    };
  } catch {
    return undefined;
  }
}

function refusal(dataDir: string, holder: LockRecord): AppError {
  const where = holder.url
    ? `It serves the API on ${holder.url}: use that (for example curl -X POST ${holder.url}/v1/decisions …), or stop it first.`
    : 'Stop it first, or wait until it ends.';
  return new AppError(
    'UNAVAILABLE',
    `the embedded database in ${dataDir} is in use by another process (pid ${holder.pid}, "${holder.command}", since ${holder.since}); PGlite serves one process at a time. ${where} To run several processes on one database, set DATABASE_URL to a PostgreSQL server.`,
    { issues: [{ field: 'dataDir', rule: 'one-process', message: `held by pid ${holder.pid}` }] },
  );
}

/**
 * Takes the data directory's lock for this process, or throws `UNAVAILABLE` (exit code 9) naming the live
 * holder. `now` and `command` are what the record says about this holder.
 */
export function lockDataDir(dataDir: string, options: { command: string; now: Date }): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const mine: LockRecord = { pid: process.pid, command: options.command, since: options.now.toISOString() };

  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeFileSync(fd, `${JSON.stringify(mine)}\n`);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readRecord(path);
      if (attempt >= 5) throw refusal(dataDir, holder ?? mine);
      // A lock being written this very moment reads as empty: give its writer a moment, then look again
      // before calling it stale.
      if (holder === undefined && attempt < 3) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
        continue;
      }
      if (holder !== undefined && alive(holder.pid)) throw refusal(dataDir, holder);
      // Stale (its process is gone) or unreadable after retries: take it over. Removing and re-creating
      // keeps the exclusive create as the one point where two contenders are told apart.
      try {
        unlinkSync(path);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
    }
  }

  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    if (readRecord(path)?.pid !== process.pid) return;
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.on('exit', release);
  return {
    path,
    noteServing(serving) {
      if (!held) return;
      const next = `${path}.${process.pid}`;
      writeFileSync(next, `${JSON.stringify({ ...mine, ...serving })}\n`, { mode: 0o600 });
      renameSync(next, path);
    },
    release,
  };
}

/**
 * The server holding the data directory, if a live process holds it and serves the API with a key for
 * local command-line use: where to send the CLI's requests instead of opening the database.
 */
export function servingHolder(
  dataDir: string,
): (Required<ServingNote> & { readonly pid: number }) | undefined {
  const holder = readRecord(join(dataDir, LOCK_FILE));
  if (!holder?.url || !holder.cliKey || holder.pid === process.pid || !alive(holder.pid)) return undefined;
  return { url: holder.url, cliKey: holder.cliKey, pid: holder.pid };
}
