import { AppError } from '../platform/errors/app-error.ts';
import type { Alert } from './alerts.ts';
import { DEFAULT_MIN_DECISIONS } from './drift.ts';
import type { MonitoringWindow, WindowParams } from './window.ts';

/** Default windows, in days, when `from` is not given (ending today, or at `to`). */
export const DEFAULT_DAYS = {
  outcomes: 28,
  drift: 56,
  alerts: 56,
  performance: 365,
  rollRates: 365,
  simulation: 90,
  report: 56,
  shadow: 28,
  backtest: 365,
} as const;

export interface DriftParams extends WindowParams {
  /** A model version; default the active model. */
  readonly model?: string | undefined;
  /** Weekly figures below this many decisions are flagged as low volume (default 100). */
  readonly minDecisions?: string | undefined;
}

export interface AlertReport {
  readonly window: MonitoringWindow;
  readonly alerts: readonly Alert[];
  readonly counts: { readonly critical: number; readonly warning: number; readonly info: number };
}

/** The `minDecisions` parameter: a whole number, default `DEFAULT_MIN_DECISIONS`. */
export function minDecisionsOf(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_MIN_DECISIONS;
  if (!/^\d{1,7}$/.test(value))
    throw AppError.invalid('minDecisions', 'non-negative-integer', 'minDecisions must be a whole number');
  return Number(value);
}

/** The alerts of a window with their counts by severity. */
export function alertReportOf(window: MonitoringWindow, alerts: readonly Alert[]): AlertReport {
  return {
    window,
    alerts,
    counts: {
      critical: alerts.filter((alert) => alert.severity === 'critical').length,
      warning: alerts.filter((alert) => alert.severity === 'warning').length,
      info: alerts.filter((alert) => alert.severity === 'info').length,
    },
  };
}
