import { fen, toDecimalString } from '../platform/money/money.ts';
import type { ComparisonFigures } from './comparison.ts';
import type { ShadowFigures, ShadowReport } from './shadow-comparison.ts';

/**
 * The wire form of a comparison (shadow mode, backtests): amounts in yuan under plain names and integer
 * fen under `…Fen` (the API's one-unit-per-name rule), everything else as computed.
 */
export function comparisonView(figures: ComparisonFigures) {
  const { approvedBoth } = figures;
  const meanFen = approvedBoth.meanLimitDifferenceFen;
  return {
    records: figures.records,
    matrix: figures.matrix,
    agreed: figures.agreed,
    agreementRate: figures.agreementRate,
    approvalRate: figures.approvalRate,
    swapIns: figures.swapIns,
    swapOuts: figures.swapOuts,
    expectedBadRate: figures.expectedBadRate,
    approvedBoth: {
      count: approvedBoth.count,
      limitHigher: approvedBoth.limitHigher,
      limitLower: approvedBoth.limitLower,
      limitSame: approvedBoth.limitSame,
      meanLimitDifference: meanFen === null ? null : toDecimalString(fen(meanFen, 'meanLimitDifference')),
      meanLimitDifferenceFen: meanFen === null ? null : meanFen.toString(),
      limitDifferenceBuckets: approvedBoth.limitDifferenceYuan,
      priceHigher: approvedBoth.priceHigher,
      priceLower: approvedBoth.priceLower,
      priceSame: approvedBoth.priceSame,
      priceDifferenceBuckets: approvedBoth.priceDifferenceBps,
    },
  };
}

export type ComparisonView = ReturnType<typeof comparisonView>;

function shadowFiguresView(figures: ShadowFigures) {
  return {
    ...comparisonView(figures),
    failed: figures.failed,
    reasonsDiffer: figures.reasonsDiffer,
    topReasonDifferences: figures.topReasonDifferences,
  };
}

/** The wire form of the shadow comparison (`GET /v1/monitoring/shadow`, `credence monitor shadow --json`). */
export function shadowReportView(report: ShadowReport) {
  return {
    window: report.window,
    shadows: report.shadows,
    total: shadowFiguresView(report.total),
    byProduct: Object.fromEntries(
      Object.entries(report.byProduct).map(([code, figures]) => [code, shadowFiguresView(figures)]),
    ),
    elapsedMs: report.elapsedMs,
  };
}

export type ShadowReportView = ReturnType<typeof shadowReportView>;
