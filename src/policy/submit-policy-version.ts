import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { auditActorOf } from './change-audit.ts';
import { POLICY_NAME } from './champion-challenger.ts';
import { BOOTSTRAP_ACTOR, type ChangeActor, type ChangeRequest } from './change-requests.ts';
import * as changes from './change-requests.pg.ts';
import { refusePolicy } from './jdm.ts';
import { compilePolicy, type CompiledPolicy } from './policy-compiler.ts';
import { policyChecksum } from './policy-checksum.ts';
import * as repository from './policy.pg.ts';
import type { PolicyDeps, PolicyLoadRequest, PolicyLoadResult } from './policy-ports.ts';
import type { PolicyVersion } from './policy-version.ts';
import { productRangeIssues } from './product-range-check.ts';
import { appetiteOn } from './products.ts';
import { lendingSettings, productsDecidedBy } from './read-lending-settings.ts';

/** The actor recorded for in-process submissions that name nobody. */
export const UNNAMED_ACTOR: ChangeActor = { id: 'unnamed', name: 'unnamed' };

/** A submission that passed its checks, about to be recorded. */
interface CheckedSubmission {
  readonly request: PolicyLoadRequest;
  readonly policy: CompiledPolicy;
  readonly description: string;
  readonly checksum: string;
}

/**
 * The checks before anything is written: the name and description, the graph within the subset and
 * reachable (VALIDATION_FAILED with node, row and column), and what it offers within the products it will
 * decide (refused with rule and example).
 */
async function checkSubmission(deps: PolicyDeps, request: PolicyLoadRequest): Promise<CheckedSubmission> {
  if (!POLICY_NAME.test(request.name)) {
    throw AppError.invalid(
      'name',
      'policy-name',
      'lower-case letters, digits, - and _, starting with a letter',
    );
  }
  const description = request.description ?? '';
  if (description.length > 500) throw AppError.invalid('description', 'max-length', 'at most 500 characters');
  const policy = compilePolicy(request.content);
  const rangeIssues = productRangeIssues(
    policy,
    await productsDecidedBy(deps, request.name, request.effectiveFrom),
    appetiteOn((await lendingSettings(deps)).riskAppetite, request.effectiveFrom),
  );
  if (rangeIssues.length > 0) throw refusePolicy(rangeIssues);
  return { request, policy, description, checksum: policyChecksum(request.content) };
}

/**
 * The first version of a name may start in the past (an install: no decision can have used the name yet).
 * A later one may not: it would rewrite which version was in force on days already decided, and behind a
 * later-dated version it would silently never be in force.
 */
async function refuseBackdated(tx: Queryable, request: PolicyLoadRequest, today: LocalDate): Promise<void> {
  if (request.effectiveFrom >= today || !(await repository.anyApprovedVersionOf(tx, request.name))) return;
  const current = await repository.policyVersionInForce(tx, request.name, today);
  throw AppError.invalid(
    'effectiveFrom',
    'not-in-past',
    `a new version of "${request.name}" takes effect today (${today}) or later, not ${request.effectiveFrom}${
      current ? `: version ${current.version} has been in force since ${current.effectiveFrom}` : ''
    }`,
  );
}

/** The version and its four-eyes change request; a bootstrap is approved at once, and says so. */
function submissionOf(
  deps: Pick<PolicyDeps, 'clock' | 'ids'>,
  checked: CheckedSubmission,
  number: number,
  bootstrap: boolean,
): { readonly version: PolicyVersion; readonly change: ChangeRequest } {
  const { request, description, checksum } = checked;
  const now = deps.clock.now();
  const id = deps.ids.next('policy');
  const change: ChangeRequest = {
    id: deps.ids.next('changeRequest'),
    kind: 'policy',
    subject: id,
    scope: `${request.name}@${request.effectiveFrom}`,
    summary: `policy ${request.name} v${number} from ${request.effectiveFrom}${description ? `: ${description}` : ''}`,
    payload: { policyId: id, name: request.name, version: number, checksum },
    requestedBy: request.requestedBy ?? UNNAMED_ACTOR,
    requestedAt: now,
    effectiveFrom: request.effectiveFrom,
    simulationId: request.simulationId ?? null,
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
    warnings: checked.policy.warnings,
    loadedAt: now,
    status: bootstrap ? 'approved' : 'pending_approval',
    changeId: change.id,
    content: request.content,
  };
  return { version, change };
}

/** Audits the submission (and the bootstrap, when it is one) in the submitting transaction. */
async function auditSubmission(
  deps: Pick<PolicyDeps, 'audit'>,
  tx: Queryable,
  version: PolicyVersion,
  change: ChangeRequest,
): Promise<void> {
  if (!deps.audit) return;
  const subject = { type: 'policy', id: version.id };
  const details = {
    changeId: change.id,
    name: version.name,
    version: version.version,
    effectiveFrom: version.effectiveFrom,
  };
  await deps.audit.record(
    { actor: auditActorOf(change.requestedBy), action: 'policy.submit', subject, outcome: 'ok', details },
    tx,
  );
  if (change.bootstrap)
    await deps.audit.record(
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

/**
 * Checks (compile + static checks) and submits a new version, pending a second person's approval (four-eyes;
 * see `change-service.ts`); refuses a policy outside the subset. A bootstrap — the first policy of a fresh
 * database (an install, the demo seeding), when nothing decides yet — takes effect at once.
 */
export async function submitPolicyVersion(
  deps: PolicyDeps,
  request: PolicyLoadRequest,
): Promise<PolicyLoadResult> {
  const checked = await checkSubmission(deps, request);
  const result = await deps.db.transaction(async (tx): Promise<PolicyLoadResult> => {
    // One submission at a time: version numbers stay gap-free and two first submissions of a fresh
    // database cannot both be the bootstrap.
    await repository.lockPolicyName(tx, ':submissions');
    await repository.lockPolicyName(tx, request.name);
    const existing = await repository.findSamePolicyVersion(
      tx,
      request.name,
      checked.checksum,
      request.effectiveFrom,
    );
    if (existing) {
      const [change] = await changes.changesOfSubject(tx, 'policy', existing.id);
      return { version: existing, created: false, change: change ?? null };
    }
    const number = await repository.nextPolicyVersion(tx, request.name);
    await refuseBackdated(tx, request, deps.clock.today());
    const bootstrap = !(await repository.anyApprovedPolicy(tx));
    const { version, change } = submissionOf(deps, checked, number, bootstrap);
    await repository.insertPolicyVersion(tx, version);
    await changes.insertChange(tx, change);
    await auditSubmission(deps, tx, version, change);
    const { content: _content, ...summary } = version;
    return { version: summary, created: true, change };
  });
  if (result.created) deps.caches.rememberCompiled(result.version.id, checked.policy);
  deps.caches.clear();
  return result;
}
