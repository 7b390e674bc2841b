import type { LocalDate } from '../platform/time/local-date.ts';
import type { DriftReport } from './drift.ts';
import type { OutcomeReport } from './outcomes.ts';

/**
 * Alerts: the thresholds a risk team acts on, read off the drift and outcome reports. Each alert says
 * what crossed which threshold, when, and how far — in a sentence a person can act on.
 *
 * - Score PSI and characteristic CSI per week: 0.1 (the scoring context's `monitor`) is a warning, 0.25
 *   (`unstable`) critical. Weeks below the minimum volume give one `info` alert instead: too few
 *   decisions to read drift.
 * - Outages: a day on which decisions were referred with SYSTEM_UNAVAILABLE because a dependency failed —
 *   a warning from the first one, critical from 5% of the day's decisions.
 * - No active model: drift cannot be computed (info).
 */

export type AlertSeverity = 'info' | 'warning' | 'critical';
export type AlertKind = 'score-drift' | 'characteristic-drift' | 'low-volume' | 'outage' | 'no-active-model';

export interface Alert {
  readonly severity: AlertSeverity;
  readonly kind: AlertKind;
  /** What it is about: `score`, a characteristic's name, or a product code. */
  readonly subject: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** The measured figure (PSI, CSI, or a share as a decimal) and the threshold it crossed. */
  readonly value: number;
  readonly threshold: number;
  readonly reason: string;
}

export interface AlertThresholds {
  readonly driftWarning: number;
  readonly driftCritical: number;
  /** A share of a day's decisions referred for a fault that makes an outage critical. */
  readonly outageCritical: number;
}

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  driftWarning: 0.1,
  driftCritical: 0.25,
  outageCritical: 0.05,
};

const SEVERITY_ORDER: Readonly<Record<AlertSeverity, number>> = { critical: 0, warning: 1, info: 2 };

function driftSeverity(value: number, thresholds: AlertThresholds): AlertSeverity | null {
  if (value >= thresholds.driftCritical) return 'critical';
  if (value >= thresholds.driftWarning) return 'warning';
  return null;
}

const fixed = (value: number): string => value.toFixed(4);
const percent = (share: number): string => `${(share * 100).toFixed(2)}%`;

/** The alerts of a window, most severe first, then by date and subject. */
export function alertsOf(
  input: { readonly drift: DriftReport | null; readonly outcomes: OutcomeReport },
  thresholds: AlertThresholds = DEFAULT_THRESHOLDS,
): Alert[] {
  const alerts: Alert[] = [];
  const { drift, outcomes } = input;
  if (drift === null) {
    alerts.push({
      severity: 'info',
      kind: 'no-active-model',
      subject: 'score',
      from: outcomes.window.from,
      to: outcomes.window.to,
      value: 0,
      threshold: 0,
      reason: 'No model is active, so score and characteristic drift cannot be measured.',
    });
  } else {
    for (const week of drift.weeks) {
      if (week.lowVolume) {
        alerts.push({
          severity: 'info',
          kind: 'low-volume',
          subject: 'score',
          from: week.from,
          to: week.to,
          value: week.decisions,
          threshold: drift.minDecisions,
          reason: `Only ${week.decisions} decisions by model ${drift.model.version} from ${week.from} to ${week.to} (fewer than ${drift.minDecisions}): too few to read drift.`,
        });
        continue;
      }
      if (week.psi) {
        const severity = driftSeverity(week.psi.value, thresholds);
        if (severity) {
          const threshold = severity === 'critical' ? thresholds.driftCritical : thresholds.driftWarning;
          alerts.push({
            severity,
            kind: 'score-drift',
            subject: 'score',
            from: week.from,
            to: week.to,
            value: week.psi.value,
            threshold,
            reason: `Score PSI ${fixed(week.psi.value)} from ${week.from} to ${week.to} is at or above ${threshold} (${week.decisions} decisions against model ${drift.model.version}'s training sample): the population scored has shifted.`,
          });
        }
      }
      for (const csi of week.csi) {
        const severity = driftSeverity(csi.value, thresholds);
        if (!severity) continue;
        const threshold = severity === 'critical' ? thresholds.driftCritical : thresholds.driftWarning;
        alerts.push({
          severity,
          kind: 'characteristic-drift',
          subject: csi.feature,
          from: week.from,
          to: week.to,
          value: csi.value,
          threshold,
          reason: `CSI of ${csi.feature} ${fixed(csi.value)} from ${week.from} to ${week.to} is at or above ${threshold}: its values have moved across the model's bins since training.`,
        });
      }
    }
  }
  // An outage hits a product's decisions whatever arm they took: one alert per day and product.
  const outageDays = new Map<
    string,
    { date: LocalDate; product: string; decisions: number; faults: number; arms: string[] }
  >();
  for (const day of outcomes.days) {
    const key = `${day.date}|${day.product}`;
    const entry = outageDays.get(key) ?? {
      date: day.date,
      product: day.product,
      decisions: 0,
      faults: 0,
      arms: [],
    };
    entry.decisions += day.decisions;
    entry.faults += day.systemUnavailable;
    if (day.systemUnavailable > 0) entry.arms.push(day.arm);
    outageDays.set(key, entry);
  }
  for (const day of outageDays.values()) {
    if (day.faults === 0) continue;
    const share = day.faults / Math.max(1, day.decisions);
    const critical = share >= thresholds.outageCritical;
    alerts.push({
      severity: critical ? 'critical' : 'warning',
      kind: 'outage',
      subject: day.product,
      from: day.date,
      to: day.date,
      value: share,
      threshold: critical ? thresholds.outageCritical : 0,
      reason: `${day.faults} of ${day.decisions} ${day.product} decisions (${percent(share)}; arm ${day.arms.join(' and ')}) on ${day.date} were referred with SYSTEM_UNAVAILABLE: a dependency failed; they are waiting for a person, not declined.`,
    });
  }
  return alerts.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) ||
      (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0),
  );
}
