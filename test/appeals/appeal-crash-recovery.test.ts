import { evidenceCipherOf, testKeyring } from '../../src/privacy/data-keyring.test-support.ts';
import { describe, expect, it } from 'vitest';
import type { AppealService } from '../../src/appeals/index.ts';
import { createAppealService } from '../../src/appeals/appeal-service.ts';
import { appealPortsFrom } from '../../src/appeal-wiring.ts';
import type { AppealHooks } from '../../src/appeals/appeal-ports.ts';
import { createLogNotifier } from '../../src/appeals/log-notifier.node.ts';
import { storesUnderTest } from '../support/stores.ts';
import { appealTestApp, createScriptedCustomer, type AppealTestApp } from './support.ts';
import { pgBooks } from '../support/books.ts';

/**
 * "A crash between re-check and queueing loses no appeal." A second appeals service over the same
 * database stands for the process that dies: its hooks throw at the chosen point. The app's own service is
 * the process after the restart; its recovery pass (at start-up and in the day-end batch) finishes the job.
 */
function crashingService(t: AppealTestApp, hooks: AppealHooks): { service: AppealService; errors: string[] } {
  const errors: string[] = [];
  const { app } = t;
  const service = createAppealService({
    db: app.db,
    clock: t.clock,
    ids: app.ids,
    settings: app.services.appeals.settings,
    notifier: createLogNotifier(app.logger),
    ports: appealPortsFrom({ ...pgBooks(), clock: t.clock, ids: app.ids, ...app.services }),
    evidenceCipher: evidenceCipherOf(testKeyring()),
    hooks,
    onError: (error) => errors.push(error instanceof Error ? error.message : String(error)),
  });
  return { service, errors };
}

const die = () => {
  throw new Error('process killed');
};

async function rechecksOf(t: AppealTestApp, customerId: string, appealId: string) {
  const all = await t.app.services.decisions.list(customerId, { limit: 500 });
  return all.filter((d) => d.kind === 'recheck' && d.linkedTo === appealId).map((d) => d.id);
}

