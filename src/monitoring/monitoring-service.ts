import type { Database } from '../platform/database/database.ts';
import { AppError, isAppError } from '../platform/errors/app-error.ts';
import type { Clock } from '../platform/time/clock.ts';
import { addDays, minDate, parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';
import { compilePolicy, type PolicyIssue, type PolicyService } from '../policy/index.ts';
import { policyChecksum } from '../policy/policy-service.ts';
import type { ModelRegistry, Scorer } from '../scoring/index.ts';
import { alertsOf, type Alert } from './alerts.ts';
import { createDriftAggregator, DEFAULT_MIN_DECISIONS, type DriftReport } from './drift.ts';
import * as repository from './monitoring.repository.ts';
import { createOutcomeAggregator, type OutcomeReport } from './outcomes.ts';
import { createPerformanceAggregator, type PerformanceReport } from './performance.ts';
import { createRollRateAggregator, type RollRateReport } from './roll-rates.ts';
import { createSimulation, type SimulationReport } from './simulation.ts';
import { parseWindow, type MonitoringWindow, type WindowParams } from './window.ts';

/**
 * The monitoring context's use cases: outcome monitoring, loan performance, drift, alerts, policy
 * simulation and the data of the monitoring report. Everything is computed from the records the other
 * contexts keep (decisions, loans) in one streamed pass per question; nothing is stored, except a
 * simulated policy when the caller asks for it to be saved as a new version.
 */

/** Default windows, in days, when `from` is not given (ending today, or at `to`). */
export const DEFAULT_DAYS = {
  outcomes: 28,
  drift: 56,
  alerts: 56,
  performance: 365,
  rollRates: 365,
  simulation: 90,
  report: 56,
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

export interface SimulationRequest extends WindowParams {
  /** The candidate policy: a JDM graph as parsed JSON. */
  readonly policy: unknown;
  /** Save the candidate as a new policy version after the run (only then is anything written). */
  readonly save?: {
    readonly name: string;
    readonly effectiveFrom: string;
    readonly description?: string | undefined;
  } | null;
}

export interface SimulationResult {
  readonly candidate: {
    readonly checksum: string;
    /** What the policy compiler's static checks found that does not refuse the file (gaps, overlaps). */
    readonly warnings: readonly PolicyIssue[];
    /** The version it was saved as, when asked. */
    readonly saved: { readonly versionId: string; readonly created: boolean } | null;
  };
  readonly report: SimulationReport;
  /** Decision records read (every kind) and the wall time of the run. */
  readonly recordsRead: number;
  readonly elapsedMs: number;
}

export interface SimulationOptions {
  /**
   * Called after each page: records read so far and the window's total. A returned promise is awaited
   * before the next page (a background run yields to the event loop there).
   */
  readonly onProgress?: (done: number, total: number) => unknown;
  /** Who saves the candidate (`save`): the version is submitted in their name, pending another's approval. */
  readonly requestedBy?: { readonly id: string; readonly name: string };
}

/** Everything the monitoring report shows. */
export interface MonitoringReportData {
  readonly generatedAt: string;
  readonly window: MonitoringWindow;
  readonly outcomes: OutcomeReport;
  readonly drift: DriftReport | null;
  readonly alerts: readonly Alert[];
  readonly performance: PerformanceReport;
  /** Roll rates over the same year as the performance (month ends within it). */
  readonly rollRates: RollRateReport;
}

export interface MonitoringService {
  /** Reads and checks a window (dates, span, a known product). */
  window(params: WindowParams, defaultDays: number): Promise<MonitoringWindow>;
  outcomes(params: WindowParams): Promise<OutcomeReport>;
  /** Cash loans drawn and credit lines opened in the window: bad rate by band and vintage, per product. */
  performance(params: WindowParams): Promise<PerformanceReport>;
  /** Both products' transitions between delinquency buckets from each month end in the window to the next. */
  rollRates(params: WindowParams): Promise<RollRateReport>;
  /** UNPROCESSABLE (rule `active-model`) when no model is active and none is named. */
  drift(params: DriftParams): Promise<DriftReport>;
  alerts(params: DriftParams): Promise<AlertReport>;
  simulate(request: SimulationRequest, options?: SimulationOptions): Promise<SimulationResult>;
  report(params: DriftParams): Promise<MonitoringReportData>;
}

export interface MonitoringServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly models: Pick<ModelRegistry, 'active' | 'scorer'>;
  readonly policies: Pick<PolicyService, 'load' | 'settings'>;
  /** A monotonic millisecond clock for timing runs (performance.now in production). */
  readonly elapsed: () => number;
  readonly pageSize?: number;
}

function minDecisionsOf(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_MIN_DECISIONS;
  if (!/^\d{1,7}$/.test(value))
    throw AppError.invalid('minDecisions', 'non-negative-integer', 'minDecisions must be a whole number');
  return Number(value);
}

export function createMonitoringService(deps: MonitoringServiceDeps): MonitoringService {
  const { db, clock, models, policies } = deps;
  const pageSize = deps.pageSize ?? repository.DEFAULT_PAGE_SIZE;

  const window = async (params: WindowParams, defaultDays: number): Promise<MonitoringWindow> => {
    const parsed = parseWindow(params, clock.today(), defaultDays);
    if (parsed.product !== null) {
      const settings = await policies.settings();
      if (!settings.products.some((dated) => dated.product.code === parsed.product)) {
        throw AppError.invalid('product', 'known-product', `there is no product "${parsed.product}"`);
      }
    }
    return parsed;
  };

  const outcomesOf = async (w: MonitoringWindow): Promise<OutcomeReport> => {
    const aggregator = createOutcomeAggregator(w);
    for await (const page of repository.streamOutcomeRecords(db, w, pageSize))
      for (const record of page) aggregator.add(record);
    return aggregator.report();
  };

  const performanceOf = async (w: MonitoringWindow): Promise<PerformanceReport> => {
    const aggregator = createPerformanceAggregator(w);
    for await (const page of repository.streamLoanPerformance(db, w, pageSize))
      for (const record of page) aggregator.add(record);
    for await (const page of repository.streamLinePerformance(db, w, pageSize))
      for (const record of page) aggregator.add(record);
    return aggregator.report();
  };

  const rollRatesOf = async (w: MonitoringWindow): Promise<RollRateReport> => {
    const aggregator = createRollRateAggregator(w);
    for await (const page of repository.streamRollRecords(db, w, pageSize))
      for (const record of page) aggregator.add(record);
    return aggregator.report();
  };

  /** The scorer drift is measured against: the named model, or the active one (none: null). */
  const driftScorer = async (model: string | undefined): Promise<Scorer | null> => {
    if (model !== undefined && model !== '') return models.scorer(model);
    const active = await models.active();
    return active ? models.scorer(active.version) : null;
  };

  const driftOf = async (w: MonitoringWindow, scorer: Scorer, minDecisions: number): Promise<DriftReport> => {
    const aggregator = createDriftAggregator(w, scorer, { minDecisions });
    for await (const page of repository.streamDriftRecords(db, w, scorer.card.contentHash, pageSize)) {
      for (const read of page) {
        if (read.use) aggregator.add(read);
        else aggregator.exclude(read.reason);
      }
    }
    return aggregator.report();
  };

  const alertReport = (w: MonitoringWindow, alerts: readonly Alert[]): AlertReport => ({
    window: w,
    alerts,
    counts: {
      critical: alerts.filter((alert) => alert.severity === 'critical').length,
      warning: alerts.filter((alert) => alert.severity === 'warning').length,
      info: alerts.filter((alert) => alert.severity === 'info').length,
    },
  });

  return {
    window,
    async outcomes(params) {
      return outcomesOf(await window(params, DEFAULT_DAYS.outcomes));
    },
    async performance(params) {
      return performanceOf(await window(params, DEFAULT_DAYS.performance));
    },
    async rollRates(params) {
      return rollRatesOf(await window(params, DEFAULT_DAYS.rollRates));
    },
    async drift(params) {
      const w = await window(params, DEFAULT_DAYS.drift);
      const minDecisions = minDecisionsOf(params.minDecisions);
      const scorer = await driftScorer(params.model);
      if (!scorer) {
        throw new AppError('UNPROCESSABLE', 'no model is active: activate one, or name a model version', {
          details: { rule: 'active-model' },
        });
      }
      return driftOf(w, scorer, minDecisions);
    },
    async alerts(params) {
      const w = await window(params, DEFAULT_DAYS.alerts);
      const minDecisions = minDecisionsOf(params.minDecisions);
      const scorer = await driftScorer(params.model);
      const [outcomes, drift] = await Promise.all([
        outcomesOf(w),
        scorer ? driftOf(w, scorer, minDecisions) : Promise.resolve(null),
      ]);
      return alertReport(w, alertsOf({ drift, outcomes }));
    },
    async simulate(request, options = {}) {
      const w = await window(request, DEFAULT_DAYS.simulation);
      let saveDate: LocalDate | null = null;
      if (request.save) saveDate = parseLocalDate(request.save.effectiveFrom, 'save.effectiveFrom');
      // Compiled as the policy context compiles a version it loads: refused here with node, row and column.
      const candidate = compilePolicy(request.policy);
      const checksum = policyChecksum(request.policy);
      const started = deps.elapsed();
      const total = await repository.countDecisions(db, w);
      const simulation = createSimulation(w, candidate, checksum);
      let read = 0;
      options.onProgress?.(0, total);
      for await (const page of repository.streamSimulationRecords(db, w, pageSize)) {
        for (const item of page) {
          if (item.use) simulation.add(item.record);
          else simulation.skip(item.reason);
        }
        read += page.length;
        // Awaited: a background caller yields to the event loop here, so the server keeps answering.
        await options.onProgress?.(read, Math.max(total, read));
      }
      const report = simulation.report();
      const elapsedMs = deps.elapsed() - started;
      let saved: SimulationResult['candidate']['saved'] = null;
      if (request.save && saveDate !== null) {
        const loaded = await policies
          .load({
            name: request.save.name,
            effectiveFrom: saveDate,
            content: request.policy,
            // Four-eyes: the saved version waits for someone other than whoever saved it.
            ...(options.requestedBy ? { requestedBy: options.requestedBy } : {}),
            ...(request.save.description ? { description: request.save.description } : {}),
          })
          .catch((error: unknown) => {
            // The policy context names its own fields (effectiveFrom/not-in-past); here they sit in `save`.
            if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
            const saveFields = new Set(['name', 'effectiveFrom', 'description']);
            const issues = error.issues.map((issue) =>
              saveFields.has(issue.field) ? { ...issue, field: `save.${issue.field}` } : issue,
            );
            throw new AppError(
              'VALIDATION_FAILED',
              error.message.replace(/^(name|effectiveFrom|description):/, 'save.$1:'),
              {
                issues,
                details: error.details,
              },
            );
          });
        saved = { versionId: loaded.version.id, created: loaded.created };
      }
      return {
        candidate: { checksum, warnings: candidate.warnings, saved },
        report,
        recordsRead: read,
        elapsedMs,
      };
    },
    async report(params) {
      const w = await window(params, DEFAULT_DAYS.report);
      const minDecisions = minDecisionsOf(params.minDecisions);
      const scorer = await driftScorer(params.model);
      // Loans need time to show how they perform: the report looks back a year from the window's end.
      const loansWindow: MonitoringWindow = {
        ...w,
        from: minDate(w.from, addDays(w.to, -(DEFAULT_DAYS.performance - 1))),
      };
      const outcomes = await outcomesOf(w);
      const drift = scorer ? await driftOf(w, scorer, minDecisions) : null;
      const performance = await performanceOf(loansWindow);
      const rollRates = await rollRatesOf(loansWindow);
      return {
        generatedAt: clock.now().toISOString(),
        window: w,
        outcomes,
        drift,
        alerts: alertsOf({ drift, outcomes }),
        performance,
        rollRates,
      };
    },
  };
}
