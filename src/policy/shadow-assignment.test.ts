import { describe, expect, it } from 'vitest';
import { isAppError } from '../platform/errors/app-error.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { parseLendingSettings } from './lending-settings.ts';
import { describeSetting, settingsOfChange } from './settings-change.ts';
import { describeShadow, parseShadowSetting, shadowFor } from './shadow-assignment.ts';

const day = (text: string) => text as LocalDate;

function refusal(run: () => unknown): { field: string; rule: string } | undefined {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error.issues[0] as { field: string; rule: string };
  }
  return undefined;
}

describe('shadow settings on an assignment', () => {
  it('reads a shadow policy and model with a share and a last day; refuses what makes no sense', () => {
    const settings = parseLendingSettings({
      assignments: [
        {
          productCode: 'cash_loan',
          effectiveFrom: '2026-12-01',
          championPolicy: 'default',
          shadow: { policy: 'tight', model: 'candidate-v4', shareBps: 2_500, until: '2026-12-31' },
        },
        { productCode: 'credit_line', effectiveFrom: '2026-12-01', championPolicy: 'default' },
      ],
    });
    expect(settings.assignments[0]?.shadow).toEqual({
      policy: 'tight',
      model: 'candidate-v4',
      shareBps: 2_500,
      until: '2026-12-31',
    });
    expect(settings.assignments[1]?.shadow).toBeUndefined();
    const at = (json: unknown) => () => parseShadowSetting(json, 'shadow', day('2026-12-01'));
    expect(refusal(at({ policy: 'tight', shareBps: 10_001 }))).toMatchObject({
      field: 'shadow.shareBps',
      rule: 'range',
    });
    expect(refusal(at({ shareBps: 100 }))).toMatchObject({ rule: 'shadow-named' });
    expect(refusal(at({ policy: 'Tight!', shareBps: 100 }))).toMatchObject({ field: 'shadow.policy' });
    expect(refusal(at({ model: 'a b', shareBps: 100 }))).toMatchObject({ field: 'shadow.model' });
    expect(refusal(at({ policy: 'tight', shareBps: 100, until: '2026-11-30' }))).toMatchObject({
      field: 'shadow.until',
      rule: 'after-from',
    });
    expect(refusal(at({ policy: 'tight', shareBps: 100, extra: 1 }))).toMatchObject({
      rule: 'unknown-field',
    });
  });

  it('runs on its share of customers (stable by customer id), within its dates', () => {
    const setting = { policy: 'tight', model: null, shareBps: 3_000, until: day('2026-12-31') };
    const customers = Array.from({ length: 4_000 }, (_, i) => `cus_${String(i).padStart(26, '0')}`);
    const shadowed = customers.filter(
      (customer) => shadowFor(setting, 'cash_loan', day('2026-12-01'), customer, day('2026-12-10')) !== null,
    );
    // 30% of 4,000 = 1,200; a fair split stays well within ±4 standard deviations (±116).
    expect(Math.abs(shadowed.length - 1_200)).toBeLessThan(116);
    const again = customers.filter(
      (customer) => shadowFor(setting, 'cash_loan', day('2026-12-01'), customer, day('2026-12-20')) !== null,
    );
    expect(again).toEqual(shadowed);
    expect(
      shadowFor(setting, 'cash_loan', day('2026-12-01'), shadowed[0] as string, day('2027-01-01')),
    ).toBeNull();
    expect(
      shadowFor({ ...setting, shareBps: 0 }, 'cash_loan', day('2026-12-01'), 'cus_x', day('2026-12-02')),
    ).toBeNull();
    expect(
      shadowFor({ ...setting, shareBps: 10_000 }, 'cash_loan', day('2026-12-01'), 'cus_x', day('2026-12-02')),
    ).toEqual({ policy: 'tight', model: null });
  });

  it('names the shadow in the four-eyes change summary', () => {
    const settings = settingsOfChange('assignments', '2026-12-01', {
      productCode: 'cash_loan',
      championPolicy: 'default',
      shadow: { policy: 'tight', model: 'candidate-v4', shareBps: 2_000, until: '2026-12-31' },
    });
    expect(describeSetting('assignments', settings).summary).toBe(
      'cash_loan: champion default, shadow policy tight and model candidate-v4 at 20% until 2026-12-31',
    );
    expect(describeShadow({ policy: null, model: 'm1', shareBps: 10_000, until: null })).toBe(
      'shadow model m1 at 100%',
    );
  });
});
