import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../../src/ledger/ledger.pg.ts';
import type { Requester } from '../../../src/lending/credit-lines/line-lifecycle-service.ts';
import { isAppError } from '../../../src/platform/errors/app-error.ts';
import type { Money } from '../../../src/platform/money/money.ts';
import { parseRate } from '../../../src/platform/money/rate.ts';
import type { LocalDate } from '../../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { linesDueForReview } from '../../../src/lending/credit-lines/limit-reviews.pg.ts';
import { statementsAgainstLedger } from './ledger-check.ts';
import { lineWorld, snapshotLineRows } from './support.ts';

/**
 * The credit line's lifecycle through the services, on each store: closing at zero balance (refused while
 * anything is owed; nothing accepted afterwards; history kept), the customer's lower limit (never below what
 * is used), and a temporary limit that the day-end expires once (what was drawn above the limit stays owed).
 */

const customer: Requester = {
  onBehalfOfCustomer: true,
  actor: { kind: 'key', id: 'key_APP', name: 'app' },
};
const staff: Requester = {
  onBehalfOfCustomer: false,
  actor: { kind: 'staff', id: 'stf_ANNA', name: 'anna' },
};
const fen = (value: bigint) => value as Money;

/** The refusal's field and rule (and message), or a failure when the call succeeded. */
async function refusal(call: Promise<unknown>): Promise<{ field: string; rule: string; message: string }> {
  try {
    await call;
  } catch (error) {
    if (isAppError(error)) {
      const [issue] = error.issues;
      if (issue) return { field: issue.field, rule: issue.rule, message: issue.message };
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(storesUnderTest())('credit-line lifecycle ($name)', (store) => {
  it('closes only at zero balance; a closed line accepts nothing more and keeps its history', async () => {
    const world = await lineWorld(store, { start: '2026-01-05', seed: 31 });
    const { customerId, lineId } = await world.customerWithLine(500_000n);
    world.today('2026-01-10');
    await world.lines.purchase({ lineId, amount: fen(100_000n), description: 'phone', idempotencyKey: 'p1' });

    const before = await snapshotLineRows(world.db);
    expect(await refusal(world.lines.close({ lineId, idempotencyKey: 'c1', requester: customer }))).toEqual({
      field: 'balance',
      rule: 'nothing-owed',
      message: '1000.00 is still owed on the line; a line closes at zero balance',
    });
    expect(await snapshotLineRows(world.db)).toBe(before);

    world.today('2026-01-12');
    await world.lines.pay({ lineId, amount: fen(100_500n), idempotencyKey: 'pay1' });
    // ¥5.00 paid beyond the debt is held for the customer: pay it out first.
    expect(
      await refusal(world.lines.close({ lineId, idempotencyKey: 'c2', requester: customer })),
    ).toMatchObject({
      field: 'heldForCustomer',
      rule: 'nothing-held',
    });
    await world.lines.payout({ lineId, idempotencyKey: 'out1' });

    const closed = await world.lines.close({
      lineId,
      idempotencyKey: 'c3',
      reason: 'no longer needed',
      requester: customer,
    });
    expect(closed).toMatchObject({
      replayed: false,
      receipt: {
        change: 'close',
        seq: 1,
        effectiveDate: '2026-01-12',
        facilityStatus: 'closed',
        limit: 500_000n,
        used: 0n,
        available: 0n,
        closedOn: '2026-01-12',
      },
    });
    const again = await world.lines.close({
      lineId,
      idempotencyKey: 'c3',
      reason: 'no longer needed',
      requester: customer,
    });
    expect(again).toEqual({ receipt: closed.receipt, replayed: true });

    const afterClose = await snapshotLineRows(world.db);
    for (const attempt of [
      () => world.lines.purchase({ lineId, amount: fen(100n), description: 'x', idempotencyKey: 'p2' }),
      () => world.lines.pay({ lineId, amount: fen(100n), idempotencyKey: 'pay2' }),
      () => world.lines.payout({ lineId, idempotencyKey: 'out2' }),
      () => world.lines.close({ lineId, idempotencyKey: 'c4', requester: customer }),
      () =>
        world.lines.grantTemporaryLimit({
          lineId,
          amount: fen(100n),
          until: '2026-01-20' as LocalDate,
          reason: 'travel',
          idempotencyKey: 't1',
          requester: staff,
        }),
    ]) {
      expect(await refusal(attempt())).toEqual({
        field: 'line',
        rule: 'line-open',
        message: `line ${lineId} was closed on 2026-01-12; it accepts nothing more`,
      });
    }
    expect(await snapshotLineRows(world.db)).toBe(afterClose);

    // The day-end goes on: the cycle's statement is cut on 1 Feb and shows it all, closing at zero.
    world.today('2026-02-03');
    await world.nightly();
    const statements = await world.lines.statements(lineId);
    expect(
      statements.map((s) => [s.statementDate, s.purchases, s.payments, s.payouts, s.closingBalance]),
    ).toEqual([['2026-02-01', 100_000n, 100_500n, 500n, 0n]]);
    const view = await world.lines.getLine(lineId);
    expect(view).toMatchObject({ closedOn: '2026-01-12', facility: { status: 'closed', used: 0n } });
    const changes = await world.lines.changes(lineId);
    expect(changes.map((c) => [c.seq, c.kind, c.effectiveDate, c.requestedBy, c.reason])).toEqual([
      [1, 'close', '2026-01-12', 'customer', 'no longer needed'],
    ]);
    expect((await world.facilities.getFacility(customerId, 'credit-line'))?.status).toBe('closed');
    // After its last statement's due date the monthly review passes the closed line by.
    world.today('2026-02-12');
    await world.nightly();
    expect((await linesDueForReview(world.db, '', 100)).map((due) => due.lineId)).not.toContain(lineId);
    expect((await verifyLedger(world.db)).ok).toBe(true);
  });

  it("lowers the limit at the customer's request, never below what is used", async () => {
    const world = await lineWorld(store, { start: '2026-01-05', seed: 32 });
    const { lineId } = await world.customerWithLine(500_000n);
    await world.lines.purchase({ lineId, amount: fen(120_000n), description: 'tv', idempotencyKey: 'p1' });

    const before = await snapshotLineRows(world.db);
    const request = { lineId, reason: 'I spend too much', requester: customer };
    expect(
      await refusal(
        world.lines.requestLowerLimit({ ...request, limit: fen(119_999n), idempotencyKey: 'l1' }),
      ),
    ).toEqual({
      field: 'limit',
      rule: 'at-least-used',
      message: 'the limit cannot be below the 1200.00 in use',
    });
    expect(
      await refusal(
        world.lines.requestLowerLimit({ ...request, limit: fen(500_000n), idempotencyKey: 'l2' }),
      ),
    ).toMatchObject({ field: 'limit', rule: 'below-current-limit' });
    expect(
      await refusal(world.lines.liftCustomerLimitCap({ lineId, idempotencyKey: 'u0', requester: customer })),
    ).toMatchObject({ field: 'customerLimitCap', rule: 'cap-set' });
    expect(await snapshotLineRows(world.db)).toBe(before);

    const lowered = await world.lines.requestLowerLimit({
      ...request,
      limit: fen(200_000n),
      idempotencyKey: 'l3',
    });
    expect(lowered.receipt).toMatchObject({
      change: 'customer-limit',
      limit: 200_000n,
      used: 120_000n,
      available: 80_000n,
      customerLimitCap: 200_000n,
    });
    const declined = await world.lines.purchase({
      lineId,
      amount: fen(80_001n),
      description: 'more',
      idempotencyKey: 'p2',
    });
    expect(declined).toMatchObject({
      outcome: 'declined',
      refusal: { reason: 'insufficient-available-credit', available: 80_000n },
    });
    expect((await world.lines.getLine(lineId)).customerLimitCap).toBe(200_000n);

    const lifted = await world.lines.liftCustomerLimitCap({
      lineId,
      idempotencyKey: 'u1',
      requester: customer,
    });
    expect(lifted.receipt).toMatchObject({ limit: 200_000n, customerLimitCap: null });
    const changes = await world.lines.changes(lineId);
    expect(changes.map((c) => [c.kind, c.detail])).toEqual([
      ['customer-limit', { limitBefore: '5000.00', limitAfter: '2000.00', used: '1200.00' }],
      ['customer-limit-lifted', { capBefore: '2000.00', limit: '2000.00' }],
    ]);
  });

  it('a temporary limit lets the customer spend above the limit until its last day; the day-end expires it once', async () => {
    const world = await lineWorld(store, { start: '2026-01-10', seed: 33 });
    const { customerId, lineId } = await world.customerWithLine(100_000n);
    const grant = {
      lineId,
      amount: fen(50_000n),
      until: '2026-01-20' as LocalDate,
      reason: 'travel abroad',
      requester: staff,
    };
    expect(
      await refusal(
        world.lines.grantTemporaryLimit({ ...grant, until: '2026-04-11' as LocalDate, idempotencyKey: 't0' }),
      ),
    ).toMatchObject({ field: 'until', rule: 'within-90-days' });

    const granted = await world.lines.grantTemporaryLimit({ ...grant, idempotencyKey: 't1' });
    expect(granted.receipt).toMatchObject({
      change: 'temporary-limit',
      limit: 100_000n,
      available: 150_000n,
      temporary: { amount: 50_000n, until: '2026-01-20' },
    });
    const bought = await world.lines.purchase({
      lineId,
      amount: fen(140_000n),
      description: 'flights',
      idempotencyKey: 'p1',
    });
    expect(bought).toMatchObject({ outcome: 'made', receipt: { availableAfter: 10_000n } });

    // 21 Jan: the last day has passed. A purchase sees no temporary limit; used ¥1,400.00 stays owed.
    world.today('2026-01-21');
    const refused = await world.lines.purchase({
      lineId,
      amount: fen(1n),
      description: 'coffee',
      idempotencyKey: 'p2',
    });
    expect(refused).toMatchObject({
      outcome: 'declined',
      refusal: { reason: 'insufficient-available-credit', available: 0n },
    });
    world.today('2026-01-22');
    await world.nightly();
    const expired = await world.facilities.getFacility(customerId, 'credit-line');
    expect(expired).toMatchObject({ limit: 100_000n, used: 140_000n, temporary: null });
    const history = async () =>
      (await world.lines.changes(lineId)).map((c) => [c.kind, c.effectiveDate, c.requestedBy, c.detail]);
    const expected = [
      [
        'temporary-limit',
        '2026-01-10',
        'staff:stf_ANNA',
        { amount: '500.00', until: '2026-01-20', limit: '1000.00' },
      ],
      ['temporary-limit-expired', '2026-01-21', 'system', { amount: '500.00', until: '2026-01-20' }],
    ];
    expect(await history()).toEqual(expected);
    // A rerun of the dates changes nothing.
    const rows = await snapshotLineRows(world.db);
    await world.dayEnd.run({ through: '2026-01-21' as LocalDate });
    expect(await snapshotLineRows(world.db)).toBe(rows);
    expect(await history()).toEqual(expected);

    // No new spending until used is under the limit: ¥500.00 paid leaves ¥900.00 used, ¥100.00 available.
    await world.lines.pay({ lineId, amount: fen(50_000n), idempotencyKey: 'pay1' });
    const after = await world.lines.purchase({
      lineId,
      amount: fen(10_000n),
      description: 'books',
      idempotencyKey: 'p3',
    });
    expect(after).toMatchObject({ outcome: 'made', receipt: { availableAfter: 0n } });
    expect((await verifyLedger(world.db)).ok).toBe(true);
  });

  it('changes the statement day 31 → 15: cut on 28 Feb (old day), then 15 Mar and 15 Apr; books equal statements', async () => {
    const world = await lineWorld(store, { start: '2027-01-05', seed: 34 });
    const { customerId, lineId } = await world.customerWithLine(500_000n, { statementDay: 31 });
    world.today('2027-01-10');
    await world.lines.purchase({ lineId, amount: fen(50_000n), description: 'shoes', idempotencyKey: 'p1' });
    world.today('2027-02-03');
    const changed = await world.lines.changeStatementDay({
      lineId,
      statementDay: 15,
      idempotencyKey: 'sd1',
      requester: customer,
    });
    expect(changed.receipt).toMatchObject({
      change: 'statement-day',
      detail: {
        from: 31,
        to: 15,
        lastOnOldDay: '2027-02-28',
        itsDueDate: '2027-03-10',
        firstOnNewDay: '2027-03-15',
        firstOnNewDayDue: '2027-04-10',
      },
    });
    expect((await world.lines.getLine(lineId)).terms.statementDayChanges).toEqual([
      { requestedOn: '2027-02-03', fromCut: '2027-02-28', day: 15 },
    ]);
    const before = await snapshotLineRows(world.db);
    expect(
      await refusal(
        world.lines.changeStatementDay({ lineId, statementDay: 20, idempotencyKey: 'sd2', requester: staff }),
      ),
    ).toEqual({
      field: 'statementDay',
      rule: 'once-in-6-months',
      message: 'the statement day was changed on 2027-02-03; it can be changed again from 2027-08-03',
    });
    expect(await snapshotLineRows(world.db)).toBe(before);

    await world.lines.pay({ lineId, amount: fen(50_000n), idempotencyKey: 'pay1' });
    world.today('2027-03-05');
    await world.nightly();
    await world.lines.purchase({ lineId, amount: fen(100_000n), description: 'desk', idempotencyKey: 'p2' });
    // A payment back-dated into the transition cycle replays the books from the opening with the change.
    const backdated = await world.lines.pay({
      lineId,
      amount: fen(1_000n),
      effectiveDate: '2027-03-01' as LocalDate,
      idempotencyKey: 'pay2',
    });
    expect(backdated.receipt).toMatchObject({ restated: true, interestChange: 0n });
    world.today('2027-04-16');
    await world.nightly();
    const statements = await world.lines.statements(lineId);
    expect(
      statements.map((s) => [s.statementDate, s.dueDate, s.periodStart, s.periodEnd, s.closingBalance]),
    ).toEqual([
      ['2027-01-31', '2027-02-10', '2027-01-05', '2027-01-30', 50_000n],
      ['2027-02-28', '2027-03-10', '2027-01-31', '2027-02-27', 0n],
      ['2027-03-15', '2027-04-10', '2027-02-28', '2027-03-14', 99_000n],
      // Not paid by 10 Apr: ¥990.00 (bought 5 Mar) bears interest 6 Mar – 14 Apr, 40 days × 49.5 fen.
      ['2027-04-15', '2027-05-10', '2027-03-15', '2027-04-14', 99_000n + 1_980n],
    ]);
    expect((await world.lines.getLine(lineId)).nextStatementDate).toBe('2027-05-15');
    expect(await statementsAgainstLedger(world.db, customerId, lineId, statements)).toEqual([]);
    expect((await verifyLedger(world.db)).ok).toBe(true);
  });

  it("settles a plan early: ¥1,600.00 + that period's ¥18.00 billed on 1 Mar, the last ¥18.00 fee waived", async () => {
    const world = await lineWorld(store, { start: '2026-01-05', seed: 35 });
    const { customerId, lineId } = await world.customerWithLine(500_000n);
    const bought = await world.lines.purchase({
      lineId,
      amount: fen(240_000n),
      description: 'a television',
      idempotencyKey: 'tv',
    });
    if (bought.outcome !== 'made') throw new Error('declined');
    const converted = await world.lines.convert({
      lineId,
      source: { purchaseId: bought.receipt.purchaseId },
      term: 3,
      idempotencyKey: 'tv-plan',
    });
    const planId = converted.receipt.planId;
    world.today('2026-02-05');
    await world.nightly();
    const request = { lineId, planId, idempotencyKey: 'settle' };
    const settled = await world.lines.settlePlan(request);
    expect(settled).toEqual({
      replayed: false,
      receipt: {
        lineId,
        planId,
        seq: 3,
        effectiveDate: '2026-02-05',
        principal: 160_000n,
        period: 2,
        billedOn: '2026-03-01',
        fee: 1_800n,
        feesWaived: 1_800n,
        periodsWaived: 1,
      },
    });
    expect(await world.lines.settlePlan(request)).toEqual({ ...settled, replayed: true });
    const rows = await snapshotLineRows(world.db);
    expect(await refusal(world.lines.settlePlan({ ...request, idempotencyKey: 'settle-2' }))).toEqual({
      field: 'planId',
      rule: 'accelerates',
      message: `the next statement (2026-03-01) bills the last period of plan ${planId} anyway`,
    });
    expect(await snapshotLineRows(world.db)).toBe(rows);

    world.today('2026-03-02');
    await world.nightly();
    const statements = await world.lines.statements(lineId);
    expect(
      statements.map((s) => [s.statementDate, s.instalmentPrincipal, s.fees, s.instalmentsNotYetBilled]),
    ).toEqual([
      ['2026-02-01', 80_000n, 1_800n, 160_000n],
      ['2026-03-01', 160_000n, 1_800n, 0n],
    ]);
    const plan = (await world.lines.getLine(lineId)).plans[0];
    expect(plan).toMatchObject({
      parts: [80_000n, 160_000n, 0n],
      billedPeriods: 2,
      principalNotYetBilled: 0n,
    });
    expect(await statementsAgainstLedger(world.db, customerId, lineId, statements)).toEqual([]);
    expect((await verifyLedger(world.db)).ok).toBe(true);
  });

  it('charges a late fee for a missed minimum within the 24 % cap, billed on the next statement and booked', async () => {
    const world = await lineWorld(store, {
      start: '2026-01-05',
      seed: 36,
      product: { lateFee: { rate: parseRate('0.1'), floor: fen(100n), max: fen(5_000n) } },
    });
    const { customerId, lineId } = await world.customerWithLine(500_000n);
    world.today('2026-01-10');
    await world.lines.purchase({
      lineId,
      amount: fen(100_000n),
      description: 'a bike',
      idempotencyKey: 'p1',
    });
    world.today('2026-03-02');
    // Through today, so that today's payment below pays exactly what the line shows.
    await world.dayEnd.run({ through: '2026-03-02' as LocalDate });
    const statements = await world.lines.statements(lineId);
    // As in line-late-fee.test.ts: ¥10.00 set on 11 Feb, ¥7.70 of it charged by 28 Feb within the cap.
    expect(statements.map((s) => [s.statementDate, s.lateFees, s.interest, s.closingBalance])).toEqual([
      ['2026-02-01', 0n, 0n, 100_000n],
      ['2026-03-01', 770n, 2_450n, 100_000n + 2_450n + 770n],
    ]);
    expect(await statementsAgainstLedger(world.db, customerId, lineId, statements)).toEqual([]);
    expect((await verifyLedger(world.db)).ok).toBe(true);
    // Paid in full: the late fee first (fees → interest → principal), nothing left.
    const before = await world.lines.getLine(lineId);
    const lateFeesOwed = before.balances.billedFees + before.balances.unbilledLateFees;
    // 770 billed on 1 Mar, and ⌊5,100,000 fen-days × 24 % / 365 − 2,550 − 1.5⌋ − 770 = 31 charged since.
    expect([before.balances.billedFees, before.balances.unbilledLateFees]).toEqual([770n, 31n]);
    const paid = await world.lines.pay({ lineId, amount: before.balances.payoff, idempotencyKey: 'pay' });
    expect(paid.receipt.allocation).toMatchObject({ fees: lateFeesOwed, held: 0n });
    expect(paid.receipt.balances.payoff).toBe(0n);
    expect((await verifyLedger(world.db)).ok).toBe(true);
  });
});
