import { evidenceCipherOf, testKeyring } from '../../src/privacy/data-keyring.test-support.ts';
import { describe, expect, it } from 'vitest';
import { appealPortsFrom } from '../../src/appeal-wiring.ts';
import { claimAppeal } from '../../src/appeals/claim-appeal.ts';
import { appealDeps } from '../../src/appeals/appeal-service.ts';
import { decideAppeal } from '../../src/appeals/decide-appeal.ts';
import { fileAppeal } from '../../src/appeals/file-appeal.ts';
import { createLogNotifier } from '../../src/appeals/log-notifier.node.ts';
import { fen } from '../../src/platform/money/money.ts';
import { parseRate, toExactRateString } from '../../src/platform/money/rate.ts';
import { storesUnderTest } from '../support/stores.ts';
import { APPEAL_CUSTOMERS, appealTestApp, createScriptedCustomer, type AppealTestApp } from './support.ts';
import { pgBooks } from '../support/books.ts';

/**
 * The two use cases that matter most, called as functions — `fileAppeal(deps, input)` and
 * `decideAppeal(deps, input)` — over the test application's real store (no service object, no HTTP, no
 * mocked database), with the figures the HTTP scenarios expect.
 */
function depsOf(t: AppealTestApp) {
  const { app } = t;
  return appealDeps({
    db: app.db,
    clock: t.clock,
    ids: app.ids,
    settings: app.services.appeals.settings,
    notifier: createLogNotifier(app.logger),
    ports: appealPortsFrom({ ...pgBooks(), clock: t.clock, ids: app.ids, ...app.services }),
    evidenceCipher: evidenceCipherOf(testKeyring()),
  });
}

const phoneOf = (key: string) => APPEAL_CUSTOMERS.find((c) => c.key === key)!.phone;

for (const store of storesUnderTest()) {
  describe(`appeal use cases called directly (${store.name})`, () => {
    it('fileAppeal: a customer who completed verification is approved by the re-check, without a person', async () => {
      const t = await appealTestApp({ store });
      t.provider.unregister(phoneOf('phone_unregistered'));
      const customerId = await createScriptedCustomer(t, 'phone_unregistered');
      const declined = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
      expect(declined).toMatchObject({ outcome: 'declined', limit: 0n });
      t.provider.register(phoneOf('phone_unregistered'));
      t.clock.advanceMs(3_600_000);

      const appeal = await fileAppeal(depsOf(t), {
        decisionId: declined.id,
        customerId,
        category: 'identity',
        statement: 'I have registered my phone in my own name.',
        by: t.appPrincipal,
      });

      expect(appeal).toMatchObject({
        customerId,
        decisionId: declined.id,
        status: 'resolved',
        resolution: 'overturned_by_recheck',
        recheckAttempts: 1,
      });
      const recheck = await t.app.services.decisions.get(appeal.recheckDecisionId!);
      expect(recheck).toMatchObject({
        kind: 'recheck',
        linkedTo: appeal.id,
        outcome: 'approved',
        limit: 500_000n,
      });
      expect(toExactRateString(recheck.apr!)).toBe('0.073');
      expect(await t.app.services.facilities.getFacility(customerId, 'cash-loan')).toMatchObject({
        limit: 500_000n,
        decisionId: recheck.id,
        status: 'active',
      });
      const history = await t.app.services.appeals.history(appeal.id);
      expect(history.map((e) => [e.seq, e.action, e.statusAfter])).toEqual([
        [1, 'filed', 'filed'],
        [2, 'notified', 'filed'],
        [3, 'rechecked', 'filed'],
        [4, 'decided', 'resolved'],
        [5, 'notified', 'resolved'],
      ]);
      const told = await t.app.services.appeals.notifications(appeal.id);
      expect(told.map((n) => n.kind)).toEqual(['received', 'resolved']);
      expect(told[1]?.text.en).toBe(
        'Good news: your appeal succeeded. You are approved for CNY 5,000.00 at 7.30% a year.',
      );
      await t.app.stop();
    });

    it('decideAppeal: an overturn within one reviewer’s authority resolves at once with the override decision', async () => {
      const t = await appealTestApp({ store });
      const deps = depsOf(t);
      const customerId = await createScriptedCustomer(t, 'disputed_overdue');
      const declined = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
      const filed = await fileAppeal(deps, {
        decisionId: declined.id,
        customerId,
        category: 'data_error',
        statement: 'The bank confirms the third instalment was paid.',
        by: t.appPrincipal,
      });
      expect(filed).toMatchObject({ status: 'queued', slaDueDate: '2026-11-26' });
      const { ana } = t.reviewers;
      await claimAppeal(deps, { appealId: filed.id, by: ana.principal });

      const decided = await decideAppeal(deps, {
        appealId: filed.id,
        decision: {
          outcome: 'overturn',
          terms: { limit: fen(4_000_000n), apr: parseRate('0.1095') },
          note: 'bank letter confirms the instalment was paid',
        },
        by: ana.principal,
      });

      // ¥40,000 is within one reviewer's authority (a second one is needed above ¥50,000).
      expect(decided).toMatchObject({ status: 'resolved', resolution: 'overturned', proposal: null });
      const override = await t.app.services.decisions.get(decided.overrideDecisionId!);
      expect(override).toMatchObject({
        kind: 'override',
        linkedTo: filed.id,
        outcome: 'approved',
        limit: 4_000_000n,
        facilityChange: 'opened',
      });
      expect(override.override).toMatchObject({ overrides: declined.id, limit: '4000000', apr: '0.1095' });
      expect(await t.app.services.facilities.getFacility(customerId, 'cash-loan')).toMatchObject({
        limit: 4_000_000n,
        decisionId: override.id,
      });
      const history = await t.app.services.appeals.history(filed.id);
      expect(history.map((e) => e.action)).toEqual([
        'filed',
        'notified',
        'rechecked',
        'queued',
        'notified',
        'assigned',
        'decided',
        'notified',
      ]);
      const told = await t.app.services.appeals.notifications(filed.id);
      expect(told.map((n) => n.kind)).toEqual(['received', 'queued', 'resolved']);
      expect(told[2]?.text.en).toBe(
        'Good news: your appeal succeeded. You are approved for CNY 40,000.00 at 10.95% a year.',
      );
      await t.app.stop();
    });
  });
}
