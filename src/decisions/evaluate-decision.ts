import type { RecourseGoal, RecoursePlan } from '../explain/index.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import { fen, type Money } from '../platform/money/money.ts';
import { toExactRateString, type Rate } from '../platform/money/rate.ts';
import {
  clampToLegalCap,
  dailyRateOf,
  readPolicyOutcome,
  readPolicyResult,
  policyReasonParams,
  toPolicyDocument,
  type CompiledPolicy,
  type LegalCapInForce,
  type LegalRateCap,
  type PolicyInput,
  type PolicyReasonHit,
  type PolicyResult,
  type Product,
  type RiskAppetite,
  type TraceEntry,
  type ZenObject,
} from '../policy/index.ts';
import type { ScoreResult, Scorer, ScoreRow } from '../scoring/index.ts';
import { holdUntil, policyInputOf, scoreFacts, scorecardRow, type DecisionFacts } from './decision-facts.ts';
import { decisionRecourse, renderDecisionAction } from './decision-recourse.ts';
import { cachedPolicyReason, rankPrincipalReasons, type PrincipalReason } from './principal-reasons.ts';

/**
 * The pure heart of a credit decision: facts in, decision out. Score the scorecard row, build the policy
 * input, evaluate the policy (with its trace), clamp the price to the legal cap in force, rank the
 * principal reasons, and find recourse for a decline, a referral or a limit below the request. The
 * decision service calls it for new decisions and the replay calls it on stored facts; both get the same
 * answer because nothing here reads a clock, a database or a random source.
 */

export type Outcome = 'approved' | 'declined' | 'referred';

/** The policy side of a decision: the product, the compiled version, the appetite and the legal caps. */
export interface PolicyContext {
  readonly product: Product;
  readonly appetite: RiskAppetite;
  readonly policy: CompiledPolicy;
  readonly legalRateCaps: readonly LegalRateCap[];
}

/** One recourse action in the customer's words, with the values it moves and the date it is reached by. */
export interface RecourseStep {
  readonly code: string;
  readonly feature: string;
  readonly from: number | boolean;
  readonly to: number | boolean;
  readonly byDate: string | null;
  readonly cost: number;
  readonly params: Readonly<Record<string, unknown>>;
  readonly text: LocalizedText;
}

/**
 * What the person can do. `plan`: the cheapest verified plan; `none`: nothing reachable changes the
 * outcome (`fixed`) or the search gave up (`too-many-actions`, `search-limit`), said in words; `not-needed`:
 * the decision already gives what was asked.
 */
export interface DecisionRecourse {
  readonly status: 'plan' | 'none' | 'not-needed';
  readonly goal: { readonly kind: 'approval' } | { readonly kind: 'amount'; readonly amount: string };
  readonly reason: 'fixed' | 'too-many-actions' | 'search-limit' | null;
  readonly actions: readonly RecourseStep[];
  readonly totalCost: number | null;
  /** The decision re-run on the plan's values: it meets the goal. */
  readonly verified: { readonly outcome: Outcome; readonly limit: string } | null;
  /** The customer text of "no plan", when there is none. */
  readonly text: LocalizedText | null;
}

export interface EvaluatedDecision {
  readonly outcome: Outcome;
  readonly limit: Money;
  /** The price after the legal cap. */
  readonly apr: Rate;
  readonly dailyRate: Rate;
  /** True when the policy's price was lowered to the legal cap. */
  readonly aprCapped: boolean;
  readonly legalCap: { readonly effectiveFrom: string; readonly annualRate: string } | null;
  readonly score: ScoreResult;
  /** The scorecard row as stored with the record (every feature, money in yuan); built when first read. */
  readonly row: ScoreRow;
  readonly input: PolicyInput;
  readonly policyDocument: ZenObject;
  readonly policyResult: PolicyResult;
  readonly policyOutput: ZenObject;
  readonly trace: readonly TraceEntry[];
  readonly reasons: readonly PrincipalReason[];
  readonly recourse: DecisionRecourse | null;
}

