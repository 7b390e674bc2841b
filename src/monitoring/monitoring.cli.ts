import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { createProgress } from '../cli/progress.ts';
import { CliExit, globalOptions, output, withApp } from '../cli/runtime.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { fen, formatMoney } from '../platform/money/money.ts';
import { readJsonFile } from '../policy/policy-files.node.ts';
import type { Alert } from './alerts.ts';
import type { DriftReport } from './drift.ts';
import type { AlertReport } from './monitoring-rules.ts';
import type { SimulationResult } from './simulate-policy.ts';
import type { OutcomeFigures, OutcomeReport } from './outcomes.ts';
import { outcomeReportView, performanceReportView, rollRateReportView } from './report-views.ts';
import type { PerformanceReport } from './performance.ts';
import type { RollMatrices, RollRateReport } from './roll-rates.ts';
import { renderMonitoringReport, renderSimulationReport } from './report-html.ts';
import type { SimulationFigures } from './simulation.ts';
import { registerShadowMonitorCommand } from './shadow-monitor.cli.ts';

/**
 * `credence monitor outcomes|performance|roll-rates|drift|alerts|report` and `credence simulate`: the monitoring
 * context on the command line. Each prints a readable summary, or with `--json` what the API answers;
 * `--out` writes a self-contained HTML page.
 */

interface WindowOptions {
  from?: string;
  to?: string;
  product?: string;
}

interface DriftOptions extends WindowOptions {
  model?: string;
  minDecisions?: string;
}

function windowParams(options: WindowOptions): { from?: string; to?: string; product?: string } {
  return {
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    ...(options.product !== undefined ? { product: options.product } : {}),
  };
}

function driftParams(options: DriftOptions) {
  return {
    ...windowParams(options),
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(options.minDecisions !== undefined ? { minDecisions: options.minDecisions } : {}),
  };
}

/** Writes a file atomically: a temporary file renamed into place, so a failure never leaves half a file. */
function writeAtomically(path: string, content: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new AppError('BAD_REQUEST', `cannot write ${path}: ${(error as Error).message}`, {
      issues: [{ field: 'out', rule: 'writable', message: `cannot write ${path}` }],
    });
  }
}

