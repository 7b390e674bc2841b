import type { BacktestCheckpoint, BacktestReportView, BacktestRequest } from '../monitoring/index.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import { createStaleTakeOver } from '../platform/time/stale-takeover.ts';
import type { ModelRegistry } from './model-registry.ts';

/**
 * Backtests of a candidate scorecard as jobs: queued, run in this process in the background (one at a
 * time by default — a backtest re-scores every past application twice), with `done/total` progress written
 * to `model_backtests` as it goes, so any instance can answer for a run and a finished report outlives the
 * process. With the progress goes a **checkpoint** (the run's date and window, the last decision folded and
 * the fold so far), so a run whose process died goes on from there — the copies' pattern (`data_exports`):
 * runs left queued or running are listed at start-up (`recover()`), and one is taken over by an atomic
 * claim when it is queued, or running but silent for `STALE_MS` (its process stopped); each claim counts an
 * attempt and after `maxAttempts` the run fails. The resumed run ends with the report an uninterrupted run
 * gives. The computation is monitoring's (`src/monitoring/backtest-run.ts`), reached through a port.
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
  /** When its progress was last written (a run silent since long ago was left by a process that stopped). */
  readonly updatedAt: Date;
  readonly finishedAt: Date | null;
  readonly report: BacktestReportView | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** The computation: monitoring's backtest with progress and checkpoints, resumed from one when given. */
export type BacktestPort = (
  request: BacktestRequest,
  onProgress: (done: number, total: number, checkpoint: () => BacktestCheckpoint) => Promise<void>,
  resume?: BacktestCheckpoint,
) => Promise<BacktestReportView>;

/** A run taken by this process: the row, the attempts so far (this one included) and its checkpoint. */
export interface ClaimedBacktest {
  readonly backtest: ModelBacktest;
  readonly attempts: number;
  readonly checkpoint: BacktestCheckpoint | null;
}

/** Where runs are kept (`backtests.pg.ts`). */
export interface BacktestStore {
  insert(backtest: ModelBacktest): Promise<void>;
  /**
   * Writes status, progress, report and error; a finished run's checkpoint is dropped. With `attempt`, only
   * while the run is still that claim's (a process that took the run over since is not overwritten): false
   * when nothing was written.
   */
  update(backtest: ModelBacktest, attempt?: number): Promise<boolean>;
  /**
   * The progress figures, and the checkpoint when one is given (else the stored one is kept), while the run
   * is running under the claim `attempt`: false when it is not (finished, or taken over by another process).
   */
  progress(backtest: ModelBacktest, checkpoint: BacktestCheckpoint | null, attempt: number): Promise<boolean>;
  /**
   * Marks a run `running` and counts the attempt, atomically, when it is queued (at any age when
   * `anyQueued`, else silent since `staleBefore`) or running but silent since `staleBefore`; undefined
   * otherwise (finished, or another process is on it).
   */
  claim(id: string, at: Date, staleBefore: Date, anyQueued: boolean): Promise<ClaimedBacktest | undefined>;
  find(id: string): Promise<ModelBacktest | undefined>;
  /** A model's runs, newest first, without their reports. */
  listByModel(modelVersion: string): Promise<ModelBacktest[]>;
  /** Runs still queued or running (a restart resumes them), oldest first, without reports. */
  unfinished(): Promise<ModelBacktest[]>;
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
  /**
   * Start-up: resumes every run left queued or running by a process that stopped — now when it is
   * claimable, else (its progress was written less than `STALE_MS` ago) when it becomes so.
   */
  recover(): Promise<{ resumed: number; waiting: number }>;
  /** Resolves when every run started so far has finished (tests, benches, the CLI, shutdown). */
  idle(): Promise<void>;
  /**
   * Shutdown: stops the timers of runs waiting to be taken over and the heartbeats of this process's runs
   * (a run it leaves unfinished goes stale and another process takes it over).
   */
  close(): void;
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
  /**
   * A checkpoint (which copies the matured sample so far: its cost grows with the run) goes with a progress
   * write at most once per this many decisions (default 50,000), or with the first write after
   * `HEARTBEAT_MS`; what a crash loses is re-read from the last one.
   */
  readonly checkpointEvery?: number;
  /** Claims of a run before it fails (default 3): a run that kills its process is not retried for ever. */
  readonly maxAttempts?: number;
  /** Caps one wait for a run to go stale (tests with a manual clock); default the time left. */
  readonly recheckMs?: number;
}

