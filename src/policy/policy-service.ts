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
import type { AuditLog } from '../platform/audit/audit-log.ts';
import { BOOTSTRAP_ACTOR, type ChangeActor, type ChangeRequest } from './change-requests.ts';
import * as changes from './change-requests.repository.ts';
import { auditActorOf } from './change-audit.ts';
import {
  issueField,
  issueLocation,
  readJdm,
  refusePolicy,
  type PolicyGraph,
  type PolicyIssue,
} from './jdm.ts';
import { productOn, type LendingSettings } from './lending-settings.ts';
import { compilePolicy, policyFindings, type CompiledPolicy } from './policy-compiler.ts';
import { diffGraphs, type GraphDiff } from './policy-diff.ts';
import { productRangeIssues } from './product-range-check.ts';
import { settingsLoadIssues } from './settings-checks.ts';
import * as repository from './policy.repository.ts';
import type { PolicyVersion, PolicyVersionSummary } from './policy.repository.ts';
import {
  appetiteOn,
  legalCapOn,
  type LegalCapInForce,
  type LegalRateCap,
  type Product,
  type RiskAppetite,
} from './products.ts';

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
  /** The legal cap in force on the date, resolved (undefined when none is configured). */
  readonly legalCap: LegalCapInForce | undefined;
  /** Every dated cap, for `clampToLegalCap`. */
  readonly legalRateCaps: readonly LegalRateCap[];
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

/** The actor recorded for in-process submissions that name nobody. */
export const UNNAMED_ACTOR: ChangeActor = { id: 'unnamed', name: 'unnamed' };

/** One finding of `compile`, located where a person looks in the editor. */
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

