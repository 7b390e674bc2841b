import type { CollectionStrategy } from '../collections/index.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Database, Queryable } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { Arm } from './champion-challenger.ts';
import type { ChangeActor, ChangeRequest } from './change-requests.ts';
import type { LendingSettings } from './lending-settings.ts';
import type { PolicyCaches } from './policy-cache.ts';
import type { CompiledPolicy } from './policy-compiler.ts';
import type { PolicyDiff, PolicyVersion, PolicyVersionSummary } from './policy-version.ts';
import type { LegalCapInForce, LegalRateCap, Product, RiskAppetite } from './products.ts';
import type { ShadowPlan } from './shadow-assignment.ts';

/** What the policy context's use cases need (storage is `policy.pg.ts`, taking the executor). */
export interface PolicyDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Records submissions and bootstraps (approvals and rejections are recorded by the change use cases). */
  readonly audit?: AuditLog | undefined;
  readonly caches: PolicyCaches;
}

/** One finding of `checkPolicy`, located where a person looks in the editor. */
export interface PolicyRefusal {
  readonly nodeId: string | null;
  readonly nodeName: string | null;
  /** The decision-table rule id. */
  readonly row: string | null;
  /** The input or output field of the column (`applicant.age`, `limit`), else the column's name. */
  readonly column: string | null;
  /** `policy.nodes.<node>.rules.<row>.<column>`, as the 422 of a load names it. */
  readonly field: string;
  /** The check's stable code: `unreachable-row`, `syntax`, `limit-outside-product`, … */
  readonly rule: string;
  readonly message: string;
}

export interface PolicyCompileResult {
  /** True when the graph would be accepted (warnings do not refuse). */
  readonly ok: boolean;
  readonly refusals: readonly PolicyRefusal[];
  readonly warnings: readonly PolicyRefusal[];
}

export interface SettingsLoadReport {
  readonly products: number;
  readonly legalRateCaps: number;
  readonly riskAppetite: number;
  readonly assignments: number;
  readonly collectionStrategies: number;
}

export interface PolicyLoadRequest {
  readonly name: string;
  readonly effectiveFrom: LocalDate;
  /** The JDM graph, as parsed JSON. */
  readonly content: unknown;
  readonly description?: string;
  /** Who submits it (the approver must be another person). Unnamed in-process callers are `unnamed`. */
  readonly requestedBy?: ChangeActor;
  /** A simulation run of this graph (`sim_…`), attached for the approver to read. */
  readonly simulationId?: string;
}

export interface PolicyLoadResult {
  readonly version: PolicyVersionSummary;
  /** False when the same graph with the same effective date was already submitted (nothing written). */
  readonly created: boolean;
  /** Its four-eyes change request: pending until a second person approves (approved when a bootstrap). */
  readonly change: ChangeRequest | null;
}

/** Everything a credit decision needs from the policy context for one customer, product and date. */
export interface DecisionPolicy {
  readonly date: LocalDate;
  readonly product: Product;
  /** Which arm of the product's champion/challenger assignment the customer took. */
  readonly arm: Arm;
  /** The policy version that decides (record its id with the decision). */
  readonly version: PolicyVersionSummary;
  readonly policy: CompiledPolicy;
  readonly appetite: RiskAppetite;
  /** The legal cap in force on the date, resolved (undefined when none is configured). */
  readonly legalCap: LegalCapInForce | undefined;
  /** Every dated cap, for `clampToLegalCap`. */
  readonly legalRateCaps: readonly LegalRateCap[];
  /**
   * The shadow this decision runs beside it without acting (shadow mode), or null: names only — the
   * decisions context looks the version and model up after the decision is recorded, so a shadow can
   * never fail or slow the decision.
   */
  readonly shadow: ShadowPlan | null;
}

/**
 * The policy context's use cases: load, list, show and diff policy versions; load and read the lending
 * settings; and resolve, for one decision, the product, the champion/challenger arm, the compiled policy
 * in force, the risk appetite and the legal cap.
 */
export interface PolicyService {
  /**
   * Checks (compile + static checks) and submits a new version, pending a second person's approval (four-eyes;
   * see `change-service.ts`); refuses a policy outside the subset. A bootstrap takes effect at once.
   */
  load(request: PolicyLoadRequest): Promise<PolicyLoadResult>;
  /**
   * Applies an approved policy change inside the deciding transaction: refuses (422 `effective-date-passed`)
   * a version whose date has passed while it waited, when an approved version of its name exists already —
   * it would rewrite which version decided past days.
   */
  approvePolicyChange(tx: Queryable, change: ChangeRequest): Promise<void>;
  /** Applies approved lending settings inside the deciding transaction (the checks of `loadSettings`). */
  applySettings(tx: Queryable, value: LendingSettings): Promise<void>;
  /** Forgets the cached settings and versions in force (after a change is decided). */
  forgetCaches(): void;
  /** Whether nothing is loaded yet: no approved policy version and no lending setting (a fresh database). */
  isFresh(): Promise<{ readonly policies: boolean; readonly settings: boolean }>;
  /**
   * Compiles and checks a graph as a submission would (subset, reachability, `$`, gaps and overlaps, and the
   * product ranges of the products `name` decides on `effectiveFrom`, default `default` today); writes nothing.
   */
  compile(
    content: unknown,
    options?: { readonly name?: string; readonly effectiveFrom?: LocalDate },
  ): Promise<PolicyCompileResult>;
  list(filter?: { readonly name?: string }): Promise<PolicyVersionSummary[]>;
  /** NOT_FOUND when there is no such version. */
  get(id: string): Promise<PolicyVersion>;
  diff(fromId: string, toId: string): Promise<PolicyDiff>;
  /** The compiled graph of a stored version (compiled once per process; versions never change). */
  compiled(id: string): Promise<CompiledPolicy>;
  /** The version of `name` in force on `date`, if any. */
  inForce(name: string, date: LocalDate): Promise<PolicyVersionSummary | undefined>;
  loadSettings(settings: LendingSettings): Promise<SettingsLoadReport>;
  settings(): Promise<LendingSettings>;
  /**
   * The collections strategies stored through four-eyes changes, oldest first, read through `q` (a
   * transaction in progress, or the database): not cached, so a transaction sees what it may lock against.
   */
  collectionStrategies(q: Queryable): Promise<readonly CollectionStrategy[]>;
  /**
   * The policy for one decision. NOT_FOUND for an unknown product; UNPROCESSABLE when no policy version
   * of the assigned name is in force on the date.
   */
  resolve(request: {
    readonly productCode: string;
    readonly customerId: string;
    readonly date: LocalDate;
  }): Promise<DecisionPolicy>;
}
