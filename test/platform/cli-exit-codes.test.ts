import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/platform/database/migrate.ts';
import { openPglite } from '../../src/platform/database/pglite.ts';
import { runCliProcess } from '../support/cli.ts';
import { migratedDataDirectory } from '../support/pglite-snapshot.ts';
import type { StoreUnderTest } from '../support/stores.ts';
import { monitoringScenario } from '../monitoring/scenario.ts';

/**
 * Exit codes as cron and CI see them: the real `bin/credence.js` in a child process, its status asserted.
 * `monitor alerts --fail-on critical` with a critical alert and `decision replay` of a decision whose
 * stored record no longer matches its recomputation both end with 7 — the launcher used to overwrite the
 * 7 a command set with main's 0.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'credence-exit-codes-'));
let approvedId = '';
let untouchedId = '';

const dataDirStore: StoreUnderTest = {
  name: 'pglite',
  async fresh() {
    // The run's migrated snapshot as the data directory (no initdb); migrate() then only checks it.
    await migratedDataDirectory(join(dataDir, 'pgdata'));
    const db = await openPglite({ dataDir: join(dataDir, 'pgdata') });
    await migrate(db);
    return db;
  },
};

beforeAll(async () => {
  const scenario = await monitoringScenario(dataDirStore, { loans: false });
  const evaluated = scenario.records.filter((r) => !r.override && !r.fault && r.score !== null);
  const [tampered, untouched] = evaluated;
  if (!tampered || !untouched) throw new Error('the scenario recorded fewer than two evaluated decisions');
  approvedId = tampered.id;
  untouchedId = untouched.id;
  // Evidence tampered with behind the application's back (the append-only trigger switched off by hand):
  // exactly what a replay exists to catch.
  const { db } = scenario.t.app;
  await db.exec('alter table decisions disable trigger decisions_append_only');
  await db.query('update decisions set score = score + 1 where id = $1', [tampered.id]);
  await db.exec('alter table decisions enable trigger decisions_append_only');
  await scenario.t.app.stop();
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The real launcher on the scenario's data directory (test/support/cli.ts). */
async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await runCliProcess(['--data-dir', dataDir, ...args]);
  return { status: code, stdout, stderr };
}

describe('exit codes through the real launcher', () => {
  it('monitor alerts --fail-on critical exits 7 when a critical alert is listed, 0 when none is', async () => {
    const alerts = await run([
      'monitor',
      'alerts',
      '--from',
      '2026-11-16',
      '--to',
      '2026-11-29',
      '--fail-on',
      'critical',
    ]);
    expect(alerts.stdout).toMatch(/CRITICAL outage/);
    expect(alerts.status).toBe(7);
    const quiet = await run([
      'monitor',
      'alerts',
      '--from',
      '2026-11-23',
      '--to',
      '2026-11-29',
      '--fail-on',
      'critical',
    ]);
    expect(quiet.stdout).not.toMatch(/CRITICAL/);
    expect(quiet.status).toBe(0);
  }, 180_000); // real processes, each opening the embedded database: slow on a loaded machine

  it('decision replay exits 7 when the record differs from its recomputation, 0 when it matches', async () => {
    const differs = await run(['decision', 'replay', approvedId]);
    expect(differs.stdout).toContain(`${approvedId}: replay DIFFERS in score`);
    expect(differs.status).toBe(7);
    const matches = await run(['decision', 'replay', untouchedId]);
    expect(matches.stdout).toContain(`${untouchedId}: replay matches`);
    expect(matches.status).toBe(0);
  }, 180_000); // real processes, each opening the embedded database: slow on a loaded machine

  it('is set in one place: no source file assigns process.exitCode (the launcher sets what main returns)', () => {
    const src = fileURLToPath(new URL('../../src/', import.meta.url));
    const offenders = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.ts'))
      .filter((path) => /process\.exitCode\s*=[^=]/.test(readFileSync(join(src, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
