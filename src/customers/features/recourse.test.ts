import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startOfBusinessDate } from '../../platform/time/local-date.ts';
import type { CustomerEvent } from '../events/customer-event.ts';
import { computeFeaturesOf } from './compute.ts';
import { encodeEvents } from './event-columns.ts';
import { FEATURES } from './definitions.ts';
import { dateValueDropsTo, decayExpiries } from './recourse.ts';

const CUSTOMER = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE';
const AS_OF = new Date('2026-11-22T02:00:00Z');
const DAY = 86_400_000;
const subject = { openedAtMs: Date.parse('2025-01-01T00:00:00Z'), birthDate: null };
let n = 0;
const inquiry = (ms: number, lender: string): CustomerEvent => ({
  eventId: `i${(n += 1)}`,
  customerId: CUSTOMER,
  source: 'bureau',
  occurredAt: new Date(AS_OF.getTime() - ms),
  type: 'inquiry',
  lender,
  kind: 'loan_application',
});
const consent: CustomerEvent = {
  eventId: 'c',
  customerId: CUSTOMER,
  source: 'app',
  occurredAt: new Date(AS_OF.getTime() - 400 * DAY),
  type: 'consent',
  dataSource: 'credit_bureau',
  granted: true,
};

describe('recourse for time-decaying counts', () => {
  it('every definition with a decay names a window that matches its name, and immutable inputs are never actionable', () => {
    for (const feature of FEATURES) {
      if (!feature.recourse.mutable) expect(feature.recourse.actionable, feature.name).toBe(false);
      if (feature.recourse.actionable) expect(feature.recourse.direction, feature.name).not.toBeNull();
    }
    expect(FEATURES.find((f) => f.name === 'age_years')?.recourse).toMatchObject({
      mutable: false,
      actionable: false,
    });
    expect(FEATURES.find((f) => f.name === 'account_age_days')?.recourse).toMatchObject({
      mutable: false,
      actionable: false,
    });
    expect(FEATURES.find((f) => f.name === 'inquiries_30d')?.recourse.decay).toEqual({
      windowMs: 30 * DAY,
      counts: 'events',
    });
  });

  it('tells the date applications stop counting: 3 inquiries in 30 days, target 1', () => {
    // Inquiries 5, 12 and 20 days before 2026-11-22 10:00 (Shanghai): the two oldest leave the 30-day window
    // at 10:00 on 2026-12-04 and 2026-12-10; from 2026-12-11 the count is at most 1.
    const events = [consent, inquiry(5 * DAY, 'a'), inquiry(12 * DAY, 'b'), inquiry(20 * DAY, 'c')];
    const columns = encodeEvents(events);
    const expiries = decayExpiries(columns, 0, columns.length, AS_OF.getTime(), 'inquiries_30d');
    expect(expiries).toHaveLength(3);
    expect(dateValueDropsTo(expiries, 1)).toBe('2026-12-11');
    expect(dateValueDropsTo(expiries, 3)).toBeNull();
    expect(dateValueDropsTo(expiries, 0)).toBe('2026-12-18');
  });

  it('counts distinct lenders by their latest application', () => {
    const events = [consent, inquiry(25 * DAY, 'a'), inquiry(2 * DAY, 'a'), inquiry(10 * DAY, 'b')];
    const columns = encodeEvents(events);
    const expiries = decayExpiries(columns, 0, columns.length, AS_OF.getTime(), 'distinct_lenders_30d');
    expect(expiries.map((ms) => new Date(ms).toISOString())).toEqual([
      '2026-12-12T02:00:00.000Z',
      '2026-12-20T02:00:00.000Z',
    ]);
    expect(
      decayExpiries(encodeEvents(events.slice(1)), 0, 3, AS_OF.getTime(), 'distinct_lenders_30d'),
    ).toEqual([]);
  });

  it('property: on the date given the value is at most the target, and the day before it was not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 29 * DAY }), fc.constantFrom('a', 'b', 'c', 'd')), {
          minLength: 1,
          maxLength: 15,
        }),
        fc.integer({ min: 0, max: 10 }),
        (spec, target) => {
          const events = [consent, ...spec.map(([ms, lender]) => inquiry(ms, lender))];
          const columns = encodeEvents(events);
          const expiries = decayExpiries(columns, 0, columns.length, AS_OF.getTime(), 'inquiries_30d');
          const value = (at: Date) => computeFeaturesOf(events, subject, at).features.inquiries_30d as number;
          expect(expiries).toHaveLength(value(AS_OF));
          const date = dateValueDropsTo(expiries, target);
          if (date === null) {
            expect(value(AS_OF)).toBeLessThanOrEqual(target);
            return;
          }
          const start = startOfBusinessDate(date);
          expect(value(start)).toBeLessThanOrEqual(target);
          expect(value(new Date(start.getTime() - DAY))).toBeGreaterThan(target);
        },
      ),
      { numRuns: 150 },
    );
  });
});
