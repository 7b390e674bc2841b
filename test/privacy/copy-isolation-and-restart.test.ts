import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { eventToWire } from '../../src/customers/index.ts';
import { CustomerHistory } from '../../src/demo/index.ts';
import { luhnCheckDigit } from '../../src/identity/bank-card.ts';
import { idCheckCharacter } from '../../src/identity/id-number.ts';
import { createMemoryLogger } from '../../src/platform/logging/logger.ts';
import { addDays, businessDateOf, type LocalDate } from '../../src/platform/time/local-date.ts';
import { EXPORT_STEPS, NOT_EXPORTED, TABLE_SECTIONS } from '../../src/privacy/export-sections.ts';
import { createPgExportStore } from '../../src/privacy/export-store.pg.ts';
import { requestCopy } from '../../src/privacy/request-copy.ts';
import { createTestApp, testConfig, type TestApp } from '../support/app.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * The copy's guarantees that do not depend on a scripted story: it covers every customer table (a table
 * added later without a decision about the copy fails here), a person's copy never holds another person's
 * ids or identifiers (property: two customers, random histories), and a copy left unfinished by a process
 * that stopped is made by the next one — once, and marked failed after too many attempts.
 */

const customerActor = (customerId: string) => ({
  kind: 'customer' as const,
  id: customerId,
  name: 'customer',
});

