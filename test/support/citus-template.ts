import { createHash } from 'node:crypto';
import pg from 'pg';
import { quoteIdent } from '../../src/platform/database/database.ts';
import { loadMigrations, migrate } from '../../src/platform/database/migrate.ts';
import { openPostgres } from '../../src/platform/database/postgres.ts';
import { withDatabase } from './postgres-template.ts';

/**
 * Databases for the storage suites on a Citus cluster (`CITUS_URL`: a coordinator whose database has the
 * extension and its workers registered, docs/citus.md).
 *
 * On plain PostgreSQL each `fresh()` is a copy of a migrated template database or a new schema. A schema per
 * test does not work on Citus: trigger functions run on the workers, under the worker session's
 * `search_path`, which Citus does not carry over, so they would not find the test schema's tables. And
 * migrating is slow there (every table is distributed: ~15 s a time on this machine). So a Citus `fresh()` is
 * a database of its own, copied on every node at once with `CREATE DATABASE … TEMPLATE` from a template that
 * is itself a small Citus cluster: the coordinator's copy holds the metadata (nodes, shards, placements),
 * each worker's copy holds that node's shards, and Citus reaches the workers under the current database's
 * name — so the copies together are a cluster of their own, in ~1 s, with nothing shared between tests.
 *
 * Two templates, both made once (the global setup) and named by a hash of the migrations: a bare one (the
 * extension, the nodes registered) for `migrate: false`, and one with every migration applied and every
 * table placed. A template must have no session connected to be copied, and Citus keeps a maintenance daemon
 * (and its connections to the other nodes) in every database that uses it: a finished template is closed to
 * connections (`allow_connections false`, which a copy does not inherit) and its sessions are ended.
 */
const PREFIX = 'credence_ctpl_';

/**
 * Shards per distributed table in the test templates: 8 (4 per worker) instead of Citus's default 32 keeps
 * the templates small and fast to copy while customers still spread over several shards on both workers.
 */
const TEST_SHARD_COUNT = 8;

