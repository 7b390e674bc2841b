#!/usr/bin/env node
// Launcher. Runs the compiled CLI in dist/ (built at install by `prepare`, or by `npm run build`) when it is
// there and not older than src/; otherwise the TypeScript sources through tsx, saying so in one line on
// stderr. CREDENCE_FROM_SOURCE=1 always runs the sources (no notice). The exit code is what main returns,
// set here and nowhere else.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { newestSourceTime } from './source-time.js';

const root = new URL('../', import.meta.url);

/** The build's stamp says which sources it compiled; anything newer under src/ means dist/ is stale. */
function compiledIsCurrent() {
  try {
    const stamp = JSON.parse(readFileSync(new URL('dist/build-stamp.json', root), 'utf8'));
    return newestSourceTime(fileURLToPath(new URL('src', root))) <= stamp.sourceTime;
  } catch {
    return false;
  }
}

let main;
if (process.env.CREDENCE_FROM_SOURCE !== '1' && compiledIsCurrent()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  if (process.env.CREDENCE_FROM_SOURCE !== '1' && !process.env.VITEST) {
    process.stderr.write(
      'credence: running the TypeScript sources (dist/ is missing or older than src/; `npm run build` makes start-up fast)\n',
    );
  }
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
