import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { readJdm, type PolicyGraph } from './jdm.ts';
import { compilePolicy, type CompiledPolicy } from './policy-compiler.ts';
import { diffGraphs } from './policy-diff.ts';
import * as repository from './policy.pg.ts';
import type { PolicyDeps } from './policy-ports.ts';
import type { PolicyDiff, PolicyVersion, PolicyVersionSummary } from './policy-version.ts';

/**
 * The reads of stored policy versions: one, all (of a name), two compared, the compiled graph of one, the
 * version in force on a date, and whether anything is loaded at all.
 */

/** NOT_FOUND when there is no such version. */
export async function getPolicyVersion(
  deps: Pick<PolicyDeps, 'db'>,
  id: string,
  q: Queryable = deps.db,
): Promise<PolicyVersion> {
  const version = await repository.findPolicyVersion(q, id);
  if (!version) throw AppError.notFound('policy version', id);
  return version;
}

export function listPolicyVersions(
  deps: Pick<PolicyDeps, 'db'>,
  filter: { readonly name?: string } = {},
): Promise<PolicyVersionSummary[]> {
  return repository.listPolicyVersions(deps.db, filter.name);
}

/** The changes from one version's graph to another's. */
export async function diffPolicyVersions(
  deps: Pick<PolicyDeps, 'db'>,
  fromId: string,
  toId: string,
): Promise<PolicyDiff> {
  const [from, to] = await Promise.all([getPolicyVersion(deps, fromId), getPolicyVersion(deps, toId)]);
  const graphOf = (version: PolicyVersion): PolicyGraph => {
    const { graph } = readJdm(version.content);
    if (!graph) throw new AppError('INTERNAL', `stored policy version ${version.id} no longer reads`);
    return graph;
  };
  const { content: _from, ...fromSummary } = from;
  const { content: _to, ...toSummary } = to;
  return { from: fromSummary, to: toSummary, diff: diffGraphs(graphOf(from), graphOf(to)) };
}

/** The compiled graph of a stored version (compiled once per process; versions never change). */
export function compiledPolicyVersion(
  deps: Pick<PolicyDeps, 'db' | 'caches'>,
  id: string,
): Promise<CompiledPolicy> {
  return deps.caches.compiled(id, async () => {
    const version = await getPolicyVersion(deps, id);
    // Stored versions passed these checks when loaded; the warnings are already on the row.
    return compilePolicy(version.content, { staticChecks: false });
  });
}

/** The version of `name` in force on `date`, if any (cached for a few seconds). */
export function policyVersionInForce(
  deps: Pick<PolicyDeps, 'db' | 'caches'>,
  name: string,
  date: LocalDate,
): Promise<PolicyVersionSummary | undefined> {
  return deps.caches.inForce(`${name}@${date}`, () => repository.policyVersionInForce(deps.db, name, date));
}

/** Whether nothing is loaded yet: no approved policy version and no lending setting (a fresh database). */
export async function policyStoreIsFresh(
  deps: Pick<PolicyDeps, 'db'>,
): Promise<{ readonly policies: boolean; readonly settings: boolean }> {
  const [approved, settingsLoaded] = await Promise.all([
    repository.anyApprovedPolicy(deps.db),
    repository.anySettings(deps.db),
  ]);
  return { policies: !approved, settings: !settingsLoaded };
}
