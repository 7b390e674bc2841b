import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractPostings, verifyLedger } from '../../../src/ledger/ledger.pg.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { statementsAgainstLedger } from './ledger-check.ts';
import { snapshotLineRows } from './support.ts';
import { bindCardForTest, openFacilityForTest } from '../facility-setup.ts';

/**
 * Over HTTP, on each store: ¥2,400.00 bought and converted into 3 × (¥800.00 + ¥18.00); period 1 billed on
 * 1 Feb; the merchant refunds all of it on 5 Feb. The plan's periods 2 and 3 and their ¥36.00 of fees are
 * cancelled, ¥800.00 pays what is billed (fee ¥18.00, principal ¥782.00), ¥18.00 is left to pay. The
 * customer pays ¥100.00; ¥82.00 is held and paid out. Statement 2 shows it all and adds up; the ledger
 * balances and equals the statements.
 */

const customer = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0PY';

function json(headers: Record<string, string>, key?: string) {
  return { ...headers, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) };
}

describe.each(storesUnderTest().map((store) => [store.name, store] as const))(
  'refund of a converted purchase and payout over HTTP (%s)',
  (_name, store) => {
    let t: TestApp;
    let lineId = '';
    let purchaseId = '';
    let planId = '';

    beforeAll(async () => {
      t = await createTestApp({ store, now: new Date('2026-01-05T02:00:00Z') });
      await openFacilityForTest(t, {
        customerId: customer,
        product: 'credit-line',
        limit: '5000.00',
        apr: '0.1825',
        decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0PY',
      });
      await bindCardForTest(t.app.db, customer, 'crd_01JD3ZK6Q8W4M2X9T7B5N1R0CD');
      const opened = await t.app.http.inject({
        method: 'POST',
        url: '/v1/lines',
        headers: json(t.auth('app')),
        payload: { customerId: customer },
      });
      lineId = opened.json().id;
      const bought = await t.app.http.inject({
        method: 'POST',
        url: `/v1/lines/${lineId}/purchases`,
        headers: json(t.auth('app'), 'tv'),
        payload: { amount: '2400.00', description: 'a television' },
      });
      purchaseId = bought.json().purchaseId;
      const converted = await t.app.http.inject({
        method: 'POST',
        url: `/v1/lines/${lineId}/conversions`,
        headers: json(t.auth('app'), 'tv-plan'),
        payload: { source: { purchaseId }, term: 3 },
      });
      expect(converted.statusCode).toBe(201);
      planId = converted.json().planId;
      expect(converted.json().offer).toMatchObject({
        feePerPeriod: '18.00',
        instalments: ['818.00', '818.00', '818.00'],
      });
      t.clock.set('2026-02-05' as never);
      await t.app.services.dayEnd.run({ through: '2026-02-04' as never });
    });

    afterAll(async () => {
      await t.app.stop();
    });

    it('cancels the unbilled instalments and their fees; the rest pays what is billed; idempotent by key', async () => {
      const request = {
        method: 'POST' as const,
        url: `/v1/lines/${lineId}/refunds`,
        headers: json(t.auth('reviewer'), 'tv-refund'),
        payload: { purchaseId, amount: '2400.00' },
      };
      const refunded = await t.app.http.inject(request);
      expect(refunded.statusCode).toBe(201);
      expect(refunded.json()).toMatchObject({
        kind: 'refund',
        allocation: {
          fees: '18.00',
          interest: '0.00',
          principal: '2382.00',
          unbilledInstalments: '1600.00',
          held: '0.00',
        },
        balances: { billedPrincipal: '18.00', instalmentsNotYetBilled: '0.00', principalOwed: '18.00' },
        availableAfter: '4982.00',
      });
      const rows = await snapshotLineRows(t.app.db);
      const again = await t.app.http.inject(request);
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(refunded.json());
      expect(await snapshotLineRows(t.app.db)).toBe(rows);
      const other = await t.app.http.inject({ ...request, payload: { purchaseId, amount: '1.00' } });
      expect(other.statusCode).toBe(409);
      const nothingLeft = await t.app.http.inject({
        ...request,
        headers: json(t.auth('reviewer'), 'tv-refund-2'),
        payload: { purchaseId, amount: '0.01' },
      });
      expect(nothingLeft.statusCode).toBe(422);
      expect(nothingLeft.json().errors).toContainEqual(
        expect.objectContaining({ field: 'amount', rule: 'within-purchase' }),
      );

      const line = await t.app.http.inject({
        method: 'GET',
        url: `/v1/lines/${lineId}`,
        headers: t.auth('analyst'),
      });
      expect(line.json().facility.used).toBe('18.00');
      expect(line.json().plans).toEqual([
        expect.objectContaining({
          planId,
          status: 'cancelled',
          cancelledOn: '2026-02-05',
          billedPeriods: 1,
          parts: ['800.00', '0.00', '0.00'],
          refunded: '1600.00',
          principalNotYetBilled: '0.00',
          principalOwed: '18.00',
          remainingAprByIrr: null,
        }),
      ]);
    });

    it('pays out money held: all by default, refusing more than is held or nothing held; roles as refunds', async () => {
      const paid = await t.app.http.inject({
        method: 'POST',
        url: `/v1/lines/${lineId}/payments`,
        headers: json(t.auth('app'), 'pay-100'),
        payload: { amount: '100.00' },
      });
      expect(paid.json().allocation).toMatchObject({ principal: '18.00', held: '82.00' });

      const url = `/v1/lines/${lineId}/payouts`;
      const before = await snapshotLineRows(t.app.db);
      const tooMuch = await t.app.http.inject({
        method: 'POST',
        url,
        headers: json(t.auth('app'), 'out-too-much'),
        payload: { amount: '82.01' },
      });
      expect(tooMuch.statusCode).toBe(422);
      expect(tooMuch.json().errors).toContainEqual(
        expect.objectContaining({ field: 'amount', rule: 'within-held' }),
      );
      const noKey = await t.app.http.inject({
        method: 'POST',
        url,
        headers: json(t.auth('app')),
        payload: {},
      });
      expect(noKey.statusCode).toBe(422);
      const analyst = await t.app.http.inject({
        method: 'POST',
        url,
        headers: json(t.auth('analyst'), 'out-analyst'),
        payload: {},
      });
      expect(analyst.statusCode).toBe(403);
      expect(await snapshotLineRows(t.app.db)).toBe(before);

      const request = {
        method: 'POST' as const,
        url,
        headers: json(t.auth('reviewer'), 'out-1'),
        payload: {},
      };
      const out = await t.app.http.inject(request);
      expect(out.statusCode).toBe(201);
      expect(out.json()).toMatchObject({
        amount: '82.00',
        effectiveDate: '2026-02-05',
        heldBefore: '82.00',
        heldAfter: '0.00',
        balances: { heldForCustomer: '0.00', payoff: '0.00' },
      });
      const again = await t.app.http.inject(request);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(out.json());
      const empty = await t.app.http.inject({ ...request, headers: json(t.auth('app'), 'out-2') });
      expect(empty.statusCode).toBe(422);
      expect(empty.json().errors).toContainEqual(
        expect.objectContaining({ field: 'amount', rule: 'within-held' }),
      );

      const postings = (await contractPostings(t.app.db, customer, lineId)).filter(
        (posting) => posting.journalId === out.json().journalIds[0],
      );
      expect(postings.map((p) => [p.kind, p.side, p.amount])).toEqual(
        expect.arrayContaining([
          ['customer_overpayment', 'D', 8_200n],
          ['funding', 'C', 8_200n],
        ]),
      );
      expect(postings).toHaveLength(2);
      expect(postings.every((p) => p.journalKind === 'payout')).toBe(true);
    });

    it('statement 2 shows the refund split, the payment and the payout, adds up and equals the ledger', async () => {
      t.clock.set('2026-03-02' as never);
      await t.app.services.dayEnd.run({ through: '2026-03-01' as never });
      const list = await t.app.http.inject({
        method: 'GET',
        url: `/v1/lines/${lineId}/statements`,
        headers: t.auth('analyst'),
      });
      const [first, second, third] = list.json().statements;
      expect(first).toMatchObject({ closingBalance: '818.00', instalmentsNotYetBilled: '1600.00' });
      // 818.00 − 800.00 refunded − 100.00 paid + 82.00 paid out = 0; instalments to come 1,600.00 − 1,600.00.
      expect(second).toMatchObject({
        seq: 2,
        openingBalance: '818.00',
        refunds: '800.00',
        instalmentRefunds: '1600.00',
        payments: '100.00',
        payouts: '82.00',
        instalmentPrincipal: '0.00',
        fees: '0.00',
        interest: '0.00',
        closingBalance: '0.00',
        instalmentsNotYetBilled: '0.00',
        instalments: [],
      });
      expect(third).toBeUndefined();
      const statements = await t.app.services.creditLines.statements(lineId);
      expect(await statementsAgainstLedger(t.app.db, customer, lineId, statements)).toEqual([]);
      const verification = await verifyLedger(t.app.db);
      expect(verification.ok).toBe(true);
      const line = await t.app.http.inject({
        method: 'GET',
        url: `/v1/lines/${lineId}`,
        headers: t.auth('analyst'),
      });
      expect(line.json().facility.used).toBe('0.00');
      expect(line.json().plans[0]).toMatchObject({ status: 'cancelled', principalOwed: '0.00' });
    });
  },
);
