import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../../src/ledger/ledger.pg.ts';
import { toDecimalString, type Money } from '../../../src/platform/money/money.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { lineHardshipWorld, phoneAndConvertedSofa, refusalOf, alice, bob } from './hardship-world.ts';
import { statementsAgainstLedger } from './ledger-check.ts';
import { snapshotLineRows } from './support.ts';

/**
 * A goodwill waiver on a credit line through the use cases, on each store — the worked example of
 * `line-hardship.test.ts`: 18.25 %, statement day 1, due the 10th; ¥1,000.00 bought on 10 Jan 2026, ¥600.00 on
 * 12 Jan converted into 3 × ¥200.00 (¥4.50 fee a period). Statement 1 (1 Feb) ¥1,204.50, minimum ¥304.50, missed;
 * on 20 Feb the line is 10 days past due with ¥22.40 of interest accrued. The lender's threshold is ¥20.00 here,
 * so waiving ¥22.40 of interest and the ¥4.50 fee (¥26.90) needs a second person. Approved, the minimum left is
 * ¥300.00; ¥300.00 paid the same day brings the line current; statement 2 (1 Mar) shows waivers ¥26.90 and
 * closes at ¥1,108.10.
 */

const fen = (value: bigint) => value as Money;
const y = (value: bigint) => toDecimalString(value as Money);

const reasons = [{ code: 'illness-or-injury', note: 'in hospital for three weeks in February' }];