async function templateNames(): Promise<{ bare: string; migrated: string }> {
  const hash = createHash('sha256').update(`citus format 1, ${TEST_SHARD_COUNT} shards\n`);
  for (const file of await loadMigrations()) hash.update(`${file.name} ${file.checksum}\n`);
  const id = hash.digest('hex').slice(0, 16);
  return { bare: `${PREFIX}bare_${id}`, migrated: `${PREFIX}${id}` };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The URL of another node of the cluster: same user, password and options, another host and port. */
function nodeUrl(url: string, host: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = host;
  parsed.port = String(port);
  return parsed.toString();
}

interface Cluster {
  /** The coordinator's URL with database `postgres` (admin work: create, rename, drop databases). */
  readonly coordinator: string;
  /** The workers' URLs, database `postgres`. */
  readonly workers: readonly string[];
  readonly coordinatorHost: string;
  readonly coordinatorPort: number;
  readonly workerNodes: readonly { host: string; port: number }[];
}

const clusters = new Map<string, Promise<Cluster>>();

/** The cluster behind `url`: its workers as registered in `url`'s database. */
function clusterOf(url: string): Promise<Cluster> {
  let known = clusters.get(url);
  if (known === undefined) {
    known = withClient(url, async (client) => {
      const rows = await client.query<{ nodename: string; nodeport: number }>(
        `select nodename, nodeport from pg_dist_node
          where groupid <> 0 and noderole = 'primary' and isactive order by nodeid`,
      );
      const parsed = new URL(url);
      const coordinatorPort = Number(parsed.port || '5432');
      const workerNodes = rows.rows.map((row) => ({ host: row.nodename, port: row.nodeport }));
      return {
        coordinator: withDatabase(url, 'postgres'),
        workers: workerNodes.map((node) => withDatabase(nodeUrl(url, node.host, node.port), 'postgres')),
        coordinatorHost: parsed.hostname,
        coordinatorPort,
        workerNodes,
      };
    });
    clusters.set(url, known);
  }
  return known;
}

function nodesOf(cluster: Cluster): string[] {
  return [cluster.coordinator, ...cluster.workers];
}

/** Runs `sql` against the `postgres` database of every node at once. */
async function onEveryNode(cluster: Cluster, sql: string): Promise<void> {
  const results = await Promise.allSettled(
    nodesOf(cluster).map((node) => withClient(node, (c) => c.query(sql))),
  );
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

async function dropEverywhere(cluster: Cluster, database: string): Promise<void> {
  await onEveryNode(cluster, `drop database if exists ${quoteIdent(database)} with (force)`);
}

/**
 * Closes `database` to connections on every node and ends its sessions (the maintenance daemon and the
 * connections between nodes), so it can be renamed and copied.
 */
async function seal(cluster: Cluster, database: string): Promise<void> {
  await onEveryNode(cluster, `alter database ${quoteIdent(database)} allow_connections false`);
  const ended = nodesOf(cluster).map((node) =>
    withClient(node, (c) =>
      c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [database]),
    ),
  );
  await Promise.all(ended);
}

/** `create database … template` on every node at once; on a failure, the copies made are dropped. */
async function copyEverywhere(cluster: Cluster, template: string, database: string): Promise<void> {
  try {
    await onEveryNode(cluster, `create database ${quoteIdent(database)} template ${quoteIdent(template)}`);
  } catch (error) {
    await dropEverywhere(cluster, database).catch(() => undefined);
    throw error;
  }
}

async function exists(cluster: Cluster, database: string): Promise<boolean> {
  return withClient(cluster.coordinator, async (c) =>
    Boolean((await c.query('select 1 from pg_database where datname = $1', [database])).rowCount),
  );
}

/** The bare cluster database: the extension on every node, the coordinator and the workers registered. */
async function buildBare(cluster: Cluster, database: string): Promise<void> {
  await onEveryNode(cluster, `create database ${quoteIdent(database)}`);
  await Promise.all(
    nodesOf(cluster).map((node) =>
      withClient(withDatabase(node, database), (c) => c.query('create extension citus')),
    ),
  );
  await withClient(withDatabase(cluster.coordinator, database), async (c) => {
    await c.query('select citus_set_coordinator_host($1, $2)', [
      cluster.coordinatorHost,
      cluster.coordinatorPort,
    ]);
    for (const node of cluster.workerNodes) {
      await c.query('select citus_add_node($1, $2)', [node.host, node.port]);
    }
  });
}

async function renameEverywhere(cluster: Cluster, from: string, to: string): Promise<void> {
  // Workers first: the coordinator's name is the one `existingCitusTemplates` looks for.
  for (const node of [...cluster.workers, cluster.coordinator]) {
    await withClient(node, (c) => c.query(`alter database ${quoteIdent(from)} rename to ${quoteIdent(to)}`));
  }
}

/**
 * Makes the two templates on the cluster of `url` unless they exist. Two runs at once are serialised by an
 * advisory lock; each template is built under a temporary name and renamed when complete.
 */
export async function ensureCitusTemplates(url: string): Promise<void> {
  const cluster = await clusterOf(url);
  const names = await templateNames();
  await withClient(cluster.coordinator, async (admin) => {
    await admin.query('select pg_advisory_lock(hashtext($1))', ['credence citus test template']);
    try {
      if (!(await exists(cluster, names.bare))) {
        const building = `${names.bare.slice(0, 50)}_${process.pid}`;
        await dropEverywhere(cluster, building);
        await buildBare(cluster, building);
        await seal(cluster, building);
        await renameEverywhere(cluster, building, names.bare);
      }
      if (!(await exists(cluster, names.migrated))) {
        const building = `${names.migrated}_${process.pid}`;
        await dropEverywhere(cluster, building);
        await copyEverywhere(cluster, names.bare, building);
        await withClient(withDatabase(cluster.coordinator, building), (c) =>
          c.query(`alter database ${quoteIdent(building)} set citus.shard_count = ${TEST_SHARD_COUNT}`),
        );
        const db = await openPostgres({ connectionString: withDatabase(url, building), max: 2 });
        try {
          await migrate(db);
        } finally {
          await db.close();
        }
        await seal(cluster, building);
        await renameEverywhere(cluster, building, names.migrated);
      }
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', ['credence citus test template']);
    }
  });
}

/**
 * A new Citus database (on every node) for one `fresh()`: migrated (copied from the migrated template) or,
 * with `migrated: false`, bare. `drop` removes it from every node. The templates must exist (the global
 * setup makes them when `CITUS_URL` is set).
 */
export async function copyOfCitusTemplate(
  url: string,
  database: string,
  options: { readonly migrated: boolean },
): Promise<{ url: string; drop: () => Promise<void> }> {
  const cluster = await clusterOf(url);
  const names = await templateNames();
  const template = options.migrated ? names.migrated : names.bare;
  if (!(await exists(cluster, template))) await ensureCitusTemplates(url);
  await copyEverywhere(cluster, template, database);
  return {
    url: withDatabase(url, database),
    drop: () => dropEverywhere(cluster, database),
  };
}
