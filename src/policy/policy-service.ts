import * as repository from './policy.pg.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Database } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import { applyLendingSettings, loadLendingSettings } from './apply-lending-settings.ts';
import { approvePolicyChange } from './approve-policy-change.ts';
import { checkPolicy } from './check-policy.ts';
import { createPolicyCaches } from './policy-cache.ts';
import type { PolicyDeps, PolicyService } from './policy-ports.ts';
import {
  compiledPolicyVersion,
  diffPolicyVersions,
  getPolicyVersion,
  listPolicyVersions,
  policyStoreIsFresh,
  policyVersionInForce,
} from './policy-version-reads.ts';
import { lendingSettings } from './read-lending-settings.ts';
import { resolveDecisionPolicy } from './resolve-decision-policy.ts';
import { submitPolicyVersion } from './submit-policy-version.ts';

export type { PolicyDiff, PolicyVersion, PolicyVersionSummary } from './policy-version.ts';
export { canonicalJson, policyChecksum } from './policy-checksum.ts';
export { refusalOf } from './check-policy.ts';
export type {
  DecisionPolicy,
  PolicyCompileResult,
  PolicyLoadRequest,
  PolicyLoadResult,
  PolicyRefusal,
  PolicyService,
  SettingsLoadReport,
} from './policy-ports.ts';
export { UNNAMED_ACTOR } from './submit-policy-version.ts';

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
