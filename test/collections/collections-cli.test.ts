import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { runCli } from '../support/cli.ts';
import { openFacilityForTest } from '../lending/facility-setup.ts';

const customer = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE';

/**
 * `credence collections …` as a collector runs it, in process on an application whose loan (drawn
 * 2026-01-15) is 4 days past due: the queue, claim --next, contacts refused (exit 3 naming the rule) and
 * logged, a promise in yuan, the case; no key or another role exits 4, another's claim 6.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-01-15T02:00:00Z') });
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
    headers: { ...t.auth('app'), 'idempotency-key': 'draw-1' },
    payload: { customerId: customer, amount: '10000.00', term: 12, method: 'equal-installment' },
  });
  expect(drawn.statusCode).toBe(201);
  t.clock.set(new Date('2026-02-20T02:00:00Z'));
  await t.app.services.dayEnd.run({ through: '2026-02-19' as LocalDate });
});

afterAll(async () => {
  await t.app.stop();
});

const run = (args: string[], role: 'collector' | 'reviewer' = 'collector') =>
  runCli(['collections', '--key', t.keys[role], ...args], { app: t.app });

describe('credence collections', () => {
  it('lists the queue, claims the next case, logs contacts and a promise, shows the case', async () => {
    const queue = await run(['queue']);
    expect(queue.code).toBe(0);
    expect(queue.stdout).toMatch(/^ccs_\S+\s+open\s+cash_loan\s+M1\s+p1\s+4 dpd\s+CNY 9\d\d\.\d\d\s+ln_/);
    const caseId = queue.stdout.split(/\s+/)[0]!;

    const claimed = await run(['claim', '--next', '--json']);
    expect(claimed.code).toBe(0);
    expect(JSON.parse(claimed.stdout)).toMatchObject({
      case: { caseId, claimedBy: { name: 'test collector' } },
    });

    const late = await run([
      'contact',
      caseId,
      '--channel',
      'call',
      '--outcome',
      'no-answer',
      '--at',
      '2026-02-19T22:15:00+08:00',
    ]);
    expect(late.code).toBe(3);
    expect(late.stderr).toContain('contact-hours');
    const logged = await run([
      'contact',
      caseId,
      '--channel',
      'call',
      '--outcome',
      'reached',
      '--note',
      'asked for a week',
    ]);
    expect(logged.code).toBe(0);
    expect(logged.stdout).toMatch(/^logged cct_\S+: call reached at 2026-02-20T02:00:00.000Z$/m);
    const promised = await run([
      'promise',
      caseId,
      '--channel',
      'call',
      '--date',
      '2026-02-27',
      '--amount',
      '300.00',
      '--json',
    ]);
    expect(promised.code).toBe(0);
    expect(JSON.parse(promised.stdout)).toMatchObject({
      promise: { amount: '300.00', date: '2026-02-27', status: 'pending' },
    });
    const again = await run([
      'promise',
      caseId,
      '--channel',
      'call',
      '--date',
      '2026-02-27',
      '--amount',
      '100.00',
    ]);
    expect(again.code).toBe(6); // a promise is still pending on the case: a conflict
    expect(again.stderr).toContain('one-pending');
    const shown = await run(['case', caseId]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('promise-made');
    expect(shown.stdout).toMatch(/CNY 300\.00 by 2026-02-27 .* pending/);
  });

  it('exits 4 without a collector key and 6 on another collector’s claim', async () => {
    const reviewer = await run(['queue'], 'reviewer');
    expect(reviewer.code).toBe(4);
    const none = await runCli(['collections', 'queue'], { app: t.app });
    expect(none.code).toBe(4);
    const admin = await runCli(['collections', '--key', t.keys.admin, 'claim', '--next'], { app: t.app });
    expect(admin.code).toBe(0);
    expect(admin.stdout).toBe('the queue is empty\n');
    const caseId = (await t.app.db.query<{ id: string }>('select id from collection_cases')).rows[0]!.id;
    const taken = await runCli(['collections', '--key', t.keys.admin, 'claim', caseId], { app: t.app });
    expect(taken.code).toBe(6);
    expect(taken.stderr).toContain('held-by-another');
  });
});
