import { AppError } from '../platform/errors/app-error.ts';
import type { LocalDate } from '../platform/time/local-date.ts';

/**
 * The recourse engine: for a declined applicant (or a limit below the amount asked for), the cheapest set
 * of actions the person can really take that flips the outcome — found by searching over candidate values
 * of the actionable inputs and re-running the whole decision (score + policy) on each candidate. Pure: the
 * decision function and the feature metadata are parameters.
 *
 * **Candidates.** For each mutable feature, in the direction the person can move it and within its
 * bounds: every policy threshold on it and its neighbours one unit either side (the compiler knows every
 * threshold), the scorecard's bin edges and their neighbours, and the bound itself. Because the decision
 * only changes where some rule or bin changes, these values include the cheapest value of each region the
 * feature can reach.
 *
 * **Search.** Uniform-cost (best-first) enumeration of combinations in order of total cost: each feature's
 * candidates are sorted by cost, and combinations are generated so that each is produced exactly once
 * (a combination's parent lowers its last changed feature). The first combination whose decision meets the
 * goal is the cheapest plan among the candidates; each of its numeric actions is then tightened by binary
 * search to the least change that still meets the goal, and the plan is verified by running the decision
 * again on the final values. If even
 * every feature at its most favourable reachable value does not meet the goal, no plan exists ("fixed")
 * — exact when the decision is monotone in each actionable feature, which credit policies are by design.
 */

export type FeatureValue = number | boolean;
export type FeatureRecord = Readonly<Record<string, FeatureValue>>;

export interface DecisionOutcome {
  readonly outcome: 'approved' | 'declined' | 'referred';
  /** The limit offered, in fen (0 when declined). */
  readonly limit: bigint;
}

/** Re-runs score and policy on changed inputs. Must be deterministic. */
export type DecisionFunction = (features: FeatureRecord) => DecisionOutcome;

/** What the person wants: any approval, or a limit of at least `amount` fen. */
export type RecourseGoal =
  { readonly kind: 'approval' } | { readonly kind: 'amount'; readonly amount: bigint };

/** How a feature may change, what it costs, and when (for inputs that change by themselves with time). */
export interface ActionableFeature {
  /** Key in the feature record. */
  readonly name: string;
  /** Immutable features (age, blocklist) are never suggested. */
  readonly mutable: boolean;
  /** The only way the person can move it: repay (decrease), verify (increase), wait (decrease), … */
  readonly direction: 'increase' | 'decrease';
  /** `integer` counts, `money` integer fen, `boolean` flags (false < true). */
  readonly kind: 'integer' | 'money' | 'boolean';
  /** Reachable bounds (e.g. inquiries ≥ 0, verification level ≤ 3). */
  readonly min?: number;
  readonly max?: number;
  /** Cost of moving from → to: ≥ 0, growing with the distance moved. Units are comparable across features. */
  readonly cost: (from: FeatureValue, to: FeatureValue) => number;
  /**
   * For inputs that change with time (applications drop out of the 30-day window, history grows): the date
   * on which the value will have reached `to`, or undefined when it never will by waiting.
   */
  readonly dateReached?: (from: FeatureValue, to: FeatureValue) => LocalDate | undefined;
  /** Further values worth trying, e.g. the scorecard's bin edges for this feature. */
  readonly candidates?: readonly number[];
  /** A stable code for rendering the action to the person (see `recourse-actions.ts`). */
  readonly action: string;
}

export interface RecourseProblem {
  readonly current: FeatureRecord;
  readonly decide: DecisionFunction;
  readonly goal: RecourseGoal;
  readonly features: readonly ActionableFeature[];
  /** Every number the policy compares each feature with (`CompiledPolicy.thresholds`). */
  readonly thresholds?: ReadonlyMap<string, readonly number[]>;
  /** At most this many features changed in one plan (default 3). */
  readonly maxActions?: number;
  /** At most this many decisions evaluated (default 3000). */
  readonly maxEvaluations?: number;
  /** At most this many candidate values per feature, the cheapest (default 16). */
  readonly maxCandidatesPerFeature?: number;
}

export interface RecourseAction {
  readonly feature: string;
  readonly action: string;
  readonly from: FeatureValue;
  readonly to: FeatureValue;
  readonly cost: number;
  /** When waiting gets there: the date the value will have reached `to`. */
  readonly byDate?: LocalDate;
}

export type RecoursePlan =
  | { readonly status: 'not-needed'; readonly decision: DecisionOutcome }
  | {
      readonly status: 'plan';
      readonly actions: readonly RecourseAction[];
      readonly totalCost: number;
      /** The decision re-run on the changed inputs: it meets the goal. */
      readonly verified: DecisionOutcome;
      readonly evaluations: number;
    }
  | {
      readonly status: 'none';
      /**
       * `fixed`: no reachable change of the actionable inputs meets the goal (nothing the person can do now);
       * `too-many-actions`: only a plan with more than `maxActions` changes would;
       * `search-limit`: the evaluation budget ran out first.
       */
      readonly reason: 'fixed' | 'too-many-actions' | 'search-limit';
      readonly evaluations: number;
    };

