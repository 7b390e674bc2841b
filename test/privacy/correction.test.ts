import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meTestApp, SETUP_TIMEOUT_MS, type MeTestApp } from '../me/support.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * Corrections (更正 / 异议): a customer disputes a repayment record, a profile field or another event; the
 * answer is due within the SLA (15 calendar days, a setting copied onto the row); a reviewer corrects it —
 * an event is appended, the disputed one is untouched — or rejects it with a reason the customer reads;
 * the decisions made on or after the fact are listed for a re-check; the request is recorded and audited.
 */

interface View {
  correctionId: string;
  requestId: string;
  status: string;
  slaDays: number;
  dueDate: string;
  overdue: boolean;
  resolution: { zh: string; en: string } | null;
  correctingEvent: Record<string, unknown> | null;
  affectedDecisions: string[];
}

describe.each(storesUnderTest())('corrections on $name', (store) => {
  let t: MeTestApp;
  let b: string;
  let a: string;
  let tokenB: string;
  let decisionId: string;
  let repayment: { source: string; event_id: string; payload: Record<string, unknown>; occurred_at: Date };
  let payment: { source: string; event_id: string };

  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const file = (token: string, payload: unknown) =>
    t.app.http.inject({
      method: 'POST',
      url: '/v1/me/data/corrections',
      headers: as(token),
      payload: payload as never,
    });
  const resolve = (id: string, payload: unknown) =>
    t.app.http.inject({
      method: 'POST',
      url: `/v1/data/corrections/${id}/resolve`,
      headers: t.auth('reviewer'),
      payload: payload as never,
    });

  beforeAll(async () => {
    t = await meTestApp({ store });
    b = t.personas.get('clean_approval') ?? '';
    a = t.personas.get('new_user_first_limit') ?? '';
    tokenB = await t.session(b, 43_200);
    const decided = await t.app.http.inject({
      method: 'POST',
      url: '/v1/me/decisions',
      headers: as(tokenB),
      payload: { product: 'cash_loan' },
    });
    expect(decided.statusCode, decided.body).toBe(201);
    decisionId = (decided.json() as { decisionId: string }).decisionId;
    const rows = await t.app.db.query<{
      source: string;
      event_id: string;
      payload: Record<string, unknown>;
      occurred_at: Date;
    }>(
      `select source, event_id, payload, occurred_at from customer_events
        where customer_id = $1 and type = 'repayment' order by occurred_at desc limit 1`,
      [b],
    );
    repayment = rows.rows[0] as typeof repayment;
    expect(repayment).toBeDefined();
    const payments = await t.app.db.query<{ source: string; event_id: string }>(
      `select source, event_id from customer_events where customer_id = $1 and type = 'payment' limit 1`,
      [b],
    );
    payment = payments.rows[0] as typeof payment;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.app.stop();
  });

  it('corrects a repayment record by appending an event, lists the decisions to re-check, and closes the request', async () => {
    const filed = await file(tokenB, {
      subject: { kind: 'repayment', source: repayment.source, eventId: repayment.event_id },
      statement: 'I paid this instalment on its due date; the bank reported it late.',
      proposed: { paidDate: repayment.payload.dueDate },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const view = filed.json() as View;
    expect(view.status).toBe('open');
    expect(view.slaDays).toBe(15);
    expect(view.dueDate).toBe('2026-12-07'); // filed 2026-11-22 (Shanghai) + 15 calendar days
    expect(view.affectedDecisions).toContain(decisionId);
    // Reviewers see it in the queue, due first.
    const queue = await t.app.http.inject({
      method: 'GET',
      url: '/v1/data/corrections',
      headers: t.auth('reviewer'),
    });
    expect((queue.json() as { items: View[] }).items.map((c) => c.correctionId)).toContain(view.correctionId);
    const analyst = await t.app.http.inject({
      method: 'GET',
      url: '/v1/data/corrections',
      headers: t.auth('analyst'),
    });
    expect(analyst.statusCode).toBe(403);

    const resolved = await resolve(view.correctionId, {
      outcome: 'corrected',
      message: { zh: '已按您提供的还款凭证更正。', en: 'Corrected from the repayment receipt you sent.' },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const done = resolved.json() as View;
    expect(done.status).toBe('corrected');
    expect(done.correctingEvent).toMatchObject({
      type: 'repayment',
      source: 'data-correction',
      eventId: view.correctionId,
      paidDate: repayment.payload.dueDate,
      loanRef: repayment.payload.loanRef,
      dueDate: repayment.payload.dueDate,
    });
    // Appended, never updated: the disputed event is as it was, and the correction is a new one.
    const events = await t.app.db.query<{ source: string; payload: Record<string, unknown> }>(
      `select source, payload from customer_events where customer_id = $1 and event_id in ($2, $3) order by seq`,
      [b, repayment.event_id, view.correctionId],
    );
    expect(events.rows.map((row) => row.source)).toEqual([repayment.source, 'data-correction']);
    expect(events.rows[0]?.payload).toEqual(repayment.payload);
    // Answered once: a second answer is a conflict.
    const again = await resolve(view.correctionId, { outcome: 'rejected', reason: { zh: '不', en: 'No' } });
    expect(again.statusCode).toBe(409);
    // The person is told, once (the refused second answer wrote nothing): what was decided and the
    // reviewer's words, in both languages, by push; and reads it among their messages.
    const told = await t.app.db.query(
      `select kind, channel, occasion, text from customer_messages where customer_id = $1 and subject_id = $2`,
      [b, view.correctionId],
    );
    expect(told.rows).toEqual([
      {
        kind: 'correction_answered',
        channel: 'push',
        occasion: 'answer',
        text: {
          zh: `您于 2026-11-22 提出的更正（还款记录 ${repayment.event_id}）已处理：我们已更正。已按您提供的还款凭证更正。（编号 ${view.correctionId}）`,
          en: `Your correction of the repayment record ${repayment.event_id}, sent on 2026-11-22, is answered: we corrected it. Corrected from the repayment receipt you sent. (ref. ${view.correctionId})`,
        },
      },
    ]);
    const inbox = await t.app.http.inject({ method: 'GET', url: '/v1/me/messages', headers: as(tokenB) });
    const listed = (
      inbox.json() as { messages: { title: Record<string, string>; text: Record<string, string> }[] }
    ).messages.filter((m) => m.text.en?.includes(view.correctionId));
    expect(listed.map((m) => [m.title.en, m.title['zh-CN']])).toEqual([['Your correction', '更正结果']]);
    const request = await t.app.db.query<{ kind: string; status: string }>(
      `select kind, status from data_subject_requests where customer_id = $1 and id = $2`,
      [b, view.requestId],
    );
    expect(request.rows[0]).toEqual({ kind: 'correction', status: 'completed' });
    const entries = await t.app.services.audit.list({ action: 'privacy.*' });
    expect(entries.items.map((e) => `${e.action}:${e.actor.kind}`)).toEqual(
      expect.arrayContaining(['privacy.correction-file:customer', 'privacy.correction-resolve:key']),
    );
  });

  it('rejects with a reason in both languages that the customer reads; another event cannot be rewritten', async () => {
    const filed = await file(tokenB, {
      subject: { kind: 'event', source: payment.source, eventId: payment.event_id },
      statement: 'I did not make this payment.',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const view = filed.json() as View;
    const rewrite = await resolve(view.correctionId, {
      outcome: 'corrected',
      message: { zh: '已更正', en: 'Corrected' },
    });
    expect(rewrite.statusCode).toBe(422);
    const oneLanguage = await resolve(view.correctionId, {
      outcome: 'rejected',
      reason: { zh: '商户记录显示付款成功。', en: ' ' },
    });
    expect(oneLanguage.statusCode).toBe(422);
    expect(JSON.stringify(oneLanguage.json())).toContain('reason');
    const rejected = await resolve(view.correctionId, {
      outcome: 'rejected',
      reason: {
        zh: '商户的交易记录显示这笔付款由您绑定的银行卡完成。',
        en: "The merchant's record shows this payment was made with the card you bound.",
      },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const mine = await t.app.http.inject({
      method: 'GET',
      url: `/v1/me/data/corrections/${view.correctionId}`,
      headers: as(tokenB),
    });
    expect((mine.json() as View).resolution?.en).toContain('merchant');
    expect((mine.json() as View).status).toBe('rejected');
    const told = await t.app.db.query<{ text: { zh: string; en: string } }>(
      `select text from customer_messages where customer_id = $1 and subject_id = $2 and kind = 'correction_answered'`,
      [b, view.correctionId],
    );
    expect(told.rows.map((row) => row.text)).toEqual([
      {
        zh: `您于 2026-11-22 提出的更正（数据记录 ${payment.event_id}）已处理：未予更正。原因：商户的交易记录显示这笔付款由您绑定的银行卡完成。如仍有异议，可在“我的数据”中提出新的更正，并附上证明材料。（编号 ${view.correctionId}）`,
        en: `Your correction of the record ${payment.event_id}, sent on 2026-11-22, is answered: we did not change it. Why: The merchant's record shows this payment was made with the card you bound. If you still disagree, you can send a new correction from My data, with proof. (ref. ${view.correctionId})`,
      },
    ]);
    const request = await t.app.db.query<{ status: string }>(
      `select status from data_subject_requests where customer_id = $1 and id = $2`,
      [b, view.requestId],
    );
    expect(request.rows[0]?.status).toBe('refused');
  });

  it('refuses another customer’s event (not found) and fields a subject cannot change', async () => {
    const tokenA = await t.session(a, 43_200);
    const theirs = await file(tokenA, {
      subject: { kind: 'repayment', source: repayment.source, eventId: repayment.event_id },
      statement: 'not mine',
    });
    expect(theirs.statusCode).toBe(404);
    const wrongField = await file(tokenB, {
      subject: { kind: 'profile', field: 'incomeBand' },
      statement: 'wrong band',
      proposed: { occupation: 'pilot' },
    });
    expect(wrongField.statusCode).toBe(422);
    expect(JSON.stringify(wrongField.json())).toContain('proposed.occupation');
    const mine = await t.app.http.inject({
      method: 'GET',
      url: `/v1/me/data/corrections`,
      headers: as(tokenA),
    });
    expect((mine.json() as { items: View[] }).items).toEqual([]);
  });

  it('corrects a profile field and keeps the SLA it was filed with; overdue once the due date passed', async () => {
    const filed = await file(tokenB, {
      subject: { kind: 'profile', field: 'incomeBand' },
      statement: 'My income is higher now.',
      proposed: { incomeBand: 'gt50k' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const view = filed.json() as View;
    t.clock.advanceDays(16);
    const queue = await t.app.http.inject({
      method: 'GET',
      url: '/v1/data/corrections',
      headers: t.auth('reviewer'),
    });
    const listed = (queue.json() as { items: View[] }).items.find(
      (c) => c.correctionId === view.correctionId,
    );
    expect(listed?.overdue).toBe(true);
    expect(listed?.dueDate).toBe(view.dueDate);
    const resolved = await resolve(view.correctionId, {
      outcome: 'corrected',
      message: { zh: '已更新收入区间。', en: 'Income band updated.' },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const snapshot = await t.app.services.customers.getSnapshot(b);
    expect(snapshot.profile.incomeBand).toBe('gt50k');
  });
});
