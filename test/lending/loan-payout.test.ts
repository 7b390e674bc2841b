import { describe, expect, it } from 'vitest';
import { contractBalances, verifyLedger } from '../../src/ledger/ledger.pg.ts';
import type { LoanService } from '../../src/lending/loans/loan-service.ts';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import type { Money } from '../../src/platform/money/money.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { createTestApp } from '../support/app.ts';
import { storesUnderTest } from '../support/stores.ts';
import { lendingWorld, snapshotRows } from './support.ts';
import { bindCardForTest, openFacilityForTest } from './facility-setup.ts';

/**
 * Money held for the customer on a loan leaves by a payout: D customer_overpayment / C funding, journal kind
 * `payout`, never more than is held, idempotent, on the statement and in the event history.
 *
 * Figures: ¥1,000.00 at 18% on the daily basis, drawn 10 January 2026. Interest for 11–20 January:
 * 100,000 × 0.18 × 10 / 365 = 493.15… → 493 fen (half up), so paying off on 20 January takes 1,004.93.
 */

async function refusal(
  work: Promise<unknown>,
): Promise<{ code: string; field?: string; rule?: string; message: string }> {
  try {
    await work;
  } catch (error) {
    if (!isAppError(error)) throw error;
    const [issue] = error.issues;
    return { code: error.code, field: issue?.field, rule: issue?.rule, message: error.message };
  }
  throw new Error('expected a refusal');
}

async function drawn(loans: LoanService, customerId: string, key: string): Promise<string> {
  const result = await loans.drawdown({
    customerId,
    amount: 100_000n as Money,
    term: 3,
    method: 'equal-installment',
    idempotencyKey: key,
  });
  if (result.outcome !== 'drawn') throw new Error(`declined: ${result.refusal.reason}`);
  return result.receipt.loanId;
}

