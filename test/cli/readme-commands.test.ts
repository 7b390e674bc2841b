import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import type { App } from '../../src/services.ts';
import { seedDemo } from '../../src/demo/seeding/demo-seeding.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { runCli, runCliProcess, type CliRun } from '../support/cli.ts';
import { pgliteStore } from '../support/stores.ts';
import { readmeCommands, shellWords, withoutOptionalParts } from './readme-script.ts';

/**
 * The README's commands run as printed, in order, on a fresh data directory in a temporary folder: the
 * demo is seeded once (what `npm start` does before it listens) and every `npx credence …` runs through
 * the CLI's `main` in this process on that one database (opening PGlite takes seconds per command), with
 * the ids earlier commands printed put in the README's placeholders. Exit codes and the figures the
 * README states are checked, so the README cannot drift from what the commands do.
 */

const ROOT = new URL('../../', import.meta.url).pathname;
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Commands that are not run here, and why; any other command the README adds must run. */
const NOT_RUN: ReadonlyArray<readonly [RegExp, string]> = [
  [/^npm install$/, 'this test runs in the installed tree'],
  [/^npm test$/, 'it is the suite this test is part of'],
  [/^npm run (typecheck|lint|bench)\b/, 'developer tools, run by CI'],
  [/^bash \.ci\/run$/, 'what CI runs'],
  [/^curl /, 'needs the server listening; the API is tested over HTTP in each context'],
  [
    /^npx credence serve\b/,
    'runs until stopped; tested in test/platform/cli.test.ts and test/cli/serve-start.test.ts',
  ],
  [
    /^npx credence worker\b/,
    'PostgreSQL only, runs until stopped; two real workers are tested in test/lending/day-end-workers.test.ts',
  ],
];

/**
 * Commands the test runs with smaller flags than printed, because as printed they take minutes here; the
 * README's flags are kept in every other respect.
 */
const SMALLER: ReadonlyArray<readonly [RegExp, (words: string[]) => string[]]> = [
  // 10,000 synthetic customers over 24 months take minutes to store; 200 keep the table learnable.
  [/^npx credence demo-data --customers 10000\b/, (words) => replaced(words, '--customers', '120')],
  // The simulation builds its own in-memory database and runs every customer through the real services:
  // 2,000 take minutes; 10 (its least) check that it runs and writes its plot (figures: test/appeals).
  [/^npx credence appeals simulate\b/, (words) => replaced(words, '--customers', '10')],
];

function replaced(words: string[], flag: string, value: string): string[] {
  const at = words.indexOf(flag);
  if (at < 0) throw new Error(`${flag} is not in ${words.join(' ')}`);
  return [...words.slice(0, at + 1), value, ...words.slice(at + 2)];
}

/**
 * Figures the README states beside a command (its comment, or the demo table), checked against what the
 * command printed. The figure is read from the README, so changing either side alone fails.
 */
const FIGURES: ReadonlyArray<{
  readonly command: RegExp;
  readonly check: (ran: Ran, comment: string) => void;
}> = [
  {
    command: /^npx credence line offer\b/,
    check: (ran, comment) => {
      const [, principal, fee, irr] = /¥(\d+) \+ ¥(\d+) a period, ([\d.]+%) by IRR/.exec(comment) ?? [];
      expect(irr, 'the README states the rate by IRR').toBeDefined();
      expect(ran.stdout).toContain(`annualised rate ${irr ?? ''} by IRR`);
      expect(ran.stdout).toContain(`fee ${fee ?? ''}.00 a period`);
      expect(ran.stdout).toContain(`instalments ${Number(principal) + Number(fee)}.00`);
    },
  },
  {
    command: /^npx credence loan apr\b.*--json/,
    check: (ran, comment) => expect(ran.stdout.trim()).toBe(comment.trim()),
  },
  {
    command: /^npx credence decide --customer cus_… --product cash_loan/,
    check: (ran) => {
      // The demo table: "| `clean_approval` | cash_loan | approved: ¥80,000 at 7.30% a year, …".
      const [, limit, apr] =
        /\| `clean_approval` \| cash_loan \| approved: ¥([\d,]+) at ([\d.]+%) a year/.exec(README) ?? [];
      expect(limit, 'the demo table states the clean approval').toBeDefined();
      expect(ran.stdout).toContain(`Limit CNY ${limit ?? ''}.00 at ${apr ?? ''} a year`);
    },
  },
  {
    command: /^npx credence monitor outcomes\b/,
    check: (ran) => {
      const total = /^total\s+(\d+)/m.exec(ran.stdout);
      expect(
        Number(total?.[1] ?? 0),
        'outcomes over the printed window show the demo decisions',
      ).toBeGreaterThan(0);
    },
  },
  {
    command: /^npx credence evaluate\b.*--json/,
    check: (ran) => expect((JSON.parse(ran.stdout) as { auc: number }).auc).toBeGreaterThan(0.6),
  },
  {
    command: /^npx credence appeals .* decide apl_… --overturn --limit 60000\.00/,
    check: (ran) => expect(ran.stdout).toContain('overturn proposed; a second reviewer must approve it'),
  },
  {
    command: /^npx credence appeals .* approve apl_…/,
    check: (ran) => expect(ran.stdout).toMatch(/resolved/),
  },
];

