import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** What the browser benches share: the web build they measure and how they read it. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = `${ROOT}web/dist/`;

let built = false;

/**
 * `npm run build:web` in production mode, once per bench run (the app's and the console's benches measure the
 * same build): the benches measure what `npm install` builds.
 */
export function buildWeb(): void {
  if (built) return;
  built = true;
  execFileSync('npm', ['run', 'build:web'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Gzipped size (default level, as a server would send it) of a file of the build, by its URL path: the app's
 * and the console's bundles are both served from /app/assets/.
 */
export function gzippedBytes(pathname: string): number {
  return gzipSync(readFileSync(`${DIST}${pathname.replace(/^\/app\//, '')}`)).length;
}
