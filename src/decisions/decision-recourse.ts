import { featureDefinition } from '../customers/index.ts';
import {
  creditPolicyActions,
  dateCountAtMost,
  findRecourse,
  meetsGoal,
  policyDocumentWith,
  policyFeatures,
  renderRecourseAction,
  type ActionableFeature,
  type FeatureRecord,
  type FeatureValue,
  type RecourseAction,
  type RecourseGoal,
  type RecoursePlan,
  type RenderedAction,
} from '../explain/index.ts';
import { GLOSSARY } from '../platform/i18n/glossary.ts';
import { defineMessages, en, render, zh, type MessageTemplate } from '../platform/i18n/localized.ts';
import {
  addDays,
  businessDateOf,
  daysBetween,
  startOfBusinessDate,
  type LocalDate,
} from '../platform/time/local-date.ts';
import {
  readPolicyOutcome,
  toPolicyDocument,
  type CompiledPolicy,
  type PolicyInput,
} from '../policy/index.ts';
import type { Scorer, ScoreRow } from '../scoring/index.ts';
import { countsOn, holdUntil, scorecardRow, YUAN_FEATURES, type DecisionFacts } from './decision-facts.ts';

/**
 * Recourse for one decision with the real scorer: the credit policy's own actions (repay, verify, wait for
 * applications to age out, build history, wait for a hold) plus the actionable characteristics the active
 * scorecard uses, with its bin edges as candidates. Every candidate plan is judged by re-running the
 * scorecard and the policy on the changed inputs, so a plan is only ever offered if it works.
 *
 * Policy inputs and scorecard characteristics that measure the same thing move together: repaying what is
 * overdue here changes `overdueAmountHere` and `overdue_amount_here`; completing verification changes both
 * levels; on-time cycles here and monthly repayments owed move their characteristics
 * (`ontime_cycles_here_12m`, `debt_service_monthly`); waiting until the 30-day application count drops moves every application count (7 to 180 days,
 * distinct lenders) to its value on that date, from the snapshot's decay data — the state the person will
 * really be in on that date.
 */

/** Scorecard characteristics that mirror a policy input: recourse moves them with the input. */
const LINKED: Readonly<Record<string, string>> = {
  overdueAmountHere: 'overdue_amount_here',
  overdueAmountElsewhere: 'overdue_amount_elsewhere',
  verificationLevel: 'verification_level',
  inquiries30d: 'inquiries_30d',
  onTimeCycles: 'ontime_cycles_here_12m',
  monthlyDebtPayments: 'debt_service_monthly',
};

/** Every count of credit applications; all of them age out while the person makes no new ones. */
const APPLICATION_COUNTS = [
  'inquiries_7d',
  'inquiries_30d',
  'inquiries_90d',
  'inquiries_180d',
  'distinct_lenders_7d',
  'distinct_lenders_30d',
  'distinct_lenders_90d',
  'distinct_lenders_180d',
] as const;

const LINKED_SCORECARD = new Set<string>([...Object.values(LINKED), ...APPLICATION_COUNTS]);

/**
 * Ratios are searched in whole percentage points (the recourse engine moves integers): the record holds
 * `round(ratio × 100)` and the row gets the value back divided by 100 when a plan moves it.
 */
const PERCENT_FEATURES = new Set<string>(['utilisation']);

/**
 * A feature's current value in the units a plan's action states it (`from`/`to`): ratios in whole
 * percentage points, as the search moves them; anything else as the feature record holds it. Undefined when
 * the record has no number for it. Used to say whether a step of a plan is already done.
 */
export function recourseUnitsOf(
  feature: string,
  features: Readonly<Record<string, unknown>>,
): number | undefined {
  const value = features[feature];
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return PERCENT_FEATURES.has(feature) ? Math.round(value * 100) : value;
}

