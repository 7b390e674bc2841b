import { ensureSnapshot } from './pglite-snapshot.ts';

/** Runs once before any test file: makes the migrated PGlite snapshot every storage suite starts from. */
export default async function setup(): Promise<void> {
  await ensureSnapshot();
}
