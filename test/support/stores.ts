import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../../src/platform/database/database.ts';
import { migrate } from '../../src/platform/database/migrate.ts';
import { openPglite } from '../../src/platform/database/pglite.ts';
import { openPostgres } from '../../src/platform/database/postgres.ts';
import { startFromSnapshot, templateSchema } from './pglite-snapshot.ts';
import { copyOfCitusTemplate } from './citus-template.ts';
import { copyOfTemplate, existingPostgresTemplate } from './postgres-template.ts';

/**
 * The stores every storage suite runs on: PGlite always, PostgreSQL too when `DATABASE_URL` is set (CI sets
 * it when a server answers on 127.0.0.1:5432), and a Citus cluster when `CITUS_URL` is set (its coordinator;
 * ./citus-template.ts). Each `fresh()` returns a database in a new schema with all
 * migrations applied, so tests never see each other's rows. One PGlite instance is shared per test file
 * (it takes seconds to start), started from a snapshot that already holds a few migrated schemas
 * (./pglite-snapshot.ts); schemas are dropped when the file ends.
 */
export interface StoreUnderTest {
  readonly name: 'pglite' | 'postgres' | 'citus';
  /** A new, migrated, empty schema. */
  fresh(options?: { migrate?: boolean; poolSize?: number }): Promise<Database>;
}

let sharedPglite: Promise<{ instance: PGlite; templates: number; dispose?: () => void }> | undefined;
/** How many of the snapshot's pre-migrated schemas this file has taken. */
let templatesTaken = 0;
const cleanups: Array<() => Promise<void>> = [];
let counter = 0;

function schemaName(): string {
  counter += 1;
  return `t_${process.pid}_${Date.now().toString(36)}_${counter}`;
}

/**
 * Drops what this test file's `fresh()` calls made and closes its PGlite instance. Registered after every
 * test file by ./per-file-setup.ts (vitest's setupFiles run before each file, also when files share their
 * modules in one worker), so the next file starts from the snapshot again.
 */
export async function releaseStoresOfThisFile(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  if (sharedPglite) {
    const { instance, dispose } = await sharedPglite;
    sharedPglite = undefined;
    templatesTaken = 0;
    await instance.close();
    dispose?.();
  }
}

export const pgliteStore: StoreUnderTest = {
  name: 'pglite',
  async fresh(options = {}) {
    sharedPglite ??= startFromSnapshot();
    const { instance, templates } = await sharedPglite;
    const schema = schemaName();
    // A migrated schema from the snapshot, renamed, when one is left; migrate() below then only checks
    // that every migration is recorded with its checksum.
    if (options.migrate !== false && templatesTaken < templates) {
      const template = templateSchema(templatesTaken);
      templatesTaken += 1;
      await instance.exec(`alter schema "${template}" rename to "${schema}"`);
    }
    const db = await openPglite({ instance, schema });
    if (options.migrate !== false) await migrate(db);
    return db;
  },
};

/** Per PostgreSQL URL: the migrated template database the global setup made, if any (looked up once). */
const templates = new Map<string, Promise<string | undefined>>();

/**
 * PostgreSQL at `url`. A migrated `fresh()` is, with `fromTemplate`, a new database copied from the
 * migrated template the global setup made (./postgres-template.ts; seconds faster than migrating a
 * schema), else a new schema of the URL's database, migrated; `migrate: false` is always a new schema.
 * Suites that reach the database by `url` and `db.schema` themselves take the default.
 */
export function postgresStore(url: string, options: { fromTemplate?: boolean } = {}): StoreUnderTest {
  return {
    name: 'postgres',
    async fresh(freshOptions = {}) {
      const name = schemaName();
      const max = freshOptions.poolSize ?? 5;
      if (options.fromTemplate && freshOptions.migrate !== false) {
        if (!templates.has(url)) templates.set(url, existingPostgresTemplate(url));
        const template = await templates.get(url);
        if (template) {
          const copy = await copyOfTemplate(url, template, name);
          const db = await openPostgres({ connectionString: copy.url, max });
          cleanups.push(async () => {
            await db.close().catch(() => undefined);
            await copy.drop();
          });
          // Finds every migration applied, checksums included: a no-op unless the template is wrong.
          await migrate(db);
          return db;
        }
      }
      const db = await openPostgres({ connectionString: url, schema: name, max });
      cleanups.push(async () => {
        await db.exec(`drop schema if exists "${name}" cascade`);
        await db.close();
      });
      if (freshOptions.migrate !== false) await migrate(db);
      return db;
    },
  };
}

/**
 * A Citus cluster whose coordinator is at `url`: each `fresh()` is a database of its own on every node,
 * copied from the migrated (or, with `migrate: false`, the bare) template the global setup made
 * (./citus-template.ts). Dropped on every node when the test file ends.
 */
export function citusStore(url: string): StoreUnderTest {
  return {
    name: 'citus',
    async fresh(freshOptions = {}) {
      const migrated = freshOptions.migrate !== false;
      const copy = await copyOfCitusTemplate(url, schemaName(), { migrated });
      const db = await openPostgres({ connectionString: copy.url, max: freshOptions.poolSize ?? 5 });
      cleanups.push(async () => {
        await db.close().catch(() => undefined);
        await copy.drop();
      });
      // Finds every migration applied and every table placed: a no-op unless the template is wrong.
      if (migrated) await migrate(db);
      return db;
    },
  };
}

/**
 * PGlite, plus PostgreSQL when DATABASE_URL is set, plus Citus when CITUS_URL is set. `TEST_STORES` (names,
 * comma-separated, e.g. `citus`) keeps only those: a run of the suites on one store alone.
 */
export function storesUnderTest(): StoreUnderTest[] {
  const stores: StoreUnderTest[] = [pgliteStore];
  const url = process.env.DATABASE_URL;
  if (url) stores.push(postgresStore(url, { fromTemplate: true }));
  const citusUrl = process.env.CITUS_URL;
  if (citusUrl) stores.push(citusStore(citusUrl));
  const only = process.env.TEST_STORES?.split(',').map((name) => name.trim());
  return only ? stores.filter((store) => only.includes(store.name)) : stores;
}
