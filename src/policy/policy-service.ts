import type { CollectionStrategy } from '../collections/index.ts';
import * as repository from './policy.pg.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Database } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { Queryable } from '../platform/database/database.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import {
  applyLendingSettings,
  loadLendingSettings,
  type SettingsLoadReport,
} from './apply-lending-settings.ts';
import { approvePolicyChange } from './approve-policy-change.ts';
import type { ChangeRequest } from './change-requests.ts';
import { checkPolicy, type PolicyCompileResult } from './check-policy.ts';
import type { LendingSettings } from './lending-settings.ts';
import { createPolicyCaches } from './policy-cache.ts';
import type { CompiledPolicy } from './policy-compiler.ts';
import type { PolicyDeps } from './policy-ports.ts';
import {
  compiledPolicyVersion,
  diffPolicyVersions,
  getPolicyVersion,
  listPolicyVersions,
  policyStoreIsFresh,
  policyVersionInForce,
  type PolicyDiff,
} from './policy-version-reads.ts';
import type { PolicyVersion, PolicyVersionSummary } from './policy-version.ts';
import { lendingSettings } from './read-lending-settings.ts';
import { resolveDecisionPolicy, type DecisionPolicy } from './resolve-decision-policy.ts';
import {
  submitPolicyVersion,
  type PolicyLoadRequest,
  type PolicyLoadResult,
} from './submit-policy-version.ts';

export type { PolicyVersion, PolicyVersionSummary } from './policy-version.ts';
export { canonicalJson, policyChecksum } from './policy-checksum.ts';
export type { SettingsLoadReport } from './apply-lending-settings.ts';
export { refusalOf, type PolicyCompileResult, type PolicyRefusal } from './check-policy.ts';
export type { PolicyDiff } from './policy-version-reads.ts';
export type { DecisionPolicy } from './resolve-decision-policy.ts';
export { UNNAMED_ACTOR, type PolicyLoadRequest, type PolicyLoadResult } from './submit-policy-version.ts';

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

export interface PolicyServiceOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Records submissions and bootstraps (approvals and rejections are recorded by the change service). */
  readonly audit?: AuditLog;
  /**
   * How long settings and "version in force" lookups are cached in this process, in milliseconds (default
   * 5000; 0 disables). Loads through this service clear the cache at once; other instances see a change
   * within this time.
   */
  readonly cacheMs?: number;
}

/**
 * Binds the policy use cases (`submit-policy-version.ts`, `check-policy.ts`, `apply-lending-settings.ts`,
 * `policy-version-reads.ts`, `resolve-decision-policy.ts`, …) to one set of dependencies and caches.
 */
export function createPolicyService(options: PolicyServiceOptions): PolicyService {
  const deps: PolicyDeps = {
    db: options.db,
    clock: options.clock,
    ids: options.ids,
    audit: options.audit,
    caches: createPolicyCaches(options.clock, options.cacheMs),
  };
  return {
    load: (request) => submitPolicyVersion(deps, request),
    approvePolicyChange: (tx, change) => approvePolicyChange(deps, tx, change),
    applySettings: (tx, value) => applyLendingSettings(deps, tx, value),
    forgetCaches: () => deps.caches.clear(),
    isFresh: () => policyStoreIsFresh(deps),
    compile: (content, compileOptions) => checkPolicy(deps, content, compileOptions),
    list: (filter) => listPolicyVersions(deps, filter),
    get: (id) => getPolicyVersion(deps, id),
    diff: (fromId, toId) => diffPolicyVersions(deps, fromId, toId),
    compiled: (id) => compiledPolicyVersion(deps, id),
    inForce: (name, date) => policyVersionInForce(deps, name, date),
    loadSettings: (value) => loadLendingSettings(deps, value),
    settings: () => lendingSettings(deps),
    collectionStrategies: (q) => repository.listCollectionStrategies(q),
    resolve: (request) => resolveDecisionPolicy(deps, request),
  };
}
