import type { TermsInForce } from '../facilities/facility-terms-guard.ts';
import type { CostCap } from './cost-cap.ts';

/**
 * The all-in cost cap of the terms in force (the lending settings' dated legal cap the policy context
 * resolved for the date: a fixed rate, or a multiple × the one-year LPR in force that day), as an optional
 * `costCap` field: none when no cap is in force — the facility guard then decides what may lend.
 */
export function costCapInForce(terms: TermsInForce): { costCap?: CostCap } {
  const cap = terms.legalCap;
  if (!cap) return {};
  const { effectiveFrom, annualRate, basis, lprMultiple, lpr } = cap;
  if (lprMultiple !== undefined && lpr)
    return {
      costCap: {
        annualRate,
        rule: { effectiveFrom, kind: 'lpr-multiple', multiple: lprMultiple, basis },
        lpr,
      },
    };
  return { costCap: { annualRate, rule: { effectiveFrom, kind: 'fixed', annualRate, basis } } };
}
