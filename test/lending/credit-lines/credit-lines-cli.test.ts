import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { createApp } from '../../../src/app.ts';
import type { App } from '../../../src/services.ts';
import { configFor, withSharedApp } from '../../../src/cli/runtime.ts';
import { generateApiKeySecret } from '../../../src/platform/auth/api-keys.ts';
import { seededRandomBytes } from '../../../src/platform/ids/ids.ts';
import { createLogger } from '../../../src/platform/logging/logger.ts';
import { parseMoney } from '../../../src/platform/money/money.ts';
import { parseRate } from '../../../src/platform/money/rate.ts';
import { addDays } from '../../../src/platform/time/local-date.ts';
import { bindCardForTest, productsOnlySettingsFile } from '../facility-setup.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'credence-line-cli-'));
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

/** Runs the CLI in this process on the shared application, capturing output. */
async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const status = await withSharedApp(app, () => main(['--data-dir', dataDir, ...args]));
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('credence line', () => {
  it('opens a line, buys, declines over the limit (exit 7), offers instalments, refuses bad input (exit 3)', async () => {
    // Opening a line checks the facility against the products and legal cap in force: install the settings.
    expect((await run(['policy', 'settings', 'load', productsOnlySettingsFile(), '--json'])).status).toBe(0);
    // The facility is opened as an approved decision opens it, in process on the same database:
    // `loan facility set` is an audited override of a recorded decision (facility-override-cli.test.ts).
    const limit = await app.services.facilities.openOrAdjustFacility({
      customerId: customer,
      product: 'credit-line',
      limit: parseMoney('5000.00', 'limit'),
      apr: parseRate('0.1825', 'apr'),
      decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
    });
    expect(limit.change).toBe('opened');
    const opened = await run(['line', 'open', '--customer', customer, '--json']);
    expect(opened.status).toBe(0);
    const line = JSON.parse(opened.stdout) as { id: string; opened: boolean; dailyRate: string };
    expect(line).toMatchObject({ opened: true, dailyRate: '0.0005' });

    const bought = await run([
      'line',
      'purchase',
      line.id,
      '--amount',
      '1200.00',
      '--description',
      'a phone',
      '--idempotency-key',
      'k1',
      '--json',
    ]);
    expect(bought.status).toBe(0);
    const purchase = JSON.parse(bought.stdout) as { purchaseId: string; availableAfter: string };
    expect(purchase.availableAfter).toBe('3800.00');

    const tooMuch = await run([
      'line',
      'purchase',
      line.id,
      '--amount',
      '3800.01',
      '--description',
      'a sofa',
      '--idempotency-key',
      'k2',
      '--json',
    ]);
    expect(tooMuch.status).toBe(7);
    expect(JSON.parse(tooMuch.stderr).error).toMatchObject({
      code: 'UNPROCESSABLE',
      message: 'purchase declined: insufficient-available-credit',
    });

    const offer = await run([
      'line',
      'offer',
      line.id,
      '--purchase',
      purchase.purchaseId,
      '--term',
      '3',
      '--json',
    ]);
    expect(offer.status).toBe(0);
    expect(JSON.parse(offer.stdout)).toMatchObject({
      amount: '1200.00',
      feePerPeriod: '9.00',
      instalments: ['409.00', '409.00', '409.00'],
    });

    const bad = await run(['line', 'pay', line.id, '--amount', '1.234', '--idempotency-key', 'k3']);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(/--amount.*max-2-decimals/);

    const shown = await run(['line', 'show', line.id]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/limit 5000\.00, used 1200\.00, available 3800\.00/);
    // A review needs the customer in the customers context; this one is only a facility: 404 → exit 5.
    const review = await run(['line', 'review', line.id, '--idempotency-key', 'r1']);
    expect(review.status).toBe(5);

    // 1,300.00 paid on 1,200.00 owed: 100.00 held; more than that cannot be paid out (exit 3), all of it can
    // (to the customer's bound card, through the sandbox provider).
    await bindCardForTest(app.db, customer, 'crd_01JD3ZK6Q8W4M2X9T7B5N1R0CD');
    const paid = await run(['line', 'pay', line.id, '--amount', '1300.00', '--idempotency-key', 'k4']);
    expect(paid.status).toBe(0);
    const tooMuchOut = await run([
      'line',
      'payout',
      line.id,
      '--amount',
      '100.01',
      '--idempotency-key',
      'k5',
    ]);
    expect(tooMuchOut.status).toBe(3);
    expect(tooMuchOut.stderr).toMatch(/amount.*within-held|at most 100\.00 is held/);
    const out = await run(['line', 'payout', line.id, '--idempotency-key', 'k6']);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(
      /payout of 100\.00 on \S+ \(event #\d+ on this line\): held for the customer 100\.00 → 0\.00/,
    );
    // That payment left the 100.00 held which was just paid out: reversing it is refused (exit 3, the rule).
    const paymentSeq = /event #(\d+)/.exec(paid.stdout)?.[1] ?? '';
    const args = ['line', 'reverse', line.id, '--payment', paymentSeq, '--idempotency-key', 'rv1'];
    const reversal = await run([...args, '--reason', 'chargeback']);
    expect(reversal.status).toBe(3);
    expect(reversal.stderr).toMatch(/paymentSeq.*was never held/);
    expect((await run([...args, '--reason', 'bounced'])).status).toBe(3);

    // The lifecycle: a temporary limit, the customer's lower limit and its lifting, then closing at zero.
    const today = app.clock.today();
    const tooLong = await run([
      'line',
      'temporary-limit',
      line.id,
      '--amount',
      '500.00',
      '--until',
      addDays(today, 91),
      '--reason',
      'travel',
      '--idempotency-key',
      'tl0',
    ]);
    expect(tooLong.status).toBe(3);
    expect(tooLong.stderr).toMatch(/until.*within-90-days|at most 90 days/);
    const temporary = await run([
      'line',
      'temporary-limit',
      line.id,
      '--amount',
      '500.00',
      '--until',
      addDays(today, 30),
      '--reason',
      'travel',
      '--idempotency-key',
      'tl1',
    ]);
    expect(temporary.status).toBe(0);
    expect(temporary.stdout).toMatch(
      /active: limit 5000\.00, temporary 500\.00 through \S+; used 0\.00, available 5500\.00/,
    );
    const lower = await run([
      'line',
      'lower-limit',
      line.id,
      '--limit',
      '2000.00',
      '--reason',
      'the customer asked',
      '--idempotency-key',
      'll1',
      '--json',
    ]);
    expect(lower.status).toBe(0);
    expect(JSON.parse(lower.stdout)).toMatchObject({
      change: 'customer-limit',
      limit: '2000.00',
      available: '2500.00',
      customerLimitCap: '2000.00',
    });
    expect((await run(['line', 'lower-limit', line.id, '--lift', '--idempotency-key', 'll2'])).status).toBe(
      0,
    );
    const closed = await run([
      'line',
      'close',
      line.id,
      '--reason',
      'moving abroad',
      '--idempotency-key',
      'c1',
    ]);
    expect(closed.status).toBe(0);
    expect(closed.stdout).toMatch(/closed: limit 2000\.00; used 0\.00, available 0\.00/);
    const afterClose = await run(['line', 'pay', line.id, '--amount', '1.00', '--idempotency-key', 'k7']);
    expect(afterClose.status).toBe(3);
    expect(afterClose.stderr).toMatch(/line.*line-open|accepts nothing more/);
    const changes = await run(['line', 'changes', line.id]);
    expect(changes.stdout).toMatch(
      /#1 \S+ temporary-limit by system:cli \(travel\)[\s\S]*#4 \S+ close by system:cli \(moving abroad\)/,
    );
  });
  it('line hardship: previews and asks as the person whose key is given; refusals name the field (exit 3)', async () => {
    const other = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0HC';
    await app.services.facilities.openOrAdjustFacility({
      customerId: other,
      product: 'credit-line',
      limit: parseMoney('5000.00', 'limit'),
      apr: parseRate('0.1825', 'apr'),
      decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0HC',
    });
    const line = JSON.parse((await run(['line', 'open', '--customer', other, '--json'])).stdout) as {
      id: string;
    };
    const collector = generateApiKeySecret('collector', seededRandomBytes(7));
    await app.services.apiKeys.create({ name: 'Carol Zhou', role: 'collector', secret: collector });
    // A new line owes no interest: waiving any is refused, naming the field and the rule, whoever asks.
    const preview = await run([
      'line',
      'hardship',
      'preview',
      line.id,
      '--tool',
      'waiver',
      '--interest',
      '0.01',
    ]);
    expect(preview.status).toBe(3);
    expect(preview.stderr).toMatch(/interest.*within-owed/);
    // Nor can a line that owes nothing be settled for less: the settlement's own rule names the amount.
    const settle = await run([
      'line',
      'hardship',
      'preview',
      line.id,
      '--tool',
      'settlement',
      '--amount',
      '0.00',
    ]);
    expect(settle.status).toBe(3);
    expect(settle.stderr).toMatch(/amount.*less-than-owed/);
    // A holiday longer than the rules allow (3 statements by default) names the field and the rule.
    const long = await run([
      'line',
      'hardship',
      'preview',
      line.id,
      '--tool',
      'holiday',
      '--statements',
      '4',
    ]);
    expect(long.status).toBe(3);
    expect(long.stderr).toMatch(/statements.*max-instalments/);
    const noKey = await run([
      'line',
      'hardship',
      'request',
      line.id,
      '--tool',
      'waiver',
      '--interest',
      '0.01',
      '--reason',
      'income-loss:lost job',
      '--idempotency-key',
      'h1',
    ]);
    expect(noKey.status).not.toBe(0);
    expect(noKey.stderr).toMatch(/--key|CREDENCE_API_KEY/);
    const asked = await run([
      'line',
      'hardship',
      'request',
      line.id,
      '--tool',
      'waiver',
      '--interest',
      '0.01',
      '--reason',
      'income-loss:lost job',
      '--idempotency-key',
      'h1',
      '--key',
      collector,
    ]);
    expect(asked.status).toBe(3);
    expect(asked.stderr).toMatch(/interest.*within-owed/);
    const listed = await run(['line', 'hardship', 'list', line.id]);
    expect({ status: listed.status, out: listed.stdout.trim() }).toEqual({ status: 0, out: 'none' });
  });
});
