import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScorecard } from '../../src/scoring/scorecard.ts';
import { runCli, runCliProcess, type CliRun } from '../support/cli.ts';

/**
 * The four scoring commands end to end, on credit_data and on small hand-made files. `train` on
 * credit_data and `score` to standard output run as real processes (exit code, stdout, stderr and
 * progress as a user sees them); the other cases call the same `main(argv)` in process, which saves a
 * process start (≈ 2.5 s) per case.
 */
const DATA = fileURLToPath(new URL('../fixtures/credit-data/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'credence-scoring-cli-'));
const model = join(work, 'model.json');

/** The real launcher (test/support/cli.ts), in the work folder. */
function runProcess(args: string[]): Promise<CliRun> {
  return runCliProcess(args, { cwd: work, env: { CREDENCE_DATA_DIR: join(work, 'db') }, timeoutMs: 120_000 });
}

/** The CLI in process (test/support/cli.ts); `status` is the exit code it would end with. */
async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await runCli(['--data-dir', join(work, 'db'), ...args]);
  return { status: code, stdout, stderr };
}

let trained: CliRun;

beforeAll(async () => {
  trained = await runProcess([
    'train',
    '--data',
    `${DATA}credit_data.csv`,
    '--target',
    'Status',
    '--split',
    `${DATA}credit_data_split.csv`,
    '--version',
    'credit-cli',
    '--out',
    model,
  ]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('credence train', () => {
  it('writes a valid artefact, says which bad label it chose, and shows progress', () => {
    expect(trained.code).toBe(0);
    expect(trained.stderr).toContain('target Status: bad = "bad" (chosen by default');
    expect(trained.stderr).toMatch(/binning: 13\/13 \(100%\)/);
    expect(trained.stdout).toMatch(/holdout +AUC 0\.8411/);
    const card = parseScorecard(JSON.parse(readFileSync(model, 'utf8')));
    expect(card.version).toBe('credit-cli');
    expect(card.metrics.holdout?.auc).toBeCloseTo(0.8411, 4);
    expect(card.training.options).toMatchObject({
      source: 'credit_data.csv',
      split: 'credit_data_split.csv',
    });
  });

  it('names the column and the line of a value that is not a number, exits 3 and writes nothing', async () => {
    const rows = [
      'y,income,home',
      ...Array.from({ length: 1200 }, (_, i) => `${i % 3 === 0 ? 'yes' : 'no'},${100 + i},rent`),
    ];
    rows.push('no,lots,rent');
    const file = join(work, 'bad-value.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const out = join(work, 'never.json');
    const result = await run(['train', '--data', file, '--target', 'y', '--out', out]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('"lots" on line 1202 is not a number (column income is numeric)');
    expect(existsSync(out)).toBe(false);
  });
});

describe('credence evaluate --json', () => {
  it('prints one JSON object with auc, ks, gini, brier, n and bad_rate', async () => {
    const result = await run([
      'evaluate',
      '--model',
      model,
      '--data',
      `${DATA}credit_data.csv`,
      '--target',
      'Status',
      '--json',
    ]);
    expect(result.status).toBe(0);
    const metrics = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(metrics).toMatchObject({ n: 4454, bads: 1254, bad_label: 'bad', model: 'credit-cli' });
    expect(metrics.bad_rate).toBeCloseTo(1254 / 4454, 12);
    for (const key of ['auc', 'ks', 'gini', 'brier', 'log_loss']) expect(typeof metrics[key]).toBe('number');
    expect(metrics.auc).toBeGreaterThan(0.84);
    expect(metrics.psi).toMatchObject({ verdict: 'stable', epsilon: 0.0001 });
  });
});

describe('credence score', () => {
  it('writes id, score, pd, five sub-scores and four reasons per row', async () => {
    const out = join(work, 'scores.csv');
    const result = await run(['score', '--model', model, '--data', `${DATA}credit_data.csv`, '--out', out]);
    expect(result.status).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'id,score,pd,identity,capacity,history,relationships,behaviour,reason_1,reason_2,reason_3,reason_4',
    );
    expect(lines.length).toBe(4455);
    const first = lines[1]?.split(',') ?? [];
    expect(first[0]).toBe('1');
    expect(Number(first[1])).toBeGreaterThanOrEqual(350);
    expect(first.slice(8).every((code) => code === '' || /^[A-Z]{3}-[A-Z0-9_]+/.test(code))).toBe(true);
  });

  it('writes customer text in zh when asked', async () => {
    const small = join(work, 'one.csv');
    writeFileSync(
      small,
      'Seniority,Home,Time,Age,Marital,Records,Job,Expenses,Income,Assets,Debt,Amount,Price\n0,rent,60,20,single,yes,partime,90,,0,0,2000,2100\n',
    );
    // A real process: without --out, score writes the CSV straight to file descriptor 1.
    const result = await runProcess(['score', '--model', model, '--data', small, '--reasons', 'zh']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('您的Records属于“yes”，比最佳类别少 93 分。');
    expect(result.stdout.split('\n')[1]?.split(',')[1]).toBe('350');
  });

  it('refuses a row whose field count differs from the header, naming the line, exit 3', async () => {
    const ragged = join(work, 'ragged.csv');
    writeFileSync(
      ragged,
      'Seniority,Home,Time,Age,Marital,Records,Job,Expenses,Income,Assets,Debt,Amount,Price\n0,rent,60,20,single,yes,partime,90,,0,0,2000,2100\n0,rent,60,20,single,yes,partime,90\n',
    );
    const result = await run(['score', '--model', model, '--data', ragged]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('line 3 has 8 fields, the header has 13');
  });

  it('refuses a header that names a column twice (which one the model read would be an accident), exit 3, writes nothing', async () => {
    const twice = join(work, 'twice.csv');
    const out = join(work, 'twice-scores.csv');
    writeFileSync(
      twice,
      'Seniority,Home,Time,Age,Marital,Records,Job,Expenses,Income,Assets,Debt,Amount,Price, Income\n0,rent,60,20,single,yes,partime,90,150,0,0,2000,2100,9000\n',
    );
    const result = await run(['score', '--model', model, '--data', twice, '--out', out]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('Income: column "Income" appears twice (unique-column)');
    expect(existsSync(out)).toBe(false);
  });
});

describe('credence report', () => {
  it('writes one self-contained HTML page with the charts and the table', async () => {
    const out = join(work, 'report.html');
    const result = await run(['report', '--model', model, '--data', `${DATA}credit_data.csv`, '--out', out]);
    expect(result.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>ROC curve</title>');
    expect(html).toContain('<title>Income: bins, share and bad rate</title>');
    expect(html).toContain('Stability of credit_data.csv against training');
    expect(html).not.toMatch(/<script|src=/);
  });
});
