import type { AuditActor } from '../platform/audit/audit-log.ts';
import { downloadCopy, type CopyFormat } from './download-copy.ts';
import type { ExportDeps, ExportJob } from './export-ports.ts';
import { getCopy, listCopies } from './get-copy.ts';
import { purgeExpiredCopies } from './purge-expired-copies.ts';
import { requestCopy, type CopyRequest } from './request-copy.ts';
import { runCopy, type CopyProgress } from './run-copy.ts';

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
  /** Start-up: resumes every copy left queued or running by a process that stopped. */
  recover(): Promise<{ resumed: number }>;
  /** Resolves when every copy started so far has finished (tests, shutdown). */
  idle(): Promise<void>;
}

export function createCopyService(deps: ExportDeps): CopyService {
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
      const jobs = await deps.store.unfinished(deps.db);
      for (const job of jobs) enqueue(job);
      return { resumed: jobs.length };
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