function idNumber(seq: number): string {
  const birth = `19${80 + (seq % 20)}0${1 + (seq % 9)}1${1 + (seq % 9)}`;
  const first17 = `310104${birth}${String(seq).padStart(3, '0').slice(-3)}`;
  return `${first17}${idCheckCharacter(first17)}`;
}
function cardNumber(seq: number): string {
  const payload = `62258800${String(seq).padStart(7, '0')}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

interface RandomHistory {
  readonly payments: ReadonlyArray<{ readonly day: number; readonly fen: number }>;
  readonly logins: number;
  readonly loans: number;
}

const historyArb: fc.Arbitrary<RandomHistory> = fc.record({
  payments: fc.array(
    fc.record({ day: fc.integer({ min: 1, max: 700 }), fen: fc.integer({ min: 1, max: 9_999_999 }) }),
    {
      maxLength: 25,
    },
  ),
  logins: fc.integer({ min: 0, max: 10 }),
  loans: fc.integer({ min: 0, max: 2 }),
});

describe.each(storesUnderTest())('copy isolation, completeness and restart on $name', (store) => {
  let t: TestApp;
  let seq = 0;

  const makeCustomer = async (history: RandomHistory) => {
    seq += 1;
    const pii = {
      externalId: `copy-prop-${seq}`,
      name: `测试${'甲乙丙丁戊己庚辛'[seq % 8]}${'子丑寅卯辰巳午未'[Math.floor(seq / 8) % 8]}`,
      idNumber: idNumber(seq),
      phone: `139${String(10_000_000 + seq * 7919).slice(-8)}`,
      card: cardNumber(seq),
    };
    const { customer } = await t.app.services.customers.createCustomer({
      externalId: pii.externalId,
      name: pii.name,
      idNumber: pii.idNumber,
      phone: pii.phone,
    });
    await t.app.services.customers.addCard(customer.customerId, pii.card);
    const now = t.clock.now();
    const at = (days: number): Date => CustomerHistory.at(addDays(businessDateOf(now), -days) as LocalDate);
    const built = new CustomerHistory(customer.customerId, `prop-${seq}`).consentAll(at(720));
    for (const payment of history.payments)
      built.payment(
        at(payment.day),
        `${Math.floor(payment.fen / 100)}.${String(payment.fen % 100).padStart(2, '0')}`,
      );
    for (let i = 0; i < history.logins; i += 1) built.login(at(i + 1));
    for (let i = 0; i < history.loans; i += 1)
      built.loanOpened(at(300 + i), 'elsewhere', `lender-${seq}`, `loan-${seq}-${i}`, '12000.00');
    const report = await t.app.services.customers.ingestEvents(built.eventsUntil(now).map(eventToWire));
    expect(report.rejected).toEqual([]);
    return { customerId: customer.customerId, ...pii };
  };

  const copyText = async (customerId: string): Promise<string> => {
    const job = await t.app.services.copies.make({
      customerId,
      channel: 'app',
      requestedBy: customerActor(customerId),
      identity: 'clear',
    });
    expect(job.status).toBe('done');
    const file = await t.app.services.copies.download({
      customerId,
      exportId: job.id,
      actor: customerActor(customerId),
      format: 'json',
    });
    return new TextDecoder().decode(file.body);
  };

  beforeAll(async () => {
    t = await createTestApp({ store });
  }, 120_000);
  afterAll(async () => {
    await t.app.stop();
  });

  it('covers every table that belongs to a customer, or says why not', async () => {
    const tables = await t.app.db.query<{ table_name: string }>(
      `select distinct c.table_name from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.column_name = 'customer_id' and c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        order by 1`,
    );
    const covered = new Set([
      ...TABLE_SECTIONS.map((section) => section.table),
      ...Object.keys(NOT_EXPORTED),
    ]);
    expect(tables.rows.map((row) => row.table_name).filter((name) => !covered.has(name))).toEqual([]);
    // And every section's table and keys exist (a renamed column would fail the copy, not the build).
    for (const section of TABLE_SECTIONS)
      await t.app.db.query(`select ${section.keys.join(', ')} from ${section.table} limit 0`);
  });

  it("never puts one customer's ids or identifiers in another's copy (property)", async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, historyArb, async (historyA, historyB) => {
        const a = await makeCustomer(historyA);
        const b = await makeCustomer(historyB);
        const textA = await copyText(a.customerId);
        const textB = await copyText(b.customerId);
        for (const value of [b.customerId, b.externalId, b.name, b.idNumber, b.phone, b.card, `prop-${seq}`])
          expect(textA).not.toContain(value);
        for (const value of [a.customerId, a.name, a.idNumber, a.phone, a.card])
          expect(textB).not.toContain(value);
        // Each holds its own, with every event it was given.
        const docA = JSON.parse(textA) as {
          identity: { idNumber: string };
          events: unknown[];
          counts: Record<string, number>;
        };
        expect(docA.identity.idNumber).toBe(a.idNumber);
        expect(docA.events.length).toBe(docA.counts.events);
        expect(docA.events.length).toBeGreaterThanOrEqual(historyA.payments.length + historyA.logins);
      }),
      { numRuns: 6, seed: 17 },
    );
  }, 300_000);

  it('resumes a copy a stopped process left running, once, and fails one started too often', async () => {
    const person = await makeCustomer({ payments: [{ day: 3, fen: 12_345 }], logins: 1, loans: 0 });
    // Two copies recorded and queued by a process that then stopped (the use case, not the service: no run
    // starts here). One was at step 5, silent for 10 minutes; the other wrote its progress a moment ago —
    // another process is still on it.
    const deps = {
      db: t.app.db,
      clock: t.clock,
      ids: t.app.ids,
      audit: t.app.services.audit,
      store: createPgExportStore(),
      identity: (id: string, mode: 'clear' | 'masked') => t.app.services.customers.revealIdentity(id, mode),
    };
    const requester = customerActor(person.customerId);
    const { job } = await requestCopy(deps, {
      customerId: person.customerId,
      channel: 'app',
      requestedBy: requester,
      identity: 'clear',
    });
    const fresh = await requestCopy(deps, {
      customerId: person.customerId,
      channel: 'app',
      requestedBy: requester,
      identity: 'clear',
      asOf: addDays(businessDateOf(t.clock.now()), -1),
    });
    const stop = async (id: string, done: number, updatedAt: Date) => {
      await t.app.db.query(
        `update data_exports set status = 'running', done = $3, attempts = 1, updated_at = $4
          where customer_id = $1 and id = $2`,
        [person.customerId, id, done, updatedAt],
      );
    };
    await stop(job.id, 5, new Date(t.clock.now().getTime() - 600_000));
    await stop(fresh.job.id, 2, t.clock.now());

    // The next process starts (same database) and runs its recovery pass.
    const next = await createApp({
      config: testConfig(),
      db: t.app.db,
      clock: t.clock,
      ids: t.app.ids,
      logger: createMemoryLogger('warn').logger,
      migrate: false,
    });
    const recovered = await next.services.copies.recover();
    // The silent one now; the other may still have a live owner, so it waits for its window to pass.
    expect(recovered).toEqual({ resumed: 1, waiting: 1 });
    await next.services.copies.idle();
    const resumed = await next.services.copies.get({
      customerId: person.customerId,
      exportId: job.id,
      actor: customerActor(person.customerId),
    });
    expect(resumed.status).toBe('done');
    expect(resumed.attempts).toBe(2);
    expect(resumed.done).toBe(EXPORT_STEPS);
    const file = await next.services.copies.download({
      customerId: person.customerId,
      exportId: job.id,
      actor: customerActor(person.customerId),
      format: 'json',
    });
    expect(JSON.parse(new TextDecoder().decode(file.body)).identity.name).toBe(person.name);
    const untouched = await next.services.copies.get({
      customerId: person.customerId,
      exportId: fresh.job.id,
      actor: customerActor(person.customerId),
    });
    expect(untouched.status).toBe('running');
    expect(untouched.attempts).toBe(1);
    // Later it is silent too, and has been started as often as allowed: failed, the request closed.
    await t.app.db.query(
      `update data_exports set attempts = 3, updated_at = $3 where customer_id = $1 and id = $2`,
      [person.customerId, fresh.job.id, new Date(t.clock.now().getTime() - 600_000)],
    );
    await next.services.copies.recover();
    await next.services.copies.idle();
    const failed = await next.services.copies.get({
      customerId: person.customerId,
      exportId: fresh.job.id,
      actor: customerActor(person.customerId),
    });
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toContain('3 times');
    const requests = await t.app.db.query<{ id: string; status: string }>(
      `select id, status from data_subject_requests where customer_id = $1 order by requested_at, id`,
      [person.customerId],
    );
    expect(requests.rows.map((row) => row.status)).toEqual(['completed', 'failed']);
    next.services.copies.close();
  }, 120_000);

  it('takes over a copy left running inside the stale window once the window has passed, with the same copy', async () => {
    const person = await makeCustomer({ payments: [{ day: 9, fen: 50_000 }], logins: 2, loans: 1 });
    const requester = customerActor(person.customerId);
    // Of yesterday, so both copies read the features as of the same instant (today's reads them now).
    const asOf = addDays(businessDateOf(t.clock.now()), -1);
    const uninterrupted = await t.app.services.copies.make({
      customerId: person.customerId,
      channel: 'app',
      requestedBy: requester,
      identity: 'clear',
      asOf,
    });
    expect(uninterrupted.status).toBe('done');
    const documentOf = async (
      service: typeof t.app.services.copies,
      exportId: string,
    ): Promise<{ requestIds: string[]; copyIds: string[] } & Record<string, unknown>> => {
      const file = await service.download({
        customerId: person.customerId,
        exportId,
        actor: requester,
        format: 'json',
      });
      // Both copies hold the same history; they differ only in when and as which copy they were made, and
      // in the person's requests and copies (the second copy also lists the first, by then completed).
      const {
        exportId: _id,
        generatedAt: _at,
        requests,
        copies,
        counts,
        ...rest
      } = JSON.parse(new TextDecoder().decode(file.body)) as {
        requests: Array<{ id: string }>;
        copies: Array<{ id: string }>;
        counts: Record<string, number>;
      } & Record<string, unknown>;
      const { requests: _requests, copies: _copies, ...otherCounts } = counts;
      return {
        ...rest,
        counts: otherCounts,
        requestIds: requests.map((request) => request.id),
        copyIds: copies.map((copy) => copy.id),
      };
    };
    // A second copy, stopped at step 3 by a process that died 30 s ago: inside the 120 s window.
    const deps = {
      db: t.app.db,
      clock: t.clock,
      ids: t.app.ids,
      audit: t.app.services.audit,
      store: createPgExportStore(),
      identity: (id: string, mode: 'clear' | 'masked') => t.app.services.customers.revealIdentity(id, mode),
    };
    const { job } = await requestCopy(deps, {
      customerId: person.customerId,
      channel: 'app',
      requestedBy: requester,
      identity: 'clear',
      asOf,
    });
    await t.app.db.query(
      `update data_exports set status = 'running', done = 3, attempts = 1, updated_at = $3
        where customer_id = $1 and id = $2`,
      [person.customerId, job.id, new Date(t.clock.now().getTime() - 30_000)],
    );
    // The next process starts within the window: the copy is not taken yet, but it is not forgotten.
    const next = await createApp({
      config: testConfig(),
      db: t.app.db,
      clock: t.clock,
      ids: t.app.ids,
      logger: createMemoryLogger('warn').logger,
      migrate: false,
      staleRecheckMs: 20,
    });
    expect(await next.services.copies.recover()).toEqual({ resumed: 0, waiting: 1 });
    const current = () =>
      next.services.copies.get({ customerId: person.customerId, exportId: job.id, actor: requester });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await current()).status).toBe('running');
    expect((await current()).attempts).toBe(1);
    // The clock moves past the window (no new progress): the waiting timer takes the copy over.
    t.clock.advanceMs(100_000);
    const deadline = Date.now() + 60_000;
    while ((await current()).status === 'running' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await next.services.copies.idle();
    const resumed = await current();
    expect(resumed.status).toBe('done');
    expect(resumed.attempts).toBe(2);
    expect(resumed.done).toBe(EXPORT_STEPS);
    expect({ ...resumed.counts, requests: 1, copies: 1 }).toEqual(uninterrupted.counts);
    const {
      requestIds: resumedRequests,
      copyIds: resumedCopies,
      ...resumedDocument
    } = await documentOf(next.services.copies, job.id);
    const {
      requestIds: firstRequests,
      copyIds: firstCopies,
      ...firstDocument
    } = await documentOf(t.app.services.copies, uninterrupted.id);
    expect(resumedDocument).toEqual(firstDocument);
    expect(firstRequests).toEqual([uninterrupted.requestId]);
    expect([...resumedRequests].sort()).toEqual([uninterrupted.requestId, job.requestId].sort());
    expect(firstCopies).toEqual([uninterrupted.id]);
    expect([...resumedCopies].sort()).toEqual([uninterrupted.id, job.id].sort());
    next.services.copies.close();
  }, 180_000);

  it('reports progress step by step when made in the foreground (the CLI)', async () => {
    const person = await makeCustomer({ payments: [], logins: 2, loans: 1 });
    const steps: Array<[number, number]> = [];
    const job = await t.app.services.copies.make(
      {
        customerId: person.customerId,
        channel: 'staff',
        requestedBy: { kind: 'system', id: 'cli', name: 'cli' },
        reason: 'test',
        identity: 'masked',
      },
      (done, total) => {
        steps.push([done, total]);
      },
    );
    expect(job.status).toBe('done');
    expect(steps.map(([done]) => done)).toEqual([
      ...Array.from({ length: EXPORT_STEPS - 1 }, (_, i) => i + 1),
      EXPORT_STEPS,
    ]);
    expect(new Set(steps.map(([, total]) => total))).toEqual(new Set([EXPORT_STEPS]));
  });
});
