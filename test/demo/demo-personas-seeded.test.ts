import { describe, expect, it } from 'vitest';
import { seedDemoPersonas } from '../../src/demo/personas/seed-personas.ts';
import { pgliteStore } from '../support/stores.ts';
import { customerServiceOn } from '../customers/support/service.ts';

/** The demo's cases, created through the real use cases, show the cause each is meant to show. */
describe('demo personas seeded through the use cases', () => {
  it('each persona shows its cause in the snapshot, and seeding twice adds nothing', async () => {
    const { service, clock } = await customerServiceOn(pgliteStore);
    const asOf = clock.now();
    const seeded = await seedDemoPersonas(service, asOf);
    const byKey = new Map(seeded.map((s) => [s.key, s]));
    expect(seeded.map((s) => [s.key, s.level])).toEqual([
      ['good', 3],
      ['low_score', 3],
      ['unverified_phone', 1],
      ['thin_file', 3],
      ['multi_head', 3],
      ['abnormal_limit_checks', 3],
      ['new_user', 3],
    ]);
    const snapshot = async (key: string) =>
      service.getSnapshot(byKey.get(key as never)?.customerId ?? '', asOf);

    expect((await snapshot('unverified_phone')).verification).toMatchObject({
      level: 1,
      failures: ['PHONE_NOT_OWNED_BY_ID_HOLDER'],
    });
    expect((await snapshot('multi_head')).features).toMatchObject({
      inquiries_30d: 8,
      distinct_lenders_30d: 8,
    });
    expect((await snapshot('abnormal_limit_checks')).holds.map((h) => h.reasonCode)).toEqual([
      'LIMIT_VIEW_VELOCITY',
      'LIMIT_VIEW_SPIKE',
    ]);
    expect((await snapshot('thin_file')).features).toMatchObject({
      consumption_count_12m: 1,
      credit_history_months: 0,
    });
    expect((await snapshot('low_score')).features).toMatchObject({
      max_dpd_12m: 57,
      overdue_amount_elsewhere: 200_000,
    });
    expect((await snapshot('new_user')).features.account_age_days).toBe(0);
    expect((await snapshot('good')).holds).toEqual([]);

    const again = await seedDemoPersonas(service, asOf);
    expect(again.map((s) => s.customerId)).toEqual(seeded.map((s) => s.customerId));
    expect((await snapshot('multi_head')).features.inquiries_30d).toBe(8);
  });
});
