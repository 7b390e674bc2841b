import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPiiVault } from '../../src/identity/pii-vault.ts';
import { verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { testPiiConfig } from '../../src/platform/config/config.ts';
import { addDays, businessDateOf, type LocalDate } from '../../src/platform/time/local-date.ts';
import { sqlStateOf } from '../../src/platform/database/database.ts';
import { appealTestApp, type AppealTestApp } from '../appeals/support.ts';
import { storesUnderTest } from '../support/stores.ts';
import {
  createPerson,
  customerActor,
  dumpTables,
  idCardPdf,
  leakForms,
  loanFor,
  personOf,
  staffActor,
  type Person,
} from './erasure-support.ts';

/**
 * Issue 17, item 1: erasure by crypto-shredding, with legal holds and retention rules as data. A blocked
 * erasure says which hold and until when; the day step carries it out when the holds lapse; after it no
 * table, log line or API answer holds the person's name, ID number, phone or card in clear (nor in hex or
 * base64 of their UTF-8), while the books still verify and decisions still replay.
 */
describe.each(storesUnderTest())('erasure ($name)', (store) => {
  let t: AppealTestApp;
  let serial = 0;
  let today: LocalDate;

  beforeAll(async () => {
    t = await appealTestApp({ store });
    today = businessDateOf(t.clock.now());
  });
  afterAll(async () => {
    await t.app.stop();
  });

  const newPerson = async (cards = 1): Promise<{ person: Person; customerId: string }> => {
    serial += 1;
    const person = personOf(serial, {
      surname: serial,
      given: [serial, serial * 7],
      region: serial,
      year: serial * 3,
      day: serial * 5,
      cards,
    });
    return { person, customerId: await createPerson(t, person, `erasure-${serial}`) };
  };

  it('with nothing held, erases at once: the data key is destroyed and every read is 410', async () => {
    const { customerId } = await newPerson(2);
    const { request, created } = await t.app.services.privacy.requestErasure({
      customerId,
      by: customerActor(customerId),
    });
    expect(created).toBe(true);
    expect(request).toMatchObject({
      kind: 'erasure',
      status: 'completed',
      holds: [],
      requestedBy: { kind: 'customer', id: customerId },
    });
    expect(request.outcome).toMatchObject({ dataKeyDestroyed: true, cardsUnindexed: 2 });
    const keys = await t.app.db.query('select 1 from customer_data_keys where customer_id = $1', [
      customerId,
    ]);
    expect(keys.rows).toEqual([]);
    const response = await t.app.http.inject({
      method: 'GET',
      url: `/v1/customers/${customerId}`,
      headers: t.auth('app'),
    });
    expect(response.statusCode).toBe(410);
    expect(response.json()).toMatchObject({ code: 'GONE', erased: true, customerId });
    // Asking again answers the same completed request.
    const again = await t.app.services.privacy.requestErasure({ customerId, by: customerActor(customerId) });
    expect([again.created, again.request.id]).toEqual([false, request.id]);
    // The database refuses to bring the identity back or to delete a key of a customer not erased.
    const state = (sql: string, params: unknown[]) =>
      t.app.db
        .query(sql, params)
        .then(() => 'ok')
        .catch(sqlStateOf);
    expect(await state('update customers set erased_at = null where customer_id = $1', [customerId])).toBe(
      '55000',
    );
    const other = await newPerson(0);
    expect(await state('delete from customer_data_keys where customer_id = $1', [other.customerId])).toBe(
      '55000',
    );
  });

  it('erasing one person over HTTP ends their sessions only: another customer, the API keys and a second session of nobody else are untouched', async () => {
    const erased = await newPerson(0);
    const other = await newPerson(0);
    const sessionOf = async (customerId: string) => {
      const issued = await t.app.http.inject({
        method: 'POST',
        url: `/v1/customers/${customerId}/sessions`,
        headers: t.auth('app'),
        payload: {},
      });
      expect(issued.statusCode).toBe(201);
      return { authorization: `Bearer ${issued.json().token}` };
    };
    const [mine, mySecond, theirs] = [
      await sessionOf(erased.customerId),
      await sessionOf(erased.customerId),
      await sessionOf(other.customerId),
    ];
    const asked = await t.app.http.inject({
      method: 'POST',
      url: '/v1/me/erasure',
      headers: mine,
      payload: { confirm: true },
    });
    expect([asked.statusCode, asked.json().status]).toEqual([201, 'completed']);
    const status = async (url: string, headers: Record<string, string>) =>
      (await t.app.http.inject({ method: 'GET', url, headers })).statusCode;
    // Both of the erased person's sessions end; the other customer's does not.
    expect(await status('/v1/me', mine)).toBe(401);
    expect(await status('/v1/me', mySecond)).toBe(401);
    expect(await status('/v1/me', theirs)).toBe(200);
    // The lender's keys still work, for the other customer (200) and for the erased one (410, not 401).
    expect(await status(`/v1/customers/${other.customerId}`, t.auth('app'))).toBe(200);
    expect(await status(`/v1/customers/${erased.customerId}`, t.auth('reviewer'))).toBe(410);
    const revoked = await t.app.db.query<{ customer_id: string }>(
      `select distinct customer_id from customer_sessions where revoked_reason = 'revoke_all' and customer_id in ($1, $2)`,
      [erased.customerId, other.customerId],
    );
    expect(revoked.rows).toEqual([{ customer_id: erased.customerId }]);
  });

  it('an open loan blocks: "until closed", no date; closed, the AML 10-year rule in force gives the date; then it runs', async () => {
    const { customerId } = await newPerson();
    const loanId = await loanFor(t, customerId, `open-${serial}`, false);
    const { request } = await t.app.services.privacy.requestErasure({
      customerId,
      by: customerActor(customerId),
    });
    expect(request.status).toBe('blocked');
    expect(request.holds).toEqual([
      expect.objectContaining({
        kind: 'open_credit',
        ruleId: 'open_credit_contract',
        subject: { type: 'loan', id: loanId },
        heldThrough: null,
      }),
    ]);
    expect(request.notBefore).toBeNull();
    // Paid off today: the retention rule in force today (data) keeps the records 120 months from the close —
    // the revised AML Law (in force 2025-01-01, migration 0833), not the lender's old 5-year rule.
    const quote = await t.app.services.loans.payoffQuote(loanId);
    await t.app.services.loans.repay({
      loanId,
      amount: quote.total,
      intent: 'prepayment',
      idempotencyKey: `payoff-${serial}`,
    });
    const first = await t.app.services.privacy.runErasures();
    expect(first.stillBlocked).toContain(request.id);
    const [held] = await t.app.services.privacy.requests({ customerId, kind: 'erasure' });
    expect(today).toBe('2026-11-23');
    // The rule book keeps the old rule for history, retired; the new one dated from the law's own date.
    const book = await t.app.db.query(
      `select id, keep_months, to_char(effective_from, 'YYYY-MM-DD') as effective_from,
              to_char(retired_on, 'YYYY-MM-DD') as retired_on
         from retention_rules where basis = 'closed_credit' order by effective_from`,
    );
    expect(book.rows).toEqual([
      {
        id: 'closed_credit_records_10y_aml2025',
        keep_months: 120,
        effective_from: '2025-01-01',
        retired_on: null,
      },
      {
        id: 'closed_credit_records_5y',
        keep_months: 60,
        effective_from: '2026-01-01',
        retired_on: '2026-12-08',
      },
    ]);
    const through = '2036-11-22' as LocalDate;
    expect(held?.holds).toEqual([
      expect.objectContaining({
        kind: 'retention',
        ruleId: 'closed_credit_records_10y_aml2025',
        closedOn: '2026-11-23',
        heldThrough: through,
        citation: expect.objectContaining({ zh: expect.stringContaining('《中华人民共和国反洗钱法》') }),
      }),
    ]);
    expect(held?.notBefore).toBe('2036-11-23');
    // The old rule's date (five years on) no longer erases; the day before the ten years, still held; on
    // the date, carried out.
    for (const date of ['2031-11-23', through] as LocalDate[])
      expect((await t.app.services.privacy.runErasures({ businessDate: date })).erased).not.toContain(
        request.id,
      );
    const run = await t.app.services.privacy.runErasures({ businessDate: '2036-11-23' as LocalDate });
    expect(run.erased).toContain(request.id);
    const [done] = await t.app.services.privacy.requests({ customerId, kind: 'erasure' });
    expect(done?.status).toBe('completed');
  });

  it('an open appeal blocks until it is resolved or withdrawn', async () => {
    const { person, customerId } = await newPerson();
    const decision = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
    const { evidence } = await t.app.services.appeals.uploadEvidence({
      customerId,
      declaredType: 'application/pdf',
      content: idCardPdf(person),
      by: t.appPrincipal,
    });
    const appeal = await t.app.services.appeals.file(
      {
        decisionId: decision.id,
        customerId,
        category: 'data_error',
        statement: 'my income is higher',
        evidenceIds: [evidence.evidenceId],
      },
      t.appPrincipal,
    );
    const { request } = await t.app.services.privacy.requestErasure({
      customerId,
      by: staffActor,
      reason: 'customer called the hotline on 22 Nov',
    });
    expect(request).toMatchObject({
      status: 'blocked',
      requestedBy: { kind: 'staff', id: 'staff:stf_privacy_officer' },
    });
    expect(request.holds.map((hold) => [hold.kind, hold.subject.id])).toEqual([['open_appeal', appeal.id]]);
    await t.app.services.appeals.withdraw(appeal.id, customerId, t.appPrincipal);
    expect((await t.app.services.privacy.runErasures()).erased).toContain(request.id);
    await expect(
      t.app.services.appeals.evidenceContent(appeal.id, evidence.evidenceId),
    ).rejects.toMatchObject({ code: 'GONE' });
  });

  it('a legal hold blocks through its end date, says so in zh and en, and a release lets the day step run', async () => {
    const { customerId } = await newPerson();
    const hold = await t.app.services.privacy.placeLegalHold({
      customerId,
      reason: 'court order (2026) 沪0105民初1234号',
      authority: '上海市长宁区人民法院',
      heldUntil: addDays(today, 90),
      by: staffActor,
    });
    const { request } = await t.app.services.privacy.requestErasure({
      customerId,
      by: customerActor(customerId),
    });
    expect(request.status).toBe('blocked');
    expect(request.holds).toEqual([
      expect.objectContaining({ kind: 'legal_hold', heldThrough: addDays(today, 90) }),
    ]);
    expect(request.notBefore).toBe(addDays(today, 91));
    const session = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${customerId}/sessions`,
      headers: t.auth('app'),
      payload: {},
    });
    const me = await t.app.http.inject({
      method: 'GET',
      url: '/v1/me/erasure',
      headers: { authorization: `Bearer ${session.json().token}` },
    });
    expect(me.statusCode).toBe(200);
    const view = me.json().requests[0];
    expect(view.summary.zh).toContain(`${addDays(today, 91)} 起我们会自动删除`);
    expect(view.holds[0].text.en).toBe(
      `A legal obligation requires us to keep your data through ${addDays(today, 90)}.`,
    );
    // The customer does not read the court's case number; staff do.
    expect(JSON.stringify(view)).not.toContain('1234号');
    await t.app.services.privacy.releaseLegalHold({
      holdId: hold.id,
      reason: 'order lifted',
      by: staffActor,
    });
    expect((await t.app.services.privacy.runErasures()).erased).toContain(request.id);
  });

  it('staff must give a reason; a second request returns the open one', async () => {
    const { customerId } = await newPerson();
    await expect(t.app.services.privacy.requestErasure({ customerId, by: staffActor })).rejects.toMatchObject(
      {
        code: 'VALIDATION_FAILED',
        issues: [expect.objectContaining({ field: 'reason', rule: 'required' })],
      },
    );
    await t.app.services.privacy.placeLegalHold({
      customerId,
      reason: 'regulator inquiry',
      heldUntil: addDays(today, 10),
      by: staffActor,
    });
    const first = await t.app.services.privacy.requestErasure({ customerId, by: customerActor(customerId) });
    const second = await t.app.services.privacy.requestErasure({ customerId, by: customerActor(customerId) });
    expect([second.created, second.request.id]).toEqual([false, first.request.id]);
  });

  it('over HTTP: the customer asks, staff see the queue, the day-end carries it out; history still reads', async () => {
    const { customerId } = await newPerson();
    const decision = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
    const loanId = await loanFor(t, customerId, `http-${serial}`, false);
    const session = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${customerId}/sessions`,
      headers: t.auth('app'),
      payload: {},
    });
    const me = { authorization: `Bearer ${session.json().token}` };
    // The person must say yes explicitly: without `confirm: true` nothing is asked (422 naming the field).
    for (const [payload, rule] of [
      [undefined, 'required'],
      [{ confirm: false }, 'must-be-true'],
      [{}, 'required'],
    ] as const) {
      const refused = await t.app.http.inject({
        method: 'POST',
        url: '/v1/me/erasure',
        headers: { ...me, 'idempotency-key': 'tap-0' },
        ...(payload === undefined ? {} : { payload }),
      });
      expect([refused.statusCode, refused.json().errors]).toEqual([
        422,
        [expect.objectContaining({ field: 'confirm', rule })],
      ]);
    }
    const none = await t.app.http.inject({ method: 'GET', url: '/v1/me/erasure', headers: me });
    expect(none.json().requests).toEqual([]);
    const asked = await t.app.http.inject({
      method: 'POST',
      url: '/v1/me/erasure',
      headers: { ...me, 'idempotency-key': 'tap-1' },
      payload: { confirm: true },
    });
    expect(asked.statusCode).toBe(201);
    const view = asked.json();
    expect(view).toMatchObject({ status: 'blocked', erasableFrom: null, reason: null });
    expect(view.holds).toEqual([
      expect.objectContaining({
        kind: 'open_credit',
        subject: { type: 'loan', id: loanId },
        heldThrough: null,
      }),
    ]);
    expect(view.holds[0].text.zh).toContain(`您的贷款 ${loanId} 尚未结清`);
    expect(view.summary.en).toContain('we will erase it automatically');
    // A retry of the tap, and staff asking for the same person, answer the same request.
    const retry = await t.app.http.inject({
      method: 'POST',
      url: '/v1/me/erasure',
      headers: { ...me, 'idempotency-key': 'tap-1' },
      payload: { confirm: true },
    });
    expect([retry.statusCode, retry.json().id]).toEqual([200, view.id]);
    const byStaff = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${customerId}/erasure`,
      headers: t.auth('reviewer'),
      payload: { reason: 'asked again by phone' },
    });
    expect([byStaff.statusCode, byStaff.json().id]).toEqual([200, view.id]);
    const queue = await t.app.http.inject({
      method: 'GET',
      url: `/v1/privacy/requests?kind=erasure&status=blocked&customerId=${customerId}`,
      headers: t.auth('reviewer'),
    });
    expect(queue.json().requests.map((r: { id: string }) => r.id)).toEqual([view.id]);
    expect(
      (await t.app.http.inject({ method: 'GET', url: '/v1/privacy/requests', headers: t.auth('analyst') }))
        .statusCode,
    ).toBe(403);
    const noReason = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${customerId}/erasure`,
      headers: t.auth('admin'),
      payload: {},
    });
    expect(noReason.statusCode).toBe(422);
    // Written off is still owed: it holds like an open loan. Paid off, the retention rule dates it.
    const quote = await t.app.services.loans.payoffQuote(loanId);
    await t.app.services.loans.repay({
      loanId,
      amount: quote.total,
      intent: 'prepayment',
      idempotencyKey: `http-pay-${serial}`,
    });
    const run = await t.app.http.inject({
      method: 'POST',
      url: '/v1/privacy/erasures/run',
      headers: t.auth('admin'),
      payload: { businessDate: '2036-11-23' },
    });
    expect(run.statusCode).toBe(200);
    expect(run.json().erased).toContain(view.id);
    // Every read of the person is 410; the loan, the decision and its replay still read.
    expect((await t.app.http.inject({ method: 'GET', url: '/v1/me/erasure', headers: me })).statusCode).toBe(
      401,
    );
    const person = await t.app.http.inject({
      method: 'GET',
      url: `/v1/customers/${customerId}`,
      headers: t.auth('reviewer'),
    });
    expect([person.statusCode, person.json().code]).toEqual([410, 'GONE']);
    const loan = await t.app.http.inject({
      method: 'GET',
      url: `/v1/loans/${loanId}`,
      headers: t.auth('analyst'),
    });
    expect([loan.statusCode, loan.json().status]).toEqual([200, 'closed']);
    const stored = await t.app.http.inject({
      method: 'GET',
      url: `/v1/decisions/${decision.id}`,
      headers: t.auth('analyst'),
    });
    expect(stored.statusCode).toBe(200);
    expect((await t.app.services.decisions.replay(decision.id)).matches).toBe(true);
    const again = await t.app.http.inject({
      method: 'POST',
      url: '/v1/decisions',
      headers: t.auth('app'),
      payload: { customerId, product: 'cash_loan' },
    });
    expect(again.json()).toMatchObject({ status: 410, code: 'GONE', erased: true });
    expect(
      await t.app.db
        .query('select 1 from decisions where customer_id = $1 and id <> $2', [customerId, decision.id])
        .then((r) => r.rows),
    ).toEqual([]);
  });

  it('property: after erasure nothing anywhere holds the person in clear; the ledger verifies, decisions replay', async () => {
    const decisions: string[] = [];
    const people: Person[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          surname: fc.nat(100),
          given: fc.array(fc.nat(100), { minLength: 1, maxLength: 2 }),
          region: fc.nat(10),
          year: fc.nat(39),
          day: fc.nat(400),
          cards: fc.integer({ min: 0, max: 2 }),
          appeal: fc.boolean(),
          closedLoan: fc.boolean(),
          legalHold: fc.boolean(),
        }),
        async (pick) => {
          serial += 1;
          const person = personOf(serial, pick);
          const customerId = await createPerson(t, person, `erasure-prop-${serial}`);
          const decision = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
          decisions.push(decision.id);
          let appealId: string | undefined;
          if (pick.appeal) {
            const { evidence } = await t.app.services.appeals.uploadEvidence({
              customerId,
              declaredType: 'application/pdf',
              content: idCardPdf(person),
              by: t.appPrincipal,
            });
            appealId = (
              await t.app.services.appeals.file(
                {
                  decisionId: decision.id,
                  customerId,
                  category: 'identity',
                  statement: `我是${person.name}，身份证 ${person.idNumber}，手机 ${person.phone}，请再看一下`,
                  evidenceIds: [evidence.evidenceId],
                },
                t.appPrincipal,
              )
            ).id;
          }
          if (pick.closedLoan) await loanFor(t, customerId, `prop-${serial}`, true);
          if (pick.legalHold)
            await t.app.services.privacy.placeLegalHold({
              customerId,
              reason: 'litigation',
              heldUntil: addDays(today, 30),
              by: staffActor,
            });
          const { request } = await t.app.services.privacy.requestErasure({
            customerId,
            by: customerActor(customerId),
          });
          const expected = [
            ...(pick.closedLoan ? ['retention'] : []),
            ...(pick.appeal ? ['open_appeal'] : []),
            ...(pick.legalHold ? ['legal_hold'] : []),
          ];
          expect(request.holds.map((hold) => hold.kind)).toEqual(expected);
          expect(request.status).toBe(expected.length > 0 ? 'blocked' : 'completed');
          if (appealId) await t.app.services.appeals.withdraw(appealId, customerId, t.appPrincipal);
          if (expected.length > 0) {
            const run = await t.app.services.privacy.runErasures({ businessDate: '2037-01-01' as LocalDate });
            expect(run.erased).toContain(request.id);
          }
          people.push(person);
        },
      ),
      { numRuns: store.name === 'pglite' ? 12 : 6, seed: 1717 },
    );

    // A backup-shaped dump: every table's rows as text (bytea as hex); on PostgreSQL also pg_dump's.
    let dump = await dumpTables(t);
    const url = process.env.DATABASE_URL;
    if (store.name === 'postgres' && url) {
      // The suite's own database and schema (a copy of the migrated template, or a schema of the URL's).
      const where = await t.app.db.query<{ db: string; schema: string }>(
        'select current_database() as db, current_schema() as schema',
      );
      const target = new URL(url);
      target.pathname = `/${where.rows[0]?.db ?? ''}`;
      const pgDump = spawnSync(
        'pg_dump',
        ['--data-only', '--schema', where.rows[0]?.schema ?? 'public', target.toString()],
        {
          encoding: 'utf8',
          maxBuffer: 512 * 1024 * 1024,
        },
      );
      if (pgDump.error === undefined) {
        expect(pgDump.status, pgDump.stderr).toBe(0);
        expect(pgDump.stdout).toMatch(/COPY [a-z0-9_"]+\."?customer_data_keys/);
        dump += `\n${pgDump.stdout}`;
      }
    }
    const logs = t.logLines().join('\n');
    for (const person of people) {
      for (const value of [person.name, person.idNumber, person.phone, ...person.cards]) {
        for (const form of leakForms(value)) {
          expect(dump.includes(form), `${form} in the dump`).toBe(false);
          expect(logs.includes(form), `${form} in the logs`).toBe(false);
        }
      }
    }
    // Nor the blind indexes that would let anyone holding the index key test a guess.
    const lender = createPiiVault(testPiiConfig());
    const indexes = (person: Person) => [
      lender.blindIndex('id_number', person.idNumber),
      lender.blindIndex('phone', person.phone),
      ...person.cards.map((card) => lender.blindIndex('card_number', card)),
    ];
    for (const person of people)
      for (const index of indexes(person)) expect(dump.includes(index)).toBe(false);
    // The search can fail: a person not erased is found in the same dump by their blind indexes (their
    // clear values are never stored at all: sealed under their data key from the start).
    const { person: kept } = await newPerson(1);
    const withKept = await dumpTables(t);
    for (const index of indexes(kept)) expect(withKept.includes(index)).toBe(true);
    expect(withKept.includes(kept.name)).toBe(false);

    const ledger = await verifyLedger(t.app.db);
    expect(ledger.ok).toBe(true);
    for (const id of decisions) {
      const replay = await t.app.services.decisions.replay(id);
      expect(replay.matches, `decision ${id} replays`).toBe(true);
    }
  }, 600_000);

  it('the day-end batch ends with the erasures whose holds lapse on its date', async () => {
    const { customerId } = await newPerson();
    await t.app.services.privacy.placeLegalHold({
      customerId,
      reason: 'inquiry',
      heldUntil: today,
      by: staffActor,
    });
    const { request } = await t.app.services.privacy.requestErasure({
      customerId,
      by: customerActor(customerId),
    });
    expect(request.notBefore).toBe(addDays(today, 1));
    // The next morning (the last test of the file: the clock moves on).
    t.clock.advanceDays(1);
    const report = await t.app.services.dayEnd.run({ through: addDays(today, 1) });
    const step = report.dates.find((d) => d.product === 'erasures');
    expect(step?.items).toBeGreaterThanOrEqual(1);
    const [done] = await t.app.services.privacy.requests({ customerId, kind: 'erasure' });
    expect(done?.status).toBe('completed');
  });
});
