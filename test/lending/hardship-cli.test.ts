import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { withSharedApp } from '../../src/cli/runtime.ts';
import { generateApiKeySecret } from '../../src/platform/auth/api-keys.ts';
import { seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertHardshipRules } from '../../src/lending/loans/hardship-requests.pg.ts';
import { DEFAULT_HARDSHIP_RULES } from '../../src/lending/loans/hardship.ts';
import { parseMoney } from '../../src/platform/money/money.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { openFacilityForTest } from './facility-setup.ts';

/**
 * `credence loan hardship request|approve|reject|list` and `credence line hardship approve|reject|list` (issue
 * 15; since issue 18 approve, reject and list are the shared hardship layer's commands, a line's naming the line
 * and the request): as the person whose key is given, maker-checker as over HTTP, and the exact lines the
 * commands print. PGlite only: the use cases are the HTTP suites', on both stores.
 */
const customer = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE';

async function run(t: TestApp, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  try {
    const code = await withSharedApp(t.app, () => main(args));
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('credence loan hardship, credence line hardship', () => {
  it('asks, refuses the maker as checker, rejects, approves as another person and lists', async () => {
    const t = await createTestApp({ now: new Date('2026-01-15T02:00:00Z') });
    try {
      await openFacilityForTest(t, {
        customerId: customer,
        product: 'cash-loan',
        limit: '20000.00',
        apr: '0.1825',
        decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
      });
      const drawn = await t.app.http.inject({
        method: 'POST',
        url: '/v1/loans',
        headers: { ...t.auth('app'), 'content-type': 'application/json', 'idempotency-key': 'draw' },
        payload: { customerId: customer, amount: '10000.00', term: 12, method: 'equal-installment' },
      });
      expect(drawn.statusCode).toBe(201);
      const loanId = drawn.json().loan.id as string;
      const maker = generateApiKeySecret('reviewer', seededRandomBytes(11));
      const checker = generateApiKeySecret('reviewer', seededRandomBytes(12));
      await t.app.services.apiKeys.create({ name: 'Mia Wang', role: 'reviewer', secret: maker });
      await t.app.services.apiKeys.create({ name: 'Chen Li', role: 'reviewer', secret: checker });

      const settle = (key: string) =>
        run(t, [
          'loan',
          'hardship',
          'request',
          loanId,
          '--tool',
          'settlement',
          '--amount',
          '6000.00',
          '--reason',
          'income-loss:lost job',
          '--idempotency-key',
          key,
          '--key',
          maker,
        ]);
      const first = await settle('s1');
      expect(first.code).toBe(0);
      const firstId = /^(hsr_\w+) /.exec(first.stdout)?.[1] ?? '';
      const effect = /money effect (\d+) fen/.exec(first.stdout)?.[1] ?? '';
      expect(first.stdout).toBe(
        `${firstId} (settlement on ${loanId}) is pending; money effect ${effect} fen\n` +
          `It waits for another person: credence loan hardship approve ${firstId} --key <their reviewer key>\n`,
      );
      expect(Number(effect)).toBeGreaterThan(100_000);

      const own = await run(t, ['loan', 'hardship', 'approve', firstId, '--key', maker]);
      expect(own.code).not.toBe(0);
      expect(own.stderr).toMatch(/checker.*maker-checker|maker-checker/);

      const rejected = await run(t, [
        'loan',
        'hardship',
        'reject',
        firstId,
        '--note',
        'not now',
        '--key',
        checker,
      ]);
      expect({ code: rejected.code, out: rejected.stdout }).toEqual({
        code: 0,
        out: `${firstId} is rejected\n`,
      });

      const second = await settle('s2');
      const secondId = /^(hsr_\w+) /.exec(second.stdout)?.[1] ?? '';
      const approved = await run(t, ['loan', 'hardship', 'approve', secondId, '--key', checker, '--json']);
      expect(approved.code).toBe(0);
      expect(JSON.parse(approved.stdout).request).toMatchObject({
        id: secondId,
        loanId,
        status: 'applied',
        checker: { name: 'Chen Li' },
      });

      const listed = await run(t, ['loan', 'hardship', 'list', loanId]);
      expect({ code: listed.code, out: listed.stdout }).toEqual({
        code: 0,
        out:
          `${secondId}  settlement  applied  ${effect} fen\n` +
          `${firstId}  settlement  rejected  ${effect} fen\n`,
      });
      const json = await run(t, ['loan', 'hardship', 'list', loanId, '--json']);
      expect(JSON.parse(json.stdout)).toEqual({
        requests: [
          { id: secondId, tool: 'settlement', status: 'applied', moneyEffectFen: effect },
          { id: firstId, tool: 'settlement', status: 'rejected', moneyEffectFen: effect },
        ],
      });
      const badId = await run(t, ['loan', 'hardship', 'reject', 'nope', '--note', 'x', '--key', checker]);
      expect(badId.code).toBe(3);
      expect(badId.stderr).toMatch(/requestId/);
    } finally {
      await t.app.stop();
    }
  }, 120_000);

  it('line: rejects and approves a pending waiver by line and request; a request of another line is not found', async () => {
    // The credit-line HTTP suite's line: ¥1,200.00 bought on 10 Mar 2026, statement 1 missed, ¥21.60 of
    // interest owed on 15 Apr. The lender's threshold is ¥1.00 here, so a ¥5.00 waiver waits.
    const lineCustomer = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0HW';
    const t = await createTestApp({ now: new Date('2026-03-10T02:00:00Z') });
    try {
      await openFacilityForTest(t, {
        customerId: lineCustomer,
        product: 'credit-line',
        limit: '3000.00',
        apr: '0.1825',
        decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0HW',
      });
      const headers = { ...t.auth('app'), 'content-type': 'application/json' };
      const opened = await t.app.http.inject({
        method: 'POST',
        url: '/v1/lines',
        headers,
        payload: { customerId: lineCustomer },
      });
      const lineId = opened.json().id as string;
      const bought = await t.app.http.inject({
        method: 'POST',
        url: `/v1/lines/${lineId}/purchases`,
        headers: { ...headers, 'idempotency-key': 'buy' },
        payload: { amount: '1200.00', description: 'a bicycle' },
      });
      expect(bought.statusCode).toBe(201);
      t.clock.set(new Date('2026-04-15T02:00:00Z'));
      await t.app.services.dayEnd.run({ through: t.clock.today() });
      await insertHardshipRules(
        t.app.db,
        {
          ...DEFAULT_HARDSHIP_RULES,
          effectiveFrom: '2026-04-15' as LocalDate,
          secondPersonAbove: parseMoney('1.00', 'secondPersonAbove'),
        },
        'test',
        t.clock.now(),
      );
      const maker = generateApiKeySecret('collector', seededRandomBytes(13));
      const checker = generateApiKeySecret('reviewer', seededRandomBytes(14));
      await t.app.services.apiKeys.create({ name: 'Carol Zhou', role: 'collector', secret: maker });
      await t.app.services.apiKeys.create({ name: 'Chen Li', role: 'reviewer', secret: checker });
      const waive = async (key: string) => {
        const asked = await run(t, [
          'line',
          'hardship',
          'request',
          lineId,
          '--tool',
          'waiver',
          '--interest',
          '5.00',
          '--reason',
          'income-loss:lost job',
          '--idempotency-key',
          key,
          '--key',
          maker,
        ]);
        expect(asked.code).toBe(0);
        return /^(lhr_\w+) /.exec(asked.stdout)?.[1] ?? '';
      };
      const first = await waive('w1');
      const rejected = await run(t, [
        'line',
        'hardship',
        'reject',
        lineId,
        first,
        '--note',
        'not now',
        '--key',
        checker,
      ]);
      expect({ code: rejected.code, out: rejected.stdout }).toEqual({
        code: 0,
        out: `${first} is rejected\n`,
      });

      const second = await waive('w2');
      const otherLine = 'cl_01JD3ZK6Q8W4M2X9T7B5N1R0HW';
      const elsewhere = await run(t, ['line', 'hardship', 'approve', otherLine, second, '--key', checker]);
      expect(elsewhere.code).not.toBe(0);
      expect(elsewhere.stderr).toMatch(/hardship request/);
      const approved = await run(t, [
        'line',
        'hardship',
        'approve',
        lineId,
        second,
        '--key',
        checker,
        '--json',
      ]);
      expect(approved.code).toBe(0);
      expect(JSON.parse(approved.stdout).request).toMatchObject({
        id: second,
        lineId,
        status: 'applied',
        checker: { name: 'Chen Li' },
        ask: { tool: 'waiver', interest: '5.00', fees: '0.00', lateFees: '0.00' },
      });
      const listed = await run(t, ['line', 'hardship', 'list', lineId]);
      expect({ code: listed.code, out: listed.stdout }).toEqual({
        code: 0,
        out: `${second}  waiver  applied  5.00\n${first}  waiver  rejected  5.00\n`,
      });
      const json = await run(t, ['line', 'hardship', 'list', lineId, '--json']);
      expect(JSON.parse(json.stdout)).toEqual({
        requests: [
          { id: second, tool: 'waiver', status: 'applied', moneyEffect: '5.00' },
          { id: first, tool: 'waiver', status: 'rejected', moneyEffect: '5.00' },
        ],
      });
    } finally {
      await t.app.stop();
    }
  }, 300_000);
});