/**
 * A running run silent this long was left by a process that stopped: progress is written at least every
 * `HEARTBEAT_MS` while a run reads (and every `progressEvery` decisions), so a live run is never this quiet.
 */
export const STALE_MS = 2 * 60_000;
const HEARTBEAT_MS = 30_000;

/** Thrown into a run's fold when a progress write found the run taken over by another process. */
class Superseded extends Error {
  constructor() {
    super('the backtest was taken over by another process');
  }
}

export function createModelBacktests(deps: ModelBacktestDeps): ModelBacktests {
  const { clock, ids, models, run, store } = deps;
  const concurrency = deps.concurrency ?? 1;
  const maxQueued = deps.maxQueued ?? 10;
  const progressEvery = deps.progressEvery ?? 2_000;
  const checkpointEvery = deps.checkpointEvery ?? 50_000;
  const maxAttempts = deps.maxAttempts ?? 3;
  const live = new Map<string, ModelBacktest>();
  const stale = createStaleTakeOver({
    clock,
    staleMs: STALE_MS,
    ...(deps.recheckMs !== undefined ? { recheckMs: deps.recheckMs } : {}),
  });
  const waiting: Array<() => void> = [];
  const finished = new Set<Promise<void>>();
  const heartbeats = new Set<ReturnType<typeof setInterval>>();
  let running = 0;

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

  const fail = async (
    backtest: ModelBacktest,
    attempt: number,
    code: string,
    message: string,
  ): Promise<void> => {
    await store
      .update({ ...backtest, status: 'failed', finishedAt: clock.now(), error: { code, message } }, attempt)
      .catch(() => undefined);
  };

  const execute = async (
    id: string,
    anyQueued: boolean,
    onProgress?: (done: number, total: number) => void,
  ): Promise<void> => {
    await slot();
    let claim: ClaimedBacktest | undefined;
    try {
      claim = await store.claim(id, clock.now(), staleBefore(), anyQueued);
    } catch {
      claim = undefined;
    }
    if (!claim) {
      // Finished, or another process took it: nothing to do here.
      release();
      live.delete(id);
      return;
    }
    if (claim.attempts > maxAttempts) {
      release();
      live.delete(id);
      await fail(
        claim.backtest,
        claim.attempts,
        'UNAVAILABLE',
        `the backtest was started ${claim.attempts - 1} times without finishing; start a new one`,
      );
      return;
    }
    const attempt = claim.attempts;
    let current: ModelBacktest = { ...claim.backtest, status: 'running' };
    live.set(id, current);
    let written = current.done;
    let writtenAt = clock.now().getTime();
    let checkpointed = current.done;
    let checkpointedAt = writtenAt;
    let writing: Promise<void> = Promise.resolve();
    // Every write is fenced by this claim's attempt: once one finds the run taken over by another process
    // (this one was silent too long — a long pause, a lost connection), this run stops reading and writes
    // nothing more, so it cannot overwrite the other's progress or result.
    let superseded = false;
    const write = (snapshot: ModelBacktest, point: BacktestCheckpoint | null): void => {
      writing = writing.then(() =>
        store.progress(snapshot, point, attempt).then(
          (ours) => {
            if (!ours) superseded = true;
          },
          () => undefined,
        ),
      );
    };
    // The heartbeat: progress written at least every HEARTBEAT_MS even when no page arrives (the count and
    // the first page of a large window take a while), so a live run never looks stopped to other processes.
    const heartbeat = setInterval(() => {
      if (clock.now().getTime() - writtenAt < HEARTBEAT_MS) return;
      writtenAt = clock.now().getTime();
      write(current, null);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    heartbeats.add(heartbeat);
    try {
      const report = await run(
        { model: current.modelVersion, ...current.request },
        (done, total, checkpoint) => {
          current = { ...current, done, total };
          live.set(id, current);
          onProgress?.(done, total);
          if (done - written >= progressEvery || clock.now().getTime() - writtenAt >= HEARTBEAT_MS) {
            written = done;
            writtenAt = clock.now().getTime();
            // Taken now: the fold goes on as soon as this callback returns. Every progressEvery decisions the
            // figures alone (cheap); a checkpoint only every checkpointEvery decisions or heartbeat — taking one
            // each time made the run's work grow with the square of its size.
            const snapshot = current;
            let point: BacktestCheckpoint | null = null;
            if (done - checkpointed >= checkpointEvery || writtenAt - checkpointedAt >= HEARTBEAT_MS) {
              point = checkpoint();
              checkpointed = done;
              checkpointedAt = writtenAt;
            }
            write(snapshot, point);
          }
          if (superseded) throw new Superseded();
          // Between pages, let the server answer (a GET of this progress, decisions) before the next one.
          return new Promise<void>((resolve) => setImmediate(resolve));
        },
        claim.checkpoint ?? undefined,
      );
      current = { ...current, status: 'done', done: current.total, report, finishedAt: clock.now() };
    } catch (error) {
      if (error instanceof Superseded) superseded = true;
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
      clearInterval(heartbeat);
      heartbeats.delete(heartbeat);
      release();
    }
    await writing;
    if (!superseded) await store.update(current, attempt).catch(() => undefined);
    live.delete(id);
  };

  const schedule = (id: string, anyQueued: boolean): void => {
    const task = execute(id, anyQueued);
    finished.add(task);
    void task.finally(() => finished.delete(task));
  };
  /** Takes over a run left by a stopped process, now if claimable, else when it becomes so. */
  const takeOver = (backtest: ModelBacktest): 'resumed' | 'waiting' | 'none' => {
    if (live.has(backtest.id) || (backtest.status !== 'queued' && backtest.status !== 'running'))
      return 'none';
    const outcome = stale.wait(backtest.id, backtest.updatedAt, () => {
      void store
        .find(backtest.id)
        .then((latest) => {
          if (latest) takeOver(latest);
        })
        .catch(() => undefined);
    });
    if (outcome === 'waiting') return 'waiting';
    live.set(backtest.id, backtest);
    schedule(backtest.id, false);
    return 'resumed';
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
        updatedAt: clock.now(),
        finishedAt: null,
        report: null,
        error: null,
      };
      await store.insert(backtest);
      live.set(backtest.id, backtest);
      const task = execute(backtest.id, true, onProgress);
      finished.add(task);
      void task.finally(() => finished.delete(task));
      return backtest;
    },
    async get(id) {
      const running = live.get(id);
      if (running) return running;
      const stored = await store.find(id);
      if (!stored) throw AppError.notFound('backtest', id);
      // A run whose process stopped is taken over by whoever reads it (it shows as it stood until then).
      takeOver(stored);
      return live.get(id) ?? stored;
    },
    async list(modelVersion) {
      await models.get(modelVersion);
      const stored = await store.listByModel(modelVersion);
      for (const backtest of stored) takeOver(backtest);
      return stored.map((backtest) => live.get(backtest.id) ?? backtest);
    },
    async recover() {
      let resumed = 0;
      let waiting = 0;
      for (const backtest of await store.unfinished()) {
        const outcome = takeOver(backtest);
        if (outcome === 'resumed') resumed += 1;
        if (outcome === 'waiting') waiting += 1;
      }
      return { resumed, waiting };
    },
    async idle() {
      while (finished.size > 0) await Promise.all([...finished]);
    },
    close() {
      stale.close();
      for (const heartbeat of heartbeats) clearInterval(heartbeat);
      heartbeats.clear();
    },
  };
}
