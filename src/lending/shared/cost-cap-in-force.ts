import type { TermsInForce } from '../facilities/facility-terms-guard.ts';
import type { CostCap } from './cost-cap.ts';

/**
 * The all-in cost cap of the terms in force (the lending settings' dated legal cap the policy context
 * found for the date), as an optional `costCap` field: none when no cap is in force — the facility guard
 * then decides what may lend.
 */
export function costCapInForce(terms: TermsInForce): { costCap?: CostCap } {
  const cap = terms.legalCap;
  if (!cap) return {};
  const { effectiveFrom, annualRate, basis } = cap;
  return { costCap: { annualRate, rule: { effectiveFrom, kind: 'fixed', annualRate, basis } } };
}
