import { describe, expect, it } from 'vitest';
import { DEFAULT_APPEAL_SETTINGS } from '../../src/appeals/index.ts';
import { loadConfig } from '../../src/config.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';
import { createTestApp } from '../support/app.ts';

/**
 * The appeal settings a lender sets in the environment reach the running appeals service (the window, the
 * SLA, the calendar and the maker-checker threshold), and the service's calendar follows them.
 */
describe('appeal-settings-from-config', () => {
  it('wires CREDENCE_APPEAL_* from the config into the appeals service', async () => {
    const { appeals } = loadConfig({
      CREDENCE_DATA_DIR: '/nonexistent-credence-test-dir',
      CREDENCE_PII_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      CREDENCE_BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
      CREDENCE_APPEAL_WINDOW_DAYS: '14',
      CREDENCE_APPEAL_SLA_BUSINESS_DAYS: '2',
      CREDENCE_APPEAL_HOLIDAYS: '2026-11-24',
      CREDENCE_APPEAL_SECOND_REVIEWER_ABOVE: '20000.00',
    });
    const t = await createTestApp({ config: { appeals } });
    const service = t.app.services.appeals;
    expect(service.settings).toEqual({
      ...DEFAULT_APPEAL_SETTINGS,
      windowDays: 14,
      slaBusinessDays: 2,
      holidays: ['2026-11-24'],
      secondReviewerAbove: 2_000_000n,
    });
    // Tuesday 24 Nov is now a holiday, and 1 Oct no longer is (the list replaced the defaults).
    expect(service.calendar.isBusinessDay(parseLocalDate('2026-11-24'))).toBe(false);
    expect(service.calendar.isBusinessDay(parseLocalDate('2026-10-01'))).toBe(true);
    await t.app.stop();

    const defaults = await createTestApp();
    expect(defaults.app.services.appeals.settings).toEqual(DEFAULT_APPEAL_SETTINGS);
    await defaults.app.stop();
  });
});
