import { describe, expect, it } from 'vitest';
import { containsRawPii } from '../../src/platform/pii/mask.ts';
import { storesUnderTest } from '../support/stores.ts';
import { appealTestApp, createScriptedCustomer, type AppealTestApp } from './support.ts';

/**
 * Free text in appeals — the customer's statement, reviewers' comments, an overturn's note, a send-back
 * note, the message to the customer — is where people type identifiers. Nothing of it reaches an API
 * response (the case file, the history, the customer's view, the override decision) or the database with
 * an ID, card or phone number unmasked.
 */
const ID = '110101199003078515';
const CARD = '6222020200112233446';
const PHONE = '13912340002';
const RAW = [ID, CARD, PHONE, '139 1234 0002'];

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
  expect(response.statusCode, response.body).toBeLessThan(300);
  return { body: response.json(), text: response.body };
}

function expectMasked(text: string): void {
  for (const raw of RAW) expect(text).not.toContain(raw);
  expect(containsRawPii(text)).toBe(false);
}

async function fileDeclined(t: AppealTestApp, key: 'disputed_overdue' | 'declined_twice') {
  const customerId = await createScriptedCustomer(t, key);
  const decision = await inject(t, 'POST', '/v1/decisions', t.auth('app'), {
    customerId,
    product: 'cash_loan',
  });
  const filed = await inject(t, 'POST', `/v1/decisions/${decision.body.decisionId}/appeals`, t.auth('app'), {
    customerId,
    category: 'data_error',
    statement: `My ID is ${ID}, call me on 139 1234 0002; the bank debited card ${CARD} on time.`,
  });
  expect(filed.body.status).toBe('queued');
  return { customerId, appealId: filed.body.appealId as string };
}

for (const store of storesUnderTest()) {
  describe(`appeal-free-text-pii-masked (${store.name})`, () => {
    it('masks identifiers typed into statements, notes and messages, in every response and in storage', async () => {
      const t = await appealTestApp({ store });
      const { ana, bo } = t.reviewers;

      const overturned = await fileDeclined(t, 'disputed_overdue');
      const id = overturned.appealId;
      await inject(t, 'POST', `/v1/appeals/${id}/claim`, ana.auth);
      await inject(t, 'POST', `/v1/appeals/${id}/comments`, ana.auth, { note: `called ${PHONE}, confirmed` });
      const proposed = await inject(t, 'POST', `/v1/appeals/${id}/decision`, ana.auth, {
        outcome: 'overturn',
        limit: '60000.00',
        apr: '0.1095',
        note: `bank letter for card ${CARD}`,
      });
      expectMasked(proposed.text);
      expect(proposed.body.proposal.note).toBe('bank letter for card **** 3446');
      const pending = await inject(t, 'GET', `/v1/appeals/${id}/case`, bo.auth);
      expectMasked(pending.text);
      // The approvals inbox reads the proposal from the queue: the same terms and masked note.
      const inbox = await inject(t, 'GET', '/v1/appeals?status=pending_approval', bo.auth);
      expectMasked(inbox.text);
      expect(inbox.body.appeals).toHaveLength(1);
      expect(inbox.body.appeals[0].proposal).toEqual(proposed.body.proposal);
      await inject(t, 'POST', `/v1/appeals/${id}/reject`, bo.auth, { note: `check the ID ${ID} again` });
      await inject(t, 'POST', `/v1/appeals/${id}/decision`, ana.auth, {
        outcome: 'overturn',
        limit: '60000.00',
        apr: '0.1095',
        note: `ID ${ID} checked; card ${CARD}`,
      });
      const approved = await inject(t, 'POST', `/v1/appeals/${id}/approve`, bo.auth);
      const override = await inject(t, 'GET', `/v1/decisions/${approved.body.overrideDecisionId}`, ana.auth);
      expectMasked(override.text);
      expect(override.text).toContain('ID 110101********8515 checked; card **** 3446');

      const upheld = await fileDeclined(t, 'declined_twice');
      await inject(t, 'POST', `/v1/appeals/${upheld.appealId}/claim`, ana.auth);
      const decided = await inject(t, 'POST', `/v1/appeals/${upheld.appealId}/decision`, ana.auth, {
        outcome: 'uphold',
        reasons: [{ code: 'ORIGINAL_REASONS_STAND' }],
        message: { zh: `如有疑问请致电${PHONE}`, en: `Questions? We called ${PHONE}.` },
        note: `spoke to ${PHONE}`,
      });
      expect(decided.body.upholdMessage).toEqual({
        zh: '如有疑问请致电139****0002',
        en: 'Questions? We called 139****0002.',
      });

      for (const { appealId, customerId } of [overturned, upheld]) {
        expectMasked((await inject(t, 'GET', `/v1/appeals/${appealId}/case`, ana.auth)).text);
        expectMasked((await inject(t, 'GET', `/v1/appeals/${appealId}/history`, ana.auth)).text);
        expectMasked(
          (await inject(t, 'GET', `/v1/appeals/${appealId}?customerId=${customerId}`, t.auth('app'))).text,
        );
      }
      const statement = (await inject(t, 'GET', `/v1/appeals/${id}/case`, ana.auth)).body.appeal.statement;
      expect(statement).toBe(
        'My ID is 110101********8515, call me on 139****0002; the bank debited card **** 3446 on time.',
      );

      // What is stored: the free-text columns of the appeal, its trail and the override decision.
      const stored = await t.app.db.query<{ text: string }>(
        `select statement || coalesce(proposal::text, '') || coalesce(uphold_message::text, '') as text
           from appeals
         union all select coalesce(note, '') || after::text from appeal_events
         union all select coalesce(override::text, '') from decisions where kind = 'override'`,
      );
      expect(stored.rows.length).toBeGreaterThan(10);
      for (const row of stored.rows) expectMasked(row.text);
    });
  });
}
