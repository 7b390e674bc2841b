import { businessDateOf, type LocalDate } from '../platform/time/local-date.ts';
import { carryOutErasure, decideHolds, recordHolds } from './erasure-steps.ts';
import { blockedErasures, findRequest, lockCustomer } from './erasure.pg.ts';
import type { PrivacyDeps } from './privacy-ports.ts';

/** What a day step of erasures did. */
export interface ErasureRunReport {
  readonly businessDate: LocalDate;
  /** Blocked requests looked at. */
  readonly checked: number;
  /** Carried out: their holds had lapsed (ids). */
  readonly erased: readonly string[];
  /** Still held (ids). */
  readonly stillBlocked: readonly string[];
}

/**
 * The day step of erasures: every blocked erasure request is checked again on `businessDate` (default: the
 * clock's) — a loan may have closed, an appeal been resolved, a retention period or a legal hold ended — and
 * carried out when nothing holds any more; otherwise its holds and date are brought up to date. One request
 * per transaction under the customer's row lock, so a crash loses nothing and a re-run does nothing twice.
 */
export async function runErasures(
  deps: Pick<PrivacyDeps, 'db' | 'clock' | 'keyring' | 'audit'>,
  options: { businessDate?: LocalDate; batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<ErasureRunReport> {
  const businessDate = options.businessDate ?? businessDateOf(deps.clock.now());
  const erased: string[] = [];
  const stillBlocked: string[] = [];
  let after = '';
  let checked = 0;
  for (;;) {
    const batch = await blockedErasures(deps.db, after, options.batchSize ?? 200);
    if (batch.length === 0) break;
    after = batch.at(-1)?.id ?? after;
    for (const candidate of batch) {
      await deps.db.transaction(async (tx) => {
        const customer = await lockCustomer(tx, candidate.customerId);
        const request = await findRequest(tx, candidate.customerId, candidate.id);
        if (!request || (request.status !== 'blocked' && request.status !== 'received') || customer.erasedAt)
          return;
        const found = await decideHolds(tx, request.customerId, businessDate);
        if (found.holds.length > 0) {
          await recordHolds(tx, request, found);
          stillBlocked.push(request.id);
          return;
        }
        const now = deps.clock.now();
        const done = await carryOutErasure(tx, deps, request, now, 'system');
        await deps.audit.record(
          {
            actor: { kind: 'system', id: 'system', name: 'system' },
            action: 'privacy.erasure-carried-out',
            subject: { type: 'customer', id: request.customerId },
            outcome: 'ok',
            details: { requestId: done.id, businessDate, requestedAt: request.requestedAt.toISOString() },
          },
          tx,
        );
        erased.push(request.id);
      });
      checked += 1;
      options.onProgress?.(checked);
    }
  }
  return { businessDate, checked, erased, stillBlocked };
}
