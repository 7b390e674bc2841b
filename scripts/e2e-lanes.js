#!/usr/bin/env node
// The browser suites (web/e2e) in two lanes at once. Each lane is its own `vitest run -c vitest.e2e.config.ts`
// with its own demo server (in-memory PGlite, seeded by the lane's global setup) and its own Chromium, so
// nothing one lane does — a reviewer deciding an appeal, "sign out everywhere", a policy change — is seen by
// the other. Within a lane the files run one after another, as before.
// Measured in CI on the 2-core machine (2026-12-07): the two lanes took 186 s and 194 s (195 s in all) where
// one lane took 193–210 s in earlier runs — no gain in time there, the browser work is CPU-bound; what the
// lanes give is isolation between files (and time on a machine with more cores).
//
// Files are dealt to the lanes longest first by the seconds they took when last measured (`WEIGHTS`); a new
// file counts as a minute until it is measured. `E2E_LANES=1` runs everything in one lane; file arguments run
// just those files in one lane (`node scripts/e2e-lanes.js web/e2e/flows.e2e.test.ts`).
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const E2E = 'web/e2e';

/**
 * Rough seconds per file, to deal the lanes evenly (2026-12-07, a clone's `npm test` at load ~6, two lanes at
 * once: the lanes had been dealt 235 s and 387 s; these figures deal ~300 s to each).
 */
const WEIGHTS = {
  'console-collections.e2e.test.ts': 77, // its own demo with a small history (8.5 s of CPU to seed, quiet)
  'console-models.e2e.test.ts': 80,
  'console-reviewer.e2e.test.ts': 89,
  'console-security.e2e.test.ts': 100,
  'console-studio.e2e.test.ts': 83,
  'demo-cases.e2e.test.ts': 99,
  'flows.e2e.test.ts': 41,
  'my-data.e2e.test.ts': 18,
};

/** Deals the files to `count` lanes, longest first, each to the lane with the least work so far. */
export function dealLanes(files, count, weights = WEIGHTS) {
  const lanes = Array.from({ length: count }, () => ({ files: [], seconds: 0 }));
  const weight = (file) => weights[file.split('/').pop()] ?? 60;
  for (const file of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lane = lanes.reduce((least, next) => (next.seconds < least.seconds ? next : least));
    lane.files.push(file);
    lane.seconds += weight(file);
  }
  return lanes.filter((lane) => lane.files.length > 0);
}

function runLane(name, files, prefixed) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '-c', 'vitest.e2e.config.ts', ...files],
      { cwd: ROOT, stdio: prefixed ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: process.env },
    );
    if (prefixed)
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        let rest = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) out.write(`[${name}] ${line}\n`);
        });
        stream.on('end', () => rest && out.write(`[${name}] ${rest}\n`));
      }
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const args = process.argv.slice(2);
  const all = readdirSync(join(ROOT, E2E))
    .filter((name) => name.endsWith('.e2e.test.ts'))
    .map((name) => `${E2E}/${name}`);
  const count = args.length > 0 ? 1 : Math.max(1, Number(process.env.E2E_LANES ?? 2));
  const lanes = dealLanes(args.length > 0 ? args : all, count);
  // Build the web app once, before the lanes start (each lane's global setup would otherwise race to build it).
  const built = spawnSync(process.execPath, ['--import', 'tsx', `${E2E}/support/web-build.ts`], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
  if (lanes.length > 1)
    for (const [i, lane] of lanes.entries())
      console.log(`[lane ${i + 1}] ${lane.files.map((file) => file.slice(E2E.length + 1)).join(', ')}`);
  const started = Date.now();
  const codes = await Promise.all(
    lanes.map((lane, i) => runLane(`lane ${i + 1}`, lanes.length > 1 ? lane.files : args, lanes.length > 1)),
  );
  const failed = codes.filter((code) => code !== 0).length;
  if (lanes.length > 1)
    console.log(
      `browser suites: ${lanes.length} lanes, ${failed === 0 ? 'all passed' : `${failed} failed`}, ` +
        `${Math.round((Date.now() - started) / 1000)} s`,
    );
  process.exit(failed === 0 ? 0 : 1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
