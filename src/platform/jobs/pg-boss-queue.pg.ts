import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { JobHandlers, JobQueue } from './jobs.ts';

/**
 * The jobs port on PostgreSQL, through pg-boss 10 (the last line that runs on Node 20). Why pg-boss over
 * graphile-worker: a job whose worker died is handed out again after its expiry (`expireInSeconds`), while
 * graphile-worker 0.16 keeps a crashed worker's job locked for 4 hours; pg-boss needs three small
 * dependencies and no native build or download; and its tables live in a schema of their own (`pgboss`), which
 * `credence migrate`'s Citus step never distributes (it places the current schema's tables only), so on a
 * Citus coordinator the queue is a set of plain local tables there (run on a cluster on 2026-12-07: `credence
 * eod` in 4 partitions, docs/citus.md).
 *
 * Credence does not rely on the queue alone for "a worker died": a handler keeps its own heartbeat in its
 * own rows and a silent one is given a new job (the day-end's partitions), so the expiry here is a backstop.
 * Jobs are polled (`pollingIntervalSeconds`), one `work` loop per slot of `concurrency`.
 */
export interface PgBossQueueOptions {
  readonly connectionString: string;
  /** Where pg-boss keeps its tables: `pgboss`, or `<schema>_jobs` beside a test's schema (read at start). */
  readonly schema: () => Promise<string>;
  readonly handlers: JobHandlers;
  /** Times a failing job is tried again (default 5). */
  readonly retryLimit?: number;
  /** Seconds an active job may run before pg-boss hands it out again (default 3,600). */
  readonly expireInSeconds?: number;
  /** Seconds between polls of an idle worker (default 1). */
  readonly pollingSeconds?: number;
  readonly onError: (error: unknown, context: string) => void;
}

export function createPgBossQueue(options: PgBossQueueOptions): JobQueue {
  let boss: PgBoss | undefined;
  let starting: Promise<PgBoss> | undefined;
  const started = (): Promise<PgBoss> => {
    starting ??= (async () => {
      const instance = new PgBoss({
        connectionString: options.connectionString,
        schema: await options.schema(),
        max: 4,
        application_name: 'credence-jobs',
        // No cron here; maintenance (expiry, archiving) on, every 30 s.
        schedule: false,
        supervise: true,
        maintenanceIntervalSeconds: 30,
      });
      instance.on('error', (error) => options.onError(error, 'pg-boss'));
      await instance.start();
      for (const name of options.handlers.names) await createQueueOnce(instance, name, options);
      boss = instance;
      return instance;
    })();
    return starting;
  };
  return {
    kind: 'queue',
    transactional: true,
    newJobId: () => randomUUID(),
    async enqueue(name, payload, enqueueOptions = {}) {
      if (!options.handlers.get(name)) throw new Error(`no handler for job ${name}`);
      const instance = await started();
      const within = enqueueOptions.within;
      const id = await instance.send(
        name,
        { ...payload },
        {
          ...(enqueueOptions.id ? { id: enqueueOptions.id } : {}),
          ...(enqueueOptions.singleton
            ? {
                singletonKey: enqueueOptions.singleton.key,
                singletonSeconds: Math.max(1, Math.round(enqueueOptions.singleton.seconds)),
              }
            : {}),
          ...(within
            ? { db: { executeSql: async (text: string, values: unknown[]) => within.query(text, values) } }
            : {}),
        },
      );
      // A singleton job already in its slot: pg-boss's unique index refused this one (not a fault).
      if (!id && enqueueOptions.singleton) return null;
      if (!id) throw new Error(`pg-boss did not queue ${name}`);
      return id;
    },
    async work(workOptions) {
      const instance = await started();
      for (const name of options.handlers.names) {
        const handler = options.handlers.get(name);
        if (!handler) continue;
        for (let slot = 0; slot < workOptions.concurrency; slot += 1) {
          await instance.work<Record<string, unknown>>(
            name,
            { batchSize: 1, pollingIntervalSeconds: options.pollingSeconds ?? 1 },
            async (jobs) => {
              for (const job of jobs) await handler(job.data, { jobId: job.id, worker: workOptions.worker });
            },
          );
        }
      }
    },
    async stop() {
      if (!starting) return;
      await starting.catch(() => undefined);
      await boss?.stop({ graceful: true, timeout: 30_000, wait: true });
    },
  };
}

/**
 * Creates the queue `name` unless it exists. Two processes starting at once on a fresh schema (two workers
 * of a new deployment) can both try, and pg-boss's DDL for a queue (its partition of the job table) then
 * deadlocks or collides in one of them: that one looks again and, if the other made it, goes on.
 */
async function createQueueOnce(instance: PgBoss, name: string, options: PgBossQueueOptions): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    if (await instance.getQueue(name)) return;
    try {
      await instance.createQueue(name, {
        name,
        retryLimit: options.retryLimit ?? 5,
        retryDelay: 1,
        expireInSeconds: options.expireInSeconds ?? 3_600,
      });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
