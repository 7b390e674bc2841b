import type { BacktestCheckpoint, BacktestReportView } from '../monitoring/index.ts';
import { toJson, type Queryable } from '../platform/database/database.ts';
import type { Clock } from '../platform/time/clock.ts';
import {
  BACKTEST_STATUSES,
  type BacktestStatus,
  type BacktestStore,
  type BacktestWindow,
  type ClaimedBacktest,
  type ModelBacktest,
} from './backtest-jobs.ts';

interface BacktestRow {
  id: string;
  model_version: string;
  model_hash: string;
  champion_version: string | null;
  requested_by: string;
  request: unknown;
  status: string;
  done: number;
  total: number;
  report?: unknown;
  error: unknown;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  attempts?: number;
  checkpoint?: unknown;
}

const parse = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function toBacktest(row: BacktestRow): ModelBacktest {
  const status = (BACKTEST_STATUSES as readonly string[]).includes(row.status)
    ? (row.status as BacktestStatus)
    : 'failed';
  return {
    id: row.id,
    modelVersion: row.model_version,
    modelHash: row.model_hash,
    championVersion: row.champion_version,
    request: parse(row.request) as BacktestWindow,
    status,
    done: Number(row.done),
    total: Number(row.total),
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    report:
      row.report === null || row.report === undefined ? null : (parse(row.report) as BacktestReportView),
    error: row.error === null ? null : (parse(row.error) as ModelBacktest['error']),
  };
}

const COLUMNS = `id, model_version, model_hash, champion_version, requested_by, request, status, done, total, error,
  created_at, updated_at, finished_at`;

/** The `model_backtests` table (migration 0832) as the runner's store. */
export function createPgBacktestStore(q: Queryable, clock: Clock): BacktestStore {
  return {
    async insert(backtest) {
      await q.query(
        `insert into model_backtests (id, model_version, model_hash, champion_version, requested_by, request,
           status, done, total, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $10)`,
        [
          backtest.id,
          backtest.modelVersion,
          backtest.modelHash,
          backtest.championVersion,
          backtest.requestedBy,
          toJson(backtest.request),
          backtest.status,
          backtest.done,
          backtest.total,
          backtest.createdAt,
        ],
      );
    },
    async update(backtest, attempt) {
      const finished = backtest.status === 'done' || backtest.status === 'failed';
      const result = await q.query(
        `update model_backtests set status = $2, done = $3, total = $4, report = $5::jsonb, error = $6::jsonb,
           updated_at = $7, finished_at = $8, checkpoint = case when $9 then null else checkpoint end
         where id = $1 and ($10::int is null or attempts = $10::int)`,
        [
          backtest.id,
          backtest.status,
          backtest.done,
          backtest.total,
          backtest.report === null ? null : toJson(backtest.report),
          backtest.error === null ? null : toJson(backtest.error),
          clock.now(),
          backtest.finishedAt,
          finished,
          attempt ?? null,
        ],
      );
      return result.rowCount > 0;
    },
    async progress(backtest, checkpoint, attempt) {
      const result = await q.query(
        `update model_backtests set done = $2, total = $3, checkpoint = coalesce($4::jsonb, checkpoint),
           updated_at = $5
          where id = $1 and status = 'running' and attempts = $6`,
        [
          backtest.id,
          backtest.done,
          backtest.total,
          checkpoint === null ? null : toJson(checkpoint),
          clock.now(),
          attempt,
        ],
      );
      return result.rowCount > 0;
    },
    async claim(id, at, staleBefore, anyQueued): Promise<ClaimedBacktest | undefined> {
      const result = await q.query<BacktestRow>(
        `update model_backtests set status = 'running', attempts = attempts + 1, updated_at = $2
          where id = $1
            and ((status = 'queued' and ($4 or updated_at < $3)) or (status = 'running' and updated_at < $3))
          returning ${COLUMNS}, attempts, checkpoint`,
        [id, at, staleBefore, anyQueued],
      );
      const row = result.rows[0];
      if (!row) return undefined;
      const checkpoint =
        row.checkpoint === null || row.checkpoint === undefined
          ? null
          : (parse(row.checkpoint) as BacktestCheckpoint);
      return { backtest: toBacktest(row), attempts: Number(row.attempts), checkpoint };
    },
    async find(id) {
      const result = await q.query<BacktestRow>(
        `select ${COLUMNS}, report from model_backtests where id = $1`,
        [id],
      );
      const row = result.rows[0];
      return row ? toBacktest(row) : undefined;
    },
    async listByModel(modelVersion) {
      const result = await q.query<BacktestRow>(
        `select ${COLUMNS} from model_backtests where model_version = $1 order by created_at desc, id desc limit 50`,
        [modelVersion],
      );
      return result.rows.map(toBacktest);
    },
    async unfinished() {
      const result = await q.query<BacktestRow>(
        `select ${COLUMNS} from model_backtests where status in ('queued', 'running') order by created_at, id`,
      );
      return result.rows.map(toBacktest);
    },
  };
}
