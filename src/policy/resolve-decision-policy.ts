import { AppError } from '../platform/errors/app-error.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { assignArm, assignmentOn, type PolicyAssignment } from './champion-challenger.ts';
import { productOn } from './lending-settings.ts';
import { shadowFor } from './shadow-assignment.ts';
import type { DecisionPolicy, PolicyDeps } from './policy-ports.ts';
import { compiledPolicyVersion, policyVersionInForce } from './policy-version-reads.ts';
import { appetiteOn, legalCapOn } from './products.ts';
import { lendingSettings } from './read-lending-settings.ts';

/**
 * The policy for one decision: the product, the champion/challenger arm, the compiled policy in force, the
 * risk appetite and the legal cap. NOT_FOUND for an unknown product; UNPROCESSABLE when no policy version
 * of the assigned name is in force on the date.
 */
export async function resolveDecisionPolicy(
  deps: Pick<PolicyDeps, 'db' | 'caches'>,
  request: { readonly productCode: string; readonly customerId: string; readonly date: LocalDate },
): Promise<DecisionPolicy> {
  const { productCode, customerId, date } = request;
  const current = await lendingSettings(deps);
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
  const version = await policyVersionInForce(deps, policyName, date);
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
    policy: await compiledPolicyVersion(deps, version.id),
    appetite: appetiteOn(current.riskAppetite, date),
    legalCap: legalCapOn(current.legalRateCaps, date),
    legalRateCaps: current.legalRateCaps,
    shadow: shadowFor(assignment.shadow, productCode, assignment.effectiveFrom, customerId, date),
  };
}