/** Texts of the scorecard-side actions (the policy-side ones are the explain context's). */
export const SCORECARD_ACTION_MESSAGES = defineMessages({
  LOWER_UTILISATION_RATIO: {
    zh: (p) => `还掉部分欠款，把${GLOSSARY.creditLimitUse.zh}降到${p.percent}%以下`,
    en: (p) => `Pay your balances down until you use ${p.percent}% of your credit limits or less`,
  } satisfies MessageTemplate<{ percent: number }>,
  CLOSE_LOANS_ELSEWHERE: {
    zh: (p) => `结清其他机构的贷款，使在贷笔数不超过${p.loans}笔`,
    en: (p) => `Pay off loans with other lenders until you have ${p.loans} or fewer open`,
  } satisfies MessageTemplate<{ loans: number }>,
  BIND_BANK_CARD: {
    zh: (p) => `绑定本人银行卡（共${p.cards}张）`,
    en: (p) => `Link a bank card in your own name (${p.cards} in all)`,
  } satisfies MessageTemplate<{ cards: number }>,
  LET_ACTIVITY_SETTLE: {
    zh: (p) => `${zh.date(p.date)}前避免频繁的${p.what.zh}`,
    en: (p) => `Avoid further ${p.what.en} until ${en.date(p.date)}`,
  } satisfies MessageTemplate<{ date: LocalDate; what: { zh: string; en: string } }>,
});

const ACTIVITY_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  limit_views_24h: { zh: '额度查看', en: 'checking of your limit' },
  failed_logins_24h: { zh: '登录失败', en: 'failed sign-ins' },
  device_changes_30d: { zh: '更换设备', en: 'device changes' },
};

/** The scorecard's bin edges of a numeric characteristic: where its points change. */
function binEdges(scorer: Scorer, feature: string): number[] {
  const edges = new Set<number>();
  for (const bin of scorer.bins(feature)) {
    if (bin.kind !== 'interval') continue;
    if (typeof bin.lower === 'number') edges.add(bin.lower);
    if (typeof bin.upper === 'number') edges.add(bin.upper);
  }
  return [...edges].sort((a, b) => a - b);
}

/** The first business date from whose start at most `target` of the listed units still count. */
function dateAtMost(asOf: LocalDate, expiries: readonly number[], target: number): LocalDate | undefined {
  const sorted = [...expiries].sort((a, b) => a - b);
  const mustExpire = sorted.length - Math.max(0, Math.floor(target));
  if (mustExpire <= 0) return asOf;
  const instant = sorted[mustExpire - 1];
  if (instant === undefined) return undefined;
  const date = businessDateOf(new Date(instant));
  const clear = startOfBusinessDate(date).getTime() >= instant ? date : addDays(date, 1);
  return clear > asOf ? clear : asOf;
}

/**
 * The actionable scorecard characteristics the policy does not already cover, with costs in the same
 * effort points as the credit actions (1 = a day of waiting or ¥100 repaid).
 */
function scorecardActions(scorer: Scorer, facts: DecisionFacts): ActionableFeature[] {
  const actions: ActionableFeature[] = [];
  for (const info of scorer.features) {
    if (info.kind !== 'numeric' || LINKED_SCORECARD.has(info.name)) continue;
    const definition = featureDefinition(info.name);
    const current = facts.features[info.name];
    if (!definition || !definition.recourse.actionable || !definition.recourse.mutable) continue;
    if (typeof current !== 'number' || !Number.isFinite(current)) continue;
    const direction = definition.recourse.direction;
    if (direction === null) continue;
    const candidates = binEdges(scorer, info.name);
    const base = { name: info.name, mutable: true, direction, candidates } as const;
    switch (info.name) {
      case 'utilisation':
        // Repaying revolving balances: half a point per percentage point of utilisation.
        actions.push({
          ...base,
          kind: 'integer',
          min: 0,
          cost: (from, to) => Math.abs(Number(from) - Number(to)) * 0.5,
          candidates: candidates.filter((edge) => edge >= 0).map((edge) => edge * 100),
          action: 'LOWER_UTILISATION_RATIO',
        });
        break;
      case 'open_loans_elsewhere':
        actions.push({
          ...base,
          kind: 'integer',
          min: 0,
          cost: (from, to) => 20 * Math.abs(Number(from) - Number(to)),
          action: 'CLOSE_LOANS_ELSEWHERE',
        });
        break;
      case 'bound_cards':
        actions.push({
          ...base,
          kind: 'integer',
          max: 5,
          cost: (from, to) => 2 * Math.abs(Number(to) - Number(from)),
          action: 'BIND_BANK_CARD',
        });
        break;
      default: {
        const expiries = facts.decay[info.name];
        if (!definition.recourse.decay || direction !== 'decrease') break;
        const reached = (_from: FeatureValue, to: FeatureValue) =>
          dateAtMost(facts.asOfDate, expiries ?? [], Number(to));
        actions.push({
          ...base,
          kind: 'integer',
          min: 0,
          cost: (from, to) => {
            const date = reached(from, to);
            return date === undefined ? Number.POSITIVE_INFINITY : daysBetween(facts.asOfDate, date);
          },
          dateReached: reached,
          action: 'LET_ACTIVITY_SETTLE',
        });
      }
    }
  }
  return actions;
}

