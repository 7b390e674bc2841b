import type { IdempotencyStore } from '../../ledger/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import {
  approveHardship,
  getHardshipRequest,
  listHardshipRequests,
  rejectHardship,
} from '../shared/decide-hardship.ts';
import { auditActorOf, type HardshipAskInput, type HardshipOutcomeOf } from '../shared/hardship-product.ts';
import { previewHardship, type HardshipPreviewOf } from '../shared/preview-hardship.ts';
import { requestHardship } from '../shared/request-hardship.ts';
import type { HardshipAsk, HardshipRules } from './hardship.ts';
import {
  insertHardshipRules,
  listHardshipRules,
  type HardshipActor,
  type HardshipRequest,
} from './hardship-requests.pg.ts';
import { loanHardshipProduct, rulesToday } from './hardship-steps.ts';
import type { LoanServiceDeps } from './loan-ports.ts';
import type { InstalmentView } from './servicing.ts';

export type { HardshipActor, HardshipRequest } from './hardship-requests.pg.ts';

/** What a request answers: the request as it stands, and — when it was applied — the schedule before and after. */
export type HardshipOutcome = HardshipOutcomeOf<HardshipRequest, readonly InstalmentView[]>;

/** What a hardship request would do if asked now: its money effect, whether it would wait, the schedules. */
export type HardshipPreview = HardshipPreviewOf<readonly InstalmentView[]>;

/**
 * Hardship tools on cash loans (issue 15, item 4): requests with reasons, maker-checker above the rules'
 * threshold, applied as loan events. The use cases are the shared hardship-request layer's
 * (`../shared/request-hardship.ts`, `decide-hardship.ts`, `preview-hardship.ts`) on the loan port
 * (`loanHardshipProduct`); this factory binds them.
 */
export interface LoanHardshipService {
  request(
    input: { loanId: string } & HardshipAskInput<HardshipAsk>,
  ): Promise<{ outcome: HardshipOutcome; replayed: boolean }>;
  /** What `request` would do now (money effect, whether it would wait, the schedules), writing nothing. */
  preview(input: { loanId: string; ask: HardshipAsk }): Promise<HardshipPreview>;
  approve(input: { requestId: string; checker: HardshipActor }): Promise<HardshipOutcome>;
  reject(input: { requestId: string; note: string; by: HardshipActor }): Promise<HardshipRequest>;
  get(requestId: string): Promise<HardshipRequest>;
  list(loanId: string): Promise<HardshipRequest[]>;
  /** Requests waiting for a second person on any loan, the longest-waiting first (at most `limit`). */
  pending(limit: number): Promise<HardshipRequest[]>;
  /** The rules in force today, and every dated entry. */
  rules(): Promise<{ inForce: HardshipRules; dated: HardshipRules[] }>;
  /** Records rules from a date (today or later; a date's rules are written once). */
  setRules(rules: HardshipRules, by: HardshipActor): Promise<HardshipRules>;
}

export function createLoanHardshipService(
  deps: LoanServiceDeps & { readonly audit?: AuditLog; readonly idempotency: IdempotencyStore },
): LoanHardshipService {
  const loan = loanHardshipProduct(deps);
  return {
    request: ({ loanId, ...input }) => requestHardship(deps, loan, { subjectId: loanId, ...input }),
    preview: ({ loanId, ask }) => previewHardship(deps, loan, { subjectId: loanId, ask }),
    approve: (input) => approveHardship(deps, loan, input),
    reject: (input) => rejectHardship(deps, loan, input),
    get: (requestId) => getHardshipRequest(deps, loan, requestId),
    list: (loanId) => listHardshipRequests(deps, loan, loanId),
    pending: (limit) => loan.store.pending(deps.db, limit),
    rules: async () => ({
      inForce: await rulesToday(deps.db, deps.clock.today()),
      dated: await listHardshipRules(deps.db),
    }),
    setRules: async (rules, by) => {
      const today = deps.clock.today();
      if (rules.effectiveFrom < today)
        throw AppError.invalid(
          'effectiveFrom',
          'not-in-the-past',
          `rules take effect from today (${today}) or later; past requests were decided under the rules then`,
        );
      return deps.db.transaction(async (tx) => {
        const existing = await listHardshipRules(tx);
        if (existing.some((entry) => entry.effectiveFrom === rules.effectiveFrom))
          throw AppError.invalid(
            'effectiveFrom',
            'once-per-date',
            `rules from ${rules.effectiveFrom} are recorded already; give a later date`,
          );
        await insertHardshipRules(tx, rules, `${by.name} (${by.keyId})`, deps.clock.now());
        await deps.audit?.record(
          {
            actor: auditActorOf(by),
            action: 'loan.hardship-rules',
            subject: { type: 'hardship-rules', id: rules.effectiveFrom },
            outcome: 'ok',
            details: { secondPersonAboveFen: rules.secondPersonAbove.toString() },
          },
          tx,
        );
        return rules;
      });
    },
  };
}
