import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { withSharedApp } from '../../src/cli/runtime.ts';
import { verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { AUTO_REPAY_NOTICES } from '../../src/lending/payments/auto-repay.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { ZHANG_SAN } from '../customers/support/service.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storesUnderTest } from '../support/stores.ts';
import { snapshotRows } from './support.ts';
import { openFacilityForTest } from './facility-setup.ts';

/**
 * Auto-repay over HTTP, on both stores: the customer turns it on for their loan under /v1/me (the notice in
 * force, a bound card), refusals name the field and the rule and write nothing, another customer's loan is
 * unknown; the day-end collects the instalment on its due date and the attempt reads back with its figures;
 * a card that refuses (sandbox …0051) gives a failed attempt with its reason, a card that times out (…0068)
 * an unknown one that `POST /v1/payment-attempts/resolve` settles and books once; staff turn it off.
 */

const LI_SI = {
  externalId: 'ext-li-si',
  name: '李四',
  idNumber: '110105199001010010',
  phone: '+86 139-1234-5678',
};
// Luhn-valid UnionPay numbers ending in the sandbox's behaviours: 1234 succeeds, 0051 insufficient funds,
// 0068 times out (the money moved).
const CARD_OK = '6222600000021234';
const CARD_POOR = '6222600000040051';
const CARD_SLOW = '6222600000050068';