/** Where an issue is, with the column named by the field it reads or writes. */
export function refusalOf(issue: PolicyIssue, graph: PolicyGraph | undefined): PolicyRefusal {
  let column: string | null = issue.columnName ?? issue.columnId ?? null;
  const node = graph?.nodes.find((candidate) => candidate.id === issue.nodeId);
  if (node && issue.columnId !== undefined) {
    if (node.kind === 'decisionTable') {
      const input = node.inputs.find((candidate) => candidate.id === issue.columnId);
      const output = node.outputs.find((candidate) => candidate.id === issue.columnId);
      if (input?.field) column = input.field.join('.');
      else if (output) column = output.field.join('.');
    } else if (node.kind === 'expression') {
      const entry = node.expressions.find((candidate) => candidate.id === issue.columnId);
      if (entry) column = entry.key.join('.');
    }
  }
  return {
    nodeId: issue.nodeId ?? null,
    nodeName: issue.nodeName ?? null,
    row: issue.rowId ?? null,
    column,
    field: issueField(issue),
    rule: issue.code,
    message: `${issueLocation(issue)}: ${issue.message}`,
  };
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
  const { db, clock, ids, audit } = options;
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

  /** Checks and stores dated settings in an open transaction (existing dates of the future are replaced). */
  const applySettingsIn = async (tx: Queryable, value: LendingSettings): Promise<void> => {
    const loadedAt = clock.now();
    // One settings load at a time, so the checks below see what the writes will replace.
    await repository.lockPolicyName(tx, ':lending-settings');
    // In turn: one transaction is one connection.
    const products = await repository.listProducts(tx);
    const legalRateCaps = await repository.listLegalRateCaps(tx);
    const riskAppetite = await repository.listRiskAppetite(tx);
    const assignments = await repository.listAssignments(tx);
    // Only approved versions decide: an assignment may not name a policy still waiting for its approval.
    const versions = (await repository.listPolicyVersions(tx)).filter(
      (version) => version.status === 'approved',
    );
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
    for (const assignment of value.assignments) await repository.upsertAssignment(tx, assignment, loadedAt);
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
      const requestedBy = request.requestedBy ?? UNNAMED_ACTOR;
      const simulationId = request.simulationId ?? null;
      const result = await db.transaction(async (tx) => {
        // One submission at a time: version numbers stay gap-free and two first submissions of a fresh
        // database cannot both be the bootstrap.
        await repository.lockPolicyName(tx, ':submissions');
        await repository.lockPolicyName(tx, request.name);
        const existing = await repository.findSamePolicyVersion(
          tx,
          request.name,
          checksum,
          request.effectiveFrom,
        );
        if (existing) {
          const [change] = await changes.changesOfSubject(tx, 'policy', existing.id);
          return { version: existing, created: false, change: change ?? null };
        }
        const number = await repository.nextPolicyVersion(tx, request.name);
        const today = clock.today();
        // The first version of a name may start in the past (an install: no decision can have used the
        // name yet). A later one may not: it would rewrite which version was in force on days already
        // decided, and behind a later-dated version it would silently never be in force.
        if (request.effectiveFrom < today && (await repository.anyApprovedVersionOf(tx, request.name))) {
          const current = await repository.policyVersionInForce(tx, request.name, today);
          throw AppError.invalid(
            'effectiveFrom',
            'not-in-past',
            `a new version of "${request.name}" takes effect today (${today}) or later, not ${request.effectiveFrom}${
              current ? `: version ${current.version} has been in force since ${current.effectiveFrom}` : ''
            }`,
          );
        }
        // The bootstrap: nothing decides yet, so the first policy of a fresh database (an install, the demo
        // seeding) takes effect without a second person — recorded as such.
        const bootstrap = !(await repository.anyApprovedPolicy(tx));
        const now = clock.now();
        const id = ids.next('policy');
        const change: ChangeRequest = {
          id: ids.next('changeRequest'),
          kind: 'policy',
          subject: id,
          scope: `${request.name}@${request.effectiveFrom}`,
          summary: `policy ${request.name} v${number} from ${request.effectiveFrom}${description ? `: ${description}` : ''}`,
          payload: { policyId: id, name: request.name, version: number, checksum },
          requestedBy,
          requestedAt: now,
          effectiveFrom: request.effectiveFrom,
          simulationId,
          status: bootstrap ? 'approved' : 'pending',
          decidedBy: bootstrap ? BOOTSTRAP_ACTOR : null,
          decidedAt: bootstrap ? now : null,
          note: bootstrap
            ? 'bootstrap: the first policy of a fresh database takes effect without a second person'
            : '',
          bootstrap,
        };
        const version: PolicyVersion = {
          id,
          name: request.name,
          version: number,
          effectiveFrom: request.effectiveFrom,
          description,
          checksum,
          warnings: policy.warnings,
          loadedAt: now,
          status: bootstrap ? 'approved' : 'pending_approval',
          changeId: change.id,
          content: request.content,
        };
        await repository.insertPolicyVersion(tx, version);
        await changes.insertChange(tx, change);
        if (audit) {
          const subject = { type: 'policy', id };
          const details = {
            changeId: change.id,
            name: request.name,
            version: number,
            effectiveFrom: request.effectiveFrom,
          };
          await audit.record(
            { actor: auditActorOf(requestedBy), action: 'policy.submit', subject, outcome: 'ok', details },
            tx,
          );
          if (bootstrap)
            await audit.record(
              {
                actor: auditActorOf(BOOTSTRAP_ACTOR),
                action: 'policy.bootstrap',
                subject,
                outcome: 'ok',
                details: { ...details, note: change.note },
              },
              tx,
            );
        }
        const { content: _content, ...summary } = version;
        return { version: summary, created: true, change };
      });
      if (result.created) compiledCache.set(result.version.id, policy);
      clearCaches();
      return result;
    },

    async approvePolicyChange(tx, change) {
      const name = String(change.payload.name);
      const today = clock.today();
      if (change.effectiveFrom < today && (await repository.anyApprovedVersionOf(tx, name))) {
        throw new AppError(
          'UNPROCESSABLE',
          `policy ${name} was to take effect on ${change.effectiveFrom}, which has passed (today is ${today}); approving it now would rewrite which version decided the days between — reject it and submit it again from today or later`,
          {
            issues: [
              {
                field: 'effectiveFrom',
                rule: 'effective-date-passed',
                message: `${change.effectiveFrom} is before today (${today})`,
              },
            ],
          },
        );
      }
    },

    async applySettings(tx, value) {
      await applySettingsIn(tx, value);
    },

    forgetCaches: () => clearCaches(),

    async isFresh() {
      const [approved, settingsLoaded] = await Promise.all([
        repository.anyApprovedPolicy(db),
        repository.anySettings(db),
      ]);
      return { policies: !approved, settings: !settingsLoaded };
    },

    async compile(content, options = {}) {
      const { graph, issues } = policyFindings(content);
      const all: PolicyIssue[] = [...issues];
      if (!all.some((issue) => issue.severity === 'error')) {
        try {
          const policy = compilePolicy(content);
          const date = options.effectiveFrom ?? clock.today();
          all.push(
            ...productRangeIssues(
              policy,
              await productsDecidedBy(options.name ?? 'default', date),
              appetiteOn((await settings()).riskAppetite, date),
            ),
          );
        } catch (error) {
          // A refusal the checks above did not foresee still answers as refusals, not as a 500.
          if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
          for (const issue of error.issues)
            all.push({ severity: 'error', code: issue.rule, message: issue.message });
        }
      }
      const located = (severity: 'error' | 'warning') =>
        all.filter((issue) => issue.severity === severity).map((issue) => refusalOf(issue, graph));
      const refusals = located('error');
      return { ok: refusals.length === 0, refusals, warnings: located('warning') };
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
      await db.transaction((tx) => applySettingsIn(tx, value));
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
