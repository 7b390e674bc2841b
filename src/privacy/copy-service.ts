import type { AuditActor } from '../platform/audit/audit-log.ts';
import { createStaleTakeOver } from '../platform/time/stale-takeover.ts';
import { downloadCopy, type CopyFormat } from './download-copy.ts';
import type { ExportDeps, ExportJob } from './export-ports.ts';
import { getCopy, listCopies } from './get-copy.ts';
import { purgeExpiredCopies } from './purge-expired-copies.ts';
import { requestCopy, type CopyRequest } from './request-copy.ts';
import { runCopy, STALE_COPY_MS, type CopyProgress } from './run-copy.ts';

/** Copies of one's data: the use cases bound to their dependencies, and the background runner. */
export interface CopyService {
  /** Records and queues a copy, then makes it in the background (one at a time per process). */
  request(input: CopyRequest): Promise<{ job: ExportJob; created: boolean }>;
  /** Records a copy and makes it now, reporting progress (the CLI). */
  make(input: CopyRequest, onProgress?: CopyProgress): Promise<ExportJob>;
  get(input: { customerId?: string; exportId: string; actor: AuditActor }): Promise<ExportJob>;
  list(input: { customerId: string; actor: AuditActor; limit?: number }): Promise<ExportJob[]>;
  download(input: {
    customerId?: string;
    exportId: string;
    actor: AuditActor;
    format: CopyFormat;
  }): Promise<{ body: Uint8Array; filename: string; mediaType: string; sha256: string | null }>;
  /** The day step: purges expired copies. */
  purgeExpired(): Promise<{ purged: number }>;
  /**
   * Start-up: resumes every copy left queued, or running but silent for `STALE_COPY_MS`, by a process that
   * stopped; a running copy that wrote progress more recently may still have a live owner, so it waits
   * (a timer) until it has been silent that long and is then taken over if nobody finished it.
   */
  recover(): Promise<{ resumed: number; waiting: number }>;
  /** Resolves when every copy started so far has finished (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops the timers of copies waiting to be taken over (shutdown). */
  close(): void;
}

export function createCopyService(
  deps: ExportDeps,
  options: {
    /** Caps one wait for a copy to go stale (tests with a manual clock); default the time left. */
    readonly recheckMs?: number;
  } = {},
): CopyService {
  const stale = createStaleTakeOver({
    clock: deps.clock,
    staleMs: STALE_COPY_MS,
    ...(options.recheckMs !== undefined ? { recheckMs: options.recheckMs } : {}),
  });
  // One copy at a time in this process: a copy reads a whole history; decisions keep the other core.
  let chain: Promise<unknown> = Promise.resolve();
  const pending = new Set<Promise<unknown>>();
  const enqueue = (job: ExportJob): void => {
    const task = chain.then(async () => {
      const current = (await deps.store.find(deps.db, job.customerId, job.id)) ?? job;
      if (current.status === 'queued' || current.status === 'running') await runCopy(deps, current);
    });
    chain = task.catch(() => undefined);
    pending.add(task);
    void task.finally(() => pending.delete(task)).catch(() => undefined);
  };
  /** A queued copy is run now; a running one once silent long enough (`begin` claims it atomically). */
  const takeOver = (job: ExportJob): 'now' | 'waiting' => {
    if (job.status === 'queued') {
      stale.cancel(job.id);
      enqueue(job);
      return 'now';
    }
    const outcome = stale.wait(job.id, job.updatedAt, () => {
      void deps.store
        .find(deps.db, job.customerId, job.id)
        .then((latest) => {
          if (latest && (latest.status === 'queued' || latest.status === 'running')) takeOver(latest);
        })
        .catch(() => undefined);
    });
    if (outcome === 'now') enqueue(job);
    return outcome;
  };
  return {
    async request(input) {
      const result = await requestCopy(deps, input);
      if (result.created) enqueue(result.job);
      return result;
    },
    async make(input, onProgress) {
      const { job } = await requestCopy(deps, input);
      await runCopy(deps, job, onProgress);
      return (await deps.store.find(deps.db, job.customerId, job.id)) ?? job;
    },
    get: (input) => getCopy(deps, input),
    list: (input) => listCopies(deps, input),
    download: (input) => downloadCopy(deps, input),
    purgeExpired: () => purgeExpiredCopies(deps),
    async recover() {
      let resumed = 0;
      let waiting = 0;
      for (const job of await deps.store.unfinished(deps.db)) {
        const outcome = takeOver(job);
        if (outcome === 'now') resumed += 1;
        else waiting += 1;
      }
      return { resumed, waiting };
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    close() {
      stale.close();
    },
  };
}
