import { describe, expect, it } from 'vitest';
import { storesUnderTest } from '../support/stores.ts';
import { appealTestApp, createScriptedCustomer, type AppealTestApp } from './support.ts';

/**
 * An SLA breach is on the record: an appeal still open at the end of its due date gets one audit event
 * `sla_breached` — written by the recovery pass (start-up, day-end, `POST /v1/appeals/recover`), or, when
 * no pass ran in between, by the first action taken on it after the deadline, before that action's own
 * events. Never twice. Filed on Monday 23 Nov 2026 with 3 business days: due at the end of Thu 26 Nov
 * (16:00 UTC).
 */
interface EventJson {
  seq: number;
  action: string;
  actor: { kind: string; id: string; name: string };
  at: string;
  statusBefore: string | null;
  statusAfter: string;
  after: Record<string, unknown>;
  note: string | null;
}

const DUE = new Date('2026-11-26T16:00:00Z');

async function inject(
  t: AppealTestApp,
  method: 'GET' | 'POST',
  url: string,
  headers: object,
  payload?: object,
) {
  const response = await t.app.http.inject({
    method,
    url,
    headers: headers as Record<string, string>,
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.json() };
}

async function fileQueued(t: AppealTestApp, key: 'declined_twice' | 'disputed_overdue'): Promise<string> {
  const customerId = await createScriptedCustomer(t, key);
  const decision = await inject(t, 'POST', '/v1/decisions', t.auth('app'), {
    customerId,
    product: 'cash_loan',
  });
  expect(decision.body.outcome).toBe('declined');
  const filed = await inject(t, 'POST', `/v1/decisions/${decision.body.decisionId}/appeals`, t.auth('app'), {
    customerId,
    category: 'other',
    statement: 'please look again',
  });
  expect(filed.body).toMatchObject({ status: 'queued', slaDueDate: '2026-11-26' });
  return filed.body.appealId as string;
}

async function events(t: AppealTestApp, appealId: string): Promise<EventJson[]> {
  const history = await inject(t, 'GET', `/v1/appeals/${appealId}/history`, t.auth('analyst'));
  expect(history.status).toBe(200);
  return history.body.events as EventJson[];
}

for (const store of storesUnderTest()) {
  describe(`appeal-sla-breach-audit (${store.name})`, () => {
    it('the recovery pass records each breach once, when the due instant has come; the first late action records it otherwise', async () => {
      const t = await appealTestApp({ store });
      const { ana, admin } = t.reviewers;
      const waiting = await fileQueued(t, 'declined_twice');
      const held = await fileQueued(t, 'disputed_overdue');
      expect((await inject(t, 'POST', `/v1/appeals/${held}/claim`, ana.auth)).body.status).toBe('in_review');

      // One minute before the deadline: nothing is breached, nothing recorded.
      t.clock.set(new Date(DUE.getTime() - 60_000));
      const early = await inject(t, 'POST', '/v1/appeals/recover', admin.auth);
      expect(early.body).toMatchObject({ slaBreachesRecorded: 0 });
      expect((await events(t, waiting)).map((e) => e.action)).not.toContain('sla_breached');

      // At the deadline, with no pass yet: the holder's first action puts the breach on the record first.
      t.clock.set(DUE);
      const upheld = await inject(t, 'POST', `/v1/appeals/${held}/decision`, ana.auth, {
        outcome: 'uphold',
        reasons: [{ code: 'ORIGINAL_REASONS_STAND' }],
      });
      expect(upheld.status).toBe(200);
      const heldEvents = await events(t, held);
      const breachAt = heldEvents.findIndex((e) => e.action === 'sla_breached');
      expect(
        heldEvents.slice(breachAt, breachAt + 2).map((e) => [e.action, e.statusBefore, e.statusAfter]),
      ).toEqual([
        ['sla_breached', 'in_review', 'in_review'],
        ['decided', 'in_review', 'resolved'],
      ]);
      expect(heldEvents[breachAt]).toMatchObject({
        actor: { kind: 'system', id: 'sla-clock' },
        at: DUE.toISOString(),
        after: {
          slaDueDate: '2026-11-26',
          slaDueAt: DUE.toISOString(),
          assignee: { id: ana.principal.keyId },
        },
      });
      expect(heldEvents.map((e) => e.seq)).toEqual(heldEvents.map((_, index) => index + 1));

      // The queue shows the waiting one breached; the pass records it (and not the resolved one again).
      const queue = await inject(t, 'GET', '/v1/appeals?status=queued', ana.auth);
      expect(queue.body.appeals).toEqual([expect.objectContaining({ appealId: waiting, slaBreached: true })]);
      const pass = await inject(t, 'POST', '/v1/appeals/recover', admin.auth);
      expect(pass.body).toMatchObject({ attempted: 0, slaBreachesRecorded: 1 });
      const waitingEvents = await events(t, waiting);
      expect(waitingEvents.at(-1)).toMatchObject({
        action: 'sla_breached',
        statusBefore: 'queued',
        statusAfter: 'queued',
        after: { slaDueDate: '2026-11-26', assignee: null },
        note: 'still queued at the end of its due date 2026-11-26',
      });

      // Once only: neither a second pass nor later actions write it again.
      t.clock.set(new Date(DUE.getTime() + 86_400_000));
      expect(await t.app.services.appeals.recover()).toMatchObject({ slaBreachesRecorded: 0 });
      await inject(t, 'POST', `/v1/appeals/${waiting}/claim`, ana.auth);
      await inject(t, 'POST', `/v1/appeals/${waiting}/comments`, ana.auth, { note: 'called the customer' });
      const after = await events(t, waiting);
      expect(after.filter((e) => e.action === 'sla_breached')).toHaveLength(1);
      expect(after.slice(-2).map((e) => e.action)).toEqual(['assigned', 'commented']);
      expect((await events(t, held)).filter((e) => e.action === 'sla_breached')).toHaveLength(1);

      // The database holds the rule too: a second breach event for one appeal is refused.
      const first = after.find((e) => e.action === 'sla_breached');
      const row = await t.app.db.query<{ customer_id: string }>(
        'select customer_id from appeals where id = $1',
        [waiting],
      );
      await expect(
        t.app.db.query(
          `insert into appeal_events (customer_id, appeal_id, seq, id, action, actor, at, status_before,
             status_after, before, after)
           values ($1, $2, 99, 'aud_01M8323B805789DDGD1HYNNR00', 'sla_breached', '{}', $3, 'in_review',
             'in_review', '{}', '{}')`,
          [row.rows[0]?.customer_id, waiting, first?.at],
        ),
      ).rejects.toThrow(/appeal_events_one_sla_breach|duplicate key/);
    });
  });
}
