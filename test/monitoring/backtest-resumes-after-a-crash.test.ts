import { afterAll, describe, expect, it } from 'vitest';
import { createPgDecisionReadModel } from '../../src/decisions/decision-read-model.pg.ts';
import { createPgShadowReadModel } from '../../src/decisions/shadow-decisions.pg.ts';
import { createPgReceivablesReadModel } from '../../src/ledger/receivables-read-model.pg.ts';
import { createPgPortfolioReadModel } from '../../src/lending/portfolio-read-model.pg.ts';
import {
  backtestReportView,
  createMonitoringService,
  type DecisionReadModel,
} from '../../src/monitoring/index.ts';
import {
  createModelBacktests,
  STALE_MS,
  type BacktestPort,
  type ModelBacktests,
} from '../../src/scoring/backtest-jobs.ts';
import { createPgBacktestStore } from '../../src/scoring/backtests.pg.ts';
import { storesUnderTest } from '../support/stores.ts';
import { shadowScorecard } from '../decisions/shadow-support.ts';
import { monitoringScenario, type MonitoringScenario } from './scenario.ts';

/**
 * A backtest whose process dies mid-run goes on from its checkpoint and ends with exactly the report an
 * uninterrupted run gives, on every store. Pages of two decisions and a checkpoint every two: one run goes
 * to the end; another "dies" after its third page (its promise never settles, as with kill -9: nothing
 * after that point is written); a second runner over the same table — a restarted process — first sees
 * the run still fresh (waiting), then, once silent for longer than the stale limit, takes it over, reads
 * only the decisions after the checkpoint, and finishes with the same report.
 */
const scenarios: MonitoringScenario[] = [];
afterAll(async () => {
  for (const scenario of scenarios) await scenario.t.app.stop();
});

