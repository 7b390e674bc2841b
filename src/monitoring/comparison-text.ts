import type { ComparisonFigures } from './comparison.ts';

/** The plain-text form of a comparison (shadow mode, backtests) for the command line. Pure. */

const pct = (share: string | null): string => (share === null ? '—' : `${(Number(share) * 100).toFixed(1)}%`);
const pd = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(2)}%`);

/** Fixed-width columns: the first left-aligned, the rest right-aligned. */

export function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/** The agreement matrix, swap sets and differences of a comparison, as lines of text. */
export type ComparisonCounts = Pick<
  ComparisonFigures,
  'matrix' | 'agreed' | 'records' | 'agreementRate' | 'approvalRate' | 'swapIns' | 'swapOuts'
> & {
  readonly approvedBoth: Pick<
    ComparisonFigures['approvedBoth'],
    'count' | 'limitHigher' | 'limitLower' | 'limitSame' | 'priceHigher' | 'priceLower' | 'priceSame'
  >;
};

export function comparisonText(figures: ComparisonCounts, challenger: string): string[] {
  const { matrix, approvedBoth } = figures;
  const outcomes = ['approved', 'declined', 'referred'] as const;
  return [
    table(
      [`champion \\ ${challenger}`, ...outcomes],
      outcomes.map((row) => [row, ...outcomes.map((column) => String(matrix[row][column]))]),
    ),
    `agreement ${figures.agreed} of ${figures.records} (${pct(figures.agreementRate)}); approval ${pct(
      figures.approvalRate.champion,
    )} → ${pct(figures.approvalRate.challenger)}`,
    `swap-ins ${figures.swapIns.count} (expected bad rate: champion ${pd(
      figures.swapIns.expectedBadRate.champion,
    )}, ${challenger} ${pd(figures.swapIns.expectedBadRate.challenger)}); swap-outs ${
      figures.swapOuts.count
    } (champion ${pd(figures.swapOuts.expectedBadRate.champion)}, ${challenger} ${pd(
      figures.swapOuts.expectedBadRate.challenger,
    )})`,
    `approved by both ${approvedBoth.count}: limit higher ${approvedBoth.limitHigher}, lower ${approvedBoth.limitLower}, same ${approvedBoth.limitSame}; price higher ${approvedBoth.priceHigher}, lower ${approvedBoth.priceLower}, same ${approvedBoth.priceSame}`,
  ];
}
