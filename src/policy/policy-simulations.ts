import type { SimulationReport } from '../monitoring/index.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { PolicyService } from './policy-ports.ts';
import { simulationReportView, type SimulationReportView } from './policy-simulation-view.http.ts';

/**
 * Policy simulations for the editor: a candidate graph (or a stored version, pending or not) replayed over the
 * decisions already made, run in this process in the background with its progress readable while it runs.
 * The replay itself is the monitoring context's (`src/monitoring/simulation.ts`, through
 * `services.monitoring.simulate`); this module queues runs (at most `concurrency` at once, the rest wait in
 * order), reports progress, and keeps every result in the `policy_simulations` table — a result outlives the
 * process and can be attached to a policy submission for the approver to read, which a memory cache with a
 * TTL could not promise.
 */

export const SIMULATION_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type SimulationStatus = (typeof SIMULATION_STATUSES)[number];

export interface PolicySimulationRequest {
  /** A candidate JDM graph; or */
  readonly graph?: unknown;
  /** a stored policy version (`pol_…`), e.g. one pending approval. */
  readonly policyId?: string;
  /** The window of past decisions (YYYY-MM-DD, inclusive); defaults as monitoring's simulation (90 days). */
  readonly from?: string;
  readonly to?: string;
  readonly product?: string;
}

export interface PolicySimulation {
  readonly id: string;
  readonly status: SimulationStatus;
  /** Decision records read so far, of `total` in the window. */
  readonly done: number;
  readonly total: number;
  readonly requestedBy: string;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
  readonly report: SimulationReportView | null;
  /** Why it failed (a refused graph, an unknown product, …). */
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** The replay port: monitoring's simulation with progress. */
export type SimulatePort = (
  request: {
    readonly policy: unknown;
    readonly from?: string;
    readonly to?: string;
    readonly product?: string;
  },
  onProgress: (done: number, total: number) => Promise<void>,
) => Promise<SimulationReport>;

/** Where runs are kept (`policy-simulations.pg.ts`). */
export interface SimulationStore {
  insert(simulation: PolicySimulation, request: PolicySimulationRequest): Promise<void>;
  update(simulation: PolicySimulation): Promise<void>;
  /**
   * A run; one still `queued`/`running` whose progress was last written before `staleBefore` is answered
   * `failed` (the process that ran it stopped).
   */
  find(id: string, staleBefore: Date): Promise<PolicySimulation | undefined>;
}

export interface PolicySimulations {
  /** Queues a run and returns at once (`queued` or `running`); the graph is compiled first (422 when refused). */
  start(request: PolicySimulationRequest, requestedBy: string): Promise<PolicySimulation>;
  /** NOT_FOUND when unknown. Progress of a run of this process is read from memory, others from the table. */
  get(id: string): Promise<PolicySimulation>;
  /** Resolves when every run started so far has finished (tests, benches, shutdown). */
  idle(): Promise<void>;
}

export interface PolicySimulationDeps {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly policies: Pick<PolicyService, 'get'>;
  readonly simulate: SimulatePort;
  readonly store: SimulationStore;
  /** Checks a candidate graph before queueing it (the policy compiler); throws VALIDATION_FAILED. */
  readonly check: (graph: unknown) => void;
  /** Runs at once (default 2: the machine keeps serving decisions meanwhile). */
  readonly concurrency?: number;
  /** Runs waiting at most (default 20); beyond, RATE_LIMITED. */
  readonly maxQueued?: number;
  /** Progress is written to the table at most once per this many records read (default 2,000). */
  readonly progressEvery?: number;
}

/** Builds the runner. */
export function createPolicySimulations(deps: PolicySimulationDeps): PolicySimulations {
  const { clock, ids, policies, simulate, store, check } = deps;
  const concurrency = deps.concurrency ?? 2;
  const maxQueued = deps.maxQueued ?? 20;
  const progressEvery = deps.progressEvery ?? 2_000;
  /** Runs of this process not finished yet, by id (their live progress). */
  const live = new Map<string, PolicySimulation>();
  const waiting: Array<() => void> = [];
  const finished = new Set<Promise<void>>();
  let running = 0;

  const save = (simulation: PolicySimulation): Promise<void> =>
    store.update(simulation).catch(() => undefined);

  const slot = async (): Promise<void> => {
    if (running < concurrency) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
  };
  const release = (): void => {
    running -= 1;
    waiting.shift()?.();
  };

  const run = async (id: string, policy: unknown, request: PolicySimulationRequest): Promise<void> => {
    await slot();
    let current: PolicySimulation = { ...(live.get(id) as PolicySimulation), status: 'running' };
    live.set(id, current);
    let written = 0;
    let writing: Promise<void> = save(current);
    try {
      const report = await simulate(
        {
          policy,
          ...(request.from !== undefined ? { from: request.from } : {}),
          ...(request.to !== undefined ? { to: request.to } : {}),
          ...(request.product !== undefined ? { product: request.product } : {}),
        },
        (done, total) => {
          current = { ...current, done, total };
          live.set(id, current);
          if (done - written >= progressEvery) {
            written = done;
            const snapshot = current;
            writing = writing.then(() => save(snapshot));
          }
          // Between pages, let the server answer (a GET of this progress, decisions) before the next one.
          return new Promise<void>((resolve) => setImmediate(resolve));
        },
      );
      current = {
        ...current,
        status: 'done',
        done: current.total,
        report: simulationReportView(report),
        finishedAt: clock.now(),
      };
    } catch (error) {
      current = {
        ...current,
        status: 'failed',
        finishedAt: clock.now(),
        error: {
          code: error instanceof AppError ? error.code : 'INTERNAL',
          message: error instanceof AppError ? error.message : 'the simulation failed',
        },
      };
    } finally {
      release();
    }
    await writing;
    await store.update(current).catch(() => undefined);
    live.delete(id);
  };

  return {
    async start(request, requestedBy) {
      if ((request.graph === undefined) === (request.policyId === undefined))
        throw AppError.invalid('graph', 'one-of', 'give either a graph or a policyId, not both');
      const policy = request.graph ?? (await policies.get(request.policyId as string)).content;
      // Refused now with node, row and column rather than as a failed run.
      if (request.graph !== undefined) check(policy);
      if (waiting.length >= maxQueued)
        throw new AppError(
          'RATE_LIMITED',
          `${waiting.length} simulations are waiting; try again when one finishes`,
        );
      const simulation: PolicySimulation = {
        id: ids.next('policySimulation'),
        status: 'queued',
        done: 0,
        total: 0,
        requestedBy,
        createdAt: clock.now(),
        finishedAt: null,
        report: null,
        error: null,
      };
      await store.insert(simulation, request);
      live.set(simulation.id, simulation);
      const task = run(simulation.id, policy, request);
      finished.add(task);
      void task.finally(() => finished.delete(task));
      return simulation;
    },

    async get(id) {
      const running = live.get(id);
      if (running) return running;
      // Progress is written at least every `progressEvery` records; a run silent for 10 minutes is dead.
      const stored = await store.find(id, new Date(clock.now().getTime() - 10 * 60_000));
      if (!stored) throw AppError.notFound('simulation', id);
      return stored;
    },

    async idle() {
      while (finished.size > 0) await Promise.all([...finished]);
    },
  };
}