export interface EvaluateOptions {
  /** Search recourse (default true). */
  readonly recourse?: boolean;
  /** Decisions recourse may re-run (default 1,500). */
  readonly maxRecourseEvaluations?: number;
  /** Recourse already found for exactly these inputs (see `createRecourseMemo`). */
  readonly recourseMemo?: RecourseMemo;
}

/**
 * Recourse found before, by everything the search reads: the policy and scorer (by identity: compiled
 * once per version), the policy document (every policy input, the score and sub-scores, the request, the
 * product and the appetite), the snapshot's features, decay instants and holds, the decision date and the
 * search budget. Recourse is a pure function of these, so a remembered plan is the plan the search would
 * find again — a customer asking twice in a day with nothing new pays for the search once. Bounded: the
 * oldest entries go first.
 */
export interface RecourseMemo {
  get(policy: CompiledPolicy, scorer: Scorer, key: string): DecisionRecourse | undefined;
  set(policy: CompiledPolicy, scorer: Scorer, key: string, recourse: DecisionRecourse): void;
}

/** A recourse memo holding at most `capacity` plans (default 2,000). */
export function createRecourseMemo(capacity = 2_000): RecourseMemo {
  const byPolicy = new WeakMap<CompiledPolicy, WeakMap<Scorer, Map<string, DecisionRecourse>>>();
  // Insertion order across every policy and scorer, for eviction.
  const order: Array<{ plans: Map<string, DecisionRecourse>; key: string }> = [];
  let head = 0;
  const plansOf = (policy: CompiledPolicy, scorer: Scorer): Map<string, DecisionRecourse> => {
    let byScorer = byPolicy.get(policy);
    if (!byScorer) byPolicy.set(policy, (byScorer = new WeakMap()));
    let plans = byScorer.get(scorer);
    if (!plans) byScorer.set(scorer, (plans = new Map()));
    return plans;
  };
  return {
    get: (policy, scorer, key) => byPolicy.get(policy)?.get(scorer)?.get(key),
    set(policy, scorer, key, recourse) {
      const plans = plansOf(policy, scorer);
      if (plans.has(key)) return;
      plans.set(key, deepFreeze(recourse));
      order.push({ plans, key });
      if (order.length - head > capacity) {
        const oldest = order[head];
        head += 1;
        oldest?.plans.delete(oldest.key);
        if (head > capacity) {
          order.splice(0, head);
          head = 0;
        }
      }
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value as Record<string, unknown>)) deepFreeze(item);
  }
  return value;
}

/** The memo key of a decision's recourse (see `RecourseMemo`). */
function recourseKey(
  facts: DecisionFacts,
  policyDocument: ZenObject,
  maxEvaluations: number | undefined,
): string {
  return JSON.stringify([
    policyDocument,
    facts.features,
    facts.decay,
    facts.holds,
    facts.asOfDate,
    maxEvaluations ?? null,
  ]);
}

const OUTCOME_RANK: Readonly<Record<Outcome, number>> = { declined: 0, referred: 1, approved: 2 };

/** True when `b` is a better decision for the customer than `a`: a better outcome, or a higher limit. */
export function better(
  a: { readonly outcome: Outcome; readonly limit: bigint },
  b: { readonly outcome: Outcome; readonly limit: bigint },
): boolean {
  const rank = OUTCOME_RANK[b.outcome] - OUTCOME_RANK[a.outcome];
  return rank > 0 || (rank === 0 && b.limit > a.limit);
}

const BEST_SCORE = 950;

/**
 * When the limit fell below the product's minimum, the policy's limit rows (which only fire for decisions
 * that stand) are silent on why it was low; the graph's own figures say which cap set it.
 */