export function meetsGoal(decision: DecisionOutcome, goal: RecourseGoal): boolean {
  if (decision.outcome !== 'approved') return false;
  return goal.kind === 'approval' || decision.limit >= goal.amount;
}

interface Candidate {
  readonly value: FeatureValue;
  readonly cost: number;
  readonly byDate?: LocalDate;
}

function improves(feature: ActionableFeature, from: FeatureValue, to: FeatureValue): boolean {
  const a = Number(from);
  const b = Number(to);
  return feature.direction === 'increase' ? b > a : b < a;
}

function candidatesOf(
  feature: ActionableFeature,
  current: FeatureValue,
  thresholds: readonly number[],
  limit: number,
): Candidate[] {
  const raw = new Set<number>();
  if (feature.kind === 'boolean') {
    raw.add(0);
    raw.add(1);
  } else {
    for (const t of [...thresholds, ...(feature.candidates ?? [])]) {
      // Integer-valued features: thresholds of any comparison (<, <=, >, >=) are decided at t-1, t, t+1.
      const base = Math.ceil(t);
      for (const value of [base - 1, base, base + 1, Math.floor(t)]) raw.add(value);
    }
    const bound = feature.direction === 'increase' ? feature.max : feature.min;
    if (bound !== undefined) {
      raw.add(bound);
      // Where no rule compares the feature with a number (it only enters arithmetic, like monthly
      // repayments in a debt-service cap), try evenly spaced steps towards the bound; the chosen one is
      // tightened afterwards.
      if (thresholds.length === 0 && (feature.candidates ?? []).length === 0) {
        const from = Number(current);
        for (let step = 1; step < 8; step += 1) raw.add(Math.round(from + ((bound - from) * step) / 8));
      }
    }
  }
  const candidates: Candidate[] = [];
  for (const number of raw) {
    const value: FeatureValue = feature.kind === 'boolean' ? number === 1 : number;
    if (!improves(feature, current, value)) continue;
    if (feature.min !== undefined && Number(value) < feature.min) continue;
    if (feature.max !== undefined && Number(value) > feature.max) continue;
    let byDate: LocalDate | undefined;
    if (feature.dateReached) {
      byDate = feature.dateReached(current, value);
      if (byDate === undefined) continue; // waiting never gets there
    }
    const cost = feature.cost(current, value);
    if (!Number.isFinite(cost) || cost < 0) continue;
    candidates.push({ value, cost, ...(byDate ? { byDate } : {}) });
  }
  candidates.sort(
    (a, b) =>
      a.cost - b.cost ||
      Math.abs(Number(a.value) - Number(current)) - Math.abs(Number(b.value) - Number(current)),
  );
  return candidates.slice(0, limit);
}

/** A binary min-heap of search states by cost. */
class StateHeap {
  private readonly items: Array<{ cost: number; order: number; indexes: Int16Array; last: number }> = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
  }

  push(cost: number, indexes: Int16Array, last: number): void {
    const item = { cost, order: this.counter++, indexes, last };
    this.items.push(item);
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(this.items[parent]!, item)) break;
      this.items[i] = this.items[parent]!;
      i = parent;
    }
    this.items[i] = item;
  }

  pop(): { cost: number; indexes: Int16Array; last: number } | undefined {
    const top = this.items[0];
    const end = this.items.pop();
    if (!top || !end) return undefined;
    if (this.items.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = end;
        let target = -1;
        if (left < this.items.length && this.less(this.items[left]!, smallest)) {
          smallest = this.items[left]!;
          target = left;
        }
        if (right < this.items.length && this.less(this.items[right]!, smallest)) {
          smallest = this.items[right]!;
          target = right;
        }
        if (target < 0) break;
        this.items[i] = smallest;
        i = target;
      }
      this.items[i] = end;
    }
    return top;
  }

  private less(a: { cost: number; order: number }, b: { cost: number; order: number }): boolean {
    return a.cost < b.cost || (a.cost === b.cost && a.order < b.order);
  }
}

/**
 * Finds the cheapest verified plan that meets the goal, or says why there is none. Immutable features are
 * ignored; the current values must be in the record for every feature listed.
 */
