import { describe, expect, it } from 'vitest';
import { dateValueDropsTo, decayExpiries } from '../../src/customers/features/recourse.ts';
import { encodeEvents } from '../../src/customers/features/event-columns.ts';
import { AS_OF, personaFeatures } from './support/persona.ts';

describe('multi-head borrower: 8 applications to 8 lenders in 30 days', () => {
  const { features, events } = personaFeatures('multi_head');

  it('counts the applications and the lenders in each window', () => {
    expect(features).toMatchObject({
      inquiries_7d: 1,
      inquiries_30d: 8,
      inquiries_90d: 8,
      distinct_lenders_7d: 1,
      distinct_lenders_30d: 8,
      distinct_lenders_180d: 8,
      open_loans_elsewhere: 1,
      ontime_rate_12m: 1,
      max_dpd_12m: 0,
    });
  });

  it('says when the 30-day count will be down to 2 if no new applications are made: from 2026-12-11', () => {
    // Applications at 21:00 on 26 Oct, 29 Oct, … 16 Nov (every third day): the sixth oldest, 10 Nov 21:00,
    // leaves the 30-day window at 21:00 on 10 Dec; from the start of 11 Dec at most 2 remain.
    const columns = encodeEvents(events);
    const expiries = decayExpiries(columns, 0, columns.length, AS_OF.getTime(), 'inquiries_30d');
    expect(expiries).toHaveLength(8);
    expect(new Date(expiries[5] ?? 0).toISOString()).toBe('2026-12-10T13:00:00.000Z');
    expect(dateValueDropsTo(expiries, 2)).toBe('2026-12-11');
    expect(dateValueDropsTo(expiries, 0)).toBe('2026-12-17');
  });
});
