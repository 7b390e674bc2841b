import type { Static } from 'typebox';
import type { Appeal } from '../appeals/index.ts';
import type { ReferralCase } from '../referrals/index.ts';
import type { CustomerSnapshot } from '../customers/index.ts';
import { decisionView, recourseUnitsOf, type DecisionRecord } from '../decisions/index.ts';
import { AppError, isAppError } from '../platform/errors/app-error.ts';
import { parseMoney, toDecimalString } from '../platform/money/money.ts';
import { divideRate, toExactRateString, type Rate } from '../platform/money/rate.ts';
import {
  addDays,
  businessDateOf,
  shanghaiClockTime,
  startOfBusinessDate,
  type LocalDate,
} from '../platform/time/local-date.ts';
import type { MeDeps } from './me-deps.ts';
import type { DecisionSummarySchema, MeDecisionSchema } from './me.dto.ts';
import { decisionHeadline, REFERRAL_TEXTS, text } from './me-texts.ts';

/**
 * The customer's view of their decisions. A decision that an appeal overturned (a person's override, or a
 * re-check that came out better) shows the outcome that now stands — the new decision's limit, price,
 * reasons and plan — never the original's reasons beside an approval. A referral says what happens next
 * and by when, computed from the settings (fault retry minutes; the appeals' SLA and business calendar).
 */

export const ME_PRODUCTS = ['cash_loan', 'credit_line'] as const;
export type MeProduct = (typeof ME_PRODUCTS)[number];

export type MeDecisionView = Static<typeof MeDecisionSchema>;
export type PlanStepView = NonNullable<MeDecisionView['plan']>['steps'][number];

const OPEN = new Set(['filed', 'queued', 'in_review', 'pending_approval']);

/** The decision that an appeal of `decisionId` put in its place, when it was overturned. */
export function overturnOf(
  appeals: readonly Appeal[],
  decisionId: string,
): { readonly decisionId: string; readonly on: LocalDate } | null {
  for (const appeal of appeals) {
    if (appeal.decisionId !== decisionId || appeal.status !== 'resolved') continue;
    const by =
      appeal.resolution === 'overturned'
        ? appeal.overrideDecisionId
        : appeal.resolution === 'overturned_by_recheck'
          ? appeal.recheckDecisionId
          : null;
    if (by && appeal.resolvedAt) return { decisionId: by, on: businessDateOf(appeal.resolvedAt) };
  }
  return null;
}

/**
 * The decision that a person's review (or a re-run) of a referred `decisionId` gave, when its case was
 * decided: the customer reads that result instead of "under review".
 */
export function reviewedAs(
  referrals: readonly ReferralCase[],
  decisionId: string,
): { readonly decisionId: string; readonly on: LocalDate } | null {
  const found = referrals.find(
    (referral) =>
      referral.decisionId === decisionId &&
      referral.status === 'decided' &&
      referral.resultDecisionId !== null &&
      referral.decidedAt !== null,
  );
  return found?.resultDecisionId && found.decidedAt
    ? { decisionId: found.resultDecisionId, on: businessDateOf(found.decidedAt) }
    : null;
}

/** The customer's referral cases (every status). */
export async function customerReferrals(deps: MeDeps, customerId: string): Promise<ReferralCase[]> {
  return deps.services.referrals.list({ customerId, limit: 500 });
}

/** `HH:MM` in Beijing time (UTC+8, no daylight saving). */
export function beijingTime(instant: Date): string {
  return shanghaiClockTime(instant).slice(0, 5);
}

export function planSteps(
  record: DecisionRecord,
  features: CustomerSnapshot['features'] | null,
): PlanStepView[] {
  const recourse = record.recourse;
  if (!recourse || recourse.status !== 'plan') return [];
  return recourse.actions.map((action) => {
    // In the action's units (a ratio's plan speaks in percentage points, the record holds the ratio).
    const current = features ? recourseUnitsOf(action.feature, features) : undefined;
    let done = false;
    let progress: PlanStepView['progress'] = null;
    if (typeof action.to === 'boolean') {
      const raw = features?.[action.feature];
      done = raw === (action.to ? 1 : 0) || raw === String(action.to);
    } else if (typeof current === 'number' && typeof action.from === 'number') {
      const increasing = action.to > action.from;
      done = increasing ? current >= action.to : current <= action.to;
      // Counts the person builds up ("2 of 3 on-time repayments") show their progress.
      if (increasing && Number.isInteger(action.to) && Number.isInteger(current) && action.to <= 120)
        progress = { done: Math.max(0, Math.min(current, action.to)), total: action.to };
    }
    return { code: action.code, text: text(action.text), dueDate: action.byDate, done, progress };
  });
}

