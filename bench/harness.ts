/**
 * The benchmark harness: each suite measures Credence side by side with the peer its issue names, in the
 * same run, and reports ratios. Results go to stdout, `bench/out/results.json` and a plotted
 * `bench/out/report.html`.
 */
export interface Measurement {
  /** What was measured, e.g. "training time, credit_data". */
  readonly metric: string;
  readonly unit: string;
  readonly ours: number;
  /** The peer's figure on the same input in the same run, when there is one. */
  readonly peer?: number;
  readonly peerName?: string;
  /** true when bigger is better (throughput, AUC); false for times. */
  readonly higherIsBetter: boolean;
  /** The target, when it sets one, and whether it was met. */
  readonly target?: string;
  readonly met?: boolean;
  readonly note?: string;
}

export interface BenchSuite {
  readonly name: string;
  readonly description: string;
  run(log: (line: string) => void): Promise<Measurement[]>;
}

/** ours/peer, oriented so that > 1 means Credence is better. */
export function advantage(m: Measurement): number | undefined {
  if (m.peer === undefined || m.peer === 0 || m.ours === 0) return undefined;
  return m.higherIsBetter ? m.ours / m.peer : m.peer / m.ours;
}

/** Times `work` over enough repetitions to last `minMs`; returns operations per second. */
export async function throughput(
  work: () => unknown | Promise<unknown>,
  minMs = 1000,
  batch = 1,
): Promise<number> {
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    await work();
    ops += batch;
    elapsed = performance.now() - start;
  }
  return (ops / elapsed) * 1000;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
