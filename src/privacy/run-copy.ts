import { AppError } from '../platform/errors/app-error.ts';
import { addDays, businessDateOf, startOfBusinessDate } from '../platform/time/local-date.ts';
import type { ExportDeps, ExportJob } from './export-ports.ts';
import { exportRow } from './export-rows.ts';
import { EXPORT_SCHEMA, TABLE_SECTIONS } from './export-sections.ts';
import { addToSummary, emptySummary, renderSummaryHtml } from './export-summary.ts';
import { systemActor } from './privacy-actors.ts';

const DAY_MS = 86_400_000;
/**
 * A running copy silent this long was left by a process that stopped (progress is written after every
 * step; the longest step, five years of events, takes seconds), so another run may take it over.
 */
export const STALE_COPY_MS = 120_000;

/** What a run reports as it goes: steps done of the total. */
export type CopyProgress = (done: number, total: number) => Promise<void> | void;

/**
 * Makes one copy: the identity, the features as of the chosen date, then every table section a page at a
 * time, streamed into a gzip JSON document while a bounded summary is collected for the HTML page; both
 * files are sealed under the PII vault and stored with their expiry, the request is closed and the audit
 * log says so — the last three in one transaction. Progress (steps done) is written after each step, so a
 * reader sees it and a restart knows the job is unfinished; a restarted job runs again from the start (it
 * only reads, so running twice gives the same copy of the same data). A job run more than `maxAttempts`
 * times, or one that throws, is marked failed with the reason, the request closed as failed.
 */
export async function runCopy(
  deps: ExportDeps,
  job: ExportJob,
  onProgress?: CopyProgress,
): Promise<ExportJob['status']> {
  const { db, clock, store, settings } = deps;
  if (job.attempts >= settings.maxAttempts) {
    await failCopy(deps, job, {
      code: 'UNAVAILABLE',
      message: `the copy was started ${job.attempts} times without finishing; ask for a new one`,
    });
    return 'failed';
  }
  const startedAt = clock.now();
  const staleBefore = new Date(startedAt.getTime() - STALE_COPY_MS);
  if (!(await store.begin(db, job.customerId, job.id, startedAt, staleBefore))) return job.status;
  let done = 0;
  const step = async (): Promise<void> => {
    done += 1;
    await store.progress(db, job.customerId, job.id, done, clock.now());
    await onProgress?.(done, job.total);
  };
  try {
    const generatedAt = clock.now();
    const summary = emptySummary({
      exportId: job.id,
      generatedAt: generatedAt.toISOString(),
      asOf: job.asOf,
      identityMode: job.identity,
    });
    const json = deps.archive();
    await json.write(
      `{"schema":${JSON.stringify(EXPORT_SCHEMA)},"exportId":${JSON.stringify(job.id)},` +
        `"customerId":${JSON.stringify(job.customerId)},"generatedAt":${JSON.stringify(generatedAt.toISOString())},` +
        `"asOf":${JSON.stringify(job.asOf)},"identityShown":${JSON.stringify(job.identity)},` +
        `"units":{"money":"yuan as a decimal string; the field ending in Fen gives the same amount in integer fen","instants":"ISO 8601, UTC","dates":"YYYY-MM-DD, Asia/Shanghai"}`,
    );

    summary.identity = await deps.identity(job.customerId, job.identity);
    await json.write(`,"identity":${JSON.stringify(summary.identity)}`);
    await step();

    // Today's copy reads the features now; an earlier date reads them at the end of that day (Shanghai).
    const asOfInstant =
      job.asOf === businessDateOf(generatedAt)
        ? generatedAt
        : new Date(startOfBusinessDate(addDays(job.asOf, 1)).getTime() - 1);
    summary.features = await deps.features(job.customerId, asOfInstant);
    await json.write(`,"features":${JSON.stringify(summary.features)}`);
    await step();

    for (const section of TABLE_SECTIONS) {
      await json.write(`,${JSON.stringify(section.name)}:[`);
      let first = true;
      await deps.sources.read(section, job.customerId, async (rows) => {
        const parts: string[] = [];
        for (const row of rows) {
          const record = exportRow(section, row);
          addToSummary(summary, section.name, record);
          parts.push(`${first ? '' : ','}${JSON.stringify(record)}`);
          first = false;
        }
        await json.write(parts.join(''));
      });
      await json.write(']');
      summary.counts[section.name] ??= 0;
      await step();
    }
    await json.write(`,"counts":${JSON.stringify(summary.counts)}}`);
    const document = await json.finish();
    const html = deps.archive();
    await html.write(renderSummaryHtml(summary));
    const page = await html.finish();

    const finishedAt = clock.now();
    const expiresAt = new Date(finishedAt.getTime() + settings.copyDays * DAY_MS);
    const files = {
      document: deps.seal(document.gzip, job.customerId),
      summary: deps.seal(page.gzip, job.customerId),
      documentSha256: document.sha256,
      documentBytes: document.bytes,
      counts: summary.counts,
    };
    await db.transaction(async (tx) => {
      await store.finish(tx, job.customerId, job.id, files, finishedAt, expiresAt);
      await deps.audit.record(
        {
          actor: systemActor,
          action: 'privacy.copy-ready',
          subject: { type: 'customer', id: job.customerId },
          outcome: 'ok',
          details: {
            exportId: job.id,
            requestId: job.requestId,
            sha256: document.sha256,
            bytes: document.bytes,
            expiresAt: expiresAt.toISOString(),
          },
        },
        tx,
      );
    });
    await onProgress?.(job.total, job.total);
    return 'done';
  } catch (error) {
    await failCopy(deps, job, {
      code: error instanceof AppError ? error.code : 'INTERNAL',
      message: error instanceof AppError ? error.message : 'the copy could not be made; ask for a new one',
    });
    return 'failed';
  }
}

async function failCopy(
  deps: Pick<ExportDeps, 'db' | 'store' | 'audit' | 'clock'>,
  job: ExportJob,
  error: NonNullable<ExportJob['error']>,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await deps.store.fail(tx, job.customerId, job.id, error, deps.clock.now());
    await deps.audit.record(
      {
        actor: systemActor,
        action: 'privacy.copy-ready',
        subject: { type: 'customer', id: job.customerId },
        outcome: 'failed',
        details: { exportId: job.id, requestId: job.requestId, error: error.code },
      },
      tx,
    );
  });
}
