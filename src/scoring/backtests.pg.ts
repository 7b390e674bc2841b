import type { BacktestReportView } from '../monitoring/index.ts';
import { toJson, type Queryable } from '../platform/database/database.ts';
import type { Clock } from '../platform/time/clock.ts';
import {
  BACKTEST_STATUSES,
  type BacktestStatus,
  type BacktestStore,
  type BacktestWindow,
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
}

const parse = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function toBacktest(row: BacktestRow, staleBefore: Date): ModelBacktest {
  const status = (BACKTEST_STATUSES as readonly string[]).includes(row.status)
    ? (row.status as BacktestStatus)
    : 'failed';
  const stale = (status === 'queued' || status === 'running') && row.updated_at < staleBefore;
  return {
    id: row.id,
    modelVersion: row.model_version,
    modelHash: row.model_hash,
    championVersion: row.champion_version,
    request: parse(row.request) as BacktestWindow,
    status: stale ? 'failed' : status,
    done: Number(row.done),
    total: Number(row.total),
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    report:
      row.report === null || row.report === undefined ? null : (parse(row.report) as BacktestReportView),
    error: stale
      ? { code: 'UNAVAILABLE', message: 'the process running this backtest stopped; start it again' }
      : row.error === null
        ? null
        : (parse(row.error) as ModelBacktest['error']),
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
    async update(backtest) {
      await q.query(
        `update model_backtests set status = $2, done = $3, total = $4, report = $5::jsonb, error = $6::jsonb,
           updated_at = $7, finished_at = $8 where id = $1`,
        [
          backtest.id,
          backtest.status,
          backtest.done,
          backtest.total,
          backtest.report === null ? null : toJson(backtest.report),
          backtest.error === null ? null : toJson(backtest.error),
          clock.now(),
          backtest.finishedAt,
        ],
      );
    },
    async find(id, staleBefore) {
      const result = await q.query<BacktestRow>(
        `select ${COLUMNS}, report from model_backtests where id = $1`,
        [id],
      );
      const row = result.rows[0];
      return row ? toBacktest(row, staleBefore) : undefined;
    },
    async listByModel(modelVersion, staleBefore) {
      const result = await q.query<BacktestRow>(
        `select ${COLUMNS} from model_backtests where model_version = $1 order by created_at desc, id desc limit 50`,
        [modelVersion],
      );
      return result.rows.map((row) => toBacktest(row, staleBefore));
    },
  };
}
