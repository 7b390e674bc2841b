import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import {
  assignArm,
  assignmentOn,
  POLICY_NAME,
  type Arm,
  type PolicyAssignment,
} from './champion-challenger.ts';
import { readJdm, refusePolicy, type PolicyGraph } from './jdm.ts';
import { productOn, type LendingSettings } from './lending-settings.ts';
import { compilePolicy, type CompiledPolicy } from './policy-compiler.ts';
import { diffGraphs, type GraphDiff } from './policy-diff.ts';
import { productRangeIssues } from './product-range-check.ts';
import { settingsLoadIssues } from './settings-checks.ts';
import * as repository from './policy.repository.ts';
import type { PolicyVersion, PolicyVersionSummary } from './policy.repository.ts';
import { appetiteOn, legalCapOn, type LegalRateCap, type Product, type RiskAppetite } from './products.ts';

export type { PolicyVersion, PolicyVersionSummary } from './policy.repository.ts';

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
  /** The legal cap in force on the date (undefined when none is configured). */
  readonly legalCap: LegalRateCap | undefined;
  /** Every dated cap, for `clampToLegalCap`. */
  readonly legalRateCaps: readonly LegalRateCap[];
}

export interface PolicyLoadRequest {
  readonly name: string;
  readonly effectiveFrom: LocalDate;
  /** The JDM graph, as parsed JSON. */
  readonly content: unknown;
  readonly description?: string;
}

export interface PolicyLoadResult {
  readonly version: PolicyVersionSummary;
  /** False when the same graph with the same effective date was already loaded (nothing written). */
  readonly created: boolean;
}

export interface PolicyDiff {
  readonly from: PolicyVersionSummary;
  readonly to: PolicyVersionSummary;
  readonly diff: GraphDiff;
}

export interface SettingsLoadReport {
  readonly products: number;
  readonly legalRateCaps: number;
  readonly riskAppetite: number;
  readonly assignments: number;
}

/**
 * The policy context's use cases: load, list, show and diff policy versions; load and read the lending
 * settings; and resolve, for one decision, the product, the champion/challenger arm, the compiled policy
 * in force, the risk appetite and the legal cap.
 */
export interface PolicyService {
  /** Checks (compile + static checks) and stores a new version; refuses a policy outside the subset. */
  load(request: PolicyLoadRequest): Promise<PolicyLoadResult>;
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
  /**
   * How long settings and "version in force" lookups are cached in this process, in milliseconds (default
   * 5000; 0 disables). Loads through this service clear the cache at once; other instances see a change
   * within this time.
   */
  readonly cacheMs?: number;
}

