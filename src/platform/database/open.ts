import type { PlatformConfig } from '../config/config.ts';
import { lockDataDir } from './data-dir-lock.node.ts';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/**
 * PostgreSQL when `DATABASE_URL` is set, otherwise the embedded PGlite in the data directory — taken for
 * this process alone (a second process is refused with `UNAVAILABLE`, naming the holder and its URL).
 */
export async function openDatabase(
  config: Pick<PlatformConfig, 'databaseUrl' | 'dataDir'>,
  options: { readonly command?: string; readonly now?: Date } = {},
): Promise<Database> {
  if (config.databaseUrl) return openPostgres({ connectionString: config.databaseUrl, max: 20 });
  const lock = lockDataDir(config.dataDir, {
    command: options.command ?? `credence ${process.argv.slice(2).join(' ')}`.trim(),
    now: options.now ?? new Date(),
  });
  let db: Database;
  try {
    db = await openPglite({ dataDir: `${config.dataDir}/pgdata` });
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    ...db,
    announce: (url, cliKey) => lock.noteServing(cliKey === undefined ? { url } : { url, cliKey }),
    async close() {
      try {
        await db.close();
      } finally {
        lock.release();
      }
    },
  };
}
