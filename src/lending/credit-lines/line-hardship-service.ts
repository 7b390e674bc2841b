import type { IdempotencyStore } from '../../ledger/index.ts';
import type { HardshipActor } from '../loans/hardship-requests.pg.ts';
import type { CreditLineServiceDeps } from './credit-line-ports.ts';
import { approveLineHardship, listLineHardship, rejectLineHardship } from './decide-line-hardship.ts';
import type { LineHardshipAsk } from './line-hardship.ts';
import { listPendingLineHardshipRequests, type LineHardshipRequest } from './line-hardship-requests.pg.ts';
import type { LineHardshipDeps } from './line-hardship-steps.ts';
import { validateProduct } from './line-terms.ts';
import { previewLineHardship, type LineHardshipPreview } from './preview-line-hardship.ts';
import { requestLineHardship, type LineHardshipOutcome } from './request-line-hardship.ts';

export type { LineHardshipRequest } from './line-hardship-requests.pg.ts';
export type { LineHardshipOutcome } from './request-line-hardship.ts';
export type { LineHardshipPreview } from './preview-line-hardship.ts';

/**
 * Hardship tools on credit lines (issue 15, item 4 for lines): requests with reasons, maker-checker above the
 * lender's threshold (the loans' hardship rules), applied as line events. Use cases one file each
 * (`request-line-hardship.ts`, `decide-line-hardship.ts`, `preview-line-hardship.ts`); this factory binds them.
 */
export interface LineHardshipService {
  request(input: {
    lineId: string;
    ask: LineHardshipAsk;
    reasons: readonly { code: string; note: string }[];
    maker: HardshipActor;
    idempotencyKey: string;
  }): Promise<{ outcome: LineHardshipOutcome; replayed: boolean }>;
  /** What `request` would do now (money effect, whether it would wait, the line's figures), writing nothing. */
  preview(input: { lineId: string; ask: LineHardshipAsk }): Promise<LineHardshipPreview>;
  approve(input: { lineId: string; requestId: string; checker: HardshipActor }): Promise<LineHardshipOutcome>;
  reject(input: {
    lineId: string;
    requestId: string;
    note: string;
    by: HardshipActor;
  }): Promise<LineHardshipRequest>;
  list(lineId: string): Promise<LineHardshipRequest[]>;
  /** Requests waiting for a second person on any line, the longest-waiting first (at most `limit`). */
  pending(limit: number): Promise<LineHardshipRequest[]>;
}

/** The composition root passes the idempotency store (an adapter of the ledger context). */
export function createLineHardshipService(
  serviceDeps: CreditLineServiceDeps & { readonly idempotency: IdempotencyStore },
): LineHardshipService {
  const deps: LineHardshipDeps = { ...serviceDeps, product: validateProduct(serviceDeps.product) };
  return {
    request: (input) => requestLineHardship(deps, input),
    preview: (input) => previewLineHardship(deps, input),
    approve: (input) => approveLineHardship(deps, input),
    reject: (input) => rejectLineHardship(deps, input),
    list: (lineId) => listLineHardship(deps, lineId),
    pending: (limit) => listPendingLineHardshipRequests(deps.db, limit),
  };
}
