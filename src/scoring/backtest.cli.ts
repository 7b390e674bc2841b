import type { Command } from 'commander';
import { createProgress } from '../cli/progress.ts';
import { globalOptions, output, withApp } from '../cli/runtime.ts';
import { comparisonText, type BacktestReportView } from '../monitoring/index.ts';
import { AppError, ERROR_CODES, type ErrorCode } from '../platform/errors/app-error.ts';
import { cliActorOfThisProcess } from '../platform/audit/cli-actor.node.ts';
import type { ModelBacktest } from './backtest-jobs.ts';

/**
 * `credence models backtest <version>`: a candidate model re-scores the window's past applications from
 * their recorded facts, against the active model, through the current policy — with a progress bar — and
 * prints the report (`--json`: the API's answer). `credence models backtest-show <id>`: a stored run.
 */

const metric = (value: number | null | undefined, digits = 4): string =>
  value === null || value === undefined ? '—' : value.toFixed(digits);
const pct = (share: string | null): string => (share === null ? '—' : `${(Number(share) * 100).toFixed(1)}%`);
const pd = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(2)}%`);

function segmentLines(title: string, segments: BacktestReportView['segments']['scoreBand']): string[] {
  return [
    `by ${title}: applications, approval champion → candidate, expected bad rate champion → candidate, observed bad rate (matured) champion → candidate`,
    ...segments.map(
      (segment) =>
        `  ${segment.segment.padEnd(16)} ${String(segment.applications).padStart(7)}  ${pct(segment.approvalRate.champion)} → ${pct(segment.approvalRate.candidate)}  ${pd(segment.expectedBadRate.champion)} → ${pd(segment.expectedBadRate.candidate)}  ${pct(segment.observed.champion.badRate)} (${segment.observed.champion.matured}) → ${pct(segment.observed.candidate.badRate)} (${segment.observed.candidate.matured})`,
    ),
  ];
}

export function backtestText(backtest: ModelBacktest): string {
  const report = backtest.report;
  if (backtest.status !== 'done' || !report)
    return `${backtest.id}  ${backtest.status}  ${backtest.done}/${backtest.total}${backtest.error ? `  ${backtest.error.code}: ${backtest.error.message}` : ''}`;
  const d = report.discrimination;
  return [
    `Backtest ${backtest.id}: candidate ${report.candidate.version} against champion ${report.champion.version}, decisions ${report.window.from} – ${report.window.to}${report.window.product ? ` (${report.window.product})` : ''}`,
    `policy in force on ${report.policy.date}: ${Object.entries(report.policy.versions)
      .map(([product, version]) => `${product} ${version}`)
      .join(', ')}`,
    `applications re-scored ${report.applications}; skipped ${
      Object.entries(report.skipped)
        .map(([reason, count]) => `${reason} ${count}`)
        .join(', ') || 'none'
    }; matured ${report.matured.applications} (${report.matured.bads} bad)`,
    d
      ? `AUC champion ${metric(d.champion.auc)} → candidate ${metric(d.candidate.auc)}; KS ${metric(d.champion.ks)} → ${metric(d.candidate.ks)}; Gini ${metric(d.champion.gini)} → ${metric(d.candidate.gini)}`
      : 'AUC and KS: not defined (the matured applications need both bads and goods)',
    ...comparisonText(report.comparison, 'candidate'),
    `observed bad rate of matured swap-outs ${pct(report.swapObserved.swapOuts.badRate)} (${report.swapObserved.swapOuts.matured}), swap-ins ${pct(report.swapObserved.swapIns.badRate)} (${report.swapObserved.swapIns.matured})`,
    ...segmentLines('score band', report.segments.scoreBand),
    ...segmentLines('product', report.segments.product),
    ...segmentLines('age band', report.segments.ageBand),
    ...segmentLines('income band', report.segments.incomeBand),
  ].join('\n');
}

function failure(backtest: ModelBacktest): AppError {
  const code = (ERROR_CODES as readonly string[]).includes(backtest.error?.code ?? '')
    ? (backtest.error?.code as ErrorCode)
    : 'INTERNAL';
  return new AppError(code, backtest.error?.message ?? 'the backtest failed');
}

export function registerModelCommands(program: Command): void {
  const models = program
    .command('models')
    .description('Scorecard models in the registry: backtests of a candidate.');
  models
    .command('backtest <version>')
    .description(
      'Re-score past applications from their recorded facts with a model and compare it with the active one through the current policy: AUC/KS on matured outcomes, swap sets, segments (default: 365 days).',
    )
    .option('--from <date>', 'first decision date (YYYY-MM-DD)')
    .option('--to <date>', 'last decision date (default: today)')
    .option('--product <code>', 'one product (cash_loan, credit_line)')
    .action(
      async (
        version: string,
        options: { from?: string; to?: string; product?: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const backtest = await withApp(global, async (app) => {
          const progress = createProgress('backtesting', 0, { quiet: global.json === true });
          try {
            const started = await app.services.modelBacktests.start(
              {
                model: version,
                ...(options.from !== undefined ? { from: options.from } : {}),
                ...(options.to !== undefined ? { to: options.to } : {}),
                ...(options.product !== undefined ? { product: options.product } : {}),
              },
              cliActorOfThisProcess().name,
              (done, total) => {
                progress.setTotal(total);
                progress.update(done);
              },
            );
            await app.services.modelBacktests.idle();
            return await app.services.modelBacktests.get(started.id);
          } finally {
            progress.stop();
          }
        });
        if (backtest.status === 'failed') throw failure(backtest);
        output(global, backtest, () => backtestText(backtest));
      },
    );
  models
    .command('backtest-show <id>')
    .description('A stored backtest: its progress, or its report when done.')
    .action(async (id: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      const backtest = await withApp(global, (app) => app.services.modelBacktests.get(id));
      output(global, backtest, () => backtestText(backtest));
    });
}
