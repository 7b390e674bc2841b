import type { ShadowDecision, ShadowInput } from './shadow-decision.ts';

/**
 * Where a decision hands its shadow (decide's last step), after the decision is committed. `schedule` is
 * synchronous and costs the decision nothing but a queue push: the shadow runs after the caller has its
 * answer, on the same process, so a slow or failing shadow can neither fail nor delay the decision. At
 * most `maxInFlight` shadows run or wait at once; beyond that a shadow is dropped and counted (shadow
 * mode is a sample — under overload it gives way to the decisions themselves). A shadow lost with its
 * process (a crash between the decision and the shadow's write) is simply missing from the comparison.
 */
export interface ShadowScheduler {
  /** Queues the shadow of a decision that names one (`resolved.shadow`); does nothing otherwise. */
  schedule(input: ShadowInput): void;
  /** Resolves when every shadow scheduled so far has been recorded or has failed (tests, shutdown). */
  idle(): Promise<void>;
  /** Shadows recorded, failed to record (the write itself failed), and dropped for overload, so far. */
  stats(): { readonly recorded: number; readonly unrecorded: number; readonly dropped: number };
}

export interface ShadowSchedulerOptions {
  /** Runs and records one shadow (`runShadow` bound to its deps). */
  readonly run: (input: ShadowInput) => Promise<ShadowDecision | null>;
  /** Told when a shadow could not be recorded at all (the database refused the write). */
  readonly onError?: (error: unknown, decisionId: string) => void;
  /** Shadows running or waiting at most (default 256). */
  readonly maxInFlight?: number;
}

export function createShadowScheduler(options: ShadowSchedulerOptions): ShadowScheduler {
  const maxInFlight = options.maxInFlight ?? 256;
  const inFlight = new Set<Promise<void>>();
  const counts = { recorded: 0, unrecorded: 0, dropped: 0 };
  return {
    schedule(input) {
      if (input.resolved.shadow === null) return;
      if (inFlight.size >= maxInFlight) {
        counts.dropped += 1;
        return;
      }
      // setImmediate: the decision's answer goes out before any of the shadow's work starts.
      const task = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => options.run(input))
        .then(
          () => {
            counts.recorded += 1;
          },
          (error: unknown) => {
            counts.unrecorded += 1;
            options.onError?.(error, input.record.id);
          },
        );
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    stats: () => ({ ...counts }),
  };
}