for (const store of storesUnderTest()) {
  describe(`appeal-crash-recovery (${store.name})`, () => {
    it('a crash after the re-check decision, before queueing: the lease runs out, recovery queues it with the same re-check', async () => {
      const t = await appealTestApp({ store });
      const customerId = await createScriptedCustomer(t, 'declined_twice');
      const decision = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
      const { service, errors } = crashingService(t, { afterRecheckDecision: die });

      const filed = await service.file(
        { decisionId: decision.id, customerId, category: 'repaid_debt', statement: 'repaid last month' },
        t.appPrincipal,
      );
      expect(errors).toEqual(['process killed']);
      expect(filed).toMatchObject({ status: 'filed', recheckDecisionId: null });
      expect(filed.leaseUntil).toEqual(new Date(t.clock.now().getTime() + 120_000));
      const [recorded] = await rechecksOf(t, customerId, filed.id);
      expect(recorded).toBeDefined();

      // Restarted at once: the dead worker's lease still holds, so nothing is taken twice.
      expect(await t.app.services.appeals.recover()).toMatchObject({ attempted: 0 });
      t.clock.advanceMs(120_000);
      expect(await t.app.services.appeals.recover()).toMatchObject({ attempted: 1, queued: 1, failed: 0 });

      const appeal = await t.app.services.appeals.get(filed.id);
      expect(appeal).toMatchObject({
        status: 'queued',
        recheckDecisionId: recorded,
        slaDueDate: '2026-11-26',
      });
      expect(await rechecksOf(t, customerId, filed.id)).toEqual([recorded]);
      const history = await t.app.services.appeals.history(filed.id);
      expect(history.map((e) => e.action)).toEqual(['filed', 'notified', 'rechecked', 'queued', 'notified']);
      expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      await t.app.stop();
    });

    it('a crash right after filing: the day-end batch re-checks the appeal', async () => {
      const t = await appealTestApp({ store });
      t.provider.unregister('13912340001');
      const customerId = await createScriptedCustomer(t, 'phone_unregistered');
      const decision = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
      t.provider.register('13912340001');
      const { service } = crashingService(t, { afterFiled: die });
      await expect(
        service.file(
          { decisionId: decision.id, customerId, category: 'identity', statement: 'phone registered now' },
          t.appPrincipal,
        ),
      ).rejects.toThrow('process killed');
      const [lost] = await t.app.services.appeals.list({ customerId });
      expect(lost?.appeal).toMatchObject({ status: 'filed', leaseUntil: null });

      const report = await t.app.services.dayEnd.run({ through: t.clock.today() });
      expect(report.dates.filter((d) => d.product === 'appeals')).toEqual([
        expect.objectContaining({ product: 'appeals', date: '2026-11-23', items: 1 }), // one re-check (it delivers its own notification)
      ]);
      expect(await t.app.services.appeals.get(lost!.appeal.id)).toMatchObject({
        status: 'resolved',
        resolution: 'overturned_by_recheck',
      });
      const again = await t.app.services.dayEnd.run({ through: t.clock.today() });
      expect(again.dates.find((d) => d.product === 'appeals')?.items).toBe(0);
      await t.app.stop();
    });

    it('a crash right after filing: the next start-up re-checks it (stop waits for the pass)', async () => {
      const t = await appealTestApp({ store });
      const customerId = await createScriptedCustomer(t, 'declined_twice');
      const decision = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
      const { service } = crashingService(t, { afterFiled: die });
      await expect(
        service.file(
          { decisionId: decision.id, customerId, category: 'repaid_debt', statement: 'repaid' },
          t.appPrincipal,
        ),
      ).rejects.toThrow('process killed');
      const [lost] = await t.app.services.appeals.list({ customerId });
      expect(lost?.appeal.status).toBe('filed');
      await t.app.start();
      await t.app.stop();
      // The database is closed now; the pass reported what it did in the log.
      const line = t.logLines().find((l) => l.includes('appeals: recovery pass')) ?? '{}';
      expect(JSON.parse(line).report).toMatchObject({ attempted: 1, queued: 1, failed: 0 });
    });

    it('a port that cannot even record a referral gives the step back for a later pass', async () => {
      const t = await appealTestApp({ store });
      const customerId = await createScriptedCustomer(t, 'declined_twice');
      const decision = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
      const errors: string[] = [];
      const ports = appealPortsFrom({ ...pgBooks(), clock: t.clock, ids: t.app.ids, ...t.app.services });
      const broken = createAppealService({
        db: t.app.db,
        clock: t.clock,
        ids: t.app.ids,
        settings: t.app.services.appeals.settings,
        notifier: createLogNotifier(t.app.logger),
        ports: {
          ...ports,
          decide: async () => {
            throw new Error('database unavailable');
          },
        },
        evidenceCipher: evidenceCipherOf(testKeyring()),
        onError: (error) => errors.push(error instanceof Error ? error.message : String(error)),
      });
      const filed = await broken.file(
        { decisionId: decision.id, customerId, category: 'other', statement: 'please look again' },
        t.appPrincipal,
      );
      expect(errors).toEqual(['database unavailable']);
      expect(filed).toMatchObject({ status: 'filed', leaseUntil: null });
      expect(filed.nextRecheckAt).toEqual(new Date(t.clock.now().getTime() + 5 * 60_000));
      expect(filed.recheckAttempts).toBe(1);
      t.clock.advanceMs(5 * 60_000);
      expect(await t.app.services.appeals.recover()).toMatchObject({ attempted: 1, queued: 1 });

      // A step that can never run (the port keeps failing) reaches a person after the last attempt.
      const second = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
      const stuck = await broken.file(
        { decisionId: second.id, customerId, category: 'other', statement: 'and again' },
        t.appPrincipal,
      );
      let failures = 1;
      for (let pass = 0; pass < 10; pass += 1) {
        t.clock.advanceMs(6 * 3_600_000);
        const report = await broken.recover();
        failures += report.failed;
        if ((await t.app.services.appeals.get(stuck.id)).status !== 'filed') break;
      }
      expect(failures).toBe(5);
      const queued = await t.app.services.appeals.get(stuck.id);
      expect(queued).toMatchObject({ status: 'queued', recheckDecisionId: null, recheckAttempts: 6 });
      const trail = await t.app.services.appeals.history(stuck.id);
      expect(trail.slice(-3).map((e) => [e.action, e.after.reason ?? null])).toEqual([
        ['rechecked', null],
        ['queued', 'recheck-unavailable'],
        ['notified', null],
      ]);
      await t.app.stop();
    });
  });
}