/** Runs the CLI in process on the test's app and captures what it prints. */
async function cli(t: TestApp, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += chunk.toString();
    return true;
  });
  try {
    const code = await withSharedApp(t.app, () => main(args));
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe.each(storesUnderTest())('loan auto-repay over HTTP ($name)', (store) => {
  let t: TestApp;
  let customerId = '';
  let otherToken = '';
  let token = '';
  let loanId = '';
  const cards: Record<string, string> = {};
  const send = (
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
  ) =>
    t.app.http.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const me = () => ({ authorization: `Bearer ${token}` });
  const sessionOf = async (id: string) => {
    const response = await send('POST', `/v1/customers/${id}/sessions`, t.auth('app'), {});
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { token: string }).token;
  };
  /** The day-end of the night after `date` (through `date`), run the next morning. */
  const night = async (date: string) => {
    t.clock.set(new Date(`${date}T18:00:00Z`)); // 02:00 Shanghai the next day
    await t.app.services.dayEnd.run({ through: date as LocalDate });
    token = await sessionOf(customerId); // a session lasts hours, not the month between due dates
  };

  beforeAll(async () => {
    t = await createTestApp({ store, now: new Date('2026-01-15T02:00:00Z') });
    const { customers } = t.app.services;
    customerId = (await customers.createCustomer(ZHANG_SAN)).customer.customerId;
    const other = (await customers.createCustomer(LI_SI)).customer.customerId;
    for (const number of [CARD_OK, CARD_POOR, CARD_SLOW])
      cards[number.slice(-4)] = (await customers.addCard(customerId, number)).cardId;
    await openFacilityForTest(t, {
      customerId,
      product: 'cash-loan',
      limit: '20000.00',
      apr: '0.18',
      decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
    });
    const drawn = await send(
      'POST',
      '/v1/loans',
      { ...t.auth('app'), 'idempotency-key': 'draw' },
      {
        customerId,
        amount: '10000.00',
        term: 12,
        method: 'equal-installment',
      },
    );
    expect(drawn.statusCode, drawn.body).toBe(201);
    loanId = (drawn.json() as { loan: { id: string } }).loan.id;
    token = await sessionOf(customerId);
    otherToken = await sessionOf(other);
  }, 120_000);
  afterAll(async () => {
    await t.app.stop();
  });

  it('shows the state and the notice, refuses what it cannot do naming field and rule, and turns it on once', async () => {
    const url = `/v1/me/loans/${loanId}/auto-repay`;
    const initial = await send('GET', url, me());
    expect(initial.statusCode, initial.body).toBe(200);
    const notice = AUTO_REPAY_NOTICES[0];
    expect(initial.json()).toEqual({
      accountId: loanId,
      product: 'cash_loan',
      enabled: false,
      cardId: null,
      cardLast4: null,
      noticeVersion: null,
      amountRule: null,
      noticeInForce: {
        version: 1,
        effectiveFrom: '2026-01-01T00:00:00.000Z',
        text: notice?.text,
        sha256: notice?.sha256,
      },
      changed: false,
      consents: [],
      attempts: [],
    });

    // The notice is the one stored in consent_notices (0824): the same words and hash as its source in code.
    const stored = await t.app.db.query<Record<string, unknown>>(
      `select version, text_zh, text_en, sha256 from consent_notices where purpose = 'auto_repay'`,
    );
    expect(stored.rows).toEqual([
      { version: 1, text_zh: notice?.text.zh, text_en: notice?.text.en, sha256: notice?.sha256 },
    ]);
    // Identity's consent API keeps to its own purposes.
    const identityNotices = await send('GET', '/v1/consent-notices', t.auth('admin'));
    expect(identityNotices.statusCode).toBe(200);
    expect(identityNotices.body).not.toContain('auto_repay');

    const before = await snapshotRows(t.app.db);
    const refusals = [
      [{ enabled: true, noticeVersion: 2 }, 'noticeVersion', 'notice-in-force'],
      [{ enabled: true, cardId: 'crd_01JD3ZK6Q8W4M2X9T7B5N1R0AE' }, 'cardId', 'bound-card'],
      [{ enabled: true, cardId: 'card-1' }, 'cardId', 'id'],
      [{ enabled: 'yes' }, 'enabled', 'type'],
      [{ enabled: true, customerId }, 'customerId', 'unknown-field'],
      [{ enabled: true, amountRule: 'minimum' }, 'amountRule', 'credit-line-only'],
    ] as const;
    for (const [payload, field, rule] of refusals) {
      const refused = await send('PUT', url, me(), payload);
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().errors[0], JSON.stringify(payload)).toMatchObject({ field, rule });
    }
    // Another customer's loan is unknown to them, as a loan that does not exist.
    const theirs = await send('PUT', url, { authorization: `Bearer ${otherToken}` }, { enabled: true });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).not.toContain(customerId);
    expect(await snapshotRows(t.app.db)).toBe(before);

    const on = await send('PUT', url, me(), { enabled: true, noticeVersion: 1, cardId: cards['1234'] });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({
      enabled: true,
      cardId: cards['1234'],
      cardLast4: '1234',
      noticeVersion: 1,
      changed: true,
      consents: [
        {
          seq: 1,
          granted: true,
          cardId: cards['1234'],
          noticeVersion: 1,
          noticeHash: notice?.sha256,
          by: 'customer',
        },
      ],
    });
    const again = await send('PUT', url, me(), { enabled: true });
    expect(again.json()).toMatchObject({ changed: false, consents: [{ seq: 1 }] });

    // Staff: an analyst reads but may not change it; the staff view says who asked.
    const analystPut = await send('PUT', `/v1/loans/${loanId}/auto-repay`, t.auth('analyst'), {
      enabled: false,
    });
    expect(analystPut.statusCode).toBe(403);
    const staffView = await send('GET', `/v1/loans/${loanId}/auto-repay`, t.auth('analyst'));
    expect(staffView.json()).toMatchObject({
      customerId,
      enabled: true,
      consents: [{ seq: 1, by: 'customer', actor: customerId }],
    });
  });

  it('tells why a card refused, and resolve settles a timed-out attempt and books it once', async () => {
    const url = `/v1/me/loans/${loanId}/auto-repay`;
    // The card that refuses for the due date, then the one that times out for the retry the day after.
    const poor = await send('PUT', url, me(), { enabled: true, cardId: cards['0051'] });
    expect(poor.json()).toMatchObject({
      changed: true,
      cardLast4: '0051',
      consents: [{ seq: 1 }, { seq: 2 }],
    });
    await night('2026-02-15');
    await send('PUT', url, me(), { enabled: true, cardId: cards['0068'] });
    await night('2026-02-16');
    // 16 Feb: the instalment of 916.44 and one day's penalty interest on its principal of 763.56 at the
    // 24 % all-in cap: 76,356 × 0.24 / 365 = 50.2 → 50 fen (half up).
    const attempts = (await send('GET', url, me())).json().attempts;
    expect(
      attempts.map((a: Record<string, unknown>) => [
        a.businessDate,
        a.dueDate,
        a.tryNumber,
        a.amount,
        a.cardLast4,
        a.status,
        a.failureReason,
        a.bookedSeq,
      ]),
    ).toEqual([
      ['2026-02-15', '2026-02-15', 1, '916.44', '0051', 'failed', 'insufficient_funds', null],
      ['2026-02-16', '2026-02-15', 2, '916.94', '0068', 'unknown', null, null],
    ]);
    expect(attempts[0].reason).toEqual({ zh: '银行卡余额不足', en: 'the card did not hold enough money' });
    expect(attempts[0]).not.toHaveProperty('providerRef');
    const listed = await send('GET', `/v1/customers/${customerId}/payment-attempts`, t.auth('reviewer'));
    expect(
      listed.json().attempts.map((a: Record<string, unknown>) => [a.status, a.providerCalls, a.providerRef]),
    ).toEqual([
      ['failed', 1, 'sbx_00000001'],
      ['unknown', 1, null],
    ]);

    // Resolve: the provider says the money moved; booked once as a repayment dated the attempt's day.
    expect((await send('POST', '/v1/payment-attempts/resolve', t.auth('analyst'))).statusCode).toBe(403);
    const resolved = await send('POST', '/v1/payment-attempts/resolve', t.auth('reviewer'));
    expect(resolved.json()).toEqual({ through: '2026-02-17', succeeded: 1, failed: 0, unknown: 0 });
    const again = await send('POST', '/v1/payment-attempts/resolve', t.auth('reviewer'));
    expect(again.json()).toEqual({ through: '2026-02-17', succeeded: 0, failed: 0, unknown: 0 });
    const events = (await send('GET', `/v1/loans/${loanId}/events`, t.auth('reviewer'))).json().events;
    expect(events.map((e: Record<string, unknown>) => [e.seq, e.kind, e.effectiveDate, e.amount])).toEqual([
      [1, 'repayment', '2026-02-16', '916.94'],
    ]);
    const loan = (await send('GET', `/v1/loans/${loanId}`, t.auth('reviewer'))).json();
    expect(loan).toMatchObject({ daysPastDue: 0, outstanding: { heldForCustomer: '0.00' } });
    const after = (await send('GET', url, me())).json().attempts[1];
    expect(after).toMatchObject({ status: 'succeeded', bookedSeq: 1, amount: '916.94' });

    // Staff turn it off on the customer's behalf: a withdrawal recorded as given through staff.
    const off = await send('PUT', `/v1/loans/${loanId}/auto-repay`, t.auth('reviewer'), { enabled: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ enabled: false, noticeVersion: null, changed: true });
    expect(
      off.json().consents.map((c: Record<string, unknown>) => [c.seq, c.granted, c.by, c.actor]),
    ).toEqual([
      [1, true, 'customer', customerId],
      [2, true, 'customer', customerId],
      [3, true, 'customer', customerId],
      [4, false, 'staff', expect.stringMatching(/^test reviewer \(key_[0-9A-Z]{26}\)$/)],
    ]);
    expect((await verifyLedger(t.app.db)).ok).toBe(true);
  }, 120_000);

  it('does the same from the CLI: loan autopay on|off|show, payments attempts|resolve', async () => {
    const shown = await cli(t, ['loan', 'autopay', 'show', loanId, '--json']);
    expect(shown.code, shown.err).toBe(0);
    expect(JSON.parse(shown.out)).toMatchObject({ enabled: false, customerId, consents: { length: 4 } });
    const refused = await cli(t, [
      'loan',
      'autopay',
      'on',
      loanId,
      '--notice-version',
      '2',
      '--by',
      'ops1',
      '--json',
    ]);
    expect(refused.code).toBe(3);
    expect(JSON.parse(refused.err).error.errors[0]).toMatchObject({
      field: 'noticeVersion',
      rule: 'notice-in-force',
    });
    const on = await cli(t, [
      'loan',
      'autopay',
      'on',
      loanId,
      '--card',
      cards['1234'] ?? '',
      '--by',
      'ops1',
      '--json',
    ]);
    expect(on.code, on.err).toBe(0);
    expect(JSON.parse(on.out)).toMatchObject({
      enabled: true,
      cardLast4: '1234',
      noticeVersion: 1,
      changed: true,
    });
    expect(JSON.parse(on.out).consents[4]).toMatchObject({
      seq: 5,
      granted: true,
      by: 'staff',
      actor: 'ops1 (cli)',
    });
    const text = await cli(t, ['loan', 'autopay', 'off', loanId, '--by', 'ops1']);
    expect(text.out).toContain(`${loanId} (${customerId}): auto-repay off`);
    expect(text.out).toContain('failed (insufficient_funds)');
    const attempts = await cli(t, ['payments', 'attempts', '--customer', customerId, '--json']);
    expect(
      JSON.parse(attempts.out).attempts.map((a: { amount: string; status: string }) => [a.amount, a.status]),
    ).toEqual([
      ['916.44', 'failed'],
      ['916.94', 'succeeded'],
    ]);
    const resolved = await cli(t, ['payments', 'resolve', '--json']);
    expect(JSON.parse(resolved.out)).toEqual({ through: '2026-02-17', succeeded: 0, failed: 0, unknown: 0 });
    const badDate = await cli(t, ['payments', 'resolve', '--through', '2026-13-01', '--json']);
    expect(badDate.code).toBe(3);
    expect(JSON.parse(badDate.err).error.errors[0]).toMatchObject({ field: '--through' });
  });
});
