import { afterAll, describe, expect, it } from 'vitest';
import { storesUnderTest } from '../support/stores.ts';
import { decisionTestApp, type DecisionTestApp } from './support.ts';

/**
 * The analysts' decision search (GET /v1/decisions): across customers, filtered by customer, date, outcome,
 * reason, product, arm; newest first and paged without loss or repetition; analysts only; bad filters
 * refused naming the field.
 */
const apps: DecisionTestApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.app.stop();
});

describe.each(storesUnderTest())('decision search on $name', (store) => {
  it('finds decisions by every filter and pages through them', async () => {
    const t = await decisionTestApp({ store });
    apps.push(t);
    const decide = async (persona: string, product: string) => {
      const response = await t.app.http.inject({
        method: 'POST',
        url: '/v1/decisions',
        headers: t.auth('app'),
        payload: { customerId: t.personas.get(persona as never), product },
      });
      expect(response.statusCode).toBe(201);
      return response.json() as { decisionId: string; outcome: string; reasons: { code: string }[] };
    };
    const approved = await decide('new_user_first_limit', 'cash_loan');
    t.clock.advanceMs(60_000);
    const multiHead = await decide('multi_head', 'cash_loan');
    t.clock.advanceMs(60_000);
    const line = await decide('new_user_first_limit', 'credit_line');
    expect(approved.outcome).toBe('approved');
    expect(multiHead.outcome).toBe('declined');
    expect(multiHead.reasons.map((reason) => reason.code)).toContain('MULTI_HEAD_BORROWING');

    const search = async (query: string, role: 'analyst' | 'reviewer' | 'app' = 'analyst') =>
      t.app.http.inject({ method: 'GET', url: `/v1/decisions${query}`, headers: t.auth(role) });
    const ids = async (query: string) =>
      ((await search(query)).json() as { decisions: { decisionId: string }[] }).decisions.map(
        (decision) => decision.decisionId,
      );

    expect(await ids('')).toEqual([line.decisionId, multiHead.decisionId, approved.decisionId]);
    expect(await ids('?outcome=declined')).toEqual([multiHead.decisionId]);
    expect(await ids('?reason=MULTI_HEAD_BORROWING')).toEqual([multiHead.decisionId]);
    expect(await ids('?product=credit_line')).toEqual([line.decisionId]);
    expect(await ids(`?customerId=${t.personas.get('new_user_first_limit')}`)).toEqual([
      line.decisionId,
      approved.decisionId,
    ]);
    expect(await ids('?arm=champion&from=2026-11-22&to=2026-11-22')).toEqual([
      line.decisionId,
      multiHead.decisionId,
      approved.decisionId,
    ]);
    expect(await ids('?from=2026-11-23')).toEqual([]);
    expect(await ids('?arm=challenger')).toEqual([]);

    const first = (await search('?limit=2')).json() as {
      decisions: { decisionId: string; limit: string; limitFen: string; outcome: string }[];
      next: string | null;
    };
    expect(first.decisions.map((decision) => decision.decisionId)).toEqual([
      line.decisionId,
      multiHead.decisionId,
    ]);
    expect(first.next).toBe(multiHead.decisionId);
    const second = (await search(`?limit=2&before=${first.next}`)).json() as {
      decisions: { decisionId: string; limit: string; limitFen: string }[];
      next: string | null;
    };
    expect(second.decisions.map((decision) => decision.decisionId)).toEqual([approved.decisionId]);
    expect(second.next).toBeNull();
    expect(second.decisions[0]).toMatchObject({ limit: '5000.00', limitFen: '500000' });

    expect((await search('', 'reviewer')).statusCode).toBe(403);
    expect((await search('', 'app')).statusCode).toBe(403);
    const backwards = await search('?from=2026-11-23&to=2026-11-22');
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors).toEqual([expect.objectContaining({ field: 'to', rule: 'after-from' })]);
    const tooMany = await search('?limit=500');
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().errors).toEqual([expect.objectContaining({ field: 'limit', rule: 'maximum' })]);
    expect((await search('?outcome=maybe')).statusCode).toBe(422);
  });
});
