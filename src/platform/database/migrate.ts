import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors/app-error.ts';
import {
  anchorIsPlaced,
  CITUS_MIGRATION_SETTINGS,
  CITUS_SEQUENTIAL_DDL,
  createsTable,
  distributeTables,
  hasCitus,
  placeNewTables,
  splitSqlStatements,
  type TablePlacement,
} from './citus.ts';
import type { Database } from './database.ts';

/** `migrations/` at the project root: plain SQL, applied in file-name order. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export interface MigrationFile {
  readonly version: string;
  readonly name: string;
  readonly checksum: string;
  readonly sql: string;
}

export interface MigrationStatus {
  readonly applied: readonly string[];
  readonly pending: readonly string[];
  /** Applied files whose content has since changed. */
  readonly changed: readonly string[];
  /** Versions recorded in the database that this build does not have. */
  readonly unknown: readonly string[];
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replaceAll('\r\n', '\n')).digest('hex');
}

/** Reads and orders the migration files; refuses stray names and duplicate versions. */
export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  const seen = new Set<string>();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const match = FILE_NAME.exec(name);
    if (!match) {
      throw new AppError('MIGRATION_FAILED', `migration file "${name}" must be named NNNN_snake_case.sql`);
    }
    const version = match[1] ?? '';
    if (seen.has(version))
      throw new AppError('MIGRATION_FAILED', `two migration files share version ${version}`);
    seen.add(version);
    const sql = await readFile(`${dir}/${name}`, 'utf8');
    files.push({ version, name, checksum: checksumOf(sql), sql });
  }
  return files;
}

const LEDGER_TABLE = `
create table if not exists schema_migrations (
  version text primary key,
  name text not null,
  checksum text not null,
  applied_at timestamptz not null default now()
)`;

/**
 * Migrations rewritten after they shipped, with the same effect on PostgreSQL and PGlite (same columns,
 * same constraint names), so they also apply to a Citus cluster: the checksum each had before is accepted
 * for a database that applied it then. 0834 added a column with an inline unnamed check, which Citus refuses
 * on a table it already places; it now adds the column, then the check under the name PostgreSQL gave it.
 */
export const REWRITTEN_MIGRATIONS: Readonly<Record<string, readonly string[]>> = {
  '0834': ['f059a9145f101042920145be514de2fd87ce9a62129089438ccddcf2af057f19'],
};

// Any fixed 64-bit key: serialises concurrent migrators (two service instances starting at once).
const LOCK_KEY = 7_204_411_932_114n;

interface AppliedRow {
  version: string;
  name: string;
  checksum: string;
}

async function appliedMigrations(db: Database): Promise<AppliedRow[]> {
  await db.exec(LEDGER_TABLE);
  const result = await db.query<AppliedRow>(
    'select version, name, checksum from schema_migrations order by version',
  );
  return result.rows;
}

export async function migrationStatus(
  db: Database,
  files?: readonly MigrationFile[],
): Promise<MigrationStatus> {
  const available = files ?? (await loadMigrations());
  const applied = await appliedMigrations(db);
  const byVersion = new Map(available.map((file) => [file.version, file]));
  const appliedVersions = new Set(applied.map((row) => row.version));
  return {
    applied: applied.map((row) => row.name),
    pending: available.filter((file) => !appliedVersions.has(file.version)).map((file) => file.name),
    changed: applied
      .filter((row) => {
        const file = byVersion.get(row.version);
        return (
          file !== undefined &&
          file.checksum !== row.checksum &&
          !(REWRITTEN_MIGRATIONS[row.version] ?? []).includes(row.checksum)
        );
      })
      .map((row) => row.name),
    unknown: applied.filter((row) => !byVersion.has(row.version)).map((row) => row.name),
  };
}

export interface MigrateOptions {
  readonly files?: readonly MigrationFile[];
  /** Called before each file is applied (progress). */
  readonly onApply?: (file: MigrationFile, index: number, total: number) => void;
  /** Called once per table distributed on Citus (progress). */
  readonly onDistribute?: (placement: TablePlacement) => void;
}

/**
 * Applies pending migrations in order, each in its own transaction together with its row in
 * `schema_migrations`, so a failing file leaves no trace. Applying twice is a no-op. A file that was
 * applied and has since changed is refused before anything runs — fix it with a new migration instead.
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<string[]> {
  const files = options.files ?? (await loadMigrations());
  const status = await migrationStatus(db, files);
  if (status.changed.length > 0) {
    throw new AppError(
      'MIGRATION_CHECKSUM_MISMATCH',
      `applied migration(s) changed since they ran: ${status.changed.join(', ')}. ` +
        'Never edit an applied migration; add a new one that makes the change.',
      { details: { changed: status.changed } },
    );
  }
  const pending = files.filter((file) => status.pending.includes(file.name));
  // On a Citus coordinator, the same files run (against the shell tables of tables already distributed,
  // which Citus propagates to the shards), and then every table not yet placed is distributed by the rule.
  const citus = db.dialect === 'postgres' && (await hasCitus(db));
  const appliedNow: string[] = [];
  // Tables placed inside the migration being applied (reported once it has committed).
  const placedNow: TablePlacement[] = [];
  for (const [index, file] of pending.entries()) {
    options.onApply?.(file, index, pending.length);
    placedNow.length = 0;
    try {
      const ran = await db.transaction(async (tx) => {
        await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
        const already = await tx.query('select checksum from schema_migrations where version = $1', [
          file.version,
        ]);
        if (already.rows.length > 0) return false; // another process applied it while we waited
        if (citus) {
          // One statement at a time: see splitSqlStatements (same transaction, same effect). On a cluster
          // already installed, a table is placed right after the statement that created it, so the rest of
          // the migration can point foreign keys of distributed tables at it (placeNewTables).
          await tx.exec(CITUS_MIGRATION_SETTINGS);
          const placeAsCreated = await anchorIsPlaced(tx);
          if (placeAsCreated) await tx.exec(CITUS_SEQUENTIAL_DDL);
          for (const statement of splitSqlStatements(file.sql)) {
            await tx.exec(statement);
            if (placeAsCreated && createsTable(statement))
              placedNow.push(...(await placeNewTables(tx, db.schema)));
          }
        } else await tx.exec(file.sql);
        await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
          file.version,
          file.name,
          file.checksum,
        ]);
        return true;
      });
      if (ran) {
        appliedNow.push(file.name);
        for (const placement of placedNow) options.onDistribute?.(placement);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('MIGRATION_FAILED', `migration ${file.name} failed and was rolled back: ${reason}`, {
        cause: error,
        details: { migration: file.name },
      });
    }
  }
  if (citus) {
    for (const placement of await distributeTables(db, LOCK_KEY)) options.onDistribute?.(placement);
  }
  return appliedNow;
}