describe.each(storesUnderTest())('loan payouts ($name)', (store) => {
  it('pays back what an over-payment left held on a closed loan, in parts and then the rest, never more', async () => {
    const w = await lendingWorld(store, { start: '2026-01-10' });
    const customerId = await w.customerWithLimit(500_000n);
    const loanId = await drawn(w.loans, customerId, 'draw-1');
    w.today('2026-01-20');
    expect((await w.loans.payoffQuote(loanId)).total).toBe(100_493n);
    const repaid = await w.loans.repay({
      loanId,
      amount: 150_493n as Money,
      intent: 'prepayment',
      idempotencyKey: 'pay-1',
    });
    expect(repaid.receipt.status).toBe('closed');
    expect(repaid.receipt.outstanding.overpayment).toBe(50_000n);

    // More than is held: refused naming the field and the rule, nothing written.
    const before = await snapshotRows(w.db);
    const tooMuch = await refusal(
      w.loans.payout({ loanId, amount: 50_001n as Money, idempotencyKey: 'out-too-much' }),
    );
    expect(tooMuch).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'amount',
      rule: 'within-held',
      message: 'amount: at most 500.00 is held for the customer on 2026-01-20; 500.01 was asked',
    });
    expect(await snapshotRows(w.db)).toBe(before);
    expect(
      await refusal(w.loans.payout({ loanId, amount: 0n as Money, idempotencyKey: 'out-zero' })),
    ).toMatchObject({ field: 'amount', rule: 'positive' });

    const part = await w.loans.payout({ loanId, amount: 20_000n as Money, idempotencyKey: 'out-1' });
    expect(part.replayed).toBe(false);
    expect(part.receipt).toMatchObject({
      loanId,
      seq: 2,
      amount: 20_000n,
      effectiveDate: '2026-01-20',
      heldBefore: 50_000n,
      status: 'closed',
    });
    expect(part.receipt.outstanding.overpayment).toBe(30_000n);
    expect(part.receipt.journalIds).toHaveLength(1);

    // The same key and request: the stored answer, nothing booked again; another request: a mismatch.
    const afterPart = await snapshotRows(w.db);
    const again = await w.loans.payout({ loanId, amount: 20_000n as Money, idempotencyKey: 'out-1' });
    expect(again).toEqual({ receipt: part.receipt, replayed: true });
    expect(await snapshotRows(w.db)).toBe(afterPart);
    expect(
      (await refusal(w.loans.payout({ loanId, amount: 10_000n as Money, idempotencyKey: 'out-1' }))).code,
    ).toBe('IDEMPOTENCY_MISMATCH');

    // No amount: all that is held.
    w.today('2026-02-03');
    const rest = await w.loans.payout({ loanId, idempotencyKey: 'out-2' });
    expect(rest.receipt).toMatchObject({
      seq: 3,
      amount: 30_000n,
      heldBefore: 30_000n,
      effectiveDate: '2026-02-03',
    });
    expect(rest.receipt.outstanding.overpayment).toBe(0n);
    expect(await refusal(w.loans.payout({ loanId, idempotencyKey: 'out-3' }))).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'amount',
      rule: 'within-held',
      message: 'amount: nothing is held for the customer on 2026-02-03',
    });

    // The books: everything received less what went back is principal and interest; nothing held.
    expect(await contractBalances(w.db, customerId, loanId)).toEqual({
      funding: 493n,
      interest_income: 493n,
    });
    expect((await verifyLedger(w.db)).ok).toBe(true);

    const statement = await w.loans.statement(loanId);
    const payouts = statement.entries.filter((entry) => entry.kind === 'payout');
    expect(payouts.map((entry) => ({ date: entry.date, lines: entry.lines }))).toEqual([
      {
        date: '2026-01-20',
        lines: expect.arrayContaining([
          { kind: 'customer_overpayment', side: 'D', amount: 20_000n },
          { kind: 'funding', side: 'C', amount: 20_000n },
        ]),
      },
      {
        date: '2026-02-03',
        lines: expect.arrayContaining([
          { kind: 'customer_overpayment', side: 'D', amount: 30_000n },
          { kind: 'funding', side: 'C', amount: 30_000n },
        ]),
      },
    ]);
    expect(payouts.every((entry) => entry.lines.length === 2)).toBe(true);
    expect(statement.closing.customer_overpayment ?? 0n).toBe(0n);

    const events = await w.loans.events(loanId);
    expect(events.map(({ receivedAt: _, ...event }) => event)).toEqual([
      { seq: 1, kind: 'repayment', effectiveDate: '2026-01-20', amount: 150_493n, intent: 'prepayment' },
      { seq: 2, kind: 'payout', effectiveDate: '2026-01-20', amount: 20_000n },
      { seq: 3, kind: 'payout', effectiveDate: '2026-02-03', amount: 30_000n },
    ]);
  });

  it('pays back held money on an active loan; a back-dated repayment that would use it is refused, one that adds to it is not', async () => {
    const w = await lendingWorld(store, { start: '2026-01-10' });
    const customerId = await w.customerWithLimit(500_000n);
    const loanId = await drawn(w.loans, customerId, 'draw-2');
    w.today('2026-01-15');
    // Nothing is due before 10 February: a scheduled repayment now is all held.
    const early = await w.loans.repay({
      loanId,
      amount: 30_000n as Money,
      intent: 'scheduled',
      idempotencyKey: 'r1',
    });
    expect(early.receipt.allocation.held).toBe(30_000n);
    w.today('2026-01-18');
    const out = await w.loans.payout({ loanId, idempotencyKey: 'p1' });
    expect(out.receipt).toMatchObject({ amount: 30_000n, status: 'active' });
    expect(out.receipt.outstanding.principal).toBe(100_000n);

    // A prepayment dated 16 January would, restated, have used the 300.00 on principal before it was paid out.
    const before = await snapshotRows(w.db);
    expect(
      await refusal(
        w.loans.repay({
          loanId,
          amount: 10_000n as Money,
          intent: 'prepayment',
          effectiveDate: '2026-01-16' as LocalDate,
          idempotencyKey: 'r2',
        }),
      ),
    ).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'effectiveDate',
      rule: 'not-using-paid-out-money',
      message:
        'effectiveDate: restating the books from 2026-01-16 would use money held for the customer that was paid out on 2026-01-18 (300.00 paid out, 0.00 would be held)',
    });
    expect(await snapshotRows(w.db)).toBe(before);

    // A scheduled one dated 16 January only adds to what was held: restated, 100.00 held now.
    const scheduled = await w.loans.repay({
      loanId,
      amount: 10_000n as Money,
      intent: 'scheduled',
      effectiveDate: '2026-01-16' as LocalDate,
      idempotencyKey: 'r3',
    });
    expect(scheduled.receipt.restated).toBe(true);
    expect(scheduled.receipt.outstanding.overpayment).toBe(10_000n);
    expect((await contractBalances(w.db, customerId, loanId)).customer_overpayment).toBe(10_000n);
    expect((await verifyLedger(w.db)).ok).toBe(true);
  });

  it('over HTTP: POST /v1/loans/{id}/payouts with an idempotency key, roles as repayments; GET …/events', async () => {
    const t = await createTestApp({ store, now: new Date('2026-01-15T02:00:00Z') });
    try {
      const customer = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE';
      const json = (role: 'app' | 'reviewer' | 'analyst', key?: string) => ({
        ...t.auth(role),
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      });
      await openFacilityForTest(t, {
        customerId: customer,
        product: 'cash-loan',
        limit: '5000.00',
        apr: '0.18',
        decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
      });
      await bindCardForTest(t.app.db, customer, 'crd_01JD3ZK6Q8W4M2X9T7B5N1R0CD');
      const loan = await t.app.http.inject({
        method: 'POST',
        url: '/v1/loans',
        headers: json('app', 'd1'),
        payload: { customerId: customer, amount: '1000.00', term: 3, method: 'equal-installment' },
      });
      expect(loan.statusCode).toBe(201);
      const loanId = loan.json().loan.id as string;
      // Paid off on the drawdown day with 250.00 over: closed, 250.00 held.
      const repaid = await t.app.http.inject({
        method: 'POST',
        url: `/v1/loans/${loanId}/repayments`,
        headers: json('app', 'r1'),
        payload: { amount: '1250.00', intent: 'prepayment' },
      });
      expect(repaid.json()).toMatchObject({ status: 'closed', outstanding: { heldForCustomer: '250.00' } });

      const url = `/v1/loans/${loanId}/payouts`;
      const noKey = await t.app.http.inject({ method: 'POST', url, headers: json('app'), payload: {} });
      expect(noKey.statusCode).toBe(422);
      expect(JSON.stringify(noKey.json().errors)).toContain('idempotency-key');
      const analyst = await t.app.http.inject({
        method: 'POST',
        url,
        headers: json('analyst', 'x'),
        payload: {},
      });
      expect(analyst.statusCode).toBe(403);
      const tooMuch = await t.app.http.inject({
        method: 'POST',
        url,
        headers: json('reviewer', 'p0'),
        payload: { amount: '250.01' },
      });
      expect(tooMuch.statusCode).toBe(422);
      expect(tooMuch.json().errors).toEqual([
        {
          field: 'amount',
          rule: 'within-held',
          message: 'at most 250.00 can be paid back: 250.00 is held',
        },
      ]);

      const first = await t.app.http.inject({
        method: 'POST',
        url,
        headers: json('reviewer', 'p1'),
        payload: {},
      });
      expect(first.statusCode).toBe(201);
      // Event 2 is the pay-out's reservation (made when it was recorded); 3 the payout booked from it.
      expect(first.json()).toMatchObject({
        loanId,
        seq: 3,
        amount: '250.00',
        effectiveDate: '2026-01-15',
        heldBefore: '250.00',
        status: 'closed',
        outstanding: { heldForCustomer: '0.00' },
      });
      const replay = await t.app.http.inject({
        method: 'POST',
        url,
        headers: json('reviewer', 'p1'),
        payload: {},
      });
      expect(replay.statusCode).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.json()).toEqual(first.json());

      const statement = await t.app.http.inject({
        method: 'GET',
        url: `/v1/loans/${loanId}/statement`,
        headers: t.auth('analyst'),
      });
      const payout = (statement.json().entries as { kind: string; lines: unknown[] }[]).find(
        (entry) => entry.kind === 'payout',
      );
      expect(payout?.lines).toEqual(
        expect.arrayContaining([
          { account: 'customer_overpayment', side: 'D', amount: '250.00' },
          { account: 'funding', side: 'C', amount: '250.00' },
        ]),
      );
      const events = await t.app.http.inject({
        method: 'GET',
        url: `/v1/loans/${loanId}/events`,
        headers: t.auth('analyst'),
      });
      expect(events.statusCode).toBe(200);
      expect(
        (events.json().events as Record<string, unknown>[]).map(({ receivedAt: _, ...event }) => event),
      ).toEqual([
        {
          seq: 1,
          kind: 'repayment',
          effectiveDate: '2026-01-15',
          amount: '1250.00',
          intent: 'prepayment',
          reverses: null,
          reason: null,
          hardshipTool: null,
          hardshipRequestId: null,
        },
        {
          seq: 2,
          kind: 'reserve',
          effectiveDate: '2026-01-15',
          amount: '250.00',
          intent: null,
          reverses: null,
          reason: null,
          hardshipTool: null,
          hardshipRequestId: null,
        },
        {
          seq: 3,
          kind: 'payout',
          effectiveDate: '2026-01-15',
          amount: '250.00',
          intent: null,
          reverses: null,
          reason: null,
          hardshipTool: null,
          hardshipRequestId: null,
        },
      ]);
      expect((await verifyLedger(t.app.db)).ok).toBe(true);
    } finally {
      await t.app.stop();
    }
  });
});
