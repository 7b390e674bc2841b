import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../../src/ledger/ledger.pg.ts';
import { createPgReportableAccounts } from '../../../src/lending/bureau-accounts.pg.ts';
import type { LocalDate } from '../../../src/platform/time/local-date.ts';
import { toDecimalString, type Money } from '../../../src/platform/money/money.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { lineHardshipWorld, phoneAndConvertedSofa, refusalOf, alice, bob } from './hardship-world.ts';
import { snapshotLineRows } from './support.ts';

/**
 * A settlement for less than owed on a credit line through the use cases, on each store — the worked example of
 * `src/lending/credit-lines/line-settlement.test.ts`: 18.25 %, statement day 1, due the 10th; ¥1,000.00 bought on
 * 10 Jan 2026, ¥600.00 on 12 Jan converted into 3 × ¥200.00 (¥4.50 fee a period). On 20 Feb ¥1,626.90 settles
 * the line in full (¥1,204.50 billed, ¥22.40 interest accrued, ¥400.00 of the plan not yet billed). Staff agree
 * ¥1,000.00: ¥626.90 is written off, above the lender's ¥20.00 threshold here, so a second person approves it.
 * The line is written off and settled the same day; ¥50.00 paid later is held for the customer.
 */

const fen = (value: bigint) => value as Money;
const y = (value: bigint) => toDecimalString(value as Money);

const reasons = [{ code: 'income-loss', note: 'lost the job in January; family pays an agreed sum' }];