function maxDate(dates: ReadonlyArray<string | null>): string | null {
  let latest: string | null = null;
  for (const date of dates) if (date !== null && (latest === null || date > latest)) latest = date;
  return latest;
}

const rateString = (rate: Rate | null) => (rate === null ? null : toExactRateString(rate));

/**
 * The customer's view of one decision: `record` is theirs (checked by the caller), `appeals` are the
 * customer's appeals, `replacement` the decision an appeal put in its place (when overturned).
 */
export function meDecisionView(
  deps: Pick<MeDeps, 'settings'> & {
    readonly now: Date;
    readonly windowDays: number;
    readonly slaDue: (today: LocalDate) => LocalDate;
  },
  input: {
    readonly record: DecisionRecord;
    readonly appeals: readonly Appeal[];
    readonly replacement: DecisionRecord | null;
    readonly features: CustomerSnapshot['features'] | null;
    /** The customer's referral cases: a reviewed referral shows the review's result. */
    readonly referrals?: readonly ReferralCase[];
  },
): MeDecisionView {
  const { record, replacement } = input;
  const standing = replacement ?? record;
  const referralCase = input.referrals?.find((referral) => referral.decisionId === record.id);
  const overturn = replacement
    ? (overturnOf(input.appeals, record.id) ?? reviewedAs(input.referrals ?? [], record.id))
    : null;
  // The decisions context's view says what is the decision's own: a person's override is stored as a copy
  // of the decision it overrides, and its view gives its own reason (DECISION_OVERTURNED) and no plan,
  // never the overridden decline's.
  const shown = decisionView(standing);
  const recourse = shown.recourse;
  const steps = recourse ? planSteps(standing, input.features) : [];
  const reasons = shown.reasons;
  const today = businessDateOf(deps.now);
  const ofThis = input.appeals
    .filter((appeal) => appeal.decisionId === record.id)
    .sort((a, b) => b.filedAt.getTime() - a.filedAt.getTime());
  const openAppeal = ofThis.find((appeal) => OPEN.has(appeal.status));
  const appealable = record.kind === 'application' || record.kind === 'limit_review';
  const deadline = appealable ? addDays(record.decisionDate, deps.windowDays) : null;

  let referral: MeDecisionView['referral'] = null;
  if (standing.outcome === 'referred') {
    const fault =
      standing.fault !== null || standing.reasons.some((reason) => reason.code === 'SYSTEM_UNAVAILABLE');
    if (fault) {
      const retryAt = new Date(standing.decidedAt.getTime() + deps.settings.faultRetryMinutes * 60_000);
      const retryDate = businessDateOf(retryAt);
      referral = {
        kind: 'fault',
        whatNext: REFERRAL_TEXTS.fault(retryAt, retryDate, beijingTime(retryAt)),
        byWhen: retryAt.toISOString(),
        byWhenDate: retryDate,
        action: 'reapply',
      };
    } else {
      // The promise is the review case's SLA (business hours), or an open appeal's.
      const caseDue = referralCase && referralCase.status !== 'expired' ? referralCase.slaDueAt : null;
      const byDate = openAppeal?.slaDueDate ?? (caseDue ? businessDateOf(caseDue) : deps.slaDue(today));
      const endOfDay = new Date(startOfBusinessDate(addDays(byDate, 1)).getTime() - 1);
      referral = {
        kind: 'review',
        whatNext: caseDue ? REFERRAL_TEXTS.inReview(byDate) : REFERRAL_TEXTS.review(byDate),
        byWhen: (openAppeal?.slaDueAt ?? caseDue ?? endOfDay).toISOString(),
        byWhenDate: byDate,
        action: 'appeal',
      };
    }
  }

  return {
    decisionId: record.id,
    product: record.productCode,
    kind: record.kind,
    decidedAt: record.decidedAt.toISOString(),
    decisionDate: record.decisionDate,
    outcome: standing.outcome,
    overturned:
      replacement && overturn
        ? { byDecisionId: replacement.id, on: overturn.on, originalOutcome: record.outcome }
        : null,
    headline: decisionHeadline(standing.outcome, standing.limit),
    limit: toDecimalString(standing.limit),
    requestedAmount: record.requestedAmount === null ? null : toDecimalString(record.requestedAmount),
    apr: rateString(standing.apr),
    dailyRate: rateString(
      standing.dailyRate ?? (standing.apr === null ? null : divideRate(standing.apr, 365n)),
    ),
    reasons: reasons.slice(0, 4).map((reason) => ({ code: reason.code, text: text(reason.text) })),
    plan:
      recourse && recourse.status === 'plan'
        ? {
            steps,
            reapplyOn: maxDate(steps.map((step) => step.dueDate)),
            verifiedOutcome: recourse.verified?.outcome ?? null,
          }
        : null,
    noPlan: recourse && recourse.status === 'none' && recourse.text ? text(recourse.text) : null,
    referral,
    appeal: {
      canAppeal:
        appealable &&
        deadline !== null &&
        today <= deadline &&
        ofThis.every((appeal) => appeal.status === 'withdrawn'),
      deadline,
      appealId: ofThis[0]?.id ?? null,
    },
  };
}

