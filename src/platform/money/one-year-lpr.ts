import type { LocalDate } from '../time/local-date.ts';
import { formatPercent, parseRate, toExactRateString, type Rate } from './rate.ts';

/**
 * The one-year Loan Prime Rate (贷款市场报价利率, 1 年期): reference data every context may read — the
 * policy context resolves a legal cap written as a multiple of it, lending's all-in cost cap checks use the
 * same values. It lives here, not in either context, so that neither imports the other's internals.
 */

/** One dated value of a reference rate, in force from its date until the next value. */
export interface DatedRate {
  readonly effectiveFrom: LocalDate;
  readonly annualRate: Rate;
}

/**
 * The one-year LPR since its reform (announced by the National Interbank Funding Center on behalf of the
 * People's Bank of China, on the 20th of each month, or the next business day), each value in force from
 * its announcement day until the next change. Source: PBOC / NIFC monthly LPR announcements
 * (www.pbc.gov.cn, www.chinamoney.com.cn), as recorded by the author; months without a change are omitted.
 * 3.10 % applied from 2024-10-21 and 3.00 % from 2025-05-20.
 *
 * Maintenance: append each new value on its announcement day (a code change, reviewed like any other);
 * values already in force are never edited, since decisions made under them are replayed with them.
 */
export const ONE_YEAR_LPR: readonly DatedRate[] = (
  [
    ['2019-08-20', '0.0425'],
    ['2019-09-20', '0.042'],
    ['2019-11-20', '0.0415'],
    ['2020-02-20', '0.0405'],
    ['2020-04-20', '0.0385'],
    ['2021-12-20', '0.038'],
    ['2022-01-20', '0.037'],
    ['2022-08-22', '0.0365'],
    ['2023-06-20', '0.0355'],
    ['2023-08-21', '0.0345'],
    ['2024-07-22', '0.0335'],
    ['2024-10-21', '0.031'],
    ['2025-05-20', '0.03'],
  ] as const
).map(([effectiveFrom, annual]) => ({
  effectiveFrom: effectiveFrom as LocalDate,
  annualRate: parseRate(annual),
}));

/** The value in force on `date`: the latest on or before it; undefined before the first. */
export function rateOn(values: readonly DatedRate[], date: LocalDate): DatedRate | undefined {
  let found: DatedRate | undefined;
  for (const value of values) {
    if (value.effectiveFrom <= date && (!found || value.effectiveFrom > found.effectiveFrom)) found = value;
  }
  return found;
}

/** "4 × the one-year LPR 3.00% = 12.00%": how a cap written as a multiple of the LPR was resolved. */
export function describeLprMultiple(multiple: Rate, lpr: Rate, resolved: Rate): string {
  return `${toExactRateString(multiple)} × the one-year LPR ${formatPercent(lpr)} = ${formatPercent(resolved)}`;
}
