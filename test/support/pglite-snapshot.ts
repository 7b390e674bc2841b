import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  accessSync,
  appendFileSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statfsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { loadMigrations, migrate } from '../../src/platform/database/migrate.ts';
import { createPgliteInstance, openPglite } from '../../src/platform/database/pglite.ts';

/**
 * A PGlite data directory made once per run and copied for every test file, instead of each file running
 * `initdb` (≈ 7 s of CPU per file, measured) and each `fresh()` applying every migration (≈ 0.7 s). It holds
 * {@link TEMPLATE_SCHEMAS} schemas with all migrations applied; `fresh()` renames one of them to its own
 * name and then runs `migrate()` on it as before (a no-op that still checks every checksum).
 *
 * Each test file starts PGlite on a copy of the directory (`cp -a`, removed when the file ends). It used to
 * unpack a `dumpDataDir` archive into PGlite's in-memory file system, which spent most of its time growing
 * in-memory files: measured on four storage files in one worker, 29.9 s → 23.7 s of CPU (−21 %).
 *
 * The directory is named by a hash of the PGlite version and the migration files, so adding or changing a
 * migration makes a new one; it lives in `node_modules/.cache`, never in git.
 *
 * Its postgresql.conf sets {@link TEST_SHARED_BUFFERS} instead of initdb's 128 MB: PGlite starting on a data
 * directory spends most of its time setting up the shared buffers, and a test file's schemas are a few MB.
 * Measured (PGlite 0.5, one start on a copy of the snapshot, 3 rounds): 1.06–1.66 s of CPU → 0.59–0.70 s.
 * It applies to what starts from the snapshot only — the test files' instances and the data directories
 * of the `credence` processes the tests start ({@link migratedDataDirectory}); a real data directory keeps
 * initdb's setting.
 */
export const TEMPLATE_SCHEMAS = 4;

/** shared_buffers of every PGlite started from the snapshot (PostgreSQL's initdb writes 128MB). */
export const TEST_SHARED_BUFFERS = '32MB';

/** The environment variable naming the run's temporary folder (set by the global setup). */
export const TEST_RUN_DIR_ENV = 'CREDENCE_TEST_RUN_DIR';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where the run's temporary folder goes: /dev/shm when it is writable with at least 2 GB free (a tmpfs on
 * Linux), else the system's temporary directory. Each storage test file copies the 72 MB snapshot there and
 * its PGlite writes to the copy: on this machine's ext4 /tmp the copy alone took 1.2–1.6 s of system CPU,
 * on tmpfs 0.45–0.5 s (cp -a, 3 rounds each, load ~16). A small /dev/shm (a container's 64 MB) is not used.
 */
export function runDirectoryRoot(): string {
  const shm = '/dev/shm';
  try {
    const stats = statfsSync(shm);
    accessSync(shm, constants.W_OK);
    if (stats.bavail * stats.bsize >= 2 * 1024 ** 3) return shm;
  } catch {
    // no /dev/shm here
  }
  return tmpdir();
}

/** Schema name of the i-th pre-migrated schema in the snapshot. */
export function templateSchema(index: number): string {
  return `tpl_${index}`;
}

async function snapshotKey(): Promise<string> {
  const require = createRequire(import.meta.url);
  const pglitePackage = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(pglitePackage, 'utf8')) as { version: string };
  const hash = createHash('sha256').update(
    `format 3; templates ${TEMPLATE_SCHEMAS}; shared_buffers ${TEST_SHARED_BUFFERS}; pglite ${version}\n`,
  );
  for (const file of await loadMigrations()) hash.update(`${file.name} ${file.checksum}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** Where the snapshot directory for the current migrations lives (it may not exist yet). */
async function snapshotDirectory(): Promise<string> {
  return join(ROOT, 'node_modules', '.cache', 'credence-tests', `pglite-${await snapshotKey()}`);
}

/**
 * Builds the snapshot unless it is already there (vitest's global setup calls this once per run): migrated
 * in a directory of a temporary name, shut down cleanly and renamed, so two runs at once never read half of
 * one.
 */
export async function ensureSnapshot(): Promise<string> {
  const directory = await snapshotDirectory();
  if (existsSync(directory)) return directory;
  const partial = `${directory}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(dirname(partial), { recursive: true });
  const instance = await createPgliteInstance(partial);
  try {
    for (let index = 0; index < TEMPLATE_SCHEMAS; index += 1) {
      const db = await openPglite({ instance, schema: templateSchema(index) });
      await migrate(db);
    }
    await instance.exec('checkpoint');
  } finally {
    await instance.close();
  }
  // The last setting in the file wins over initdb's.
  appendFileSync(
    join(partial, 'postgresql.conf'),
    `\n# Credence's test snapshot (test/support/pglite-snapshot.ts)\nshared_buffers = ${TEST_SHARED_BUFFERS}\n`,
  );
  try {
    renameSync(partial, directory);
  } catch (error) {
    // Another run made it first.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(directory)) throw error;
  }
  return directory;
}

/**
 * A PGlite instance started on a copy of the snapshot, with the number of pre-migrated schemas it holds and
 * what removes the copy — or a bare in-memory instance and none when there is no snapshot (a test run
 * without the global setup).
 */
export async function startFromSnapshot(): Promise<{
  instance: PGlite;
  templates: number;
  dispose?: () => void;
}> {
  const directory = await snapshotDirectory();
  if (!existsSync(directory)) return { instance: await createPgliteInstance(), templates: 0 };
  // In the run's own folder (the global setup removes it at the end), so a worker killed mid-file leaves
  // no 70 MB copy behind.
  const copy = mkdtempSync(join(process.env[TEST_RUN_DIR_ENV] ?? tmpdir(), 'pglite-'));
  execFileSync('cp', ['-a', `${directory}/.`, copy]);
  return {
    instance: await createPgliteInstance(copy),
    templates: TEMPLATE_SCHEMAS,
    dispose: () => rmSync(copy, { recursive: true, force: true }),
  };
}

/**
 * Makes `pgdata` a migrated embedded database for a real `credence` process (`<dataDir>/pgdata`): a copy of
 * the snapshot's data directory whose first migrated schema becomes `public`, instead of the process running
 * `initdb` and every migration (≈ 8 s of CPU). Answers false, leaving `pgdata` alone, when the run has no
 * snapshot (a test file run without the global setup): the process then creates the database itself.
 */
export async function migratedDataDirectory(pgdata: string): Promise<boolean> {
  const directory = await snapshotDirectory();
  if (!existsSync(directory)) return false;
  mkdirSync(pgdata, { recursive: true });
  execFileSync('cp', ['-a', `${directory}/.`, pgdata]);
  const instance = await createPgliteInstance(pgdata);
  try {
    await instance.exec(`drop schema public cascade; alter schema ${templateSchema(0)} rename to public`);
    for (let index = 1; index < TEMPLATE_SCHEMAS; index += 1)
      await instance.exec(`drop schema ${templateSchema(index)} cascade`);
  } finally {
    await instance.close();
  }
  return true;
}
