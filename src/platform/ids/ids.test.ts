import { describe, expect, it } from 'vitest';
import { ManualClock } from '../time/clock.ts';
import { createIdGenerator, idTime, parseId, seededRandomBytes } from './ids.ts';

describe('ids', () => {
  it('are prefixed, 26 characters after the prefix, and carry their creation time', () => {
    const clock = new ManualClock(new Date('2026-11-22T08:00:00Z'));
    const ids = createIdGenerator(clock, seededRandomBytes(1));
    const id = ids.next('customer');
    expect(id).toMatch(/^cus_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(idTime(id).toISOString()).toBe('2026-11-22T08:00:00.000Z');
    expect(parseId('customer', id)).toBe(id);
    expect(() => parseId('decision', id, 'decisionId')).toThrow(/decisionId/);
  });

  it('sort by time as strings, strictly increasing even within one millisecond', () => {
    const clock = new ManualClock(new Date('2026-11-22T08:00:00Z'));
    const ids = createIdGenerator(clock, seededRandomBytes(7));
    const made: string[] = [];
    for (let i = 0; i < 2000; i += 1) {
      if (i % 500 === 0) clock.advanceMs(1);
      made.push(ids.next('decision'));
    }
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });

  it('are deterministic for a pinned clock and seed', () => {
    const make = () =>
      createIdGenerator(new ManualClock(new Date('2026-01-01T00:00:00Z')), seededRandomBytes(42));
    expect(make().next('loan')).toBe(make().next('loan'));
  });
});
