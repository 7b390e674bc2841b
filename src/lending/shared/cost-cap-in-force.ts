import type { LocalDate } from '../../platform/time/local-date.ts';
import type { TermsInForce } from '../facilities/facility-terms-guard.ts';
import { costCapOn, costCapRulesOf, type CostCap } from './cost-cap.ts';

/**
 * The all-in cost cap in force on `date` from the lending settings' dated legal caps, as an optional
 * `costCap` field (none when no cap is in force — the facility guard then decides what may lend).
 */
export function costCapInForce(terms: TermsInForce, date: LocalDate): { costCap?: CostCap } {
  if (!terms.legalCap) return {};
  const cap = costCapOn(costCapRulesOf([terms.legalCap]), date);
  return cap ? { costCap: cap } : {};
}
