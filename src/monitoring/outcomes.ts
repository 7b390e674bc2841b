import { isPersonsDecision, type DecisionKind, type Outcome } from '../decisions/index.ts';
import type { Money } from '../platform/money/money.ts';
import { addRate, RATE_ZERO, type Rate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { Arm } from '../policy/index.ts';
import { meanFen, meanRate, shareOf, type MonitoringWindow } from './window.ts';

/**
 * Outcome monitoring: what the decision engine did, day by day, per product and champion/challenger arm —
 * volumes, approval, decline and referral rates, referrals for a technical fault (`SYSTEM_UNAVAILABLE`:
 * outages), the average approved limit and price, the principal reasons, and people's overrides and
 * appeal re-checks. A pure fold over decision records: the repository streams them in, `add` takes one
 * at a time, `report` reads the totals — so a year of decisions never sits in memory.
 */

/** The part of a decision record outcome monitoring reads. */
export interface OutcomeRecord {
  readonly id: string;
  readonly decisionDate: LocalDate;
  readonly productCode: string;
  readonly arm: Arm | null;
  readonly kind: DecisionKind;
  readonly outcome: Outcome;
  readonly limit: Money;
  readonly apr: Rate | null;
  /** The principal reasons' codes, in rank order. */
  readonly reasonCodes: readonly string[];
  /** Referred because a dependency failed (the record has a fault). */
  readonly faulted: boolean;
}

/** The arm, or `none` for a decision referred before the policy context could say which arm it took. */
export type ArmKey = Arm | 'none';

export interface OutcomeCounts {
  readonly approved: number;
  readonly declined: number;
  readonly referred: number;
}

/** One reason's frequency among decisions (overrides excluded: they copy the reasons they overrule). */
export interface ReasonFrequency {
  readonly code: string;
  /** Decisions that gave it as one of their principal reasons. */
  readonly decisions: number;
  /** …as the first. */
  readonly first: number;
  /** `decisions` over the decisions of the group. */
  readonly share: string | null;
}

/** The figures of one group of decisions (a day × product × arm, or a product × arm over the window). */
export interface OutcomeFigures {
  /** Decisions by the engine: applications, limit reviews and re-checks (overrides are counted apart). */
  readonly decisions: number;
  readonly byKind: { readonly application: number; readonly limitReview: number; readonly recheck: number };
  readonly outcomes: OutcomeCounts;
  readonly approvalRate: string | null;
  readonly declineRate: string | null;
  readonly referralRate: string | null;
  /** Referred with SYSTEM_UNAVAILABLE because a dependency failed: outages, not declines. */
  readonly systemUnavailable: number;
  readonly systemUnavailableRate: string | null;
  /** Sum of approved limits, integer fen. */
  readonly approvedLimitTotal: bigint;
  /** Mean approved limit, fen rounded half-even; null without approvals. */
  readonly averageApprovedLimit: bigint | null;
  /** Exact mean APR of approvals, rounded half-even to 6 places. */
  readonly averageApprovedApr: string | null;
  /** Appeal re-checks (kind `recheck`) by outcome: already inside `decisions`, shown apart for appeals. */
  readonly rechecks: OutcomeCounts;
  /** People's decisions on appeals (kind `override`) by the outcome they gave. */
  readonly overrides: OutcomeCounts & { readonly total: number };
  /** Principal reasons by frequency (most frequent first; ties by code). */
  readonly reasons: readonly ReasonFrequency[];
}

export interface OutcomeDay extends OutcomeFigures {
  readonly date: LocalDate;
  readonly product: string;
  readonly arm: ArmKey;
}

export interface OutcomeGroup extends OutcomeFigures {
  readonly product: string;
  readonly arm: ArmKey;
}

export interface OutcomeReport {
  readonly window: MonitoringWindow;
  /** Per product and arm over the whole window. */
  readonly summary: readonly OutcomeGroup[];
  /** Per day, product and arm; days with no decision are absent. Ordered by date, product, arm. */
  readonly days: readonly OutcomeDay[];
  /** Every decision and override in the window, all products and arms together. */
  readonly total: OutcomeFigures;
}

interface Tally {
  application: number;
  limitReview: number;
  recheck: number;
  approved: number;
  declined: number;
  referred: number;
  systemUnavailable: number;
  approvedLimitTotal: bigint;
  aprSum: Rate;
  aprCount: number;
  recheckApproved: number;
  recheckDeclined: number;
  recheckReferred: number;
  overrideApproved: number;
  overrideDeclined: number;
  overrideReferred: number;
  reasons: Map<string, { decisions: number; first: number }>;
}

function emptyTally(): Tally {
  return {
    application: 0,
    limitReview: 0,
    recheck: 0,
    approved: 0,
    declined: 0,
    referred: 0,
    systemUnavailable: 0,
    approvedLimitTotal: 0n,
    aprSum: RATE_ZERO,
    aprCount: 0,
    recheckApproved: 0,
    recheckDeclined: 0,
    recheckReferred: 0,
    overrideApproved: 0,
    overrideDeclined: 0,
    overrideReferred: 0,
    reasons: new Map(),
  };
}

function tallyOne(tally: Tally, record: OutcomeRecord): void {
  if (isPersonsDecision(record.kind)) {
    // A person's decision copies the evidence (and reasons) of the decision it overrules: count it as an
    // override only, so reasons and rates describe what the engine decided.
    if (record.outcome === 'approved') tally.overrideApproved += 1;
    else if (record.outcome === 'declined') tally.overrideDeclined += 1;
    else tally.overrideReferred += 1;
    return;
  }
  if (record.kind === 'recheck') {
    tally.recheck += 1;
    if (record.outcome === 'approved') tally.recheckApproved += 1;
    else if (record.outcome === 'declined') tally.recheckDeclined += 1;
    else tally.recheckReferred += 1;
  } else if (record.kind === 'limit_review') tally.limitReview += 1;
  else tally.application += 1;
  if (record.outcome === 'approved') {
    tally.approved += 1;
    tally.approvedLimitTotal += record.limit;
    if (record.apr !== null) {
      tally.aprSum = addRate(tally.aprSum, record.apr);
      tally.aprCount += 1;
    }
  } else if (record.outcome === 'declined') tally.declined += 1;
  else tally.referred += 1;
  if (record.faulted || record.reasonCodes.includes('SYSTEM_UNAVAILABLE')) tally.systemUnavailable += 1;
  record.reasonCodes.forEach((code, index) => {
    // A code listed twice in one decision counts once for that decision.
    if (record.reasonCodes.indexOf(code) !== index) return;
    const entry = tally.reasons.get(code) ?? { decisions: 0, first: 0 };
    entry.decisions += 1;
    if (index === 0) entry.first += 1;
    tally.reasons.set(code, entry);
  });
}

function figuresOf(tally: Tally): OutcomeFigures {
  const decisions = tally.application + tally.limitReview + tally.recheck;
  const reasons = [...tally.reasons.entries()]
    .map(([code, counts]) => ({ code, ...counts, share: shareOf(counts.decisions, decisions) }))
    .sort((a, b) => b.decisions - a.decisions || b.first - a.first || (a.code < b.code ? -1 : 1));
  return {
    decisions,
    byKind: { application: tally.application, limitReview: tally.limitReview, recheck: tally.recheck },
    outcomes: { approved: tally.approved, declined: tally.declined, referred: tally.referred },
    approvalRate: shareOf(tally.approved, decisions),
    declineRate: shareOf(tally.declined, decisions),
    referralRate: shareOf(tally.referred, decisions),
    systemUnavailable: tally.systemUnavailable,
    systemUnavailableRate: shareOf(tally.systemUnavailable, decisions),
    approvedLimitTotal: tally.approvedLimitTotal,
    averageApprovedLimit: meanFen(tally.approvedLimitTotal, tally.approved),
    averageApprovedApr: meanRate(tally.aprSum, tally.aprCount),
    rechecks: {
      approved: tally.recheckApproved,
      declined: tally.recheckDeclined,
      referred: tally.recheckReferred,
    },
    overrides: {
      total: tally.overrideApproved + tally.overrideDeclined + tally.overrideReferred,
      approved: tally.overrideApproved,
      declined: tally.overrideDeclined,
      referred: tally.overrideReferred,
    },
    reasons,
  };
}

/** Folds decision records, one at a time, into the outcome report of a window. */
export interface OutcomeAggregator {
  add(record: OutcomeRecord): void;
  report(): OutcomeReport;
}

const ARM_ORDER: Readonly<Record<ArmKey, number>> = { champion: 0, challenger: 1, none: 2 };

/** A fresh aggregator for a window (records outside it, or of another product, are the caller's to skip). */
export function createOutcomeAggregator(window: MonitoringWindow): OutcomeAggregator {
  const days = new Map<string, { date: LocalDate; product: string; arm: ArmKey; tally: Tally }>();
  const groups = new Map<string, { product: string; arm: ArmKey; tally: Tally }>();
  const total = emptyTally();
  return {
    add(record) {
      const arm: ArmKey = record.arm ?? 'none';
      const dayKey = `${record.decisionDate}|${record.productCode}|${arm}`;
      let day = days.get(dayKey);
      if (!day) {
        day = { date: record.decisionDate, product: record.productCode, arm, tally: emptyTally() };
        days.set(dayKey, day);
      }
      const groupKey = `${record.productCode}|${arm}`;
      let group = groups.get(groupKey);
      if (!group) {
        group = { product: record.productCode, arm, tally: emptyTally() };
        groups.set(groupKey, group);
      }
      tallyOne(day.tally, record);
      tallyOne(group.tally, record);
      tallyOne(total, record);
    },
    report() {
      const byGroup = (a: { product: string; arm: ArmKey }, b: { product: string; arm: ArmKey }): number =>
        a.product < b.product ? -1 : a.product > b.product ? 1 : ARM_ORDER[a.arm] - ARM_ORDER[b.arm];
      return {
        window,
        summary: [...groups.values()]
          .sort(byGroup)
          .map((group) => ({ product: group.product, arm: group.arm, ...figuresOf(group.tally) })),
        days: [...days.values()]
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byGroup(a, b)))
          .map((day) => ({ date: day.date, product: day.product, arm: day.arm, ...figuresOf(day.tally) })),
        total: figuresOf(total),
      };
    },
  };
}