const pct = (share: string | null): string => (share === null ? '—' : `${(Number(share) * 100).toFixed(1)}%`);
const yuan = (amount: bigint | null): string => (amount === null ? '—' : formatMoney(fen(amount), 'en'));
const apr = (value: string | null): string => (value === null ? '—' : `${(Number(value) * 100).toFixed(2)}%`);
const pd = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(2)}%`);

/** Fixed-width columns: the first left-aligned, the rest right-aligned. */
function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

function figuresRow(label: string, figures: OutcomeFigures): string[] {
  return [
    label,
    String(figures.decisions),
    pct(figures.approvalRate),
    pct(figures.declineRate),
    pct(figures.referralRate),
    String(figures.systemUnavailable),
    yuan(figures.averageApprovedLimit),
    apr(figures.averageApprovedApr),
    String(figures.rechecks.approved + figures.rechecks.declined + figures.rechecks.referred),
    `${figures.overrides.total}`,
  ];
}

const FIGURES_HEAD = [
  '',
  'decisions',
  'approved',
  'declined',
  'referred',
  'outages',
  'avg limit',
  'avg APR',
  're-checks',
  'overrides',
];

function outcomesText(report: OutcomeReport): string {
  const parts = [
    `Outcomes ${report.window.from} to ${report.window.to} (${report.window.product ?? 'all products'})`,
  ];
  parts.push(
    table(FIGURES_HEAD, [
      ...report.summary.map((group) => figuresRow(`${group.product} ${group.arm}`, group)),
      figuresRow('total', report.total),
    ]),
  );
  if (report.days.length > 0) {
    parts.push('', 'By day');
    parts.push(
      table(
        FIGURES_HEAD,
        report.days.map((day) => figuresRow(`${day.date} ${day.product} ${day.arm}`, day)),
      ),
    );
  }
  const reasons = report.total.reasons.slice(0, 10);
  if (reasons.length > 0) {
    parts.push('', 'Principal reasons');
    parts.push(
      table(
        ['code', 'decisions', 'share', 'first'],
        reasons.map((reason) => [
          reason.code,
          String(reason.decisions),
          pct(reason.share),
          String(reason.first),
        ]),
      ),
    );
  }
  return parts.join('\n');
}

function performanceText(report: PerformanceReport): string {
  const cell = (label: string, c: PerformanceReport['total']) => [
    label,
    String(c.loans),
    String(c.observable),
    String(c.bads),
    pct(c.badRate),
    pd(c.expectedBadRate),
  ];
  const what =
    report.window.product === 'cash_loan'
      ? 'Cash loans drawn'
      : report.window.product === 'credit_line'
        ? 'Credit lines opened'
        : 'Cash loans drawn and credit lines opened';
  return [
    `${what} ${report.window.from} to ${report.window.to}: bad = ${report.badDaysPastDue}+ days past due (a line: a statement minimum unmet) or written off`,
    table(
      ['product', 'accounts', 'observable', 'bad', 'bad rate', 'expected'],
      report.products.map((product) => cell(product.product, product)),
    ),
    '',
    table(
      ['score band', 'accounts', 'observable', 'bad', 'bad rate', 'expected'],
      [
        ...report.bands.filter((band) => band.loans > 0).map((band) => cell(band.band, band)),
        cell('unscored', report.unscored),
        cell('total', report.total),
      ],
    ),
    '',
    table(
      ['vintage', 'accounts', 'observable', 'bad', 'bad rate', 'expected'],
      report.vintages.map((v) => cell(v.vintage, v)),
    ),
  ].join('\n');
}

/** A transition matrix as a table: accounts and the account share per cell, the balance share beside. */
function rollTable(matrices: RollMatrices, states: readonly string[]): string {
  return table(
    ['from → to', 'accounts', 'owed', ...states],
    matrices.total.map((row) => [
      row.from,
      String(row.accounts),
      yuan(row.balance),
      ...row.to.map((cell) =>
        row.accounts === 0 ? '—' : `${cell.accounts} (${pct(cell.accountRate)} / ${pct(cell.balanceRate)})`,
      ),
    ]),
  );
}

function rollRatesText(report: RollRateReport): string {
  const parts = [
    `Roll rates, month ends ${report.window.from} to ${report.window.to}: accounts (share of accounts / share of balance), ${report.rounding}`,
  ];
  for (const product of report.products) {
    parts.push('', `${product.product}, ${product.months.length} month(s) added up:`);
    parts.push(rollTable(product, report.states));
  }
  if (report.products.length > 1) parts.push('', 'all products:', rollTable(report.combined, report.states));
  if (report.products.length === 0) parts.push('', 'No account was open at two month ends of the window.');
  return parts.join('\n');
}

function driftText(report: DriftReport): string {
  return [
    `Drift ${report.window.from} to ${report.window.to} against ${report.model.version} (${report.model.trainingRows} training rows)`,
    table(
      ['week', 'decisions', 'PSI', 'verdict', 'worst CSI'],
      [...report.weeks, report.overall].map((period, index) => {
        const worst = [...period.csi].sort((a, b) => b.value - a.value)[0];
        return [
          index === report.weeks.length
            ? 'whole window'
            : `${period.from}..${period.to}${period.lowVolume ? '*' : ''}`,
          String(period.decisions),
          period.psi ? period.psi.value.toFixed(4) : '—',
          period.psi?.verdict ?? '—',
          worst ? `${worst.feature} ${worst.value.toFixed(4)}` : '—',
        ];
      }),
    ),
    `* fewer than ${report.minDecisions} decisions. Left out: ${report.excluded.otherModel} by other models, ${report.excluded.unscored} unscored, ${report.excluded.overrides} overrides.`,
  ].join('\n');
}

function alertsText(report: AlertReport): string {
  if (report.alerts.length === 0) return `No alerts ${report.window.from} to ${report.window.to}.`;
  return [
    `${report.counts.critical} critical, ${report.counts.warning} warning, ${report.counts.info} info (${report.window.from} to ${report.window.to})`,
    ...report.alerts.map(
      (alert: Alert) => `${alert.severity.toUpperCase().padEnd(8)} ${alert.kind}: ${alert.reason}`,
    ),
  ].join('\n');
}

function simulationRow(label: string, figures: SimulationFigures): string[] {
  return [
    label,
    String(figures.records),
    `${pct(figures.approvalRateBefore)} → ${pct(figures.approvalRateAfter)}`,
    String(figures.swapIns),
    String(figures.swapOuts),
    `${yuan(figures.limits.averageBefore)} → ${yuan(figures.limits.averageAfter)}`,
    `${apr(figures.prices.averageAprBefore)} → ${apr(figures.prices.averageAprAfter)}`,
    `${pd(figures.expectedBadRate.before)} → ${pd(figures.expectedBadRate.after)}`,
  ];
}

const SIMULATION_HEAD = [
  '',
  'records',
  'approval',
  'swap-ins',
  'swap-outs',
  'avg limit',
  'avg APR',
  'expected bad rate',
];

function simulationText(result: SimulationResult, throughput: string): string {
  const { report } = result;
  const check = report.reproduction;
  return [
    `Simulation ${report.window.from} to ${report.window.to} (${report.window.product ?? 'all products'}): ${result.recordsRead} records read in ${(result.elapsedMs / 1000).toFixed(2)} s (${throughput})`,
    table(SIMULATION_HEAD, [
      ...report.products.map((product) => simulationRow(product.product, product)),
      simulationRow('total', report.total),
    ]),
    '',
    'By score band (all products)',
    table(
      SIMULATION_HEAD,
      report.bands.filter((band) => band.records > 0).map((band) => simulationRow(band.band, band)),
    ),
    '',
    check.records === 0
      ? 'Exactness: no record in the window was decided by this exact policy.'
      : `Exactness: ${check.reproduced} of ${check.records} records decided by this policy reproduced exactly.`,
    `Skipped: ${report.skipped.overrides} overrides, ${report.skipped.faults} fault referrals; ${report.failed.count} could not be evaluated.`,
    result.candidate.saved
      ? `Saved as policy version ${result.candidate.saved.versionId}${result.candidate.saved.created ? '' : ' (already loaded)'}.`
      : 'Not saved (pass --save-as NAME --effective DATE to load it as a new version).',
  ].join('\n');
}

const SEVERITY_RANK: Readonly<Record<string, number>> = { info: 0, warning: 1, critical: 2 };

/** The window options every monitoring command takes. */
function withWindow(command: Command): Command {
  return command
    .option('--from <date>', 'first business date (YYYY-MM-DD)')
    .option('--to <date>', 'last business date (default: today)')
    .option('--product <code>', 'one product (cash_loan, credit_line)');
}

/** The window options and the drift options (model, minimum weekly volume). */
function withDrift(command: Command): Command {
  return withWindow(command)
    .option('--model <version>', 'a model version (default: the active model)')
    .option('--min-decisions <n>', 'weeks with fewer decisions are flagged low-volume (default 100)');
}

export function registerMonitoringCommands(program: Command): void {
  const monitor = program
    .command('monitor')
    .description('Outcome monitoring, loan performance, drift and alerts from the decision records.');
  registerShadowMonitorCommand(monitor);

  withWindow(monitor.command('outcomes'))
    .description(
      'Volumes and rates per day, product and arm; outages, limits, prices, reasons, overrides (default: 28 days).',
    )
    .action(async (options: WindowOptions, command: Command) => {
      const global = globalOptions(command);
      const report = await withApp(global, (app) => app.services.monitoring.outcomes(windowParams(options)));
      output(global, outcomeReportView(report), () => outcomesText(report));
    });

  withWindow(monitor.command('performance'))
    .description(
      'Bad rate (30+ DPD or written off) by score band and vintage, cash loans and credit lines (--product cash_loan|credit_line; default: 365 days).',
    )
    .action(async (options: WindowOptions, command: Command) => {
      const global = globalOptions(command);
      const report = await withApp(global, (app) =>
        app.services.monitoring.performance(windowParams(options)),
      );
      output(global, performanceReportView(report), () => performanceText(report));
    });

  withWindow(monitor.command('roll-rates'))
    .description(
      'Roll rates: accounts and balances moving between delinquency buckets from month end to month end, per product (default: 365 days).',
    )
    .action(async (options: WindowOptions, command: Command) => {
      const global = globalOptions(command);
      const report = await withApp(global, (app) => app.services.monitoring.rollRates(windowParams(options)));
      output(global, rollRateReportView(report), () => rollRatesText(report));
    });

  withDrift(monitor.command('drift'))
    .description(
      'Score PSI and characteristic CSI per week against the model’s training sample (default: 56 days).',
    )
    .action(async (options: DriftOptions, command: Command) => {
      const global = globalOptions(command);
      const report = await withApp(global, (app) => app.services.monitoring.drift(driftParams(options)));
      output(global, report, () => driftText(report));
    });

  withDrift(monitor.command('alerts'))
    .description(
      'Thresholds crossed: drift and outages (default: 56 days). With --fail-on, exit 7 when one is.',
    )
    .option(
      '--fail-on <severity>',
      'exit 7 when an alert of this severity or worse exists: warning or critical',
    )
    .action(async (options: DriftOptions & { failOn?: string }, command: Command) => {
      const global = globalOptions(command);
      if (options.failOn !== undefined && options.failOn !== 'warning' && options.failOn !== 'critical') {
        throw AppError.invalid('--fail-on', 'one-of', '--fail-on is warning or critical');
      }
      const report = await withApp(global, (app) => app.services.monitoring.alerts(driftParams(options)));
      output(global, report, () => alertsText(report));
      const threshold = options.failOn === undefined ? undefined : SEVERITY_RANK[options.failOn];
      if (
        threshold !== undefined &&
        report.alerts.some((alert) => (SEVERITY_RANK[alert.severity] ?? 0) >= threshold)
      ) {
        // The exit code goes back through main like every other (the launcher sets it once).
        throw new CliExit(7, '');
      }
    });

  withDrift(monitor.command('report'))
    .description(
      'Write one self-contained HTML page: rates over time, score distribution vs training, PSI per week, bad rate by band.',
    )
    .requiredOption('--out <file>', 'the HTML file to write')
    .action(async (options: DriftOptions & { out: string }, command: Command) => {
      const global = globalOptions(command);
      const data = await withApp(global, (app) => app.services.monitoring.report(driftParams(options)));
      writeAtomically(options.out, renderMonitoringReport(data));
      output(
        global,
        {
          out: options.out,
          window: data.window,
          decisions: data.outcomes.total.decisions,
          alerts: data.alerts.length,
        },
        () =>
          `Wrote ${options.out}: ${data.outcomes.total.decisions} decisions ${data.window.from} to ${data.window.to}, ${data.alerts.length} alerts.`,
      );
    });

  registerSimulateCommand(program);
}

/** `simulate`: a candidate policy replayed over the recorded decisions of a window. */
function registerSimulateCommand(program: Command): void {
  withWindow(program.command('simulate'))
    .description(
      'Replay recorded decisions under a candidate policy file: swap set, rates, limits, prices, expected bad rate (default: 90 days).',
    )
    .requiredOption('--policy <file>', 'the candidate policy, a JDM graph (.json)')
    .option('--out <file>', 'also write the report as a self-contained HTML page')
    .option('--save-as <name>', 'after the run, load the candidate as a new version of this policy name')
    .option('--effective <date>', 'the date the saved version takes effect (with --save-as)')
    .option('--description <text>', 'a description of the saved version')
    .action(
      async (
        options: WindowOptions & {
          policy: string;
          out?: string;
          saveAs?: string;
          effective?: string;
          description?: string;
        },
        command: Command,
      ) => {
        const global = globalOptions(command);
        if ((options.saveAs === undefined) !== (options.effective === undefined)) {
          throw new CliExit(2, 'error: --save-as and --effective go together');
        }
        const policy = await readJsonFile(options.policy, 'policy');
        const result = await withApp(global, async (app) => {
          const progress = createProgress('simulating', 0, { quiet: global.json === true });
          try {
            return await app.services.monitoring.simulate(
              {
                policy,
                ...windowParams(options),
                ...(options.saveAs !== undefined && options.effective !== undefined
                  ? {
                      save: {
                        name: options.saveAs,
                        effectiveFrom: options.effective,
                        description: options.description,
                      },
                    }
                  : {}),
              },
              {
                onProgress: (done, total) => {
                  progress.setTotal(total);
                  progress.update(done);
                },
              },
            );
          } finally {
            progress.stop();
          }
        });
        if (options.out !== undefined)
          writeAtomically(options.out, renderSimulationReport(result, basename(options.policy)));
        const perSecond = result.elapsedMs > 0 ? (result.recordsRead / result.elapsedMs) * 1000 : 0;
        output(global, result, () =>
          [
            simulationText(result, `${Math.round(perSecond).toLocaleString('en')} records/s`),
            ...(options.out ? [`Wrote ${options.out}.`] : []),
          ].join('\n'),
        );
      },
    );
}
