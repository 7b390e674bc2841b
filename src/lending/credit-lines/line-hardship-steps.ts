import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { Facility } from '../facilities/facility.ts';
import { lockFacilityById } from '../facilities/facility.pg.ts';
import { hardshipRulesOn, type HardshipRules } from '../loans/hardship.ts';
import { listHardshipRules } from '../loans/hardship-requests.pg.ts';
import type { CostCap } from '../shared/cost-cap.ts';
import { costCapInForce } from '../shared/cost-cap-in-force.ts';
import { hardshipEvent, type AppliedHardship, type HardshipProduct } from '../shared/hardship-product.ts';
import type { CreditLineDeps } from './credit-line-ports.ts';
import { lineEvents, lockLine, type LineRecord } from './credit-lines.pg.ts';
import { PLAN_ACCOUNT_KINDS } from './line-books.ts';
import { locate, take } from './line-command.ts';
import {
  planLineHardship,
  type LineHardshipAsk,
  type LineHardshipFigures,
  type LineHardshipPlan,
} from './line-hardship.ts';
import { lineHardshipRequests, type LineHardshipRequest } from './line-hardship-requests.pg.ts';
import { assertLineOpen } from './line-lifecycle.ts';
import { lineHardshipApplied } from './line-messages.ts';
import { advanceLine } from './line-servicing.ts';
import type { LineEvent } from './line-state.ts';

/** What the line hardship use cases take: the credit-line use cases' deps (audit log, outbox included). */
export type LineHardshipDeps = CreditLineDeps;

/** The line, locked and read, with the plan of a request on it today. */
export interface PlannedLineHardship {
  readonly facility: Facility;
  readonly record: LineRecord;
  readonly events: readonly LineEvent[];
  readonly plan: LineHardshipPlan;
  /** The lender's hardship rules in force today (the loans' rules: one threshold for both products). */
  readonly rules: HardshipRules;
  readonly today: LocalDate;
}

/**
 * The line locked (facility first, the lock order of every line command), open, stepped through today, and
 * the plan of `ask` on it (refused with the field and the rule when it may not be done).
 */
async function planOnLockedLine(
  deps: LineHardshipDeps,
  tx: Queryable,
  where: { customerId: string; facilityId: string },
  lineId: string,
  ask: LineHardshipAsk,
  requestId: string,
  cap: CostCap | undefined,
): Promise<PlannedLineHardship> {
  const today = deps.clock.today();
  const facility = await lockFacilityById(tx, where.customerId, where.facilityId);
  if (!facility) throw new AppError('INTERNAL', `the facility of line ${lineId} is missing`);
  const record = await lockLine(tx, where.customerId, lineId);
  if (!record) throw AppError.notFound('credit line', lineId);
  assertLineOpen(record.closedOn, lineId);
  const events = await lineEvents(tx, where.customerId, lineId);
  const rules = hardshipRulesOn(await listHardshipRules(tx), today);
  const { state } = advanceLine(record.terms, record.state, today);
  // A reschedule's workout plan is a ledger contract of its own: its id is taken now (a preview takes one too,
  // never used), and its accounts are opened when the request is carried out.
  const planId = ask.tool === 'reschedule' ? deps.ids.next('instalmentPlan') : undefined;
  const plan = planLineHardship({ terms: record.terms, state, events, today }, ask, requestId, rules, {
    ...(planId === undefined ? {} : { planId }),
    cap,
  });
  return { facility, record, events, plan, rules, today };
}

/** A credit line as the subject of the shared hardship-request layer (`../shared/hardship-product.ts`). */
export type LineHardshipProduct = HardshipProduct<
  LineHardshipAsk,
  'lineId',
  LineHardshipFigures,
  null,
  PlannedLineHardship
>;

/**
 * Carries a request out on the locked line: the `hardship` event appended and booked by the core (the day steps
 * up to today first, then the change; balanced journals `hardship:<line>:<seq>` per contract that moved), the
 * state saved, and the customer's message (`line_hardship_applied`; the shared layer writes it and the audit
 * entry in the same transaction).
 */
async function applyOnLine(
  deps: LineHardshipDeps,
  tx: Queryable,
  request: LineHardshipRequest,
  planned: PlannedLineHardship,
): Promise<AppliedHardship> {
  const { facility, record, events, plan, today } = planned;
  if (plan.change.tool === 'reschedule')
    await deps.ledger.openAccounts(
      tx,
      [{ customerId: request.customerId, contractId: plan.change.planId }],
      PLAN_ACCOUNT_KINDS,
      deps.clock.now(),
    );
  const event: LineEvent = {
    ...hardshipEvent(record.nextEventSeq, today, request.id, plan.change),
    amount: plan.moneyEffect,
  };
  const taken = await take(deps, tx, facility, record, event, events);
  const message = messageOf(request.customerId, request.lineId, request.id, plan);
  return { seq: event.seq, journalIds: taken.journalIds, message };
}

/** The customer's message of a planned change: it follows from the plan alone, so a preview shows the same. */
function messageOf(customerId: string, lineId: string, requestId: string, plan: LineHardshipPlan) {
  return lineHardshipApplied({
    customerId,
    lineId,
    requestId,
    change: plan.change,
    after: plan.after,
    settlement: plan.settlement,
    nextDueDate: plan.nextDueDate,
    workout: plan.workout,
  });
}

/** The credit-line port of the hardship-request layer. */
export function lineHardshipProduct(deps: LineHardshipDeps): LineHardshipProduct {
  return {
    auditName: 'credit-line',
    idempotencyScope: 'line.hardship',
    idKind: 'lineHardshipRequest',
    previewId: 'lhr_preview',
    store: lineHardshipRequests,
    replayView: null,
    locate,
    // The cost cap in force is read before the transaction (the settings come through the policy context).
    planner: async () => {
      const { costCap } = costCapInForce(await deps.termsInForce('credit_line', deps.clock.today()));
      return (tx, where, lineId, ask, requestId) =>
        planOnLockedLine(deps, tx, where, lineId, ask, requestId, costCap);
    },
    apply: (tx, request, planned) => applyOnLine(deps, tx, request, planned),
    previewMessage: (lineId, planned) =>
      messageOf(planned.record.terms.customerId, lineId, 'lhr_preview', planned.plan).content,
  };
}
