import { describe, expect, it } from 'vitest';
import { contractBalances, verifyLedger } from '../../../src/ledger/ledger.pg.ts';
import { AppError } from '../../../src/platform/errors/app-error.ts';
import type { Money } from '../../../src/platform/money/money.ts';
import { createPgReportableAccounts } from '../../../src/lending/bureau-accounts.pg.ts';
import { createPgPortfolioReadModel } from '../../../src/lending/portfolio-read-model.pg.ts';
import { lineVerdict } from '../../../src/monitoring/performance.ts';
import { lineStateOn } from '../../../src/monitoring/roll-rates.ts';
import type { LocalDate } from '../../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { collectionsWorld, collector } from '../../collections/support.ts';

const staff = { onBehalfOfCustomer: false, actor: { kind: 'key', id: 'key_rev', name: 'rita' } } as const;

async function refusal(promise: Promise<unknown>): Promise<{ field?: string; rule?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.issues[0] ?? {};
    throw error;
  }
  throw new Error('not refused');
}

/**
 * Charge-off of a credit line with recoveries, through the services and the day-end on both stores (the
 * figures are worked by hand in `src/lending/credit-lines/line-write-off.test.ts`): ¥1,000.00 bought 10 Jan
 * 2026, ¥600.00 bought 12 Jan and converted into 3 × ¥200.00 (+ ¥4.50 fee each), nothing paid; 181 days past
 * due on 10 Aug, the night of 10 Aug writes it off: ¥1,767.80 (principal ¥1,600.00, interest ¥154.30, fees
 * ¥13.50). Then ¥500.00 and ¥1,300.00 are received: recoveries, ¥32.20 beyond the debt held.
 */