/** Everything recourse needs about one decision. */
export interface DecisionRecourseInput {
  readonly facts: DecisionFacts;
  readonly scorer: Scorer;
  readonly policy: CompiledPolicy;
  /** The policy input as decided (score included). */
  readonly input: PolicyInput;
  readonly goal: RecourseGoal;
  /** Decisions re-run at most (default 1,500). */
  readonly maxEvaluations?: number;
}

/** The drop dates of the 30-day application count, as business dates (what `creditPolicyActions` takes). */
function inquiryDropDates(facts: DecisionFacts): LocalDate[] {
  return (facts.decay.inquiries_30d ?? []).map((instant) => {
    const date = businessDateOf(new Date(instant));
    return startOfBusinessDate(date).getTime() >= instant ? date : addDays(date, 1);
  });
}

/**
 * The scorecard row in the state a plan describes: only what the plan changed (against `current`) is
 * written, linked characteristics move with their policy input, and waiting for applications to age out
 * moves every application count to its value on that date.
 */
export function changedRow(
  facts: DecisionFacts,
  current: FeatureRecord,
  changed: FeatureRecord,
  base?: { readonly row: Readonly<Record<string, number | string | null>>; readonly dropDates: LocalDate[] },
): Record<string, number | string | null> {
  // The row before any change is the same for every combination recourse tries: copied, not rebuilt.
  const row = base ? Object.assign({}, base.row) : scorecardRow(facts);
  for (const name in changed) {
    const value = changed[name];
    if (typeof value !== 'number' || value === current[name]) continue;
    if (name === 'inquiries30d') {
      const before = Number(current.inquiries30d);
      if (value < before) {
        const dropDates = base ? base.dropDates : inquiryDropDates(facts);
        const date = dateCountAtMost(facts.asOfDate, dropDates, before, value);
        if (date !== undefined) Object.assign(row, countsOn(facts, APPLICATION_COUNTS, date));
      }
      row.inquiries_30d = value;
      continue;
    }
    const linked = LINKED[name];
    if (linked !== undefined) row[linked] = YUAN_FEATURES.has(linked) ? value / 100 : value;
    else if (PERCENT_FEATURES.has(name)) row[name] = value / 100;
    else if (name in facts.features) row[name] = value;
  }
  return row;
}

/** The recourse record for a plan's state: policy inputs plus the actionable scorecard characteristics. */
function currentRecord(facts: DecisionFacts, input: PolicyInput, actions: readonly ActionableFeature[]) {
  const record: Record<string, FeatureValue> = Object.assign({}, policyFeatures(input));
  for (const action of actions) {
    const value = facts.features[action.name];
    if (typeof value !== 'number') continue;
    record[action.name] = PERCENT_FEATURES.has(action.name) ? Math.round(value * 100) : value;
  }
  return record;
}

/** The whole search problem for one decision, and the function that re-runs score and policy. */
export function recourseProblem(problem: DecisionRecourseInput) {
  const { facts, scorer, policy, input } = problem;
  const scoring = scorecardActions(scorer, facts);
  const edges = (name: string) => {
    const scorecardName = LINKED[name];
    if (!scorecardName || !scorer.features.some((f) => f.name === scorecardName)) return [];
    const scale = YUAN_FEATURES.has(scorecardName) ? 100 : 1;
    return binEdges(scorer, scorecardName).map((edge) => Math.round(edge * scale));
  };
  const policyActions = creditPolicyActions({
    asOf: facts.asOfDate,
    inquiryDropDates: inquiryDropDates(facts),
    holdUntil: holdUntil(facts),
  }).map((feature) => {
    const extra = edges(feature.name);
    return extra.length > 0 ? { ...feature, candidates: [...(feature.candidates ?? []), ...extra] } : feature;
  });
  const features = [...policyActions, ...scoring];
  const current = currentRecord(facts, input, scoring);
  // What every combination starts from: the scorecard's own characteristics of the row, and the dates the
  // 30-day application count drops.
  const full = scorecardRow(facts);
  const row: Record<string, number | string | null> = {};
  for (const info of scorer.features)
    if (Object.hasOwn(full, info.name)) row[info.name] = full[info.name] ?? null;
  const base = { row, dropDates: inquiryDropDates(facts) };
  const document0 = toPolicyDocument(input);
  /**
   * The decision on a combination; with `birthdays`, as the person may be by a plan's last date (the facts
   * hold the age in whole years, not the birthday).
   */
  const evaluate = (changed: FeatureRecord, birthdays = 0) => {
    const score = scorer(changedRow(facts, current, changed, base) as ScoreRow);
    // A fresh document for this combination: the plan's policy inputs, then its score.
    const document = policyDocumentWith(input, document0, changed);
    document.score = score.score;
    document.subScores = { ...score.subScores };
    // Held at the input schema's maximum age: past it the graph refuses the document, and every product's
    // age range ends below it anyway.
    if (birthdays > 0) document.age = Math.min(input.age + birthdays, MAX_POLICY_AGE);
    // Re-runs keep no evidence: the policy without its trace.
    return readPolicyOutcome(policy.evaluateOutput(document), input.product);
  };
  const decide = (changed: FeatureRecord) => evaluate(changed);
  return { current, features, decide, evaluate };
}

