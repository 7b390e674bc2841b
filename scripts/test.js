// `npm test`: the unit and storage suites (vitest.config.ts) and the browser suites (vitest.e2e.config.ts) at
// the same time, as two vitest processes.
//
// Why at the same time: the storage suites keep both cores busy, while the browser suites mostly wait — on
// the page, on antd's motion, on the server — and use little CPU (measured on this 2-core machine: the browser
// half spends ~135 CPU-seconds, part of it rebuilding web/dist when stale, over ~205 s of wall time). One after
// the other, the two halves added up (~219 s + ~205 s on PGlite); together the run takes about as long as the
// longer one plus what the browser half's CPU takes from it.
//
// Output stays readable: the unit half prints as it goes; the browser half's output is held and printed in
// one piece when both have ended, followed by one line per half with its exit status and wall time. The exit
// code is the first non-zero one (unit first), so CI fails when either fails.
//
// Extra arguments are not forwarded (a file filter would find nothing in one of the halves): run a subset
// with `npx vitest run <files>` or `npx vitest run -c vitest.e2e.config.ts <files>`.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const VITEST = require.resolve('vitest/vitest.mjs');

/**
 * Runs vitest with `args`; `hold` keeps its output until the end.
 * @param {string} name
 * @param {string[]} args
 * @param {boolean} hold
 * @returns {Promise<{ name: string, code: number, seconds: number, output: Buffer[] }>}
 */
function run(name, args, hold) {
  const started = Date.now();
  /** @type {Buffer[]} */
  const output = [];
  const child = spawn(process.execPath, [VITEST, 'run', ...args], {
    stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: hold ? { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } : process.env,
  });
  if (hold) {
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) =>
      resolve({ name, code: code ?? (signal ? 1 : 0), seconds: (Date.now() - started) / 1000, output }),
    );
  });
}

console.log('npm test: the browser suites run beside the unit suites; their output follows at the end.\n');
const [unit, browser] = await Promise.all([
  run('unit and storage suites (vitest.config.ts)', [], false),
  run('browser suites (vitest.e2e.config.ts)', ['-c', 'vitest.e2e.config.ts'], true),
]);
process.stdout.write(`\n──── ${browser.name} ────\n`);
for (const chunk of browser.output) process.stdout.write(chunk);
for (const half of [unit, browser])
  console.log(
    `${half.code === 0 ? 'passed' : `FAILED (exit ${half.code})`}: ${half.name}, ${half.seconds.toFixed(0)} s`,
  );
process.exitCode = unit.code !== 0 ? unit.code : browser.code;