describe.each(storesUnderTest())('credit-line hardship: goodwill waiver ($name)', (store) => {
  it('waives under four-eyes, books it, tells the customer, and the next statement shows it', async () => {
    const { world, notifications, hardship } = await lineHardshipWorld(store, {
      start: '2026-01-05',
      seed: 71,
      secondPersonAbove: fen(2_000n),
    });
    const { db } = world;
    const { customerId, lineId } = await world.customerWithLine(500_000n);
    await phoneAndConvertedSofa(world, lineId, '2026-02-20');

    const ask = { tool: 'waiver' as const, interest: fen(2_240n), fees: fen(450n), lateFees: fen(0n) };
    // Too much of a kind is refused, naming the field and the rule, and writes nothing.
    const untouched = await snapshotLineRows(db);
    expect(
      await refusalOf(
        hardship.request({
          lineId,
          ask: { ...ask, interest: fen(2_241n) },
          reasons,
          maker: alice,
          idempotencyKey: 'h0',
        }),
      ),
    ).toEqual({ status: 'VALIDATION_FAILED', field: 'interest', rule: 'within-owed' });
    expect(await snapshotLineRows(db)).toBe(untouched);

    const preview = await hardship.preview({ lineId, ask });
    expect({
      effect: y(preview.moneyEffect),
      threshold: y(preview.secondPersonAbove),
      waits: preview.needsSecondPerson,
      before: [y(preview.before.payoff), y(preview.before.minimumDue), preview.before.daysPastDue],
      after: [y(preview.after.payoff), y(preview.after.minimumDue), preview.after.daysPastDue],
    }).toEqual({
      effect: '26.90',
      threshold: '20.00',
      waits: true,
      before: ['1626.90', '304.50', 10],
      after: ['1600.00', '300.00', 10],
    });

    // A first request is withdrawn by its maker; a second waits for another person.
    const first = await hardship.request({ lineId, ask, reasons, maker: alice, idempotencyKey: 'h1' });
    expect(first.outcome.request.status).toBe('pending');
    const withdrawn = await hardship.reject({
      lineId,
      requestId: first.outcome.request.id,
      note: 'wrong amounts',
      by: alice,
    });
    expect(withdrawn.status).toBe('rejected');
    const { outcome, replayed } = await hardship.request({
      lineId,
      ask,
      reasons,
      maker: alice,
      idempotencyKey: 'h2',
    });
    expect({ replayed, status: outcome.request.status, seq: outcome.request.eventSeq }).toEqual({
      replayed: false,
      status: 'pending',
      seq: null,
    });
    const again = await hardship.request({ lineId, ask, reasons, maker: alice, idempotencyKey: 'h2' });
    expect({ replayed: again.replayed, id: again.outcome.request.id }).toEqual({
      replayed: true,
      id: outcome.request.id,
    });
    expect((await hardship.pending(10)).map((request) => request.id)).toEqual([outcome.request.id]);

    // The maker cannot approve it (403); a decided request cannot be decided again (422).
    const pendingRows = await snapshotLineRows(db);
    expect(
      await refusalOf(hardship.approve({ lineId, requestId: outcome.request.id, checker: alice })),
    ).toEqual({ status: 'FORBIDDEN', field: 'checker', rule: 'maker-checker' });
    expect(
      await refusalOf(hardship.approve({ lineId, requestId: first.outcome.request.id, checker: bob })),
    ).toEqual({ status: 'VALIDATION_FAILED', field: 'requestId', rule: 'pending-request' });
    expect(await snapshotLineRows(db)).toBe(pendingRows);

    // Three journals: today's day step (the night ran through yesterday), then the waiver on the line and the plan.
    const approved = await hardship.approve({ lineId, requestId: outcome.request.id, checker: bob });
    expect({
      status: approved.request.status,
      checker: approved.request.checker,
      seq: approved.request.eventSeq,
      journals: approved.journalIds.length,
    }).toEqual({ status: 'applied', checker: bob, seq: 4, journals: 3 });
    const journals = await db.query<{ contract_id: string; kind: string; lines: string }>(
      `select j.contract_id, j.kind,
              string_agg(p.kind || ' ' || p.side || ' ' || p.amount, ', ' order by p.kind) as lines
         from ledger_journals j
         join ledger_postings p on p.customer_id = j.customer_id and p.journal_id = j.id
        where j.customer_id = $1 and j.kind = 'hardship' group by j.contract_id, j.kind order by j.contract_id`,
      [customerId],
    );
    expect(journals.rows.map((row) => [row.contract_id.slice(0, 3), row.lines])).toEqual([
      ['cl_', 'interest_income D 2240, interest_receivable C 2240'],
      ['ipl', 'fee_income D 450, fee_receivable C 450'],
    ]);

    // Nothing of that interest is owed any more: asking again is refused (and the request is not repeated).
    expect(
      await refusalOf(
        hardship.request({
          lineId,
          ask: { ...ask, fees: fen(0n), interest: fen(1n) },
          reasons,
          maker: alice,
          idempotencyKey: 'h3',
        }),
      ),
    ).toEqual({ status: 'VALIDATION_FAILED', field: 'interest', rule: 'within-owed' });

    const messages = (await notifications.list(customerId, { limit: 20 })).filter(
      (m) => m.kind === 'line_hardship_applied',
    );
    expect(messages.map((m) => m.text)).toEqual([
      {
        zh: '我们已为您减免信用额度的利息¥22.40、分期手续费¥4.50。目前共欠¥1,600.00。最低还款还需还¥300.00。目前逾期10天。',
        en: 'We have waived CNY 22.40 of interest, CNY 4.50 of instalment fees on your credit line. You owe CNY 1,600.00 in all. CNY 300.00 of your minimum payment is still to pay. You are 10 days overdue.',
      },
    ]);

    await world.lines.pay({ lineId, amount: fen(30_000n), idempotencyKey: 'pay1' });
    expect((await world.lines.getLine(lineId)).daysPastDue).toBe(0);
    expect((await hardship.list(lineId)).map((request) => request.status)).toEqual(['applied', 'rejected']);

    world.today('2026-03-02');
    await world.nightly();
    const statement2 = await world.lines.statement(lineId, 2);
    expect({
      opening: y(statement2.openingBalance),
      payments: y(statement2.payments),
      waivers: y(statement2.waivers),
      interest: y(statement2.interest),
      closing: y(statement2.closingBalance),
    }).toEqual({
      opening: '1204.50',
      payments: '300.00',
      waivers: '26.90',
      interest: '26.00',
      closing: '1108.10',
    });
    expect(
      await statementsAgainstLedger(db, customerId, lineId, await world.lines.statements(lineId)),
    ).toEqual([]);
    expect((await verifyLedger(db)).ok).toBe(true);
  });
});
