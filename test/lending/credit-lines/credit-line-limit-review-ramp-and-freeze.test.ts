import { describe, expect, it } from 'vitest';
import { eventToWire } from '../../../src/customers/index.ts';
import { CustomerHistory } from '../../../src/demo/personas/customer-history.ts';
import type { Money } from '../../../src/platform/money/money.ts';
import { addDays, type LocalDate } from '../../../src/platform/time/local-date.ts';
import { decisionTestApp } from '../../decisions/support.ts';
import { storesUnderTest } from '../../support/stores.ts';

/**
 * The new-user ramp on a credit line: a new customer (good income and spending, no record here) gets a first
 * limit of ¥3,000 (the product's first-limit cap × 1). Each month she spends ¥800 and pays the statement in
 * full by its due date; the batch reviews the line the day after each due date through the same scorecard
 * and policy as her application, with her on-time cycles here as the ramp's input: × 2 from 3 cycles
 * (¥6,000), × 4 from 6 (¥12,000). Then a new overdue elsewhere shows on her bureau data, and a review on
 * demand freezes the line. Every review is a replayable decision of kind limit_review.
 */
describe.each(storesUnderTest())(
  'limit reviews: the ramp over six on-time cycles, then a freeze ($name)',
  (store) => {
    it('raises ¥3,000 → ¥6,000 → ¥12,000 and freezes on a new overdue elsewhere', async () => {
      const t = await decisionTestApp({ store });
      const s = t.app.services;
      const customerId = t.personas.get('new_user_first_limit') ?? '';
      const set = (date: string) => t.clock.set(date as LocalDate);
      const nightly = () => s.dayEnd.run({ through: addDays(t.clock.today(), -1) });

      const application = await s.decisions.decide({ customerId, productCode: 'credit_line' });
      expect(application).toMatchObject({ outcome: 'approved', limit: 300_000n, facilityChange: 'opened' });
      expect(application.reasons.map((r) => r.code)).toEqual(['NEW_USER_RAMP']);
      const { line } = await s.creditLines.openLine({ customerId });
      const lineId = line.terms.lineId;

      const cycles = [
        { buy: '2026-11-23', pay: '2026-12-08', review: '2026-12-12' },
        { buy: '2026-12-15', pay: '2027-01-08', review: '2027-01-12' },
        { buy: '2027-01-15', pay: '2027-02-08', review: '2027-02-12' },
        { buy: '2027-02-15', pay: '2027-03-08', review: '2027-03-12' },
        { buy: '2027-03-15', pay: '2027-04-08', review: '2027-04-12' },
        { buy: '2027-04-15', pay: '2027-05-08', review: '2027-05-12' },
      ];
      const limits: bigint[] = [];
      for (const [index, cycle] of cycles.entries()) {
        set(cycle.buy);
        await nightly();
        const bought = await s.creditLines.purchase({
          lineId,
          amount: 80_000n as Money,
          description: 'groceries',
          idempotencyKey: `buy-${index}`,
        });
        expect(bought.outcome).toBe('made');
        set(cycle.pay);
        await nightly();
        const owed = (await s.creditLines.getLine(lineId)).openStatements.reduce(
          (sum, o) => sum + o.owed,
          0n,
        );
        expect(owed).toBe(80_000n);
        await s.creditLines.pay({ lineId, amount: owed as Money, idempotencyKey: `pay-${index}` });
        // Her salary keeps arriving on the 10th, as before she applied.
        set(cycle.review);
        const salary = new CustomerHistory(customerId, `ramp-salary-${index}`).salary(
          cycle.review as LocalDate,
          1,
          '22000.00',
        );
        await s.customers.ingestEvents(salary.eventsUntil(t.clock.now()).map(eventToWire));
        const report = await nightly();
        expect(report.dates.find((d) => d.product === 'credit-line-review')?.items).toBe(1);
        limits.push((await s.facilities.getFacility(customerId, 'credit-line'))?.limit ?? -1n);
      }
      expect(limits).toEqual([300_000n, 300_000n, 600_000n, 600_000n, 600_000n, 1_200_000n]);

      const reviews = [...(await s.lineReviews.listReviews(lineId))].reverse();
      expect(reviews.map((r) => [r.trigger, r.action, r.onTimeCycles])).toEqual([
        ['monthly', 'unchanged', 1],
        ['monthly', 'unchanged', 2],
        ['monthly', 'raised', 3],
        ['monthly', 'unchanged', 4],
        ['monthly', 'unchanged', 5],
        ['monthly', 'raised', 6],
      ]);
      expect(reviews[2]?.message).toEqual({
        zh: '您的信用额度已由¥3,000.00提高至¥6,000.00。感谢您按时还款（近12期按时还款3期）。',
        en: 'Your credit limit has been raised from CNY 3,000.00 to CNY 6,000.00. Thank you for paying on time (3 of your last 12 statements).',
      });
      expect(reviews[0]?.message?.zh).toMatch(/^您的信用额度保持¥3,000.00不变。原因：/);
      for (const review of reviews) {
        const decision = await s.decisions.get(review.decisionId ?? '');
        expect(decision).toMatchObject({
          kind: 'limit_review',
          linkedTo: review.id,
          productCode: 'credit_line',
        });
        expect((await s.decisions.replay(decision.id)).matches).toBe(true);
      }
      // The customer is told each raise (customer messages, written in the review's transaction), once;
      // reviews that changed nothing say nothing.
      const told = await s.notifications.list(customerId, { limit: 100 });
      expect(told.filter((m) => m.kind === 'limit_changed').map((m) => [m.subjectId, m.text.en])).toEqual([
        [reviews[5]?.id, 'Your credit limit has been raised from CNY 6,000.00 to CNY 12,000.00.'],
        [reviews[2]?.id, 'Your credit limit has been raised from CNY 3,000.00 to CNY 6,000.00.'],
      ]);
      expect(told.filter((m) => m.kind === 'payment_received')).toHaveLength(6);
      const ramp = await s.decisions.get(reviews[5]?.decisionId ?? '');
      expect(ramp.policyDocument).toMatchObject({ onTimeCycles: 6, isNewUser: true });

      // A new overdue with another lender shows up (bureau data), and a review on demand freezes the line.
      set('2027-05-20');
      const overdue = new CustomerHistory(customerId, 'ramp-overdue-elsewhere')
        .loanOpened(
          CustomerHistory.at('2027-02-01' as LocalDate),
          'elsewhere',
          'lender-77',
          'loan-77',
          '6000.00',
        )
        .instalment('elsewhere', 'lender-77', 'loan-77', '2027-05-01' as LocalDate, null, '1000.00');
      await s.customers.ingestEvents(overdue.eventsUntil(t.clock.now()).map(eventToWire));
      const frozen = await s.lineReviews.review({ lineId, idempotencyKey: 'after-bureau-report' });
      expect(frozen).toMatchObject({
        trigger: 'on-demand',
        outcome: 'declined',
        action: 'frozen',
        limitBefore: 1_200_000n,
        limitAfter: 1_200_000n,
        facilityStatusBefore: 'active',
        facilityStatusAfter: 'frozen',
      });
      expect(frozen.reasons[0]?.code).toBe('OVERDUE_ELSEWHERE');
      expect(frozen.message?.zh).toMatch(
        /^您的信用额度已暂停使用，暂不能新增消费；已有账单可照常还款，分期照常进行。原因：/,
      );
      expect(frozen.message?.en).toMatch(/^Your credit line is paused: no new spending for now\. .* Why: /);
      expect((await s.decisions.replay(frozen.decisionId ?? '')).matches).toBe(true);
      // The same request again is the same review; spending is declined while frozen.
      expect((await s.lineReviews.review({ lineId, idempotencyKey: 'after-bureau-report' })).id).toBe(
        frozen.id,
      );
      const declined = await s.creditLines.purchase({
        lineId,
        amount: 100n as Money,
        description: 'coffee',
        idempotencyKey: 'while-frozen',
      });
      expect(declined).toEqual({
        outcome: 'declined',
        refusal: { reason: 'facility-not-active', status: 'frozen' },
      });
      await t.app.stop();
    });
  },
);