/** JSON with keys sorted, so the checksum of a policy does not depend on formatting or key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function policyChecksum(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

export function createPolicyService(options: PolicyServiceOptions): PolicyService {
  const { db, clock, ids } = options;
  const cacheMs = options.cacheMs ?? 5000;
  const compiledCache = new Map<string, CompiledPolicy>();
  let settingsCache: { at: number; value: LendingSettings } | undefined;
  const inForceCache = new Map<string, { at: number; value: PolicyVersionSummary | undefined }>();
  const fresh = (at: number) => cacheMs > 0 && clock.now().getTime() - at < cacheMs;
  const clearCaches = () => {
    settingsCache = undefined;
    inForceCache.clear();
  };

  const get = async (id: string, q: Queryable = db): Promise<PolicyVersion> => {
    const version = await repository.findPolicyVersion(q, id);
    if (!version) throw AppError.notFound('policy version', id);
    return version;
  };

  const compiled = async (id: string): Promise<CompiledPolicy> => {
    const cached = compiledCache.get(id);
    if (cached) return cached;
    const version = await get(id);
    // Stored versions passed these checks when loaded; the warnings are already on the row.
    const policy = compilePolicy(version.content, { staticChecks: false });
    compiledCache.set(id, policy);
    return policy;
  };

  /**
   * The products a policy version effective from `date` will decide: those whose assignment (from that
   * date on) names it as champion or challenger, in force on that date; every product when none does yet.
   */
  const productsDecidedBy = async (name: string, date: LocalDate): Promise<Product[]> => {
    const current = await settings();
    const assigned = new Set(
      current.assignments
        .filter((assignment) => assignment.championPolicy === name || assignment.challengerPolicy === name)
        .map((assignment) => assignment.productCode),
    );
    const codes = [...new Set(current.products.map((entry) => entry.product.code))].filter(
      (code) => assigned.size === 0 || assigned.has(code),
    );
    const products: Product[] = [];
    for (const code of codes) {
      const entry = productOn(current.products, code, date);
      if (entry) products.push(entry.product);
    }
    return products;
  };

  const settings = async (): Promise<LendingSettings> => {
    if (settingsCache && fresh(settingsCache.at)) return settingsCache.value;
    const [products, legalRateCaps, riskAppetite, assignments] = await Promise.all([
      repository.listProducts(db),
      repository.listLegalRateCaps(db),
      repository.listRiskAppetite(db),
      repository.listAssignments(db),
    ]);
    const value = { products, legalRateCaps, riskAppetite, assignments };
    settingsCache = { at: clock.now().getTime(), value };
    return value;
  };

  const inForce = async (name: string, date: LocalDate): Promise<PolicyVersionSummary | undefined> => {
    const key = `${name}@${date}`;
    const cached = inForceCache.get(key);
    if (cached && fresh(cached.at)) return cached.value;
    const value = await repository.policyVersionInForce(db, name, date);
    if (cacheMs > 0) inForceCache.set(key, { at: clock.now().getTime(), value });
    return value;
  };

  return {
    async load(request) {
      if (!POLICY_NAME.test(request.name)) {
        throw AppError.invalid(
          'name',
          'policy-name',
          'lower-case letters, digits, - and _, starting with a letter',
        );
      }
      const description = request.description ?? '';
      if (description.length > 500)
        throw AppError.invalid('description', 'max-length', 'at most 500 characters');
      // Refuses (VALIDATION_FAILED with node, row and column) anything outside the subset or unreachable.
      const policy = compilePolicy(request.content);
      // What it offers must lie within the products it will decide (refused with rule and example).
      const rangeIssues = productRangeIssues(
        policy,
        await productsDecidedBy(request.name, request.effectiveFrom),
        appetiteOn((await settings()).riskAppetite, request.effectiveFrom),
      );
      if (rangeIssues.length > 0) throw refusePolicy(rangeIssues);
      const checksum = policyChecksum(request.content);
      const result = await db.transaction(async (tx) => {
        await repository.lockPolicyName(tx, request.name);
        const existing = await repository.findSamePolicyVersion(
          tx,
          request.name,
          checksum,
          request.effectiveFrom,
        );
        if (existing) return { version: existing, created: false };
        const number = await repository.nextPolicyVersion(tx, request.name);
        const today = clock.today();
        // The first version of a name may start in the past (an install: no decision can have used the
        // name yet). A later one may not: it would rewrite which version was in force on days already
        // decided, and behind a later-dated version it would silently never be in force.
        if (number > 1 && request.effectiveFrom < today) {
          const current = await repository.policyVersionInForce(tx, request.name, today);
          throw AppError.invalid(
            'effectiveFrom',
            'not-in-past',
            `a new version of "${request.name}" takes effect today (${today}) or later, not ${request.effectiveFrom}${
              current ? `: version ${current.version} has been in force since ${current.effectiveFrom}` : ''
            }`,
          );
        }
        const version: PolicyVersion = {
          id: ids.next('policy'),
          name: request.name,
          version: number,
          effectiveFrom: request.effectiveFrom,
          description,
          checksum,
          warnings: policy.warnings,
          loadedAt: clock.now(),
          content: request.content,
        };
        await repository.insertPolicyVersion(tx, version);
        const { content: _content, ...summary } = version;
        return { version: summary, created: true };
      });
      if (result.created) compiledCache.set(result.version.id, policy);
      clearCaches();
      return result;
    },

    list: (filter = {}) => repository.listPolicyVersions(db, filter.name),
    get: (id) => get(id),

    async diff(fromId, toId) {
      const [from, to] = await Promise.all([get(fromId), get(toId)]);
      const graphOf = (version: PolicyVersion): PolicyGraph => {
        const { graph } = readJdm(version.content);
        if (!graph) throw new AppError('INTERNAL', `stored policy version ${version.id} no longer reads`);
        return graph;
      };
      const { content: _from, ...fromSummary } = from;
      const { content: _to, ...toSummary } = to;
      return { from: fromSummary, to: toSummary, diff: diffGraphs(graphOf(from), graphOf(to)) };
    },

    compiled,
    inForce,

    async loadSettings(value) {
      const loadedAt = clock.now();
      await db.transaction(async (tx) => {
        // One settings load at a time, so the checks below see what the writes will replace.
        await repository.lockPolicyName(tx, ':lending-settings');
        // In turn: one transaction is one connection.
        const products = await repository.listProducts(tx);
        const legalRateCaps = await repository.listLegalRateCaps(tx);
        const riskAppetite = await repository.listRiskAppetite(tx);
        const assignments = await repository.listAssignments(tx);
        const versions = await repository.listPolicyVersions(tx);
        const issues = settingsLoadIssues(
          { products, legalRateCaps, riskAppetite, assignments },
          value,
          versions,
          clock.today(),
        );
        if (issues.length > 0) {
          throw new AppError(
            'VALIDATION_FAILED',
            `lending settings refused (${issues.length} error${issues.length === 1 ? '' : 's'}): ${issues
              .slice(0, 5)
              .map((issue) => `${issue.field}: ${issue.message}`)
              .join('; ')}`,
            { issues },
          );
        }
        for (const entry of value.products) await repository.upsertProduct(tx, entry, loadedAt);
        for (const cap of value.legalRateCaps) await repository.upsertLegalRateCap(tx, cap, loadedAt);
        for (const setting of value.riskAppetite) await repository.upsertRiskAppetite(tx, setting, loadedAt);
        for (const assignment of value.assignments)
          await repository.upsertAssignment(tx, assignment, loadedAt);
      });
      clearCaches();
      return {
        products: value.products.length,
        legalRateCaps: value.legalRateCaps.length,
        riskAppetite: value.riskAppetite.length,
        assignments: value.assignments.length,
      };
    },

    settings,

    async resolve({ productCode, customerId, date }) {
      const current = await settings();
      const product = productOn(current.products, productCode, date);
      if (!product) throw AppError.notFound('product', productCode);
      const assignment: PolicyAssignment = assignmentOn(current.assignments, productCode, date) ?? {
        productCode,
        effectiveFrom: date,
        championPolicy: 'default',
        challengerPolicy: null,
        challengerShareBps: 0,
      };
      const { arm, policyName } = assignArm(customerId, assignment);
      const version = await inForce(policyName, date);
      if (!version) {
        throw new AppError('UNPROCESSABLE', `no version of policy "${policyName}" is in force on ${date}`, {
          details: { policy: policyName, date },
        });
      }
      return {
        date,
        product: product.product,
        arm,
        version,
        policy: await compiled(version.id),
        appetite: appetiteOn(current.riskAppetite, date),
        legalCap: legalCapOn(current.legalRateCaps, date),
        legalRateCaps: current.legalRateCaps,
      };
    },
  };
}
