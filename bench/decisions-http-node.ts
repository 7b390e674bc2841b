// One API node of the decisions HTTP benchmark, in its own process (as `credence serve` runs): the whole app
// on a PostgreSQL schema the benchmark has migrated and seeded, listening on a loopback port. It tells its
// parent (IPC) its URL, and on request its own CPU time and the database round trips it has made, so the
// parent can put CPU and round trips per decision on each process. Argument (argv[2], JSON):
// { connectionString, schema, poolSize, cache, applicationName }.
import { createApp } from '../src/app.ts';
import { testPiiConfig } from '../src/platform/config/config.ts';
import { openPostgres } from '../src/platform/database/postgres.ts';
import { countRoundTrips } from '../src/platform/database/round-trips.ts';
import { createLogger } from '../src/platform/logging/logger.ts';

export interface NodeSample {
  readonly type: 'sample';
  /** This process's CPU time so far (user + system), ms. */
  readonly cpuMs: number;
  readonly roundTrips: number;
}

export type NodeMessage = { readonly type: 'ready'; readonly url: string } | NodeSample;

interface NodeOptions {
  readonly connectionString: string;
  readonly schema: string;
  readonly poolSize: number;
  readonly cache: boolean;
  readonly applicationName: string;
}

const options = JSON.parse(process.argv[2] ?? '{}') as NodeOptions;
const counted = countRoundTrips(
  await openPostgres({
    connectionString: options.connectionString,
    schema: options.schema,
    max: options.poolSize,
    applicationName: options.applicationName,
  }),
);
const app = await createApp({
  config: {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: undefined,
    logLevel: 'warn',
    bodyLimit: 1_048_576,
    pii: testPiiConfig(),
  },
  db: counted.db,
  logger: createLogger({ level: 'warn' }),
  ...(options.cache ? {} : { snapshotCacheSize: 0 }),
});
const url = await app.start();
const send = (message: NodeMessage): void => {
  process.send?.(message);
};
process.on('message', (message: { type: string }) => {
  if (message.type === 'sample') {
    const used = process.cpuUsage();
    send({ type: 'sample', cpuMs: (used.user + used.system) / 1000, roundTrips: counted.roundTrips() });
  } else if (message.type === 'stop') {
    void app.stop().finally(() => process.exit(0));
  }
});
send({ type: 'ready', url });
