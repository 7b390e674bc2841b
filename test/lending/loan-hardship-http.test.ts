import { describe, expect, it } from 'vitest';
import { contractBalances, verifyLedger } from '../../src/ledger/ledger.pg.ts';
import type { Role } from '../../src/platform/auth/api-keys.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storesUnderTest } from '../support/stores.ts';
import { openFacilityForTest } from './facility-setup.ts';
import { snapshotRows } from './support.ts';

/**
 * Issue 15, item 4, over HTTP on both stores: hardship requests with reasons, applied at once within the
 * threshold (CNY 1,000.00 by default) and by a second person above it; refusals 422 naming the field and
 * the rule with nothing written; books verified, the customer told.
 */
const customer = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE';

async function snapshot(t: TestApp): Promise<string> {
  const requests = await t.app.db.query('select * from loan_hardship_requests order by 1, 2');
  const messages = await t.app.db.query('select kind, occasion from customer_messages order by 1, 2');
  return `${await snapshotRows(t.app.db)}\n${JSON.stringify(requests.rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n${JSON.stringify(messages.rows)}`;
}

function call(t: TestApp, role: Role, method: 'GET' | 'POST', url: string, payload?: unknown, key?: string) {
  return t.app.http.inject({
    method,
    url,
    headers: {
      ...t.auth(role),
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

const reasons = [{ code: 'income-loss', note: 'lost job in March, new job from May' }];

async function nightThrough(t: TestApp, date: string): Promise<void> {
  t.clock.set(new Date(`${date}T02:00:00Z`));
  await t.app.services.dayEnd.run({ through: t.clock.today() });
  // The next morning, as staff see it.
}

describe.each(storesUnderTest())('hardship tools over HTTP ($name)', (store) => {
  it('waiver within the threshold is applied at once; a settlement above it waits for a second person; refusals write nothing', async () => {
    // 2026-01-15 10:00 Asia/Shanghai: ¥10,000 over 12 months at 18.25 % (daily basis).
    const t = await createTestApp({ store, now: new Date('2026-01-15T02:00:00Z') });
    try {
      await openFacilityForTest(t, {
        customerId: customer,
        product: 'cash-loan',
        limit: '20000.00',
        apr: '0.1825',
        decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
      });
      const drawn = await call(
        t,
        'app',
        'POST',
        '/v1/loans',
        {
          customerId: customer,
          amount: '10000.00',
          term: 12,
          method: 'equal-installment',
        },
        'draw',
      );
      expect(drawn.statusCode).toBe(201);
      const loanId = drawn.json().loan.id as string;
      const base = `/v1/loans/${loanId}/hardship-requests`;

      // Instalment 1 (2026-02-15) unpaid; on 2026-03-10 it is 23 days overdue.
      await nightThrough(t, '2026-03-10');
      const loan = (await call(t, 'reviewer', 'GET', `/v1/loans/${loanId}`)).json();
      expect(loan.daysPastDue).toBe(23);
      const penaltyOwed = loan.outstanding.penalty as string;

      // A waiver above what is owed: 422 naming the field and the rule, nothing written.
      const before = await snapshot(t);
      const tooMuch = await call(
        t,
        'collector',
        'POST',
        base,
        {
          tool: 'waiver',
          penalty: '999.00',
          reasons,
        },
        'w0',
      );
      expect(tooMuch.statusCode).toBe(422);
      expect(tooMuch.json().errors).toContainEqual(
        expect.objectContaining({ field: 'penalty', rule: 'within-owed' }),
      );
      // A field another tool takes, a reason code not in the list: 422, nothing written.
      const wrongField = await call(
        t,
        'collector',
        'POST',
        base,
        { tool: 'waiver', amount: '1.00', reasons },
        'w1',
      );
      expect(wrongField.json().errors).toContainEqual(
        expect.objectContaining({ field: 'amount', rule: 'not-for-tool' }),
      );
      expect(await snapshot(t)).toBe(before);

      // A preview, before submitting: what the request would do, refused the same way, nothing written.
      const previewed = await call(t, 'collector', 'POST', `${base}/preview`, {
        tool: 'waiver',
        penalty: penaltyOwed,
      });
      expect(previewed.statusCode).toBe(200);
      const preview = previewed.json();
      expect(preview).toMatchObject({
        moneyEffect: penaltyOwed,
        secondPersonAbove: '1000.00',
        needsSecondPerson: false,
      });
      expect(preview.instalmentsBefore[0]).toMatchObject({ period: 1, penalty: penaltyOwed });
      // The waived penalty leaves instalment 1 owing that much less (amounts compared in fen).
      const fen = (yuan: string) => Math.round(Number(yuan) * 100);
      expect(preview.instalmentsAfter[0].period).toBe(1);
      expect(fen(preview.instalmentsBefore[0].owed) - fen(preview.instalmentsAfter[0].owed)).toBe(
        fen(penaltyOwed),
      );
      const settlePreview = (
        await call(t, 'collector', 'POST', `${base}/preview`, { tool: 'settlement', amount: '6000.00' })
      ).json();
      expect(settlePreview.needsSecondPerson).toBe(true);
      const previewTooMuch = await call(t, 'collector', 'POST', `${base}/preview`, {
        tool: 'waiver',
        penalty: '999.00',
      });
      expect(previewTooMuch.statusCode).toBe(422);
      expect(previewTooMuch.json().errors).toContainEqual(
        expect.objectContaining({ field: 'penalty', rule: 'within-owed' }),
      );
      expect((await call(t, 'analyst', 'POST', `${base}/preview`, { tool: 're-age' })).statusCode).toBe(403);
      expect(await snapshot(t)).toBe(before);

      // The penalty owed waived by a collector: within the threshold, applied at once (201).
      const waived = await call(
        t,
        'collector',
        'POST',
        base,
        { tool: 'waiver', penalty: penaltyOwed, reasons },
        'w2',
      );
      expect(waived.statusCode).toBe(201);
      const waiver = waived.json();
      expect(waiver.request).toMatchObject({
        status: 'applied',
        needsSecondPerson: false,
        moneyEffect: penaltyOwed,
        maker: { name: 'test collector' },
        eventSeq: 1,
      });
      expect(waiver.journalIds).toHaveLength(1);
      const afterWaiver = (await call(t, 'reviewer', 'GET', `/v1/loans/${loanId}`)).json();
      expect(afterWaiver.outstanding.penalty).toBe('0.00');
      // The same key and body again: the same request, nothing new.
      const snapWaived = await snapshot(t);
      const replay = await call(
        t,
        'collector',
        'POST',
        base,
        { tool: 'waiver', penalty: penaltyOwed, reasons },
        'w2',
      );
      expect(replay.statusCode).toBe(200);
      expect(replay.json().request.id).toBe(waiver.request.id);
      expect(await snapshot(t)).toBe(snapWaived);

      // A settlement: the customer pays ¥6,000.00, the rest (above ¥1,000.00) is written off — pending.
      const asked = await call(
        t,
        'collector',
        'POST',
        base,
        { tool: 'settlement', amount: '6000.00', reasons },
        's1',
      );
      expect(asked.statusCode).toBe(202);
      const settlement = asked.json().request;
      expect(settlement).toMatchObject({ status: 'pending', needsSecondPerson: true, eventSeq: null });
      const owedBefore = afterWaiver.outstanding;
      const writtenOff =
        Math.round(
          (Number(owedBefore.principal) + Number(owedBefore.interest) + Number(owedBefore.penalty) - 6000) *
            100,
        ) / 100;
      expect(Number(settlement.moneyEffect)).toBe(writtenOff);
      // It waits in the approvers' inbox (every loan's pending requests), and leaves it once decided.
      const inbox = await call(t, 'reviewer', 'GET', '/v1/hardship-requests?status=pending');
      expect(inbox.statusCode).toBe(200);
      expect(
        inbox
          .json()
          .requests.map((r: { id: string; status: string; loanId: string }) => [r.id, r.status, r.loanId]),
      ).toEqual([[settlement.id, 'pending', loanId]]);
      expect((await call(t, 'reviewer', 'GET', '/v1/hardship-requests')).statusCode).toBe(422);
      // A collector cannot approve (403); the maker's own approval as a reviewer is refused below.
      const byCollector = await call(
        t,
        'collector',
        'POST',
        `/v1/hardship-requests/${settlement.id}/approve`,
      );
      expect(byCollector.statusCode).toBe(403);

      const approved = await call(t, 'reviewer', 'POST', `/v1/hardship-requests/${settlement.id}/approve`);
      expect(approved.statusCode).toBe(200);
      expect(approved.json().request).toMatchObject({
        status: 'applied',
        checker: { name: 'test reviewer' },
        eventSeq: 2,
      });
      expect(
        (await call(t, 'collector', 'GET', '/v1/hardship-requests?status=pending')).json().requests,
      ).toEqual([]);
      const closed = (await call(t, 'reviewer', 'GET', `/v1/loans/${loanId}`)).json();
      expect(closed.status).toBe('closed');
      expect(closed.daysPastDue).toBe(0);
      const balances = await contractBalances(t.app.db, customer, loanId);
      expect(balances.write_off_expense).toBe(BigInt(Math.round(writtenOff * 100)));
      expect(balances.principal_receivable ?? 0n).toBe(0n);
      expect((await verifyLedger(t.app.db)).ok).toBe(true);

      // Approving it again; a holiday on the closed loan: 422 naming the field and the rule, nothing written.
      const snapClosed = await snapshot(t);
      const again = await call(t, 'reviewer', 'POST', `/v1/hardship-requests/${settlement.id}/approve`);
      expect(again.statusCode).toBe(422);
      expect(again.json().errors).toContainEqual(
        expect.objectContaining({ field: 'requestId', rule: 'pending-request' }),
      );
      const holiday = await call(
        t,
        'collector',
        'POST',
        base,
        { tool: 'holiday', instalments: 1, reasons },
        'h1',
      );
      expect(holiday.statusCode).toBe(422);
      expect(holiday.json().errors).toContainEqual(
        expect.objectContaining({ field: 'loanId', rule: 'active-loan' }),
      );
      expect(await snapshot(t)).toBe(snapClosed);

      // The loan's events and the customer's messages say what happened.
      const events = (await call(t, 'reviewer', 'GET', `/v1/loans/${loanId}/events`)).json().events;
      expect(
        events.map((e: { kind: string; hardshipTool: string | null }) => [e.kind, e.hardshipTool]),
      ).toEqual([
        ['hardship', 'waiver'],
        ['hardship', 'settlement'],
      ]);
      const messages = await t.app.db.query<{ occasion: string; text_en: string; text_zh: string }>(
        `select occasion, text->>'en' as text_en, text->>'zh' as text_zh from customer_messages where kind = 'loan_hardship_applied' order by occasion`,
      );
      expect(messages.rows).toHaveLength(2);
      expect(messages.rows.map((row) => row.text_en).join('\n')).toContain('CNY 6,000.00');
      expect(messages.rows.map((row) => row.text_zh).join('\n')).toContain('¥6,000.00');
      const listed = (await call(t, 'analyst', 'GET', base)).json().requests;
      expect(listed.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    } finally {
      await t.app.stop();
    }
  }, 240_000);

  it('the maker cannot approve their own request (another person must)', async () => {
    const t = await createTestApp({ store, now: new Date('2026-01-15T02:00:00Z') });
    try {
      await openFacilityForTest(t, {
        customerId: customer,
        product: 'cash-loan',
        limit: '20000.00',
        apr: '0.1825',
        decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
      });
      const loanId = (
        await call(
          t,
          'app',
          'POST',
          '/v1/loans',
          { customerId: customer, amount: '10000.00', term: 12, method: 'equal-installment' },
          'd',
        )
      ).json().loan.id as string;
      await nightThrough(t, '2026-02-01');
      // Reschedule to 18 instalments: ¥10,000.00 of principal re-planned, above the threshold.
      const asked = await call(
        t,
        'reviewer',
        'POST',
        `/v1/loans/${loanId}/hardship-requests`,
        {
          tool: 'reschedule',
          instalments: 18,
          reasons,
        },
        'r1',
      );
      expect(asked.statusCode).toBe(202);
      const id = asked.json().request.id as string;
      expect(
        asked.json().instalmentsAfter.filter((i: { status: string }) => i.status === 'upcoming'),
      ).toHaveLength(18);
      const own = await call(t, 'reviewer', 'POST', `/v1/hardship-requests/${id}/approve`);
      // Forbidden to this person, as a settings change's maker approving it is (403, not 422).
      expect(own.statusCode).toBe(403);
      expect(own.json().errors).toContainEqual(
        expect.objectContaining({ field: 'checker', rule: 'maker-checker' }),
      );
      const rejected = await call(t, 'reviewer', 'POST', `/v1/hardship-requests/${id}/reject`, {
        note: 'withdrawn',
      });
      expect(rejected.json().request.status).toBe('rejected');
      expect((await call(t, 'reviewer', 'GET', `/v1/loans/${loanId}/events`)).json().events).toEqual([]);
    } finally {
      await t.app.stop();
    }
  });
});