describe.each(storesUnderTest())('a credit line written off, then recovered ($name)', (store) => {
  it('the night past 180 days: balanced write-off journals, the case closed as written off, the customer told; payments are recoveries', async () => {
    const world = await collectionsWorld(store, { start: '2026-01-05' });
    const { customerId, lineId } = await world.line(1_000_000n);
    world.today('2026-01-10');
    await world.lines.purchase({
      lineId,
      amount: 100_000n as Money,
      description: 'phone',
      idempotencyKey: 'b1',
    });
    world.today('2026-01-12');
    const sofa = await world.lines.purchase({
      lineId,
      amount: 60_000n as Money,
      description: 'sofa',
      idempotencyKey: 'b2',
    });
    if (sofa.outcome !== 'made') throw new Error('declined');
    const plan = await world.lines.convert({
      lineId,
      source: { purchaseId: sofa.receipt.purchaseId },
      term: 3,
      idempotencyKey: 'c1',
    });
    const planId = plan.receipt.planId;

    await world.nightsThrough('2026-08-10'); // through the night of 9 Aug: 180 days past due, not yet
    expect((await world.lines.getLine(lineId)).writtenOff).toBeNull();
    await world.nightsThrough('2026-08-11'); // the night of 10 Aug
    const view = await world.lines.getLine(lineId);
    expect(view.writtenOff).toEqual({
      on: '2026-08-10',
      principal: 160_000n,
      interest: 15_430n,
      fees: 1_350n,
      total: 176_780n,
      recovered: 0n,
      outstanding: 176_780n,
    });
    expect(view.balances.payoff).toBe(0n);
    expect(view.facility).toMatchObject({ status: 'suspended', used: 160_000n, available: 0n });
    expect(view.plans[0]?.status).toBe('written-off');

    // The books: receivables moved to write-off expense on each contract, by journals of their own kind.
    expect(await contractBalances(world.db, customerId, lineId)).toMatchObject({
      write_off_expense: 115_430n,
    });
    expect(await contractBalances(world.db, customerId, planId)).toMatchObject({
      write_off_expense: 61_350n,
    });
    for (const contract of [lineId, planId]) {
      const b = await contractBalances(world.db, customerId, contract);
      expect([b.principal_receivable, b.interest_receivable, b.fee_receivable]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    }
    const journals = await world.db.query<{
      contract_id: string;
      source_key: string;
      effective_date: string;
    }>(
      `select contract_id, source_key, effective_date::text as effective_date from ledger_journals
        where customer_id = $1 and kind = 'write-off' order by contract_id`,
      [customerId],
    );
    expect(journals.rows).toEqual([
      { contract_id: lineId, source_key: `write-off:${lineId}:0`, effective_date: '2026-08-10' },
      { contract_id: planId, source_key: `write-off:${lineId}:0:${planId}`, effective_date: '2026-08-10' },
    ]);
    const column = await world.db.query<{ written_off_on: string; days_past_due: number }>(
      `select written_off_on::text as written_off_on, days_past_due from credit_lines where id = $1`,
      [lineId],
    );
    expect(column.rows[0]).toEqual({ written_off_on: '2026-08-10', days_past_due: 0 });

    // Collections: the case opened 11 Feb closes the night of the write-off, as written off.
    const cases = await world.db.query<{ id: string }>(
      'select id from collection_cases where account_id = $1',
      [lineId],
    );
    expect(cases.rows).toHaveLength(1);
    const file = await world.collections.getCase(cases.rows[0]!.id);
    expect(file.case).toMatchObject({ status: 'closed', closeReason: 'written-off', openedOn: '2026-02-11' });

    // The customer is told once, in both languages, with the figures.
    const told = await world.db.query<{ text: { zh: string; en: string } }>(
      `select text from customer_messages where customer_id = $1 and kind = 'line_written_off'`,
      [customerId],
    );
    expect(told.rows).toHaveLength(1);
    expect(told.rows[0]!.text.en).toContain('written off on 10 Aug 2026, owing CNY 1,767.80');
    expect(told.rows[0]!.text.zh).toContain('¥1,767.80');

    // Monitoring reads it as charged off: bad rate counts it bad, roll rates roll it to written_off.
    const portfolio = createPgPortfolioReadModel(world.db);
    const opened = [];
    for await (const page of portfolio.linesOpened(
      { from: '2026-01-01' as LocalDate, to: '2026-12-31' as LocalDate, product: null },
      10,
    ))
      opened.push(...page);
    const account = opened.find((line) => line.accountId === lineId);
    expect(account?.chargedOffOn).toBe('2026-08-10');
    expect(lineVerdict({ ...account!, lineId, score: null, pd: null, arm: null })).toBe('bad');
    const histories = [];
    for await (const page of portfolio.lineHistories(
      '2026-08-31' as LocalDate,
      '2026-01-01' as LocalDate,
      10,
    ))
      histories.push(...page);
    const history = histories.find((line) => line.accountId === lineId)!.history;
    expect([
      lineStateOn(history, '2026-08-09' as LocalDate),
      lineStateOn(history, '2026-08-31' as LocalDate),
    ]).toEqual(['M3+', 'written_off']);

    // Nothing accrues afterwards; purchases are declined with the reason.
    await world.nightsThrough('2026-09-01');
    expect((await world.lines.getLine(lineId)).writtenOff?.total).toBe(176_780n);

    // The credit bureau reads it as written off (it read "normal, balance 0" before: the write-off empties
    // the statements). Overdue since 10 Feb, the first due date missed: 31 Jul is 18 + 31 + 30 + 31 + 30 + 31
    // = 171 days past it, 31 Aug 202; the balance is the ¥1,767.80 written off and still owed, all overdue.
    const bureau = createPgReportableAccounts(world.db);
    const reported = async (date: string) => {
      const found = (await bureau.accountsAt(date as LocalDate)).find((a) => a.accountId === lineId);
      if (!found) throw new Error(`no account at ${date}`);
      const { status, balance, overdueAmount, daysPastDue, overdueSince, closedOn } = found;
      return { status, balance, overdueAmount, daysPastDue, overdueSince, closedOn };
    };
    expect(await reported('2026-07-31')).toMatchObject({
      status: 'overdue',
      daysPastDue: 171,
      overdueSince: '2026-02-10',
      closedOn: null,
    });
    expect(await reported('2026-08-31')).toEqual({
      status: 'written_off',
      balance: 176_780n,
      overdueAmount: 176_780n,
      daysPastDue: 202,
      overdueSince: '2026-02-10',
      closedOn: null,
    });
    const refused = await world.lines.purchase({
      lineId,
      amount: 100n as Money,
      description: 'x',
      idempotencyKey: 'b3',
    });
    expect(refused).toEqual({
      outcome: 'declined',
      refusal: { reason: 'line-written-off', writtenOffOn: '2026-08-10' },
    });

    // Recoveries: their own journal kind and income account; the rest held for the customer.
    const first = await world.lines.pay({ lineId, amount: 50_000n as Money, idempotencyKey: 'r1' });
    expect(first.receipt.allocation).toMatchObject({ recovered: 50_000n, principal: 0n, held: 0n });
    const again = await world.lines.pay({ lineId, amount: 50_000n as Money, idempotencyKey: 'r1' });
    expect(again.replayed).toBe(true);
    // ¥500.00 recovered on 1 Sep: ¥1,267.80 still written off and owed, 203 days past 10 Feb.
    expect(await reported('2026-09-01')).toMatchObject({
      status: 'written_off',
      balance: 126_780n,
      overdueAmount: 126_780n,
      daysPastDue: 203,
    });
    const second = await world.lines.pay({ lineId, amount: 130_000n as Money, idempotencyKey: 'r2' });
    // Recovered in full: nothing owed or past due, still reported as written off (the episode's date kept).
    expect(await reported('2026-09-01')).toEqual({
      status: 'written_off',
      balance: 0n,
      overdueAmount: 0n,
      daysPastDue: 0,
      overdueSince: '2026-02-10',
      closedOn: null,
    });
    expect(second.receipt.allocation).toMatchObject({ recovered: 126_780n, held: 3_220n });
    expect((await world.lines.getLine(lineId)).writtenOff).toMatchObject({
      recovered: 176_780n,
      outstanding: 0n,
    });
    expect(await contractBalances(world.db, customerId, lineId)).toMatchObject({
      write_off_expense: 115_430n,
      recovery_income: 176_780n,
      customer_overpayment: 3_220n,
    });
    const recoveries = await world.db.query<{ n: bigint }>(
      `select count(*) as n from ledger_journals where customer_id = $1 and kind = 'recovery'`,
      [customerId],
    );
    expect(Number(recoveries.rows[0]!.n)).toBe(2);
    const recoveryText = await world.db.query<{ text: { en: string } }>(
      `select text from customer_messages where customer_id = $1 and kind = 'line_recovery_received' order by occasion`,
      [customerId],
    );
    expect(recoveryText.rows.map((row) => row.text.en)).toEqual([
      'We received CNY 500.00 on your written-off credit line: CNY 500.00 went to what you owe, and you now owe CNY 1,267.80.',
      'We received CNY 1,300.00 on your written-off credit line: CNY 1,267.80 went to what you owe, and you now owe CNY 0.00. The CNY 32.20 paid beyond it is kept for you and can be paid back to you.',
    ]);
    // Recoveries do not reopen the case: the line owes nothing on its books.
    await world.nightsThrough('2026-09-03');
    expect(await world.collections.queue({ by: collector() })).toEqual([]);
    expect(
      (await world.db.query('select 1 from collection_cases where account_id = $1', [lineId])).rows,
    ).toHaveLength(1);
    expect((await verifyLedger(world.db)).ok).toBe(true);
  }, 600_000); // two hundred nights of the day-end: generous for a loaded machine

  it('staff write a line off by hand: refusals write nothing, a replay answers the same, audited', async () => {
    const world = await collectionsWorld(store, { start: '2026-01-05' });
    const { lineId } = await world.line(1_000_000n);
    const idle = await world.line(1_000_000n);
    world.today('2026-01-10');
    await world.lines.purchase({
      lineId,
      amount: 100_000n as Money,
      description: 'phone',
      idempotencyKey: 'b1',
    });
    await world.nightsThrough('2026-03-01');
    const request = { lineId, reason: 'fraud confirmed', idempotencyKey: 'w1', requester: staff };

    expect(await refusal(world.lines.writeOff({ ...request, reason: ' ' }))).toMatchObject({
      field: 'reason',
      rule: 'length',
    });
    expect(
      await refusal(world.lines.writeOff({ ...request, lineId: idle.lineId, idempotencyKey: 'w0' })),
    ).toMatchObject({ field: 'lineId', rule: 'owes-something' });
    const events = async () =>
      (await world.db.query('select 1 from credit_line_events where kind = $1', ['write-off'])).rows.length;
    expect(await events()).toBe(0);

    // 1 Mar: 100,000 fen × 31 (10 Jan – 10 Feb) + 100,000 × 19 (11 Feb – 1 Mar) = 5,000,000 ÷ 2,000 = ¥25.00.
    const done = await world.lines.writeOff(request);
    expect(done.replayed).toBe(false);
    expect(done.receipt).toMatchObject({
      effectiveDate: '2026-03-01',
      daysPastDue: 19,
      reason: 'fraud confirmed',
      writtenOff: { principal: 100_000n, interest: 2_500n, fees: 0n, total: 102_500n, outstanding: 102_500n },
    });
    // Today's day step (the batch has not run it yet: 1 Mar's interest) and the write-off, each its journal.
    const kinds = await world.db.query<{ kind: string }>(
      'select kind from ledger_journals where id = any($1::text[]) order by kind',
      [done.receipt.journalIds],
    );
    expect(kinds.rows.map((row) => row.kind)).toEqual(['day-end', 'write-off']);
    const replay = await world.lines.writeOff(request);
    expect(replay).toEqual({ receipt: done.receipt, replayed: true });
    expect(await refusal(world.lines.writeOff({ ...request, idempotencyKey: 'w2' }))).toMatchObject({
      field: 'lineId',
      rule: 'not-written-off',
    });
    expect(await events()).toBe(1);
    const audited = await world.db.query<{ action: string }>(
      `select action from audit_log where action = 'credit-line.write-off'`,
    );
    expect(audited.rows).toHaveLength(1);
    // Closing is refused while what was written off is owed.
    expect(
      await refusal(world.lines.close({ lineId, idempotencyKey: 'cl1', requester: staff })),
    ).toMatchObject({ field: 'balance', rule: 'nothing-owed' });
    expect((await verifyLedger(world.db)).ok).toBe(true);
  }, 600_000);
});
