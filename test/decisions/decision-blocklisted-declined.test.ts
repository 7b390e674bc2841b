import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionTestApp, type DecisionTestApp } from './support.ts';

/**
 * A customer whose phone the lender lists is declined with BLOCKLISTED first — from the snapshot's
 * blocklist at the decision instant, recorded in the facts (a replay matches) — with no plan (nothing the
 * person can change); once the entry is removed, the same customer is approved again.
 */
let t: DecisionTestApp;
beforeAll(async () => {
  t = await decisionTestApp();
});
afterAll(async () => {
  await t.app.stop();
});

describe('decision-blocklisted-declined', () => {
  it('declines while listed (BLOCKLISTED, no plan), and approves again once removed', async () => {
    const customerId = t.personas.get('clean_approval') ?? '';
    const { services } = t.app;
    const { entry } = await services.customers.addToBlocklist({
      kind: 'phone',
      value: '13918765432',
      reason: 'confirmed fraud report',
      by: 'test',
    });
    t.clock.advanceMs(1_000);
    const declined = await services.decisions.decide({ customerId, productCode: 'cash_loan' });
    expect(declined).toMatchObject({ outcome: 'declined', limit: 0n, score: 900 });
    expect(declined.reasons.map((reason) => reason.code)).toEqual(['BLOCKLISTED']);
    expect(declined.reasons[0]?.text.en).toBe(
      'Under our risk rules we cannot offer you this service at the moment.',
    );
    expect(declined.facts?.blocklisted).toBe(true);
    expect(declined.policyDocument?.blocklisted).toBe(true);
    expect(declined.recourse).toMatchObject({ status: 'none', reason: 'fixed' });
    expect((await services.decisions.replay(declined.id)).matches).toBe(true);

    await services.customers.removeFromBlocklist(entry.id, { reason: 'report withdrawn', by: 'test' });
    t.clock.advanceMs(1_000);
    const approved = await services.decisions.decide({ customerId, productCode: 'cash_loan' });
    expect(approved).toMatchObject({ outcome: 'approved', limit: 8_000_000n });
    expect(approved.facts?.blocklisted).toBe(false);
  });
});
