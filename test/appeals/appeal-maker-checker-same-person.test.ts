import { describe, expect, it } from 'vitest';
import { generateApiKeySecret, type Role } from '../../src/platform/auth/api-keys.ts';
import { seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { storesUnderTest } from '../support/stores.ts';
import { appealTestApp, createScriptedCustomer, type AppealTestApp } from './support.ts';

/**
 * Maker-checker is about people, not keys: a reviewer who holds a second API key under the same name
 * (or the name in another case, width or spacing) cannot approve or send back their own overturn through
 * it. The refusal is 403 `reviewer` / `maker-checker` and writes nothing; a different person approves.
 */
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

async function keyNamed(t: AppealTestApp, name: string, role: Role, seed: number) {
  const secret = generateApiKeySecret(role, seededRandomBytes(seed));
  await t.app.services.apiKeys.create({ name, role, secret });
  return { authorization: `Bearer ${secret}` };
}

async function rowCounts(t: AppealTestApp): Promise<number[]> {
  const counts: number[] = [];
  for (const table of ['appeals', 'appeal_events', 'decisions', 'credit_facilities']) {
    const result = await t.app.db.query<{ n: bigint }>(`select count(*) as n from ${table}`);
    counts.push(Number(result.rows[0]?.n ?? 0n));
  }
  return counts;
}

for (const store of storesUnderTest()) {
  describe(`appeal-maker-checker-same-person (${store.name})`, () => {
    it('refuses the maker’s second key (same name, any case) as checker; another reviewer approves', async () => {
      const t = await appealTestApp({ store });
      const { ana, bo } = t.reviewers; // "Ana (reviewer)", "Bo (reviewer)"
      const customerId = await createScriptedCustomer(t, 'disputed_overdue');
      const declined = await inject(t, 'POST', '/v1/decisions', t.auth('app'), {
        customerId,
        product: 'cash_loan',
      });
      const filed = await inject(
        t,
        'POST',
        `/v1/decisions/${declined.body.decisionId}/appeals`,
        t.auth('app'),
        {
          customerId,
          category: 'data_error',
          statement: 'The bank reported a paid instalment as unpaid.',
        },
      );
      const appealId = filed.body.appealId as string;
      await inject(t, 'POST', `/v1/appeals/${appealId}/claim`, ana.auth);
      const proposed = await inject(t, 'POST', `/v1/appeals/${appealId}/decision`, ana.auth, {
        outcome: 'overturn',
        limit: '60000.00',
        apr: '0.1095',
        note: 'bank letter confirms the instalment was paid',
      });
      expect(proposed.body.status).toBe('pending_approval');

      const twins = [
        await keyNamed(t, 'Ana (reviewer)', 'reviewer', 1),
        await keyNamed(t, '  ana (REVIEWER) ', 'reviewer', 2),
        await keyNamed(t, 'Ana (reviewer)', 'admin', 3),
      ];
      const before = await rowCounts(t);
      for (const twin of twins) {
        for (const [path, payload] of [
          ['approve', undefined],
          ['reject', { note: 'looks wrong' }],
        ] as const) {
          const refused = await inject(t, 'POST', `/v1/appeals/${appealId}/${path}`, twin, payload);
          expect(refused.status).toBe(403);
          expect(refused.body.errors).toEqual([
            expect.objectContaining({ field: 'reviewer', rule: 'maker-checker' }),
          ]);
        }
      }
      expect(await rowCounts(t)).toEqual(before);
      expect((await inject(t, 'GET', `/v1/appeals/${appealId}/case`, bo.auth)).body.appeal.status).toBe(
        'pending_approval',
      );

      const approved = await inject(t, 'POST', `/v1/appeals/${appealId}/approve`, bo.auth);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'resolved', resolution: 'overturned' });
    });
  });
}
