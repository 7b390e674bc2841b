import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReportFile } from '../../src/bureau/index.ts';
import type { App } from '../../src/services.ts';
import { cliApp, runCli } from '../support/cli.ts';

/**
 * `credence bureau report`: a month that has not ended is refused (exit 3), an ended month is reported once
 * (the file written with --out reads back against the layout), asking again reports nothing new.
 */
let app: App;
let dir: string;
beforeAll(async () => {
  app = await cliApp();
  dir = mkdtempSync(join(tmpdir(), 'credence-bureau-'));
});
afterAll(async () => {
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('credence bureau report', () => {
  it('refuses a month not ended, reports an ended month once, writes a file that reads back', async () => {
    const future = await runCli(['bureau', 'report', '--month', '2999-01', '--json'], { app });
    expect(future.code).toBe(3);
    expect(future.stderr).toContain('has not ended');

    const first = await runCli(
      ['bureau', 'report', '--month', '2026-01', '--out', dir, '--json', '--quiet'],
      {
        app,
      },
    );
    expect(first.code).toBe(0);
    const run = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(run).toMatchObject({ month: '2026-01', status: 'reported', records: 0, held: 0, created: true });
    const file = readFileSync(join(dir, 'CRM1_CREDENCE_202601.txt'), 'utf8');
    const read = decodeReportFile(file);
    expect(read.ok).toBe(true);
    expect(file.split('\n')[0]).toMatch(/^H\|CRM1\|CREDENCE\|2026-01\|/);

    const again = await runCli(['bureau', 'report', '--month', '2026-01', '--json'], { app });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: false, fileSha256: run.fileSha256 });
  });
});
