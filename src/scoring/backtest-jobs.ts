import type { BacktestReportView, BacktestRequest } from '../monitoring/index.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { ModelRegistry } from './model-registry.ts';

/**
 * Backtests of a candidate scorecard as jobs: queued, run in this process in the background (one at a
 * time by default — a backtest re-scores every past application twice), with `done/total` progress written
 * to `model_backtests` as it goes, so any instance can answer for a run, a finished report outlives the
 * process, and a run whose process stopped (no progress written for 10 minutes) answers `failed` — start it
 * again. The computation is monitoring's (`src/monitoring/backtest-run.ts`), reached through a port.
 */

export const BACKTEST_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type BacktestStatus = (typeof BACKTEST_STATUSES)[number];

export interface BacktestWindow {
  readonly from?: string;
  readonly to?: string;
  readonly product?: string;
}

export interface ModelBacktest {
  readonly id: string;
  readonly modelVersion: string;
  readonly modelHash: string;
  /** The active model when the run was asked for (the report names the one it actually compared with). */
  readonly championVersion: string | null;
  readonly request: BacktestWindow;
  readonly status: BacktestStatus;
  /** Past decisions read so far, of `total` in the window. */
  readonly done: number;
  readonly total: number;
  readonly requestedBy: string;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
  readonly report: BacktestReportView | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** The computation: monitoring's backtest with progress. */
export type BacktestPort = (
  request: BacktestRequest,
  onProgress: (done: number, total: number) => Promise<void>,
) => Promise<BacktestReportView>;

/** Where runs are kept (`backtests.pg.ts`). */
export interface BacktestStore {
  insert(backtest: ModelBacktest): Promise<void>;
  update(backtest: ModelBacktest): Promise<void>;
  /** A run; one still `queued`/`running` whose progress was last written before `staleBefore` is `failed`. */
  find(id: string, staleBefore: Date): Promise<ModelBacktest | undefined>;
  /** A model's runs, newest first, without their reports. */
  listByModel(modelVersion: string, staleBefore: Date): Promise<ModelBacktest[]>;
}

export interface ModelBacktests {
  /**
   * Queues a backtest of a registered model and returns at once (`queued`); NOT_FOUND for an unknown model,
   * 422 (`active-model`) when no model is active, 422 for a bad window. `onProgress` (the CLI's bar) hears
   * every page.
   */
  start(
    request: BacktestRequest,
    requestedBy: string,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ModelBacktest>;
  /** NOT_FOUND when unknown. A run of this process is read from memory, others from the table. */
  get(id: string): Promise<ModelBacktest>;
  list(modelVersion: string): Promise<ModelBacktest[]>;
  /** Resolves when every run started so far has finished (tests, benches, the CLI, shutdown). */
  idle(): Promise<void>;
}

export interface ModelBacktestDeps {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly models: Pick<ModelRegistry, 'get' | 'active'>;
  readonly run: BacktestPort;
  readonly store: BacktestStore;
  /** Checks the window before queueing (monitoring's window parser): throws VALIDATION_FAILED. */
  readonly checkWindow: (window: BacktestWindow) => Promise<void>;
  /** Runs at once (default 1). */
  readonly concurrency?: number;
  /** Runs waiting at most (default 10); beyond, RATE_LIMITED. */
  readonly maxQueued?: number;
  /** Progress is written to the table at most once per this many decisions read (default 2,000). */
  readonly progressEvery?: number;
}

const STALE_MS = 10 * 60_000;

export function createModelBacktests(deps: ModelBacktestDeps): ModelBacktests {
  const { clock, ids, models, run, store } = deps;
  const concurrency = deps.concurrency ?? 1;
  const maxQueued = deps.maxQueued ?? 10;
  const progressEvery = deps.progressEvery ?? 2_000;
  const live = new Map<string, ModelBacktest>();
  const waiting: Array<() => void> = [];
  const finished = new Set<Promise<void>>();
  let running = 0;

  const save = (backtest: ModelBacktest): Promise<void> => store.update(backtest).catch(() => undefined);
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
  const staleBefore = () => new Date(clock.now().getTime() - STALE_MS);

  const execute = async (id: string, onProgress?: (done: number, total: number) => void): Promise<void> => {
    await slot();
    let current: ModelBacktest = { ...(live.get(id) as ModelBacktest), status: 'running' };
    live.set(id, current);
    let written = 0;
    let writing: Promise<void> = save(current);
    try {
      const report = await run({ model: current.modelVersion, ...current.request }, (done, total) => {
        current = { ...current, done, total };
        live.set(id, current);
        onProgress?.(done, total);
        if (done - written >= progressEvery) {
          written = done;
          const snapshot = current;
          writing = writing.then(() => save(snapshot));
        }
        // Between pages, let the server answer (a GET of this progress, decisions) before the next one.
        return new Promise<void>((resolve) => setImmediate(resolve));
      });
      current = { ...current, status: 'done', done: current.total, report, finishedAt: clock.now() };
    } catch (error) {
      current = {
        ...current,
        status: 'failed',
        finishedAt: clock.now(),
        error: {
          code: error instanceof AppError ? error.code : 'INTERNAL',
          message: error instanceof AppError ? error.message : 'the backtest failed',
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
    async start(request, requestedBy, onProgress) {
      const model = await models.get(request.model);
      const active = await models.active();
      if (!active)
        throw new AppError(
          'UNPROCESSABLE',
          'no model is active: a backtest compares a candidate with the active model',
          {
            details: { rule: 'active-model' },
          },
        );
      const window: BacktestWindow = {
        ...(request.from !== undefined ? { from: request.from } : {}),
        ...(request.to !== undefined ? { to: request.to } : {}),
        ...(request.product !== undefined ? { product: request.product } : {}),
      };
      await deps.checkWindow(window);
      if (waiting.length >= maxQueued)
        throw new AppError(
          'RATE_LIMITED',
          `${waiting.length} backtests are waiting; try again when one finishes`,
        );
      const backtest: ModelBacktest = {
        id: ids.next('modelBacktest'),
        modelVersion: model.version,
        modelHash: model.contentHash,
        championVersion: active.version,
        request: window,
        status: 'queued',
        done: 0,
        total: 0,
        requestedBy,
        createdAt: clock.now(),
        finishedAt: null,
        report: null,
        error: null,
      };
      await store.insert(backtest);
      live.set(backtest.id, backtest);
      const task = execute(backtest.id, onProgress);
      finished.add(task);
      void task.finally(() => finished.delete(task));
      return backtest;
    },
    async get(id) {
      const running = live.get(id);
      if (running) return running;
      const stored = await store.find(id, staleBefore());
      if (!stored) throw AppError.notFound('backtest', id);
      return stored;
    },
    async list(modelVersion) {
      await models.get(modelVersion);
      const stored = await store.listByModel(modelVersion, staleBefore());
      return stored.map((backtest) => live.get(backtest.id) ?? backtest);
    },
    async idle() {
      while (finished.size > 0) await Promise.all([...finished]);
    },
  };
}
