import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import { fen } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { storesUnderTest } from '../support/stores.ts';
import { appealTestApp, createScriptedCustomer, type AppealTestApp } from './support.ts';

/**
 * Races, on every store (on PostgreSQL the requests really run at once on separate connections; PGlite
 * serialises them): a second reviewer's approval against the customer's withdrawal, two filings of one
 * decision, two reviewers claiming one case. Exactly one wins each time; the loser gets a 409; and the
 * books agree with the winner — an override decision and a facility exist if and only if the approval won.
 */
async function outcome<T>(work: Promise<T>): Promise<'ok' | string> {
  try {
    await work;
    return 'ok';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

async function pendingApproval(t: AppealTestApp, customerId: string): Promise<string> {
  const { appeals, decisions } = t.app.services;
  const decision = await decisions.decide({ customerId, productCode: 'cash_loan' });
  const appeal = await appeals.file(
    { decisionId: decision.id, customerId, category: 'repaid_debt', statement: 'repaid' },
    t.appPrincipal,
  );
  expect(appeal.status).toBe('queued');
  await appeals.claim(appeal.id, t.reviewers.ana.principal);
  const proposed = await appeals.decide(
    appeal.id,
    {
      outcome: 'overturn',
      terms: { limit: fen(8_000_000n), apr: parseRate('0.146') },
      note: 'receipts',
    },
    t.reviewers.ana.principal,
  );
  expect(proposed.status).toBe('pending_approval');
  return appeal.id;
}

for (const store of storesUnderTest()) {
  describe(`appeal-concurrency (${store.name})`, () => {
    it('a second approval racing a withdrawal: one wins, the other is refused, nothing half-written', async () => {
      const t = await appealTestApp({ store, poolSize: 8 });
      const customerId = await createScriptedCustomer(t, 'declined_twice');
      const { appeals, decisions, facilities } = t.app.services;
      const tally = { approved: 0, withdrawn: 0 };
      for (let round = 0; round < 8; round += 1) {
        const appealId = await pendingApproval(t, customerId);
        const racers = [
          outcome(appeals.approve(appealId, t.reviewers.bo.principal)),
          outcome(appeals.withdraw(appealId, customerId, t.appPrincipal)),
        ];
        // Alternate who starts first, so either can win on a fast store.
        const [approve, withdraw] =
          round % 2 === 0 ? await Promise.all(racers) : (await Promise.all(racers.reverse())).reverse();
        expect([approve, withdraw].sort()).toEqual(['CONFLICT', 'ok']);
        const appeal = await appeals.get(appealId);
        const overrides = (await decisions.list(customerId, { limit: 500 })).filter(
          (d) => d.kind === 'override' && d.linkedTo === appealId,
        );
        const history = await appeals.history(appealId);
        if (approve === 'ok') {
          tally.approved += 1;
          expect(appeal).toMatchObject({ status: 'resolved', resolution: 'overturned', withdrawnAt: null });
          expect(overrides.map((d) => d.id)).toEqual([appeal.overrideDecisionId]);
          expect((await facilities.getFacility(customerId, 'cash-loan'))?.decisionId).toBe(
            appeal.overrideDecisionId,
          );
          expect(history.map((e) => e.action)).not.toContain('withdrawn');
        } else {
          tally.withdrawn += 1;
          expect(appeal).toMatchObject({ status: 'withdrawn', resolution: null, overrideDecisionId: null });
          expect(overrides).toEqual([]);
          expect(history.map((e) => e.action)).not.toContain('approved');
        }
        // The trail's sequence has no gaps or duplicates whoever won.
        expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));
      }
      expect(tally.approved + tally.withdrawn).toBe(8);
      await t.app.stop();
    });

    it('two filings of one decision at once: one appeal, one 409', async () => {
      const t = await appealTestApp({ store, poolSize: 8 });
      const customerId = await createScriptedCustomer(t, 'declined_twice');
      const decision = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
      const file = () =>
        outcome(
          t.app.services.appeals.file(
            { decisionId: decision.id, customerId, category: 'other', statement: 'again' },
            t.appPrincipal,
          ),
        );
      expect((await Promise.all([file(), file(), file()])).sort()).toEqual(['CONFLICT', 'CONFLICT', 'ok']);
      expect(await t.app.services.appeals.list({ customerId })).toHaveLength(1);
      await t.app.stop();
    });

    it('two reviewers claiming one case at once: one holds it', async () => {
      const t = await appealTestApp({ store, poolSize: 8 });
      const customerId = await createScriptedCustomer(t, 'declined_twice');
      const decision = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
      const appeal = await t.app.services.appeals.file(
        { decisionId: decision.id, customerId, category: 'other', statement: 'look' },
        t.appPrincipal,
      );
      const { ana, bo } = t.reviewers;
      const results = await Promise.all([
        outcome(t.app.services.appeals.claim(appeal.id, ana.principal)),
        outcome(t.app.services.appeals.claim(appeal.id, bo.principal)),
      ]);
      expect(results.sort()).toEqual(['CONFLICT', 'ok']);
      const history = await t.app.services.appeals.history(appeal.id);
      expect(history.filter((e) => e.action === 'assigned')).toHaveLength(1);
      await t.app.stop();
    });
  });
}
