import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { lockFacilityById } from '../facilities/facility.pg.ts';
import { costCapInForce } from '../shared/cost-cap-in-force.ts';
import type { CostCap } from '../shared/cost-cap.ts';
import { hardshipEvent, type AppliedHardship, type HardshipProduct } from '../shared/hardship-product.ts';
import {
  hardshipRulesOn,
  planHardship,
  type HardshipAsk,
  type HardshipPlan,
  type HardshipRules,
} from './hardship.ts';
import { loanHardshipApplied } from './loan-messages.ts';
import { bookEvent, locate } from './loan-command.ts';
import type { LoanDeps } from './loan-ports.ts';
import type { LoanEvent } from './loan-state.ts';
import { listHardshipRules, loanHardshipRequests, type HardshipRequest } from './hardship-requests.pg.ts';
import { loanEvents, lockLoan, type LoanRecord } from './loans.pg.ts';
import { advance, type InstalmentView } from './servicing.ts';

/** What the hardship use cases take: the loan use cases' deps and the audit log. */
export interface HardshipDeps extends LoanDeps {
  readonly audit?: AuditLog;
}

/** The loan, locked and read, with the plan of a request on it today. */
export interface PlannedLoanHardship {
  readonly record: LoanRecord;
  readonly events: LoanEvent[];
  readonly plan: HardshipPlan;
  readonly rules: HardshipRules;
  readonly today: LocalDate;
}

/** A cash loan as the subject of the shared hardship-request layer (`../shared/hardship-product.ts`). */
export type LoanHardshipProduct = HardshipProduct<
  HardshipAsk,
  'loanId',
  readonly InstalmentView[],
  readonly InstalmentView[],
  PlannedLoanHardship
>;

/** The rules in force today (the lender's dated rules; the defaults before any). */
export async function rulesToday(q: Queryable, today: LocalDate): Promise<HardshipRules> {
  return hardshipRulesOn(await listHardshipRules(q), today);
}

/** The all-in cost cap in force today (a reschedule's new schedule is held to it). */
async function capToday(deps: HardshipDeps): Promise<CostCap | undefined> {
  return costCapInForce(await deps.termsInForce('cash_loan', deps.clock.today())).costCap;
}

/** The loan locked (facility first, the lock order everywhere), stepped through today, and the plan of `ask`. */
async function planOnLockedLoan(
  deps: HardshipDeps,
  tx: Queryable,
  where: { customerId: string; facilityId: string },
  loanId: string,
  ask: HardshipAsk,
  requestId: string,
  /** The legal cap in force today (`capToday`, read before the transaction: PGlite has one connection). */
  costCap: CostCap | undefined,
): Promise<PlannedLoanHardship> {
  const today = deps.clock.today();
  await lockFacilityById(tx, where.customerId, where.facilityId);
  const record = await lockLoan(tx, where.customerId, loanId);
  if (!record) throw AppError.notFound('loan', loanId);
  const events = await loanEvents(tx, where.customerId, loanId);
  const rules = await rulesToday(tx, today);
  const { state } = advance(record.contract, record.state, today);
  const plan = planHardship(
    { contract: record.contract, state, events, today },
    ask,
    rules,
    costCap,
    requestId,
  );
  return { record, events, plan, rules, today };
}

/**
 * Carries a request out on the locked loan: the `hardship` event appended, the books restated by the core
 * and the difference posted as balanced journals (none for a re-age, a holiday or a reschedule, which only
 * re-time what is owed), the state saved, the facility's utilisation moved by principal repaid (a
 * settlement's payment), and the customer's message of what changed (the shared layer writes it and the audit
 * entry in the same transaction).
 */
async function applyOnLoan(
  deps: HardshipDeps,
  tx: Queryable,
  request: HardshipRequest,
  planned: PlannedLoanHardship,
): Promise<AppliedHardship> {
  const { record, events, plan, today } = planned;
  const event: LoanEvent = hardshipEvent(record.nextEventSeq, today, request.id, plan.change);
  const { state, journals } = await bookEvent(tx, deps, record, event, events);
  const message = loanHardshipApplied({
    loanId: request.loanId,
    customerId: request.customerId,
    requestId: request.id,
    change: plan.change,
    after: plan.after,
    moneyEffect: plan.moneyEffect,
    stateAfter: state,
  });
  return { seq: event.seq, journalIds: journals.map((journal) => journal.id), message };
}

/** The loan port of the hardship-request layer. */
export function loanHardshipProduct(deps: HardshipDeps): LoanHardshipProduct {
  return {
    auditName: 'loan',
    idempotencyScope: 'loan.hardship',
    idKind: 'hardshipRequest',
    previewId: 'hsr_preview',
    store: loanHardshipRequests,
    replayView: [],
    locate,
    planner: async () => {
      const costCap = await capToday(deps);
      return (tx, where, loanId, ask, requestId) =>
        planOnLockedLoan(deps, tx, where, loanId, ask, requestId, costCap);
    },
    apply: (tx, request, planned) => applyOnLoan(deps, tx, request, planned),
  };
}
