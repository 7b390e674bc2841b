import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../../src/platform/database/database.ts';
import { openPglite } from '../../../src/platform/database/pglite.ts';
import { ensureSnapshot, migratedDataDirectory } from '../../../test/support/pglite-snapshot.ts';

/**
 * A migrated embedded database for a demo server: a copy of the unit tests' migrated PGlite snapshot
 * (test/support/pglite-snapshot.ts, made once and kept in node_modules/.cache) in a temporary directory,
 * instead of an in-memory PGlite running initdb and every migration — measured 11.5–12.4 s of CPU per
 * server before, the copy and two starts ≈ 2.5 s. `remove` deletes the directory (after `app.stop()`).
 */
export async function demoDatabase(): Promise<{ db: Database; remove: () => void }> {
  await ensureSnapshot();
  const dir = mkdtempSync(join(tmpdir(), 'credence-e2e-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const pgdata = join(dir, 'pgdata');
  // Without a snapshot (it is always made above) the directory is empty and PGlite runs initdb there.
  await migratedDataDirectory(pgdata);
  return { db: await openPglite({ dataDir: pgdata }), remove };
}