export function findRecourse(problem: RecourseProblem): RecoursePlan {
  const maxActions = problem.maxActions ?? 3;
  const maxEvaluations = problem.maxEvaluations ?? 3000;
  const perFeature = problem.maxCandidatesPerFeature ?? 16;
  let evaluations = 0;
  const decide = (features: FeatureRecord): DecisionOutcome => {
    evaluations += 1;
    return problem.decide(features);
  };

  const start = decide(problem.current);
  if (meetsGoal(start, problem.goal)) return { status: 'not-needed', decision: start };

  const features = problem.features.filter((feature) => feature.mutable);
  for (const feature of features) {
    if (!(feature.name in problem.current)) {
      throw AppError.invalid(
        `features.${feature.name}`,
        'required',
        `the current value of ${feature.name} is missing`,
      );
    }
  }
  const options = features
    .map((feature) => ({
      feature,
      candidates: candidatesOf(
        feature,
        problem.current[feature.name] as FeatureValue,
        problem.thresholds?.get(feature.name) ?? [],
        perFeature,
      ),
    }))
    .filter((option) => option.candidates.length > 0);

  const apply = (indexes: Int16Array): Record<string, FeatureValue> => {
    const changed: Record<string, FeatureValue> = { ...problem.current };
    options.forEach((option, i) => {
      const index = indexes[i] as number;
      if (index >= 0) changed[option.feature.name] = (option.candidates[index] as Candidate).value;
    });
    return changed;
  };

  // Everything at its most favourable reachable value: if even that fails, nothing the person does helps.
  if (options.length === 0) return { status: 'none', reason: 'fixed', evaluations };
  const extreme = new Int16Array(options.length);
  options.forEach((option, i) => {
    let best = 0;
    option.candidates.forEach((candidate, j) => {
      const current = Number(option.candidates[best]?.value);
      const value = Number(candidate.value);
      if (option.feature.direction === 'increase' ? value > current : value < current) best = j;
    });
    extreme[i] = best;
  });
  if (!meetsGoal(decide(apply(extreme)), problem.goal))
    return { status: 'none', reason: 'fixed', evaluations };

  const heap = new StateHeap();
  const initial = new Int16Array(options.length).fill(-1);
  const costOf = (indexes: Int16Array): number =>
    options.reduce(
      (sum, option, i) =>
        sum + ((indexes[i] as number) >= 0 ? (option.candidates[indexes[i] as number] as Candidate).cost : 0),
      0,
    );
  const changedCount = (indexes: Int16Array): number =>
    indexes.reduce((count, index) => count + (index >= 0 ? 1 : 0), 0);
  const expand = (indexes: Int16Array, last: number): void => {
    for (let i = Math.max(0, last); i < options.length; i += 1) {
      const next = (indexes[i] as number) + 1;
      if (next >= (options[i]?.candidates.length ?? 0)) continue;
      const child = Int16Array.from(indexes);
      child[i] = next;
      if (changedCount(child) > maxActions) continue;
      heap.push(costOf(child), child, i);
    }
  };
  expand(initial, 0);
  let exhausted = true;
  while (heap.size > 0) {
    if (evaluations >= maxEvaluations) {
      exhausted = false;
      break;
    }
    const state = heap.pop()!;
    const changed = apply(state.indexes);
    if (meetsGoal(decide(changed), problem.goal)) {
      const plan: Record<string, FeatureValue> = { ...changed };
      const chosen = options
        .filter((_option, i) => (state.indexes[i] as number) >= 0)
        .map((option) => option.feature);
      // Tighten each numeric action to the least change that still meets the goal, the others held
      // (binary search; the decision is monotone in each actionable feature).
      for (const feature of chosen) {
        if (feature.kind === 'boolean') continue;
        let far = Number(plan[feature.name]);
        let near = Number(problem.current[feature.name]);
        while (Math.abs(far - near) > 1 && evaluations < maxEvaluations) {
          const middle = Math.round((far + near) / 2);
          if (meetsGoal(decide({ ...plan, [feature.name]: middle }), problem.goal)) far = middle;
          else near = middle;
        }
        plan[feature.name] = far;
      }
      const verified = problem.decide(plan);
      evaluations += 1;
      if (!meetsGoal(verified, problem.goal)) {
        throw new AppError(
          'INTERNAL',
          'the decision function gave two different answers for the same inputs',
        );
      }
      const actions: RecourseAction[] = chosen.map((feature) => {
        const from = problem.current[feature.name] as FeatureValue;
        const to = plan[feature.name] as FeatureValue;
        const byDate = feature.dateReached?.(from, to);
        return {
          feature: feature.name,
          action: feature.action,
          from,
          to,
          cost: feature.cost(from, to),
          ...(byDate ? { byDate } : {}),
        };
      });
      const totalCost = actions.reduce((sum, action) => sum + action.cost, 0);
      return { status: 'plan', actions, totalCost, verified, evaluations };
    }
    expand(state.indexes, state.last);
  }
  return { status: 'none', reason: exhausted ? 'too-many-actions' : 'search-limit', evaluations };
}
