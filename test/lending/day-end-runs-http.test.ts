import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { seed } from './day-end-book.ts';

/**
 * The progress of a day-end run over the API: the app's own day-end as jobs (3 partitions, in process on
 * PGlite) over the killed-midway book (80 loans, 40 lines) through 2025-12-22, then `GET /v1/day-end/runs`
 * and `GET /v1/day-end/runs/{id}` — each partition with its last date, its step and counts, and the totals.
 */
let t: TestApp;
let runId = '';
let advanced = 0;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-02-01T02:00:00Z') });
  await seed(t.app.db);
  const report = await t.app.services.dayEndRuns
    .service({ partitions: 3, work: true, worker: 'http-test' })
    .run({ through: '2025-12-22' as LocalDate, chunkSize: 25 });
  runId = report.run?.id ?? '';
  advanced = report.dates.reduce((sum, d) => sum + d.items, 0);
}, 300_000);

afterAll(async () => {
  await t.app.stop();
});

describe('/v1/day-end/runs', () => {
  it('lists the run and shows each partition with its step and counts, summing to the run', async () => {
    const list = await t.app.http.inject({
      method: 'GET',
      url: '/v1/day-end/runs',
      headers: t.auth('analyst'),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().runs).toMatchObject([
      { id: runId, through: '2025-12-22', partitions: 3, status: 'completed' },
    ]);

    const one = await t.app.http.inject({
      method: 'GET',
      url: `/v1/day-end/runs/${runId}`,
      headers: t.auth('analyst'),
    });
    expect(one.statusCode).toBe(200);
    const body = one.json() as {
      run: { completedThrough: string };
      partitions: {
        part: number;
        status: string;
        dateDone: string;
        step: { product: string; date: string; done: number; total: number };
        itemsDone: number;
        worker: string;
      }[];
      partitionsCompleted: number;
      itemsDone: number;
    };
    expect(body.run.completedThrough).toBe('2025-12-22');
    expect(body.partitionsCompleted).toBe(3);
    expect(body.partitions.map((p) => [p.part, p.status, p.dateDone, p.worker])).toEqual([
      [0, 'completed', '2025-12-22', 'http-test'],
      [1, 'completed', '2025-12-22', 'http-test'],
      [2, 'completed', '2025-12-22', 'http-test'],
    ]);
    // The last step of each partition is the batch's last (collections) on the last date, done in full.
    for (const part of body.partitions) {
      expect(part.step).toMatchObject({ product: 'collections', date: '2025-12-22' });
      expect(part.step.done).toBe(part.step.total);
    }
    expect(body.itemsDone).toBe(advanced);
    expect(body.partitions.reduce((sum, p) => sum + p.itemsDone, 0)).toBe(advanced);
    // 80 loans + 40 lines on 2 dates (21, 22 Dec) at least: every partition had its share.
    expect(advanced).toBeGreaterThanOrEqual(240);
    for (const part of body.partitions) expect(part.itemsDone).toBeGreaterThan(0);
  });

  it('refuses other roles, answers 404 for an unknown run and 422 for a malformed id', async () => {
    const app = await t.app.http.inject({ method: 'GET', url: '/v1/day-end/runs', headers: t.auth('app') });
    expect(app.statusCode).toBe(403);
    const unknown = await t.app.http.inject({
      method: 'GET',
      url: '/v1/day-end/runs/eod_00000000000000000000000000',
      headers: t.auth('analyst'),
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await t.app.http.inject({
      method: 'GET',
      url: '/v1/day-end/runs/nope',
      headers: t.auth('analyst'),
    });
    expect(malformed.statusCode).toBe(422);
  });
});