/**
 * Commands that need nothing from the database run as their own process (`bin/credence.js`, as printed)
 * alongside the rest: the appeals simulation builds its own in-memory database, which alone takes most of
 * a minute on a busy machine.
 */
const ALONGSIDE = /^npx credence appeals simulate\b/;
async function alongside(text: string, words: string[]): Promise<{ text: string; ran: Ran }> {
  const ran = await runCliProcess(words, {
    cwd: work,
    env: { CREDENCE_DATA_DIR: join(work, '.credence-alongside') },
    timeoutMs: 300_000,
  });
  return { text, ran };
}

type Ran = CliRun;

let work: string;
let app: App;
let demoCustomers: Record<string, string> = {};
const timings: Array<{ command: string; ms: number }> = [];

/** A README command in this process on the README's application (test/support/cli.ts). */
function credence(argv: string[]): Promise<Ran> {
  return runCli(argv, { app });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'credence-readme-'));
  // Repository files the README names by relative path (policies/…), read from the repository.
  symlinkSync(join(ROOT, 'policies'), join(work, 'policies'));
  process.chdir(work);
  // The configuration `npm start` reads in that folder, on a fresh migrated schema of the run's PGlite
  // snapshot instead of a new data directory (whose initdb and migrations take seconds).
  const config = loadConfig({ CREDENCE_DATA_DIR: join(work, '.credence') });
  app = await createApp({
    config,
    db: await pgliteStore.fresh(),
    logger: createLogger({ level: 'error', destination: process.stderr }),
  });
});

afterAll(async () => {
  await app?.stop();
  process.chdir(ROOT);
  rmSync(work, { recursive: true, force: true });
});

