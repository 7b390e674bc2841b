import { toJson, type Queryable } from '../platform/database/database.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { SimulationReportView } from './policy-simulation-view.http.ts';
import {
  SIMULATION_STATUSES,
  type PolicySimulation,
  type SimulationStatus,
  type SimulationStore,
} from './policy-simulations.ts';

interface SimulationRow {
  id: string;
  requested_by: string;
  status: string;
  done: number;
  total: number;
  report: unknown;
  error: unknown;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

const parse = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function toSimulation(row: SimulationRow, staleBefore: Date): PolicySimulation {
  const status = (SIMULATION_STATUSES as readonly string[]).includes(row.status)
    ? (row.status as SimulationStatus)
    : 'failed';
  const stale = (status === 'queued' || status === 'running') && row.updated_at < staleBefore;
  const error = row.error === null ? null : (parse(row.error) as PolicySimulation['error']);
  return {
    id: row.id,
    status: stale ? 'failed' : status,
    done: Number(row.done),
    total: Number(row.total),
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    report: row.report === null ? null : (parse(row.report) as SimulationReportView),
    error: stale
      ? { code: 'UNAVAILABLE', message: 'the process running this simulation stopped; start it again' }
      : error,
  };
}

/** The `policy_simulations` table (migration 0380) as the runner's store. */
export function createPgSimulationStore(q: Queryable, clock: Clock): SimulationStore {
  return {
    async insert(simulation, request) {
      await q.query(
        `insert into policy_simulations (id, requested_by, request, status, done, total, created_at, updated_at)
         values ($1, $2, $3::jsonb, $4, $5, $6, $7, $7)`,
        [
          simulation.id,
          simulation.requestedBy,
          toJson(request),
          simulation.status,
          simulation.done,
          simulation.total,
          simulation.createdAt,
        ],
      );
    },
    async update(simulation) {
      await q.query(
        `update policy_simulations set status = $2, done = $3, total = $4, report = $5::jsonb, error = $6,
           updated_at = $7, finished_at = $8 where id = $1`,
        [
          simulation.id,
          simulation.status,
          simulation.done,
          simulation.total,
          simulation.report === null ? null : toJson(simulation.report),
          simulation.error === null ? null : toJson(simulation.error),
          clock.now(),
          simulation.finishedAt,
        ],
      );
    },
    async find(id, staleBefore) {
      const result = await q.query<SimulationRow>(
        `select id, requested_by, status, done, total, report, error, created_at, updated_at, finished_at
           from policy_simulations where id = $1`,
        [id],
      );
      const row = result.rows[0];
      return row ? toSimulation(row, staleBefore) : undefined;
    },
  };
}
