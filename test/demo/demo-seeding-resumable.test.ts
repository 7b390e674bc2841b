import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoDecisions } from '../../src/demo/seeding/demo-seeding.ts';
import type { CustomerService } from '../../src/customers/index.ts';
import type { DecisionService } from '../../src/decisions/decision-service.ts';
import {
  DEMO_CASES,
  DEMO_SETTINGS,
  seedDemoCases,
  type DemoCaseKey,
} from '../../src/demo/cases/demo-cases.ts';
import { installDefaultPolicies } from '../../src/policy/policy-files.node.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { decisionTestApp, testScorecard } from '../decisions/support.ts';

/**
 * Demo seeding is resumable: a start killed half-way — after a customer was created but before its card
 * was bound, or after the card but before its history was written — leaves nothing the next start cannot
 * finish, and the finished demo decides every case exactly as one seeded in a single go.
 */
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.app.stop();
});

class Killed extends Error {}

/** What each case's decision shows, as the README's demo table states it. */
const README_OUTCOMES: Readonly<Record<DemoCaseKey, 'approved' | 'declined' | 'referred'>> = {
  clean_approval: 'approved',
  low_score: 'declined',
  unverified_phone: 'declined',
  thin_file: 'declined',
  multi_head: 'declined',
  abnormal_limit_checks: 'declined',
  tightened_policy: 'declined',
  new_user_first_limit: 'approved',
  outage: 'referred',
};

describe('demo seeding', () => {
  it('resumes a start killed half-way and ends exactly where an uninterrupted seeding does', async () => {
    const t = await createTestApp();
    apps.push(t);
    const { services } = t.app;
    await installDefaultPolicies(services.policies);
    await services.policies.loadSettings(DEMO_SETTINGS);
    const card = testScorecard();
    await services.models.register(card);
    await services.models.activate(card.version);
    const asOf = t.clock.now();

    // A process that dies on binding the clean approval's card, and one that dies on writing the
    // multi-head history (after its card was bound); binding takes a moment of the clock, as it does.
    const dying = (where: 'clean_approval' | 'multi_head'): CustomerService => {
      const dies = DEMO_CASES.find((demo) => demo.key === where);
      return {
        ...services.customers,
        addCard: async (customerId, number) => {
          t.clock.advanceMs(1_000);
          if (where === 'clean_approval' && dies?.cards.includes(number)) throw new Killed();
          return services.customers.addCard(customerId, number);
        },
        ingestEvents: async (rows, options) => {
          const first = rows[0] as { eventId?: string } | undefined;
          if (where === 'multi_head' && first?.eventId?.startsWith('demo-multi-head')) throw new Killed();
          return services.customers.ingestEvents(rows, options);
        },
      };
    };
    await expect(seedDemoCases(dying('clean_approval'), asOf)).rejects.toBeInstanceOf(Killed);
    await expect(seedDemoCases(dying('multi_head'), asOf)).rejects.toBeInstanceOf(Killed);
    const resumed = await seedDemoCases(services.customers, asOf);

    // Each case's decision is seeded too: a start killed right after recording the fourth case's decision
    // (before it could note anything), then a resumed start and one more, leave each case exactly one
    // application decision for its product, with the outcome the README's table states.
    let recorded = 0;
    const dyingDecisions: Pick<DecisionService, 'decide' | 'list'> = {
      list: (customerId, options) => services.decisions.list(customerId, options),
      decide: async (request) => {
        const record = await services.decisions.decide(request);
        if (++recorded === 4) throw new Killed();
        return record;
      },
    };
    await expect(seedDemoDecisions(dyingDecisions, resumed, t.clock.now())).rejects.toBeInstanceOf(Killed);
    const decided = await seedDemoDecisions(services.decisions, resumed, t.clock.now());
    const again = await seedDemoDecisions(services.decisions, resumed, t.clock.now());
    expect(again).toEqual(decided);
    for (const demo of DEMO_CASES) {
      const product = demo.product ?? 'cash_loan';
      const ours = resumed.find((entry) => entry.key === demo.key);
      if (!ours) throw new Error(`case ${demo.key} not seeded`);
      const applications = (await services.decisions.list(ours.customerId)).filter(
        (summary) => summary.kind === 'application',
      );
      expect([demo.key, applications.map((summary) => [summary.productCode, summary.outcome])]).toEqual([
        demo.key,
        [[product, README_OUTCOMES[demo.key]]],
      ]);
      expect(decided.find((entry) => entry.key === demo.key)).toMatchObject({
        customerId: ours.customerId,
        product,
        decisionId: applications[0]?.id,
        outcome: README_OUTCOMES[demo.key],
      });
    }

    const reference = await decisionTestApp();
    apps.push(reference);
    for (const demo of DEMO_CASES) {
      const product = demo.product ?? 'cash_loan';
      const ours = resumed.find((entry) => entry.key === demo.key);
      const theirs = reference.personas.get(demo.key);
      if (!ours || !theirs) throw new Error(`case ${demo.key} not seeded`);
      const mine = await services.decisions.decide({ customerId: ours.customerId, productCode: product });
      const clean = await reference.app.services.decisions.decide({
        customerId: theirs,
        productCode: product,
      });
      expect([demo.key, mine.outcome, mine.score, mine.limit, mine.reasons.map((r) => r.code)]).toEqual([
        demo.key,
        clean.outcome,
        clean.score,
        clean.limit,
        clean.reasons.map((r) => r.code),
      ]);
      expect(mine.facts?.features).toEqual(clean.facts?.features);
      expect(mine.facts?.verification.level).toBe(clean.facts?.verification.level);
    }
    // The card that was never bound at the first attempt is bound now, and verified (L3).
    const clean = resumed.find((entry) => entry.key === 'clean_approval');
    expect(clean?.level).toBe(3);
  });
});
