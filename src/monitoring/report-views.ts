import { fen, toDecimalString } from '../platform/money/money.ts';
import type { OutcomeFigures, OutcomeReport } from './outcomes.ts';
import type { PerformanceCell, PerformanceReport } from './performance.ts';
import type { RollMatrices, RollRateReport, RollRow } from './roll-rates.ts';

/**
 * The outcome report as the API and `credence monitor outcomes --json` answer it. One unit per field name
 * across the API: the approved-limit total and mean are yuan under their plain names (`"65000.01"`) and
 * integer fen under `…Fen` (`"6500001"`) for machines that add them up. The domain report keeps bigint fen.
 */
export function outcomeReportView(report: OutcomeReport) {
  return {
    window: report.window,
    summary: report.summary.map((group) => figuresView(group)),
    days: report.days.map((day) => figuresView(day)),
    total: figuresView(report.total),
  };
}

/** One group's figures (its other fields, such as `date`, `product` and `arm`, as they are). */
function figuresView<F extends OutcomeFigures>(figures: F) {
  const { approvedLimitTotal, averageApprovedLimit, ...rest } = figures;
  const average = averageApprovedLimit === null ? null : fen(averageApprovedLimit, 'averageApprovedLimit');
  return {
    ...rest,
    reasons: [...rest.reasons],
    approvedLimitTotal: toDecimalString(fen(approvedLimitTotal, 'approvedLimitTotal')),
    approvedLimitTotalFen: approvedLimitTotal.toString(),
    averageApprovedLimit: average === null ? null : toDecimalString(average),
    averageApprovedLimitFen: average === null ? null : average.toString(),
  };
}

/**
 * The performance report as the API and `credence monitor performance --json` answer it: each cell's
 * principal drawn in yuan under `principal` and in integer fen under `principalFen`.
 */
export function performanceReportView(report: PerformanceReport) {
  return {
    window: report.window,
    badDaysPastDue: report.badDaysPastDue,
    bands: report.bands.map((band) => cellView(band)),
    vintages: report.vintages.map((vintage) => ({
      ...cellView(vintage),
      bands: vintage.bands.map((band) => cellView(band)),
    })),
    unscored: cellView(report.unscored),
    products: report.products.map((product) => cellView(product)),
    total: cellView(report.total),
  };
}

const yuan = (amount: bigint, field: string): string => toDecimalString(fen(amount, field));

/** One row of a transition matrix: balances in yuan under plain names and integer fen under `…Fen`. */
function rollRowView(row: RollRow) {
  return {
    from: row.from,
    accounts: row.accounts,
    balance: yuan(row.balance, 'balance'),
    balanceFen: row.balance.toString(),
    to: row.to.map((cell) => ({
      to: cell.to,
      accounts: cell.accounts,
      balance: yuan(cell.balance, 'balance'),
      balanceFen: cell.balance.toString(),
      balanceNext: yuan(cell.balanceNext, 'balanceNext'),
      balanceNextFen: cell.balanceNext.toString(),
      accountRate: cell.accountRate,
      balanceRate: cell.balanceRate,
    })),
  };
}

function matricesView(matrices: RollMatrices) {
  return {
    months: matrices.months.map((month) => ({ ...month, rows: month.rows.map(rollRowView) })),
    total: matrices.total.map(rollRowView),
  };
}

/** The roll-rate report as the API and `credence monitor roll-rates --json` answer it. */
export function rollRateReportView(report: RollRateReport) {
  return {
    window: report.window,
    states: [...report.states],
    rounding: report.rounding,
    products: report.products.map((product) => ({ product: product.product, ...matricesView(product) })),
    combined: matricesView(report.combined),
  };
}

/** One cell (its other fields, such as `band` or `vintage`, as they are). */
function cellView<C extends PerformanceCell>(cell: C) {
  const { principal, ...rest } = cell;
  return {
    ...rest,
    principal: toDecimalString(fen(principal, 'principal')),
    principalFen: principal.toString(),
  };
}