function capBehindLowLimit(result: PolicyResult, output: ZenObject): PolicyReasonHit[] {
  if (!result.reasons.some((hit) => hit.code === 'LIMIT_BELOW_PRODUCT_MINIMUM')) return [];
  if (result.reasons.some((hit) => hit.stage === 'limit')) return [];
  const limit = output.limit;
  const base = output.baseLimit;
  if (typeof limit !== 'number' || typeof base !== 'number' || limit >= base) return [];
  const hits: PolicyReasonHit[] = [];
  if (output.rampApplies === true && output.rampCap === limit)
    hits.push({ code: 'NEW_USER_RAMP', stage: 'limit', threshold: null });
  if (output.dsrCap === limit)
    hits.push({ code: 'LIMIT_CAPPED_BY_DEBT_SERVICE', stage: 'limit', threshold: null });
  if (output.scaledLimit === limit)
    hits.push({ code: 'LIMIT_REDUCED_BY_RISK_APPETITE', stage: 'limit', threshold: null });
  return hits;
}

function goalOf(input: PolicyInput): RecourseGoal {
  return input.requestedAmount === null
    ? { kind: 'approval' }
    : { kind: 'amount', amount: input.requestedAmount };
}

function recourseOf(plan: RecoursePlan, goal: RecourseGoal): DecisionRecourse {
  const goalJson =
    goal.kind === 'approval' ? goal : { kind: 'amount' as const, amount: goal.amount.toString() };
  switch (plan.status) {
    case 'not-needed':
      return {
        status: 'not-needed',
        goal: goalJson,
        reason: null,
        actions: [],
        totalCost: null,
        verified: null,
        text: null,
      };
    case 'none':
      return {
        status: 'none',
        goal: goalJson,
        reason: plan.reason,
        actions: [],
        totalCost: null,
        verified: null,
        text: NO_PLAN_TEXT,
      };
    case 'plan':
      return {
        status: 'plan',
        goal: goalJson,
        reason: null,
        actions: plan.actions.map((action) => {
          const rendered = renderDecisionAction(action);
          return {
            code: rendered.code,
            feature: action.feature,
            from: action.from,
            to: action.to,
            byDate: action.byDate ?? null,
            cost: action.cost,
            params: rendered.params,
            text: rendered.text,
          };
        }),
        totalCost: plan.totalCost,
        verified: { outcome: plan.verified.outcome, limit: plan.verified.limit.toString() },
        text: null,
      };
  }
}

const NO_PLAN_TEXT: LocalizedText = {
  zh: '目前没有您可以采取的措施能改变这一结果。',
  en: 'There is nothing you can change right now that would alter this decision.',
};

/** The legal cap as recorded, built once per cap (every decision on a date shares the cap in force). */
const legalCapJsons = new WeakMap<LegalCapInForce, { effectiveFrom: string; annualRate: string }>();

/** The rule's date and the rate it stood at on the decision date (a multiple of the LPR, resolved). */
function legalCapJson(cap: LegalCapInForce): { effectiveFrom: string; annualRate: string } {
  let json = legalCapJsons.get(cap);
  if (!json) {
    json = Object.freeze({ effectiveFrom: cap.effectiveFrom, annualRate: toExactRateString(cap.annualRate) });
    legalCapJsons.set(cap, json);
  }
  return json;
}

