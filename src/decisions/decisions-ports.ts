import type { CustomerSnapshot } from '../customers/index.ts';
import type { Database, Queryable } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Money } from '../platform/money/money.ts';
import type { Rate } from '../platform/money/rate.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type {
  CompiledPolicy,
  DecisionPolicy,
  PolicyVersionSummary,
  StoredProductSpelling,
} from '../policy/index.ts';
import type { Scorer } from '../scoring/index.ts';
import type { DecisionRecord, DecisionSummary } from './decision.ts';
import type { DecisionRequest, ManualReviewRequest, OverrideRequest } from './decision-requests.ts';
import type { FacilityFact } from './decision-facts.ts';
import type { RecourseMemo } from './evaluate-decision.ts';
import type { ReplayReport } from './replay.ts';
import type { ShadowScheduler } from './shadow-scheduler.ts';

/** A facility product as lending stores it (`cash-loan`, `credit-line`): policy's one mapping. */
export type FacilityProduct = StoredProductSpelling;

/** The ports a decision needs; the composition root wires them to the other contexts. */
export interface DecisionPorts {
  /** The customer snapshot as of an instant (customers context). NOT_FOUND for an unknown customer. */
  snapshot(customerId: string, asOf: Date): Promise<CustomerSnapshot>;
  /** The customer's facility for a product before the decision, if any (lending context). */
  facility(customerId: string, product: FacilityProduct): Promise<FacilityFact | null>;
  /**
   * The snapshot and the facility together, in one round trip (the customers context's probe carries
   * lending's facility read). Optional: when absent, `snapshot` and `facility` are asked separately. It must
   * answer exactly what the two would.
   */
  snapshotWithFacility?(
    customerId: string,
    asOf: Date,
    product: FacilityProduct,
  ): Promise<{ readonly snapshot: CustomerSnapshot; readonly facility: FacilityFact | null }>;
  /** The active scorer, or one by model version (scoring context). */
  scorer(version?: string): Promise<Scorer>;
  /** Product, arm, policy version, appetite and legal caps for one decision (policy context). */
  resolvePolicy(request: {
    productCode: string;
    customerId: string;
    date: LocalDate;
  }): Promise<DecisionPolicy>;
  /** A stored policy version, compiled (replay). */
  compiledPolicy(versionId: string): Promise<CompiledPolicy>;
  /** A stored policy version's summary (its checksum), for replay. */
  policyVersion(versionId: string): Promise<PolicyVersionSummary>;
  /**
   * The version of a policy name in force on a date, compiled, or undefined (shadow mode runs a shadow
   * policy by name; absent: a shadow naming a policy records that it could not run).
   */
  policyInForce?(
    name: string,
    date: LocalDate,
  ): Promise<{ readonly version: PolicyVersionSummary; readonly policy: CompiledPolicy } | undefined>;
}

/**
 * The port through which a referred decision opens its review case: `opensCase` says which referred
 * decisions get one (the referrals context decides), `open` writes it inside the decision's transaction,
 * so a referral is never recorded without its case. Opening is idempotent (one case per decision).
 */
export interface ReferralCaseOpener {
  opensCase(record: DecisionRecord): boolean;
  open(tx: Queryable, record: DecisionRecord): Promise<void>;
}

/** What an approved decision grants the customer: one product's limit and rate. */
export interface FacilityGrant {
  readonly customerId: string;
  readonly product: FacilityProduct;
  readonly limit: Money;
  readonly apr: Rate;
  /** The granting decision; applying the same decision twice changes nothing. */
  readonly decisionId: string;
  readonly reason: string;
}

/** The terms an approval confirms: the product's facility, active, with the record's limit and this rate. */
export interface StandingTerms {
  readonly product: FacilityProduct;
  /** The facility's rate as the approval prices it (the record's APR, exact). */
  readonly apr: Rate;
}

/**
 * How decisions write to the customer's facility (lending context owns it; the composition root wires
 * lending's adapter, `createFacilityWriter`). Decisions never reads or writes lending's tables itself.
 */
export interface FacilityWriter {
  /**
   * Opens the facility or sets its limit and rate inside the decision's transaction, so the decision and
   * its effect commit together; idempotent per decision id. Says what changed.
   */
  apply(tx: Queryable, grant: FacilityGrant): Promise<'opened' | 'adjusted' | 'unchanged'>;
  /**
   * The SQL condition "the customer's facility for `terms.product` is active with exactly this limit and
   * rate", for decisions' one-statement confirming insert (`insertDecisionConfirmingTerms`): the decision
   * is written only if the facility still stands as read when the statement runs. `at` names the
   * placeholders the statement already binds for the customer id and the limit (so the statement stays a
   * single-shard query on a distributed store); `bind` adds a parameter and returns its placeholder.
   */
  standingTermsCondition(
    at: { readonly customerId: string; readonly limit: string },
    terms: StandingTerms,
    bind: (value: unknown) => string,
  ): string;
}

/**
 * What the decisions use cases need, bound once by `createDecisionService` (or passed directly when a use
 * case is called on its own).
 */
export interface DecisionsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly ports: DecisionPorts;
  readonly facilities: FacilityWriter;
  /** Opens the review case of a referred decision in the decision's own transaction (referrals context). */
  readonly referralCases?: ReferralCaseOpener;
  /** How long each dependency may take before the decision is referred as a fault. */
  readonly dependencyTimeoutMs: number;
  /** Decisions recourse may re-run per decision (the evaluator's default when absent). */
  readonly maxRecourseEvaluations?: number;
  /** Recourse plans remembered for identical inputs, shared by the decisions of one service. */
  readonly recourseMemo?: RecourseMemo;
  /** Shadow mode: where a decision hands its shadow after it is recorded (`shadow-scheduler.ts`). */
  readonly shadows?: ShadowScheduler;
}

export interface DecisionService {
  /** Decides for one customer and product, records it, and applies an approval to the facility. */
  decide(request: DecisionRequest): Promise<DecisionRecord>;
  /** NOT_FOUND when there is no such decision. */
  get(decisionId: string): Promise<DecisionRecord>;
  /** A customer's decisions, newest first. */
  list(customerId: string, options?: { limit?: number; before?: string }): Promise<DecisionSummary[]>;
  /** Recomputes a decision from its stored facts, model and policy version, and compares. */
  replay(decisionId: string): Promise<ReplayReport>;
  /**
   * Records a person's decision on an appeal as a new decision that overrides an earlier one. With
   * `options.tx` it is written inside the caller's transaction (the appeals context writes the override and
   * the appeal's resolution together); otherwise in its own.
   */
  recordOverride(request: OverrideRequest, options?: { readonly tx?: Queryable }): Promise<DecisionRecord>;
  /**
   * Records a person's decision on a referred decision as a new decision (kind `manual_review`, linked to
   * the referral case) that overrides it — replayable like an override — and applies an approval to the
   * facility, inside the caller's transaction.
   */
  recordManualReview(
    request: ManualReviewRequest,
    options: { readonly tx: Queryable },
  ): Promise<DecisionRecord>;
  /** Shadow mode: resolves when every shadow queued so far is recorded; and what happened to them. */
  readonly shadows: Pick<ShadowScheduler, 'idle' | 'stats'>;
}
