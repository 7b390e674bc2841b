import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/services.ts';
import { cliApp, runCli } from '../support/cli.ts';

/** `credence privacy export`: a copy made now, with progress, written whole to files, audited. */
describe('credence privacy export', () => {
  let app: App;
  let customerId: string;
  const dir = mkdtempSync(join(tmpdir(), 'credence-copy-'));

  beforeAll(async () => {
    app = await cliApp();
    const { customer } = await app.services.customers.createCustomer({
      externalId: 'cli-copy-1',
      name: '李雷',
      idNumber: '11010519491231002X',
      phone: '13800138000',
    });
    customerId = customer.customerId;
  }, 120_000);
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the JSON document and the summary, masked by default, and prints the record with --json', async () => {
    const out = join(dir, 'copy.json');
    const summary = join(dir, 'copy.html');
    const run = await runCli(
      [
        '--json',
        'privacy',
        'export',
        '--customer',
        customerId,
        '--reason',
        'asked by letter',
        '--out',
        out,
        '--summary',
        summary,
      ],
      { app },
    );
    expect(run.code, run.stderr).toBe(0);
    const record = JSON.parse(run.stdout) as {
      status: string;
      documentSha256: string;
      written: string[];
      identity: string;
    };
    expect(record.status).toBe('done');
    expect(record.identity).toBe('masked');
    expect(record.written).toEqual([out, summary]);
    const document = JSON.parse(readFileSync(out, 'utf8')) as {
      identity: { name: string; idNumber: string };
    };
    expect(document.identity.name).toBe('李*');
    expect(document.identity.idNumber).toBe('110105********002X');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(summary, 'utf8')).toContain('<section lang="en">');
    const audit = await app.services.audit.list({ action: 'privacy.copy-request' });
    expect(audit.items[0]?.actor.id).toBe('cli');
    expect(audit.items[0]?.details.reason).toBe('asked by letter');
  });

  it('gives the identity in clear with --clear, and refuses a bad id, a future date and a missing reason', async () => {
    const out = join(dir, 'clear.json');
    const run = await runCli(
      ['privacy', 'export', '--customer', customerId, '--reason', 'court order 17', '--clear', '--out', out],
      { app },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('identity clear');
    expect(JSON.parse(readFileSync(out, 'utf8')).identity.idNumber).toBe('11010519491231002X');
    const badId = await runCli(['privacy', 'export', '--customer', 'cus_nope', '--reason', 'x'], { app });
    expect(badId.code).not.toBe(0);
    expect(badId.stderr).toContain('--customer');
    const future = await runCli(
      ['privacy', 'export', '--customer', customerId, '--reason', 'x', '--as-of', '2999-01-01'],
      { app },
    );
    expect(future.code).not.toBe(0);
    expect(future.stderr).toContain('asOf');
    const noReason = await runCli(['privacy', 'export', '--customer', customerId], { app });
    expect(noReason.code).not.toBe(0);
    expect(noReason.stderr).toContain('--reason');
    const unknown = await runCli(
      ['privacy', 'export', '--customer', 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE', '--reason', 'x'],
      { app },
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/not found|customer/i);
  });
});
