import type { Command } from 'commander';
import { globalOptions, output, withApp } from '../cli/runtime.ts';
import { comparisonText, table } from './comparison-text.ts';
import type { ShadowFigures, ShadowReport } from './shadow-comparison.ts';
import { shadowReportView } from './shadow-view.ts';

/** `credence monitor shadow`: shadow mode against the champion over a window. */

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
