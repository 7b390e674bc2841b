import { Type } from 'typebox';
import { AppError } from '../../platform/errors/app-error.ts';
import { IdString } from '../../platform/http/schemas.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import type { Services } from '../../services.ts';
import type { DayEndRunProgress } from './day-end-jobs.ts';
import type { DayEndJobRun } from './day-end-jobs.pg.ts';

const DateOrNull = Type.Union([Type.String({ format: 'date' }), Type.Null()]);

const RunDto = Type.Object({
  id: Type.String(),
  through: Type.String({ format: 'date', description: 'The last business date of the run.' }),
  partitions: Type.Integer({ description: 'Partitions by customer hash, one job each.' }),
  status: Type.Union([Type.Literal('running'), Type.Literal('finishing'), Type.Literal('completed')]),
  completedThrough: Type.Union([
    Type.String({ format: 'date', description: 'Every partition has finished every date up to here.' }),
    Type.Null(),
  ]),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const PartDto = Type.Object({
  part: Type.Integer(),
  status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('completed')]),
  dateDone: DateOrNull,
  step: Type.Union([
    Type.Object({
      product: Type.String(),
      date: Type.String({ format: 'date' }),
      done: Type.Integer({ description: 'Accounts of the step advanced so far.' }),
      total: Type.Integer({ description: 'Accounts of the partition behind in the step when it began.' }),
    }),
    Type.Null(),
  ]),
  itemsDone: Type.Integer({
    description: 'Accounts advanced over every step and date of the run (account × step).',
  }),
  attempts: Type.Integer({
    description: 'Jobs that began the partition (more than 1: retried or taken over).',
  }),
  worker: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time', description: 'The owning job’s last heartbeat.' }),
});

const ProgressDto = Type.Object({
  run: RunDto,
  partitions: Type.Array(PartDto),
  partitionsCompleted: Type.Integer(),
  itemsDone: Type.Integer(),
});

function runDto(run: DayEndJobRun) {
  return {
    id: run.id,
    through: run.through,
    partitions: run.partitions,
    status: run.status,
    completedThrough: run.completedThrough,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

function progressDto(progress: DayEndRunProgress) {
  return {
    run: runDto(progress.run),
    partitions: progress.parts.map((part) => ({
      part: part.part,
      status: part.status,
      dateDone: part.dateDone,
      step:
        part.stepProduct && part.stepDate
          ? { product: part.stepProduct, date: part.stepDate, done: part.stepDone, total: part.stepTotal }
          : null,
      itemsDone: part.itemsDone,
      attempts: part.attempts,
      worker: part.worker,
      updatedAt: part.updatedAt.toISOString(),
    })),
    partitionsCompleted: progress.partsCompleted,
    itemsDone: progress.itemsDone,
  };
}

/** Day-end runs made of jobs and their progress per partition (`credence eod`, `credence worker`). */
export function registerDayEndRoutes(http: HttpServer, services: Pick<Services, 'dayEndRuns'>): void {
  http.get(
    '/v1/day-end/runs',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['lending'],
        summary: 'The latest day-end runs (newest first).',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ runs: Type.Array(RunDto) }) },
      },
    },
    async (request) => ({
      runs: (await services.dayEndRuns.recent(request.query.limit ?? 20)).map(runDto),
    }),
  );

  http.get(
    '/v1/day-end/runs/:id',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['lending'],
        summary:
          'A day-end run and its progress: each partition (customers by hash) with its step, accounts done of the step, and totals.',
        params: Type.Object(
          { id: IdString('batch', 'The run id (eod_…).') },
          { additionalProperties: false },
        ),
        response: { 200: ProgressDto },
      },
    },
    async (request) => {
      const progress = await services.dayEndRuns.progress(request.params.id);
      if (!progress) throw AppError.notFound('day-end run', request.params.id);
      return progressDto(progress);
    },
  );
}