/** Decides on stored or fresh facts with a scorer and a policy (see the module comment). */
export function evaluateDecision(
  facts: DecisionFacts,
  scorer: Scorer,
  context: PolicyContext,
  options: EvaluateOptions = {},
): EvaluatedDecision {
  // Scored straight from the facts (money read in yuan); the full row, as stored, is built on demand.
  const score = scoreFacts(facts, scorer);
  const input = policyInputOf(facts, {
    product: context.product,
    appetite: context.appetite,
    score: score.score,
    subScores: score.subScores,
  });
  // One document: what the graph sees is what is stored (and what a replay feeds it again).
  const policyDocument = toPolicyDocument(input);
  const policyEvaluation = context.policy.evaluate(policyDocument);
  const result = readPolicyResult(policyEvaluation, context.product);
  const output = policyEvaluation.output;
  const price = clampToLegalCap(result.apr, context.legalRateCaps, facts.asOfDate);

  const shortfall = input.requestedAmount !== null && result.limit < input.requestedAmount;
  // The score can only be a cause of a decline, a referral or a limit below the request: an approval that
  // gives what was asked has nothing the score would explain, so the counterfactual is not run for it.
  let scoreIsCause = false;
  if (result.outcome !== 'approved' || shortfall) {
    if (result.reasons.some((hit) => hit.code === 'SCORE_BELOW_CUTOFF' || hit.code === 'POLICY_TIGHTENED')) {
      scoreIsCause = true;
    } else if (score.score < BEST_SCORE) {
      // The same document with the best score, evaluated without a trace (nothing of it is kept).
      const best = readPolicyOutcome(
        context.policy.evaluateOutput(Object.assign({}, policyDocument, { score: BEST_SCORE })),
        context.product,
      );
      scoreIsCause = better(result, best);
    }
  }
  const reasonContext = { holdUntil: facts.holds.length > 0 ? holdUntil(facts) : null };
  const policyReasons: PrincipalReason[] = [];
  for (const hit of result.reasons)
    policyReasons.push(cachedPolicyReason(policyReasonParams(hit, input, result, reasonContext)));
  for (const hit of capBehindLowLimit(result, output))
    policyReasons.push(cachedPolicyReason(policyReasonParams(hit, input, result, reasonContext)));
  const reasons = rankPrincipalReasons(result.outcome, policyReasons, scoreIsCause ? score.reasons : []);

  let recourse: DecisionRecourse | null = null;
  const wantsRecourse = result.outcome !== 'approved' || shortfall;
  if (options.recourse !== false && wantsRecourse) {
    const memo = options.recourseMemo;
    const key = memo ? recourseKey(facts, policyDocument, options.maxRecourseEvaluations) : '';
    recourse = memo?.get(context.policy, scorer, key) ?? null;
    if (recourse === null) {
      const goal = goalOf(input);
      const plan = decisionRecourse({
        facts,
        scorer,
        policy: context.policy,
        input,
        goal,
        ...(options.maxRecourseEvaluations !== undefined
          ? { maxEvaluations: options.maxRecourseEvaluations }
          : {}),
      });
      recourse = recourseOf(plan, goal);
      memo?.set(context.policy, scorer, key, recourse);
    }
  }

  return new Evaluated(
    facts,
    result.outcome,
    result.limit,
    price.apr,
    dailyRateOfApr(price.apr),
    price.capped,
    price.cap ? legalCapJson(price.cap) : null,
    score,
    input,
    policyDocument,
    result,
    output,
    policyEvaluation.trace,
    reasons,
    recourse,
  );
}

/**
 * An evaluated decision. A class (not an object literal with a getter, which V8 builds slowly) so the
 * scorecard row as stored — every feature, money in yuan — is built only when something reads it.
 */
class Evaluated implements EvaluatedDecision {
  #row: ScoreRow | undefined;
  constructor(
    private readonly facts: DecisionFacts,
    readonly outcome: Outcome,
    readonly limit: Money,
    readonly apr: Rate,
    readonly dailyRate: Rate,
    readonly aprCapped: boolean,
    readonly legalCap: { readonly effectiveFrom: string; readonly annualRate: string } | null,
    readonly score: ScoreResult,
    readonly input: PolicyInput,
    readonly policyDocument: ZenObject,
    readonly policyResult: PolicyResult,
    readonly policyOutput: ZenObject,
    readonly trace: readonly TraceEntry[],
    readonly reasons: readonly PrincipalReason[],
    readonly recourse: DecisionRecourse | null,
  ) {}

  get row(): ScoreRow {
    this.#row ??= scorecardRow(this.facts);
    return this.#row;
  }
}

/** The daily rate of an APR (exact, APR / 365), computed once per APR value the policy gives. */
const dailyRates = new WeakMap<Rate, Rate>();

function dailyRateOfApr(apr: Rate): Rate {
  let daily = dailyRates.get(apr);
  if (!daily) {
    daily = dailyRateOf(apr);
    dailyRates.set(apr, daily);
  }
  return daily;
}

/** Zero, as the limit of a decision that could not be made. */
export const NO_LIMIT: Money = fen(0n);
