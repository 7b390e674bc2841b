#!/usr/bin/env node
// Builds the compiled CLI into dist/ (never committed): `npm run build:cli`, run by `prepare` at install.
//
// 1. Notes the newest modification time under src/ before compiling (files and folders, so an added,
//    removed or renamed file counts too).
// 2. Compiles src/ with tsc (tsconfig.build.json: `.ts` imports rewritten to `.js`; no type check —
//    `npm run typecheck` does that — so an install never fails on a type error).
// 3. Writes dist/cli/command-index.json (the names and descriptions `credence --help` lists without
//    loading any command module).
// 4. Writes dist/build-stamp.json last, with the time from step 1. bin/credence.js runs dist/ only when the
//    stamp exists and nothing under src/ is newer than that time; a file edited while this runs is.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { newestSourceTime } from '../bin/source-time.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = `${root}dist`;
const started = performance.now();

rmSync(`${dist}/build-stamp.json`, { force: true });
const sourceTime = newestSourceTime(`${root}src`);
// A clean tree: no compiled file outlives its source.
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // An install without devDependencies (npm ci --omit=dev): no compiler, so no dist/; the launcher runs
  // the sources through tsx (a dependency), as it says on every run.
  process.stderr.write('build:cli: TypeScript is not installed (devDependencies omitted): dist/ not built\n');
  process.exit(0);
}
const compiled = spawnSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
if (compiled.status !== 0) {
  process.stderr.write(`build:cli: tsc failed (exit ${compiled.status ?? compiled.signal})\n`);
  process.exit(1);
}

const { commandIndex } = await import(`${dist}/cli/main.js`);
writeFileSync(`${dist}/cli/command-index.json`, `${JSON.stringify(await commandIndex(), null, 2)}\n`);
writeFileSync(
  `${dist}/build-stamp.json`,
  `${JSON.stringify({ sourceTime, builtAt: new Date().toISOString(), node: process.version }, null, 2)}\n`,
);
process.stdout.write(
  `build:cli: compiled src/ into dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);