/** The largest age the credit policy's input schema accepts (`policies/default`, `age.maximum`). */
const MAX_POLICY_AGE = 100;

/**
 * The most birthdays anyone can have after `asOf` up to and including `date`: birthdays are at least 365
 * days apart, so ⌈days / 365⌉ (a birthday may fall on the very next day).
 */
export function possibleBirthdays(asOf: LocalDate, date: LocalDate | undefined): number {
  if (date === undefined || date <= asOf) return 0;
  return Math.ceil(daysBetween(asOf, date) / 365);
}

/** Finds the cheapest verified plan for one decision (see `docs/decisions.md`, "Recourse"). */
export function decisionRecourse(problem: DecisionRecourseInput): RecoursePlan {
  const { current, features, decide, evaluate } = recourseProblem(problem);
  const search = (searched: readonly ActionableFeature[]) =>
    findRecourse({
      current,
      decide,
      goal: problem.goal,
      features: searched,
      thresholds: problem.policy.thresholds,
      maxEvaluations: problem.maxEvaluations ?? 1_500,
    });
  const plan = search(features);
  if (plan.status !== 'plan') return plan;
  // A plan that waits is decided as of its last date, when the person may have had birthdays: it must
  // still work at the oldest age possible then (a 60-year-old told to wait 30 days for a product that
  // stops at 60 may be 61 that day). The search itself cannot age the person (it relies on a more
  // favourable value never hurting), so the plan found is checked here, and when it fails only plans
  // that need no waiting are looked for.
  let last: LocalDate | undefined;
  for (const action of plan.actions)
    if (action.byDate !== undefined && (last === undefined || action.byDate > last)) last = action.byDate;
  const birthdays = possibleBirthdays(problem.facts.asOfDate, last);
  if (birthdays === 0) return plan;
  const changed: Record<string, FeatureValue> = { ...current };
  for (const action of plan.actions) changed[action.feature] = action.to;
  if (meetsGoal(evaluate(changed, birthdays), problem.goal)) return plan;
  return search(features.map((feature) => (feature.dateReached ? { ...feature, mutable: false } : feature)));
}

/** One action of a plan in the customer's words: the explain context's texts, and ours for scorecard actions. */
export function renderDecisionAction(action: RecourseAction): RenderedAction {
  const to = Number(action.to);
  switch (action.action) {
    case 'LOWER_UTILISATION_RATIO': {
      const params = { percent: to };
      return { code: action.action, params, text: render(SCORECARD_ACTION_MESSAGES[action.action], params) };
    }
    case 'CLOSE_LOANS_ELSEWHERE': {
      const params = { loans: to };
      return { code: action.action, params, text: render(SCORECARD_ACTION_MESSAGES[action.action], params) };
    }
    case 'BIND_BANK_CARD': {
      const params = { cards: to };
      return { code: action.action, params, text: render(SCORECARD_ACTION_MESSAGES[action.action], params) };
    }
    case 'LET_ACTIVITY_SETTLE':
      if (action.byDate) {
        const params = {
          date: action.byDate,
          what: ACTIVITY_NAMES[action.feature] ?? { zh: action.feature, en: action.feature },
        };
        return {
          code: action.action,
          params,
          text: render(SCORECARD_ACTION_MESSAGES[action.action], params),
        };
      }
      break;
    default:
      break;
  }
  return renderRecourseAction(action);
}
