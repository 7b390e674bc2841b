// Shared by bin/credence.js and scripts/build-cli.js: how new the TypeScript sources are.
import { readdirSync, statSync } from 'node:fs';

/**
 * The newest modification time (ms) of anything under `dir`, folders included: editing a file changes
 * its time, adding, removing or renaming one changes its folder's. Unit tests (`*.test.ts`) are not
 * compiled, so they do not count. About 250 stats, a few milliseconds.
 */
export function newestSourceTime(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.name.endsWith('.test.ts')) continue;
    const time = entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}
