import type { IdempotencyStore } from '../../ledger/index.ts';
import { approveHardship, listHardshipRequests, rejectHardship } from '../shared/decide-hardship.ts';
import type { HardshipActor } from '../shared/hardship-requests.pg.ts';
import type { HardshipAskInput, HardshipOutcomeOf } from '../shared/hardship-product.ts';
import { previewHardship, type HardshipPreviewOf } from '../shared/preview-hardship.ts';
import { requestHardship } from '../shared/request-hardship.ts';
import type { CreditLineServiceDeps } from './credit-line-ports.ts';
import type { LineHardshipAsk, LineHardshipFigures } from './line-hardship.ts';
import type { LineHardshipRequest } from './line-hardship-requests.pg.ts';
import { lineHardshipProduct, type LineHardshipDeps } from './line-hardship-steps.ts';
import { validateProduct } from './line-terms.ts';

export type { LineHardshipRequest } from './line-hardship-requests.pg.ts';

/** What a request answers: the request as it stands and — when just made or applied — the line before and after. */
export type LineHardshipOutcome = HardshipOutcomeOf<LineHardshipRequest, LineHardshipFigures | null>;

/** What a hardship request would do if asked now: its money effect, whether it would wait, the line's figures. */
export type LineHardshipPreview = HardshipPreviewOf<LineHardshipFigures>;

/**
 * Hardship tools on credit lines (issue 15, item 4 for lines): requests with reasons, maker-checker above the
 * lender's threshold (the loans' hardship rules), applied as line events. The use cases are the shared
 * hardship-request layer's (`../shared/request-hardship.ts`, `decide-hardship.ts`, `preview-hardship.ts`) on the
 * line port (`lineHardshipProduct`); this factory binds them.
 */
export interface LineHardshipService {
  request(
    input: { lineId: string } & HardshipAskInput<LineHardshipAsk>,
  ): Promise<{ outcome: LineHardshipOutcome; replayed: boolean }>;
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
  const line = lineHardshipProduct(deps);
  return {
    request: ({ lineId, ...input }) => requestHardship(deps, line, { subjectId: lineId, ...input }),
    preview: ({ lineId, ask }) => previewHardship(deps, line, { subjectId: lineId, ask }),
    approve: ({ lineId, ...input }) => approveHardship(deps, line, { subjectId: lineId, ...input }),
    reject: ({ lineId, ...input }) => rejectHardship(deps, line, { subjectId: lineId, ...input }),
    list: (lineId) => listHardshipRequests(deps, line, lineId),
    pending: (limit) => line.store.pending(deps.db, limit),
  };
}