describe('the README, run as printed', () => {
  it('opens with `npm install && npm start` and `npm test`', () => {
    expect(README.split('\n').slice(0, 2)).toEqual(['npm install && npm start', 'npm test']);
    // What this test does for `npm start` (seedDemo on the app) is what the script runs before it listens.
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.start).toMatch(/\bbin\/credence\.js serve --demo$/);
    expect(scripts.test).toMatch(/\bvitest\b/);
  });

  it('every command in its shell blocks runs, in order, with the exit codes and figures it states', async () => {
    const seen = new Map<string, string>(); // id prefix → the last id of that kind printed
    const secrets: Record<string, string> = {};
    const customers: Record<string, string> = {};
    const remember = (text: string) => {
      for (const match of text.matchAll(/\b(cus|dec|apl|cl|pur|pol|loan|ln)_[0-9A-Z]{26}\b/g))
        seen.set(match[1] ?? '', match[0]);
      for (const match of text.matchAll(/\bcrd_(\w+?)_[0-9A-Za-z]{40}\b/g))
        secrets[`last ${match[1]}`] = match[0];
    };
    const log: string[] = [];
    let policies: string[] = []; // the ids the last `policy list` printed, for `policy diff pol_… pol_…`
    const checked: string[] = [];
    const background: Array<Promise<{ text: string; ran: Ran }>> = [];
    try {
      for (const command of readmeCommands(README)) {
        const text = withoutOptionalParts(command.text);
        if (command.skipped) {
          log.push(`skip (${command.skipped}): ${text}`);
          continue;
        }
        const notRun = NOT_RUN.find(([pattern]) => pattern.test(text));
        if (notRun) {
          log.push(`skip (${notRun[1]}): ${text}`);
          continue;
        }
        const started = performance.now();
        if (text === 'npm start') {
          const demo = await seedDemo(app);
          const lines = demo.lines('http://127.0.0.1:3000').join('\n');
          for (const match of lines.matchAll(/^ {2}(app|reviewer|analyst|admin)\s+(crd_\S+)$/gm))
            secrets[match[1] ?? ''] = match[2] ?? '';
          for (const match of lines.matchAll(/^ {2}(\w+): .*\n\s+npx credence decide --customer (cus_\w+)/gm))
            customers[match[1] ?? ''] = match[2] ?? '';
          remember(lines);
          demoCustomers = customers;
          log.push(`npm start: seeded (${Object.keys(customers).length} demo customers)`);
          timings.push({ command: text, ms: Math.round(performance.now() - started) });
          continue;
        }
        let nthPolicy = 0;
        const filled = text
          .replace(/<reviewer key>/g, secrets.reviewer ?? '<reviewer key>')
          .replace(/<another reviewer>/g, secrets['last reviewer'] ?? '<another reviewer>')
          .replace(/<app key>/g, secrets.app ?? '<app key>')
          .replace(/\b(\w+)_…/g, (placeholder: string, prefix: string) => {
            if (prefix === 'cus') return customers.clean_approval ?? placeholder;
            if (prefix === 'pol') {
              nthPolicy += 1;
              return policies[Math.min(nthPolicy, policies.length) - 1] ?? placeholder;
            }
            return seen.get(prefix) ?? placeholder;
          });
        expect(filled, `a placeholder no earlier command printed: ${text}`).not.toMatch(/<[^>]+>|_…/);
        let words = shellWords(filled);
        if (words[0] === 'cp' && words.length === 3) {
          copyFileSync(join(work, words[1] ?? ''), join(work, words[2] ?? ''));
          continue;
        }
        expect(words.slice(0, 2), `a command the README test does not know: ${text}`).toEqual([
          'npx',
          'credence',
        ]);
        words = words.slice(2);
        for (const [pattern, smaller] of SMALLER) if (pattern.test(text)) words = smaller(words);
        if (ALONGSIDE.test(text)) {
          background.push(alongside(text, words));
          continue;
        }
        const ran = await credence(words);
        timings.push({ command: text, ms: Math.round(performance.now() - started) });
        log.push(`$ ${words.join(' ')}  → exit ${ran.code}\n${ran.stdout}${ran.stderr}`);
        if (process.env.README_TEST_VERBOSE)
          process.stderr.write(`${log.at(-1) ?? ''}(${timings.at(-1)?.ms} ms)\n`);
        remember(ran.stdout + ran.stderr);
        if (words[0] === 'policy' && words[1] === 'list')
          policies = [...new Set([...ran.stdout.matchAll(/\bpol_[0-9A-Z]{26}\b/g)].map((m) => m[0]))];
        const allowed = [0];
        const exitNote = /exit (\d+) when/.exec(command.comment);
        if (exitNote?.[1]) allowed.push(Number(exitNote[1]));
        expect.soft(allowed, `${text}\n${ran.stdout}${ran.stderr}`).toContain(ran.code);
        for (const figure of FIGURES) if (figure.command.test(text)) figure.check(ran, command.comment);
        checked.push(text);
      }
      for (const { text, ran } of await Promise.all(background)) {
        log.push(`$ (alongside) ${text}  → exit ${ran.code}\n${ran.stdout}${ran.stderr}`);
        expect.soft(ran.code, `${text}\n${ran.stdout}${ran.stderr}`).toBe(0);
        expect.soft(ran.stdout).toMatch(/median time to resolution/);
      }
      // Every figure check found its command: a README edit cannot silently drop what is checked.
      for (const figure of FIGURES)
        expect(
          checked.some((text) => figure.command.test(text)),
          String(figure.command),
        ).toBe(true);
    } finally {
      process.stderr.write(
        `${log.join('\n')}\n${timings.map((t) => `${t.ms} ms  ${t.command}`).join('\n')}\n`,
      );
    }
  }, 600_000);

  it('after the README: the mistakes a newcomer makes are answered with what to do (same database)', async () => {
    expect(demoCustomers.unverified_phone, 'the README test ran first').toBeDefined();
    // A line without a credit-line decision: say one is needed, and the command.
    const noLine = await credence(['line', 'open', '--customer', demoCustomers.unverified_phone ?? '']);
    expect(noLine.code).toBe(7);
    expect(noLine.stderr).toContain('a line opens on the limit of an approved credit-line decision');
    expect(noLine.stderr).toContain(
      `\`credence decide --customer ${demoCustomers.unverified_phone ?? ''} --product credit_line\``,
    );
    // The message once (it used to be repeated as its own field issue).
    const unknown = await credence(['keys', 'create', '--role', 'root']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    // A cash-loan drawdown states its rate as a percentage, like the decision did.
    const drawn = await credence([
      'loan',
      'drawdown',
      '--customer',
      demoCustomers.clean_approval ?? '',
      '--amount',
      '1000.00',
      '--term',
      '6',
      '--idempotency-key',
      'readme-d1',
    ]);
    expect(drawn.code, drawn.stderr).toBe(0);
    expect(drawn.stdout).toMatch(/1000\.00 at 7\.30% a year over 6 months/);
    expect(drawn.stdout).not.toMatch(/at 0\.073\b/);
  });

  it('deciding a queued appeal says to claim it first, with the command', async () => {
    const seeded = await seedDemo(app); // a fresh queued appeal (the README's was decided)
    const lines = seeded.lines('http://127.0.0.1:3000').join('\n');
    const appealId = /An appeal waiting for a reviewer: (apl_\w+)/.exec(lines)?.[1] ?? '';
    const reviewer = /^ {2}reviewer\s+(crd_\S+)$/m.exec(lines)?.[1] ?? '';
    const early = await credence([
      'appeals',
      '--key',
      reviewer,
      'decide',
      appealId,
      '--uphold',
      '--reason',
      'DEBT_STILL_OVERDUE:amount=2000.00',
    ]);
    expect(early.code).toBe(6);
    expect(early.stderr).toContain('an appeal that is queued cannot be decided; claim it first');
    expect(early.stderr).toContain(`credence appeals --key <your key> claim ${appealId}`);
    expect(early.stderr.match(/cannot be decided/g)).toHaveLength(1);
  });
});
