import type { Money } from '../platform/money/money.ts';
import type { Rate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { createComparison, type Comparison, type ComparisonFigures, type Outcome } from './comparison.ts';
import type { MonitoringWindow } from './window.ts';

/**
 * Shadow mode compared with the champion over a window: every live decision a shadow ran beside, with
 * what the customer got and what the shadow would have decided on the same facts (decisions'
 * `shadow_decisions`). Pure fold: the agreement matrix, swap sets and their expected bad rate, limit and
 * price differences, the reasons that differ most, failures and run times — in total and per product.
 */

/** One side of a shadow record. */
export interface ShadowSide {
  readonly outcome: Outcome;
  readonly limit: Money;
  readonly apr: Rate | null;
  readonly score: number | null;
  readonly pd: number | null;
  readonly reasonCodes: readonly string[];
}

/** A shadow record as monitoring reads it. */
export interface ShadowRecord {
  readonly decisionId: string;
  readonly customerId: string;
  readonly decisionDate: LocalDate;
  readonly productCode: string;
  readonly kind: string;
  readonly champion: ShadowSide;
  /** Null: the shadow failed (see `error`). */
  readonly shadow: ShadowSide | null;
  readonly error: { readonly stage: string; readonly code: string } | null;
  readonly shadowPolicyVersionId: string | null;
  readonly shadowModelVersion: string | null;
  readonly elapsedMs: number;
}

/** A reason code as often given by each side (a decision counts a code once), and the difference. */
export interface ReasonDifference {
  readonly code: string;
  readonly champion: number;
  readonly shadow: number;
  /** shadow − champion. */
  readonly difference: number;
}

export interface ShadowFigures extends ComparisonFigures {
  /** Shadow runs that failed (no outcome), by `stage:code`. */
  readonly failed: { readonly count: number; readonly byCode: Readonly<Record<string, number>> };
  /** Decisions where the two sides' reason lists differ (as sets of codes). */
  readonly reasonsDiffer: number;
  /** The codes whose frequency differs most, largest difference first (at most 10). */
  readonly topReasonDifferences: readonly ReasonDifference[];
}

export interface ShadowReport {
  readonly window: { readonly from: LocalDate; readonly to: LocalDate; readonly product: string | null };
  /** What ran as the shadow in the window (policy version ids, model versions), with counts. */
  readonly shadows: ReadonlyArray<{
    readonly policyVersionId: string | null;
    readonly modelVersion: string | null;
    readonly records: number;
  }>;
  readonly total: ShadowFigures;
  readonly byProduct: Readonly<Record<string, ShadowFigures>>;
  /** How long shadows took after their decision was recorded (ms): median, 95th percentile, worst. */
  readonly elapsedMs: {
    readonly p50: number | null;
    readonly p95: number | null;
    readonly max: number | null;
  };
}

export const TOP_REASON_DIFFERENCES = 10;

interface Tally {
  comparison: Comparison;
  failed: number;
  failedBy: Map<string, number>;
  reasonsDiffer: number;
  championCodes: Map<string, number>;
  shadowCodes: Map<string, number>;
}

const newTally = (): Tally => ({
  comparison: createComparison(),
  failed: 0,
  failedBy: new Map(),
  reasonsDiffer: 0,
  championCodes: new Map(),
  shadowCodes: new Map(),
});

function count(codes: readonly string[], into: Map<string, number>): Set<string> {
  const unique = new Set(codes);
  for (const code of unique) into.set(code, (into.get(code) ?? 0) + 1);
  return unique;
}

function addTo(tally: Tally, record: ShadowRecord): void {
  if (record.shadow === null) {
    tally.failed += 1;
    const key = record.error ? `${record.error.stage}:${record.error.code}` : 'unknown';
    tally.failedBy.set(key, (tally.failedBy.get(key) ?? 0) + 1);
    return;
  }
  tally.comparison.add(record.champion, record.shadow);
  const champion = count(record.champion.reasonCodes, tally.championCodes);
  const shadow = count(record.shadow.reasonCodes, tally.shadowCodes);
  if (champion.size !== shadow.size || [...champion].some((code) => !shadow.has(code)))
    tally.reasonsDiffer += 1;
}

function figuresOf(tally: Tally): ShadowFigures {
  const codes = new Set([...tally.championCodes.keys(), ...tally.shadowCodes.keys()]);
  const differences = [...codes]
    .map((code) => {
      const champion = tally.championCodes.get(code) ?? 0;
      const shadow = tally.shadowCodes.get(code) ?? 0;
      return { code, champion, shadow, difference: shadow - champion };
    })
    .filter((entry) => entry.difference !== 0)
    .sort(
      (a, b) =>
        Math.abs(b.difference) - Math.abs(a.difference) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    )
    .slice(0, TOP_REASON_DIFFERENCES);
  return {
    ...tally.comparison.figures(),
    failed: {
      count: tally.failed,
      byCode: Object.fromEntries([...tally.failedBy.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
    },
    reasonsDiffer: tally.reasonsDiffer,
    topReasonDifferences: differences,
  };
}

/** The p-th percentile (nearest rank) of sorted values. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

export interface ShadowAggregator {
  add(record: ShadowRecord): void;
  report(): ShadowReport;
}

export function createShadowAggregator(window: MonitoringWindow): ShadowAggregator {
  const total = newTally();
  const byProduct = new Map<string, Tally>();
  const shadows = new Map<
    string,
    { policyVersionId: string | null; modelVersion: string | null; records: number }
  >();
  const elapsed: number[] = [];
  return {
    add(record) {
      addTo(total, record);
      let product = byProduct.get(record.productCode);
      if (!product) byProduct.set(record.productCode, (product = newTally()));
      addTo(product, record);
      const key = `${record.shadowPolicyVersionId ?? ''}|${record.shadowModelVersion ?? ''}`;
      const entry = shadows.get(key);
      if (entry) entry.records += 1;
      else
        shadows.set(key, {
          policyVersionId: record.shadowPolicyVersionId,
          modelVersion: record.shadowModelVersion,
          records: 1,
        });
      elapsed.push(record.elapsedMs);
    },
    report() {
      const sorted = [...elapsed].sort((a, b) => a - b);
      return {
        window: { from: window.from, to: window.to, product: window.product },
        shadows: [...shadows.values()].sort((a, b) => b.records - a.records),
        total: figuresOf(total),
        byProduct: Object.fromEntries(
          [...byProduct.entries()]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([code, tally]) => [code, figuresOf(tally)]),
        ),
        elapsedMs: {
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          max: sorted.length === 0 ? null : (sorted[sorted.length - 1] as number),
        },
      };
    },
  };
}