/** The customer's appeals (every status), newest first. */
export async function customerAppeals(deps: MeDeps, customerId: string): Promise<Appeal[]> {
  const items = await deps.services.appeals.list({ customerId, limit: 1000 });
  return items.map((item) => item.appeal).sort((a, b) => b.filedAt.getTime() - a.filedAt.getTime());
}

/** A decision of this customer, or NOT_FOUND — the same answer for someone else's and for none. */
export async function ownDecision(
  deps: MeDeps,
  customerId: string,
  decisionId: string,
): Promise<DecisionRecord> {
  const record = await deps.services.decisions.get(decisionId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return undefined;
    throw error;
  });
  if (!record || record.customerId !== customerId) throw AppError.notFound('decision', decisionId);
  return record;
}

function viewDeps(deps: MeDeps) {
  const { appeals } = deps.services;
  return {
    settings: deps.settings,
    now: deps.clock.now(),
    windowDays: appeals.settings.windowDays,
    slaDue: (today: LocalDate) => appeals.calendar.addBusinessDays(today, appeals.settings.slaBusinessDays),
  };
}

/** `GET /v1/me/decisions/{id}`. */
export async function getMyDecision(
  deps: MeDeps,
  customerId: string,
  decisionId: string,
): Promise<MeDecisionView> {
  const record = await ownDecision(deps, customerId, decisionId);
  const [appeals, snapshot, referrals] = await Promise.all([
    customerAppeals(deps, customerId),
    deps.services.customers.getSnapshot(customerId),
    customerReferrals(deps, customerId),
  ]);
  const overturn = overturnOf(appeals, record.id) ?? reviewedAs(referrals, record.id);
  const replacement = overturn ? await ownDecision(deps, customerId, overturn.decisionId) : null;
  return meDecisionView(viewDeps(deps), {
    record,
    appeals,
    replacement,
    features: snapshot.features,
    referrals,
  });
}

/** `POST /v1/me/decisions`: a new decision for the session's customer. */
export async function decideForMe(
  deps: MeDeps,
  customerId: string,
  input: { readonly product: MeProduct; readonly requestedAmount?: string },
): Promise<MeDecisionView> {
  const requestedAmount =
    input.requestedAmount === undefined ? null : parseMoney(input.requestedAmount, 'requestedAmount');
  if (requestedAmount !== null && requestedAmount <= 0n)
    throw AppError.invalid('requestedAmount', 'positive', 'must be more than 0');
  const record = await deps.services.decisions.decide({
    customerId,
    productCode: input.product,
    requestedAmount,
  });
  const snapshot = await deps.services.customers.getSnapshot(customerId);
  return meDecisionView(viewDeps(deps), {
    record,
    appeals: [],
    replacement: null,
    features: snapshot.features,
  });
}

export type MeDecisionSummary = Static<typeof DecisionSummarySchema>;

/** `GET /v1/me/decisions`: newest first; an overturned one names its replacement and the outcome now standing. */
export async function listMyDecisions(
  deps: MeDeps,
  customerId: string,
  options: { readonly product?: MeProduct; readonly limit?: number },
): Promise<MeDecisionSummary[]> {
  const limit = options.limit ?? 20;
  const [summaries, appeals, referrals] = await Promise.all([
    deps.services.decisions.list(customerId, { limit: options.product ? 500 : limit }),
    customerAppeals(deps, customerId),
    customerReferrals(deps, customerId),
  ]);
  const byId = new Map(summaries.map((summary) => [summary.id, summary]));
  return summaries
    .filter((summary) => !options.product || summary.productCode === options.product)
    .slice(0, limit)
    .map((summary) => {
      const overturn = overturnOf(appeals, summary.id) ?? reviewedAs(referrals, summary.id);
      const replacement = overturn ? byId.get(overturn.decisionId) : undefined;
      const standing = replacement ?? summary;
      return {
        decisionId: summary.id,
        product: summary.productCode,
        kind: summary.kind,
        outcome: summary.outcome,
        effectiveOutcome: standing.outcome,
        overturnedBy: overturn?.decisionId ?? null,
        limit: toDecimalString(standing.limit),
        apr: rateString(standing.apr),
        decidedAt: summary.decidedAt.toISOString(),
        decisionDate: businessDateOf(summary.decidedAt),
        headline: decisionHeadline(standing.outcome, standing.limit),
      };
    });
}