const WINDOW = { from: '2026-11-22', to: '2026-11-23' };
const PAGE = 2;
const CRASH_AFTER = 6;

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each(storesUnderTest())('a backtest resumes after its process died, on $name', (store) => {
  it('backtest-resumes-after-a-crash: interrupted after a chosen page, recovered, same report as an uninterrupted run', async () => {
    const scenario = await monitoringScenario(store);
    scenarios.push(scenario);
    const { t } = scenario;
    const { services } = t.app;
    await services.models.register(shadowScorecard());
    const db = t.app.db;

    // Monitoring over the app's own tables, reading two decisions a page and counting what it reads.
    let decisionsRead = 0;
    const decisions = createPgDecisionReadModel(db);
    const counted: DecisionReadModel = {
      ...decisions,
      backtestPages: async function* (window, pageSize, after) {
        for await (const page of decisions.backtestPages(window, pageSize, after)) {
          decisionsRead += page.length;
          yield page;
        }
      },
    };
    const monitoring = createMonitoringService({
      clock: t.clock,
      decisions: counted,
      portfolio: createPgPortfolioReadModel(db),
      receivables: createPgReceivablesReadModel(db),
      shadows: createPgShadowReadModel(db),
      models: services.models,
      policies: services.policies,
      elapsed: () => 0,
      pageSize: PAGE,
    });
    // The stalled process wakes when the test says so (after another process took its run over).
    let wake: () => void = () => undefined;
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    const run =
      (dieAfter?: number): BacktestPort =>
      async (request, onProgress, resume) =>
        backtestReportView(
          await monitoring.backtest(request, {
            ...(resume ? { resume } : {}),
            onProgress: async (done, total, checkpoint) => {
              await onProgress(done, total, checkpoint);
              // The process stalls here (as under kill -STOP, or cut off from its database): nothing more is
              // written by it until it wakes, long after another process took its run over — and then its
              // connection has gone, so its run fails.
              if (dieAfter !== undefined && done >= dieAfter) {
                await woken;
                throw new Error('Connection terminated unexpectedly');
              }
            },
          }),
        );
    const backtestStore = createPgBacktestStore(db, t.clock);
    const runner = (port: BacktestPort): ModelBacktests =>
      createModelBacktests({
        clock: t.clock,
        ids: t.app.ids,
        models: services.models,
        store: backtestStore,
        checkWindow: async () => undefined,
        run: port,
        progressEvery: PAGE,
        checkpointEvery: PAGE,
      });

    // Uninterrupted.
    const whole = runner(run());
    const first = await whole.start({ model: 'shadow-seed2', ...WINDOW }, 'analyst1');
    await whole.idle();
    const uninterrupted = await whole.get(first.id);
    expect(uninterrupted.status).toBe('done');
    expect(uninterrupted.total).toBeGreaterThan(CRASH_AFTER + PAGE);
    expect(decisionsRead).toBe(uninterrupted.total);

    // Interrupted after the third page: the table holds progress 6 and the checkpoint there.
    decisionsRead = 0;
    const dying = runner(run(CRASH_AFTER));
    const second = await dying.start({ model: 'shadow-seed2', ...WINDOW }, 'analyst1');
    await until(
      async () => ((await backtestStore.find(second.id))?.done ?? 0) >= CRASH_AFTER,
      'the checkpoint at the crash',
    );
    const stopped = await db.query<{ status: string; done: number; read: number; attempts: number }>(
      `select status, done, (checkpoint->>'read')::int as read, attempts from model_backtests where id = $1`,
      [second.id],
    );
    expect(stopped.rows[0]).toEqual({ status: 'running', done: CRASH_AFTER, read: CRASH_AFTER, attempts: 1 });
    expect(decisionsRead).toBe(CRASH_AFTER);
    // Its heartbeat stops with it (a stalled process writes nothing).
    dying.close();
    // A progress write without a checkpoint (the figures between two checkpoints) keeps the stored one.
    const stalled = await backtestStore.find(second.id);
    if (!stalled) throw new Error('the run is gone');
    expect(await backtestStore.progress(stalled, null, 1)).toBe(true);
    const kept = await db.query<{ read: number }>(
      `select (checkpoint->>'read')::int as read from model_backtests where id = $1`,
      [second.id],
    );
    expect(kept.rows[0]?.read).toBe(CRASH_AFTER);

    // Meanwhile the candidate itself is made the active model: the resumed run still compares it with the
    // champion the run began with (kept in the checkpoint), not with itself.
    await services.models.activate('shadow-seed2');

    // A restarted process: the run is still fresh (its process may be alive), so it waits ...
    const restarted = runner(run());
    expect(await restarted.recover()).toEqual({ resumed: 0, waiting: 1 });
    restarted.close();
    // ... and once silent past the stale limit, it is taken over and goes on after the checkpoint.
    t.clock.advanceMs(STALE_MS + 1_000);
    expect(await restarted.recover()).toEqual({ resumed: 1, waiting: 0 });
    await restarted.idle();
    const resumed = await restarted.get(second.id);
    expect(resumed.status).toBe('done');
    expect(decisionsRead).toBe(uninterrupted.total);
    expect(resumed.done).toBe(uninterrupted.total);
    expect(resumed.report).toEqual(uninterrupted.report);
    expect(resumed.report?.applications).toBeGreaterThan(0);
    const after = await db.query<{ attempts: number; checkpoint: unknown }>(
      `select attempts, checkpoint from model_backtests where id = $1`,
      [second.id],
    );
    expect(after.rows[0]).toEqual({ attempts: 2, checkpoint: null });
    // The stalled process wakes and its run fails: its writes are fenced by its claim (attempt 1), so the
    // finished run keeps the other process's result — it used to be overwritten as failed.
    wake();
    await dying.idle();
    const final = await restarted.get(second.id);
    expect(final.status).toBe('done');
    expect(final.error).toBeNull();
    expect(final.report).toEqual(uninterrupted.report);
    expect(await backtestStore.progress(final, null, 1)).toBe(false);
    // Nothing left to recover.
    expect(await restarted.recover()).toEqual({ resumed: 0, waiting: 0 });
  }, 300_000);
});
