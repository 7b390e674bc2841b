import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB = join(ROOT, 'web');

/** The newest modification time under a folder (to rebuild web/dist when the sources changed). */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/**
 * Builds web/dist unless it is newer than every source of the web app. `scripts/e2e-lanes.js` calls it once
 * before it starts the lanes (two lanes building at once would write the same files); each lane's global setup
 * calls it again and finds nothing to do.
 */
export function ensureBuilt(): void {
  const index = join(WEB, 'dist', 'index.html');
  const stale =
    !existsSync(index) ||
    statSync(index).mtimeMs < Math.max(newest(join(WEB, 'src')), newest(join(WEB, 'index.html')));
  if (stale)
    // NODE_ENV=production: vitest sets it to test, which would build React's development bundle.
    execFileSync('npm', ['run', 'build:web'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
}

if (process.argv[1]?.endsWith('web-build.ts')) ensureBuilt();
