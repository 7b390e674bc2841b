import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { createApp } from '../../src/app.ts';
import type { App } from '../../src/services.ts';
import { configFor, withSharedApp } from '../../src/cli/runtime.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { parseMoney } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { bindCardForTest, productsOnlySettingsFile } from './facility-setup.ts';

/** Runs the CLI in process and captures what it prints. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('credence loan schedule | apr (no database)', () => {
  it('prints the golden schedule as {lines, totalInterest, apr} with decimal strings', async () => {
    const { code, stdout } = await run([
      'loan',
      'schedule',
      '--principal',
      '10000.00',
      '--apr',
      '0.18',
      '--term',
      '12',
      '--method',
      'equal-installment',
      '--basis',
      'monthly',
      '--start',
      '2026-01-15',
      '--json',
    ]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(Object.keys(body)).toEqual(['lines', 'totalInterest', 'apr']);
    expect(body.lines[0]).toEqual({
      period: 1,
      dueDate: '2026-02-15',
      principal: '766.80',
      interest: '150.00',
      payment: '916.80',
      balance: '9233.20',
    });
    expect(body.lines.slice(0, 11).every((l: { payment: string }) => l.payment === '916.80')).toBe(true);
    expect(body.lines[11]).toEqual({
      period: 12,
      dueDate: '2027-01-15',
      principal: '903.26',
      interest: '13.55',
      payment: '916.81',
      balance: '0.00',
    });
    expect(body.totalInterest).toBe('1001.61');
    expect(body.apr).toBe('0.180002');
  });

  it("the issue's example: ¥10,000 at 18.25% for 12 months, equal principal, daily basis", async () => {
    const { code, stdout } = await run([
      'loan',
      'schedule',
      '--principal',
      '10000.00',
      '--apr',
      '0.1825',
      '--term',
      '12',
      '--method',
      'equal-principal',
      '--basis',
      'daily',
      '--start',
      '2026-01-15',
      '--json',
    ]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    // 0.05% a day: January's 31 days on ¥10,000 are ¥155.00; February's 28 on ¥9,166.67 are ¥128.33.
    expect(body.lines[0]).toMatchObject({ principal: '833.33', interest: '155.00', payment: '988.33' });
    expect(body.lines[1]).toMatchObject({ interest: '128.33' });
    expect(body.lines[11]).toMatchObject({ principal: '833.37', balance: '0.00' });
  });

  it('prints the annualised rate by IRR of a flat-fee plan: 0.75% a month over 12 is 16.2165%', async () => {
    const { code, stdout } = await run([
      'loan',
      'apr',
      '--principal',
      '6000.00',
      '--term',
      '12',
      '--fee-per-period',
      '0.0075',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ apr: '0.162165' });
  });

  it('exits 3 naming the flag and rule for bad input, 2 for a usage error', async () => {
    const bad = await run([
      'loan',
      'schedule',
      '--principal',
      '100.001',
      '--apr',
      '0.1',
      '--term',
      '3',
      '--json',
    ]);
    expect(bad.code).toBe(3);
    expect(JSON.parse(bad.stderr).error.errors[0]).toMatchObject({
      field: '--principal',
      rule: 'max-2-decimals',
    });
    const method = await run([
      'loan',
      'schedule',
      '--principal',
      '100',
      '--apr',
      '0.1',
      '--term',
      '3',
      '--method',
      'balloon',
    ]);
    expect(method.code).toBe(3);
    expect(method.stderr).toContain('--method');
    const missing = await run(['loan', 'apr', '--principal', '100']);
    expect(missing.code).toBe(2);
  });
});

describe("credence loan … --json on a data directory: the API's DTOs, amounts in yuan", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'credence-loan-cli-'));
  const customer = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE';
  let savedDatabaseUrl: string | undefined;
  let app: App;
  beforeAll(async () => {
    // The embedded database in a fresh directory, whatever the environment says.
    savedDatabaseUrl = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    // Opened once for every command (withSharedApp), as test/cli/readme-commands.test.ts does: opening the
    // embedded database took seconds a command on this busy machine; each command parses, runs and prints
    // as it does alone.
    app = await createApp({
      config: configFor({ dataDir }),
      logger: createLogger({ level: 'warn', destination: process.stderr }),
    });
  }, 120_000);
  afterAll(async () => {
    await app.stop();
    if (savedDatabaseUrl !== undefined) process.env.DATABASE_URL = savedDatabaseUrl;
    rmSync(dataDir, { recursive: true, force: true });
  });
  const json = async (args: string[]) => {
    const result = await withSharedApp(app, () => run(['--data-dir', dataDir, ...args, '--json']));
    return { code: result.code, body: JSON.parse(result.code === 0 ? result.stdout : result.stderr) };
  };

  it('freezes a facility by the public product code, draws, quotes, repays and shows the loan in yuan', async () => {
    // A drawdown checks the facility against the products and legal cap in force: install the settings.
    expect((await json(['policy', 'settings', 'load', productsOnlySettingsFile()])).code).toBe(0);
    // The facility is opened as an approved decision opens it, in process on the same database:
    // `loan facility set` is an audited override of a recorded decision (facility-override-cli.test.ts).
    const opened = await app.services.facilities.openOrAdjustFacility({
      customerId: customer,
      product: 'cash-loan',
      limit: parseMoney('20000.00', 'limit'),
      apr: parseRate('0.1825', 'apr'),
      decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
    });
    expect(opened.change).toBe('opened');
    await bindCardForTest(app.db, customer, 'crd_01JD3ZK6Q8W4M2X9T7B5N1R0CD');
    // The facility spelling the CLI took before is still understood; what it prints is the public code.
    const frozen = await json([
      'loan',
      'facility',
      'freeze',
      '--customer',
      customer,
      '--product',
      'cash-loan',
      '--reason',
      'check',
    ]);
    expect(frozen.body.facility).toMatchObject({
      product: 'cash_loan',
      limit: '20000.00',
      used: '0.00',
      available: '0.00',
      apr: '0.1825',
      status: 'frozen',
      statusReason: 'check',
    });
    const active = await json([
      'loan',
      'facility',
      'reactivate',
      '--customer',
      customer,
      '--reason',
      'cleared',
    ]);
    expect(active.body.facility).toMatchObject({ status: 'active', available: '20000.00' });
    const unknown = await json([
      'loan',
      'facility',
      'freeze',
      '--customer',
      customer,
      '--product',
      'mortgage',
      '--reason',
      'x',
    ]);
    expect(unknown.code).toBe(3);
    expect(unknown.body.error.errors[0]).toMatchObject({ field: '--product', rule: 'one-of' });

    const drawn = await json([
      ...['loan', 'drawdown', '--customer', customer, '--amount', '10000.00', '--term', '12'],
      ...['--method', 'equal-principal', '--idempotency-key', 'd1'],
    ]);
    expect(drawn.body).toMatchObject({ replayed: false, available: '10000.00' });
    const loanId = drawn.body.loanId as string;
    const tooSmall = await json([
      ...['loan', 'drawdown', '--customer', customer, '--amount', '99.99', '--term', '12'],
      ...['--idempotency-key', 'd2'],
    ]);
    expect(tooSmall.code).toBe(3);
    expect(tooSmall.body.error.errors[0]).toMatchObject({
      field: 'amount',
      rule: 'minimum',
      message: 'the smallest drawdown is 100.00',
    });

    // Paid off on the drawdown day: no day has accrued yet.
    const quote = await json(['loan', 'quote', loanId]);
    expect(quote.body).toEqual({
      date: expect.any(String),
      principal: '10000.00',
      interest: '0.00',
      penalty: '0.00',
      heldForCustomer: '0.00',
      total: '10000.00',
    });
    const repaid = await json(['loan', 'repay', loanId, '--amount', '100.00', '--idempotency-key', 'r1']);
    expect(repaid.body).toMatchObject({
      amount: '100.00',
      intent: 'scheduled',
      allocation: { principal: '0.00', interest: '0.00', held: '100.00' },
      outstanding: { principal: '10000.00', heldForCustomer: '100.00' },
      replayed: false,
    });
    const shown = await json(['loan', 'show', loanId]);
    expect(shown.body).toMatchObject({
      id: loanId,
      principal: '10000.00',
      apr: '0.1825',
      method: 'equal-principal',
      outstanding: { principal: '10000.00', heldForCustomer: '100.00' },
    });
    expect(shown.body.instalments[0]).toMatchObject({ period: 1, principal: '833.33', status: 'upcoming' });
    const statement = await json(['loan', 'statement', loanId]);
    expect(statement.body.closing).toEqual({
      principal_receivable: '10000.00',
      customer_overpayment: '100.00',
      funding: '-9900.00',
    });

    // The 100.00 held goes back to the customer: part, a refusal beyond what is held, then the rest. Each
    // pay-out through the provider first reserves what it sends (an event of its own), then is booked from it.
    const part = await json(['loan', 'payout', loanId, '--amount', '40.00', '--idempotency-key', 'o1']);
    expect(part.code).toBe(0);
    expect(part.body).toMatchObject({
      loanId,
      seq: 3,
      amount: '40.00',
      heldBefore: '100.00',
      outstanding: { heldForCustomer: '60.00' },
      replayed: false,
    });
    const tooMuch = await json(['loan', 'payout', loanId, '--amount', '60.01', '--idempotency-key', 'o2']);
    expect(tooMuch.code).toBe(3);
    expect(tooMuch.body.error.errors[0]).toMatchObject({ field: 'amount', rule: 'within-held' });
    const rest = await json(['loan', 'payout', loanId, '--idempotency-key', 'o3']);
    expect(rest.body).toMatchObject({ seq: 5, amount: '60.00', outstanding: { heldForCustomer: '0.00' } });
    const events = await json(['loan', 'events', loanId]);
    expect(events.body.events.map((e: { kind: string; amount: string }) => `${e.kind} ${e.amount}`)).toEqual([
      'repayment 100.00',
      'reserve 40.00',
      'payout 40.00',
      'reserve 60.00',
      'payout 60.00',
    ]);
    const after = await json(['loan', 'statement', loanId]);
    expect(after.body.closing).toEqual({ principal_receivable: '10000.00', funding: '-10000.00' });
  });
});
