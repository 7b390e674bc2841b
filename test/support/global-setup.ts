import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeScorecard } from '../../src/scoring/index.ts';
import { DEMO_SCORECARD_FILE_ENV, trainTestScorecard } from '../decisions/scorecard.ts';
import { ensureSnapshot, runDirectoryRoot, TEST_RUN_DIR_ENV } from './pglite-snapshot.ts';
import { ensureCitusTemplates } from './citus-template.ts';
import { ensurePostgresTemplate } from './postgres-template.ts';

/**
 * Runs once before any test file: makes the migrated PGlite snapshot every storage suite starts from (and,
 * with DATABASE_URL, the migrated PostgreSQL template database),
 * and trains the demo scorecard once for the whole run (≈ 2.4 s of CPU that each of a dozen files paid
 * before); test files read the artefact back from the file named in the environment.
 */
export default async function setup(): Promise<() => void> {
  await ensureSnapshot();
  // With DATABASE_URL (CI): the migrated database the storage suites' PostgreSQL databases are copied from.
  if (process.env.DATABASE_URL) await ensurePostgresTemplate(process.env.DATABASE_URL);
  // With CITUS_URL: the bare and the migrated Citus databases each Citus `fresh()` is copied from.
  if (process.env.CITUS_URL) await ensureCitusTemplates(process.env.CITUS_URL);
  // In memory (/dev/shm) when there is room: each test file's copy of the PGlite snapshot goes in here
  // too, removed with it when the run ends.
  const dir = mkdtempSync(join(runDirectoryRoot(), 'credence-tests-'));
  process.env[TEST_RUN_DIR_ENV] = dir;
  const file = join(dir, 'demo-scorecard.json');
  writeFileSync(file, serializeScorecard(trainTestScorecard()));
  process.env[DEMO_SCORECARD_FILE_ENV] = file;
  // `serve --demo` processes the tests start seed the nine cases only (the history adds ~20 s of CPU to
  // each start; test/demo seeds it itself, at a small size).
  process.env.CREDENCE_DEMO_HISTORY ??= 'off';
  return () => rmSync(dir, { recursive: true, force: true });
}
