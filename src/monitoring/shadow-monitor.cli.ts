import type { Command } from 'commander';
import { globalOptions, output, withApp } from '../cli/runtime.ts';
import type { ComparisonFigures } from './comparison.ts';
import type { ShadowFigures, ShadowReport } from './shadow-comparison.ts';
import { shadowReportView } from './shadow-view.ts';

/** `credence monitor shadow`: shadow mode against the champion over a window. */

const pct = (share: string | null): string => (share === null ? '—' : `${(Number(share) * 100).toFixed(1)}%`);
const pd = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(2)}%`);

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/** The agreement matrix, swap sets and differences of a comparison, as lines of text. */
export function comparisonText(figures: ComparisonFigures, challenger: string): string[] {
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

function figuresText(label: string, figures: ShadowFigures): string {
  const failures = Object.entries(figures.failed.byCode)
    .map(([code, count]) => `${code} ${count}`)
    .join(', ');
  return [
    `— ${label} —`,
    ...comparisonText(figures, 'shadow'),
    `shadow failures ${figures.failed.count}${failures ? ` (${failures})` : ''}; reasons differ in ${figures.reasonsDiffer}`,
    ...(figures.topReasonDifferences.length > 0
      ? [
          table(
            ['reason', 'champion', 'shadow', 'difference'],
            figures.topReasonDifferences.map((entry) => [
              entry.code,
              String(entry.champion),
              String(entry.shadow),
              `${entry.difference > 0 ? '+' : ''}${entry.difference}`,
            ]),
          ),
        ]
      : []),
  ].join('\n');
}

export function shadowText(report: ShadowReport): string {
  const { window } = report;
  const shadows = report.shadows
    .map(
      (shadow) =>
        `${shadow.policyVersionId ? `policy ${shadow.policyVersionId}` : 'deciding policy'} + ${
          shadow.modelVersion ? `model ${shadow.modelVersion}` : 'deciding model'
        }: ${shadow.records}`,
    )
    .join('; ');
  return [
    `Shadow mode ${window.from} – ${window.to}${window.product ? ` (${window.product})` : ''}: ${
      report.total.records + report.total.failed.count
    } shadowed decisions${shadows ? ` — ${shadows}` : ''}`,
    report.elapsedMs.p50 === null
      ? ''
      : `shadow run time after the decision: median ${report.elapsedMs.p50.toFixed(1)} ms, p95 ${report.elapsedMs.p95?.toFixed(1)} ms`,
    figuresText('all products', report.total),
    ...Object.entries(report.byProduct).map(([code, figures]) => figuresText(code, figures)),
  ]
    .filter((line) => line !== '')
    .join('\n\n');
}

export function registerShadowMonitorCommand(monitor: Command): void {
  monitor
    .command('shadow')
    .option('--from <date>', 'first business date (YYYY-MM-DD)')
    .option('--to <date>', 'last business date (default: today)')
    .option('--product <code>', 'one product (cash_loan, credit_line)')
    .description(
      'Shadow mode against the champion: agreement matrix, swap sets and their expected bad rate, limit and price differences, reasons (default: 28 days).',
    )
    .action(async (options: { from?: string; to?: string; product?: string }, command: Command) => {
      const global = globalOptions(command);
      const report = await withApp(global, (app) =>
        app.services.monitoring.shadow({
          ...(options.from !== undefined ? { from: options.from } : {}),
          ...(options.to !== undefined ? { to: options.to } : {}),
          ...(options.product !== undefined ? { product: options.product } : {}),
        }),
      );
      output(global, shadowReportView(report), () => shadowText(report));
    });
}