describe.each(storesUnderTest())('credit-line hardship: settlement for less ($name)', (store) => {
  it('settles under four-eyes, writes off the rest, tells the customer, and holds money paid later', async () => {
    const { world, notifications, hardship } = await lineHardshipWorld(store, {
      start: '2026-01-05',
      seed: 72,
      secondPersonAbove: fen(2_000n),
    });
    const { db } = world;
    const { customerId, lineId } = await world.customerWithLine(500_000n);
    await phoneAndConvertedSofa(world, lineId, '2026-02-20');

    // The whole payoff is not a settlement: refused, naming the field and the rule, nothing written.
    const untouched = await snapshotLineRows(db);
    expect(
      await refusalOf(
        hardship.request({
          lineId,
          ask: { tool: 'settlement', amount: fen(162_690n) },
          reasons,
          maker: alice,
          idempotencyKey: 's0',
        }),
      ),
    ).toEqual({ status: 'VALIDATION_FAILED', field: 'amount', rule: 'less-than-owed' });
    expect(await snapshotLineRows(db)).toBe(untouched);

    const ask = { tool: 'settlement' as const, amount: fen(100_000n) };
    const preview = await hardship.preview({ lineId, ask });
    expect({
      effect: y(preview.moneyEffect),
      waits: preview.needsSecondPerson,
      before: y(preview.before.payoff),
      after: y(preview.after.payoff),
    }).toEqual({ effect: '626.90', waits: true, before: '1626.90', after: '0.00' });

    const { outcome } = await hardship.request({ lineId, ask, reasons, maker: alice, idempotencyKey: 's1' });
    expect({ status: outcome.request.status, effect: y(outcome.request.moneyEffect) }).toEqual({
      status: 'pending',
      effect: '626.90',
    });
    const again = await hardship.request({ lineId, ask, reasons, maker: alice, idempotencyKey: 's1' });
    expect({
      replayed: again.replayed,
      id: again.outcome.request.id,
      ask: again.outcome.request.ask,
    }).toEqual({
      replayed: true,
      id: outcome.request.id,
      ask,
    });
    expect(
      await refusalOf(hardship.approve({ lineId, requestId: outcome.request.id, checker: alice })),
    ).toEqual({ status: 'FORBIDDEN', field: 'checker', rule: 'maker-checker' });

    const approved = await hardship.approve({ lineId, requestId: outcome.request.id, checker: bob });
    expect({ status: approved.request.status, seq: approved.request.eventSeq }).toEqual({
      status: 'applied',
      seq: 4,
    });
    const journals = await db.query<{ contract_id: string; lines: string }>(
      `select j.contract_id,
              string_agg(p.kind || ' ' || p.side || ' ' || p.amount, ', ' order by p.kind, p.side) as lines
         from ledger_journals j
         join ledger_postings p on p.customer_id = j.customer_id and p.journal_id = j.id
        where j.customer_id = $1 and j.kind = 'hardship' group by j.contract_id order by j.contract_id`,
      [customerId],
    );
    // The line: ¥1,000.00 received (¥995.50 of its principal, ¥4.50 passed on to the plan's fee), ¥4.50 of
    // principal and ¥22.40 of interest written off. The plan: its fee paid, ¥600.00 of principal written off.
    expect(journals.rows.map((row) => [row.contract_id.slice(0, 3), row.lines])).toEqual([
      [
        'cl_',
        'funding D 99550, interest_receivable C 2240, principal_receivable C 100000, write_off_expense D 2690',
      ],
      ['ipl', 'fee_receivable C 450, funding D 450, principal_receivable C 60000, write_off_expense D 60000'],
    ]);

    const line = await world.lines.getLine(lineId);
    expect({
      status: line.facility.status,
      used: y(line.facility.used),
      payoff: y(line.balances.payoff),
      writtenOff: line.writtenOff && {
        total: y(line.writtenOff.total),
        outstanding: y(line.writtenOff.outstanding),
        settledOn: line.writtenOff.settledOn,
      },
    }).toEqual({
      status: 'suspended',
      used: '604.50',
      payoff: '0.00',
      writtenOff: { total: '626.90', outstanding: '0.00', settledOn: '2026-02-20' },
    });

    const messages = (await notifications.list(customerId, { limit: 20 })).filter(
      (m) => m.kind === 'line_hardship_applied' || m.kind === 'line_written_off',
    );
    expect(messages.map((m) => m.text)).toEqual([
      {
        zh: '您的信用额度已按协商结清：您支付了¥1,000.00，其余¥626.90不再向您收取。该额度已停止使用，目前不再欠款。',
        en: 'Your credit line is settled as agreed: you paid CNY 1,000.00 and the remaining CNY 626.90 will not be asked of you. The line is closed for spending and you owe nothing more.',
      },
    ]);

    // The credit bureau reads the settled line as it reads a loan settled for less: normal at the end of
    // January (nothing was due yet: the first statement, cut 1 Feb, was due 10 Feb), closed on 20 Feb at the
    // end of February with nothing owed. Before, it read "normal" with balance 0 on a frozen line.
    const bureau = createPgReportableAccounts(db);
    const reported = async (date: string) => {
      const found = (await bureau.accountsAt(date as LocalDate)).find((a) => a.accountId === lineId);
      if (!found) throw new Error(`no account at ${date}`);
      const { status, balance, overdueAmount, daysPastDue, overdueSince, closedOn } = found;
      return { status, balance, overdueAmount, daysPastDue, overdueSince, closedOn };
    };
    expect((await reported('2026-01-31')).status).toBe('normal');
    expect(await reported('2026-02-28')).toEqual({
      status: 'closed',
      balance: 0n,
      overdueAmount: 0n,
      daysPastDue: 0,
      overdueSince: null,
      closedOn: '2026-02-20',
    });

    // Money paid after the settlement is the customer's, held (not a recovery); the books stay sound.
    world.today('2026-02-21');
    await world.lines.pay({ lineId, amount: fen(5_000n), idempotencyKey: 'pay1' });
    const after = await world.lines.getLine(lineId);
    expect([y(after.balances.heldForCustomer), y(after.writtenOff?.recovered ?? fen(0n))]).toEqual([
      '50.00',
      '0.00',
    ]);
    expect((await verifyLedger(db)).ok).toBe(true);
  });
});
