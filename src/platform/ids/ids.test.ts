import { describe, expect, it } from 'vitest';
import { ManualClock } from '../time/clock.ts';
import { createIdGenerator, idTime, parseId, pooledRandomBytes, seededRandomBytes } from './ids.ts';

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

describe('pooledRandomBytes', () => {
  /** A stand-in CSPRNG: fills with a running counter, so which byte went where can be read back. */
  function countingFill() {
    let next = 0;
    let calls = 0;
    return {
      fill(into: Uint8Array) {
        calls += 1;
        for (let i = 0; i < into.length; i += 1) into[i] = next++ & 0xff;
      },
      calls: () => calls,
    };
  }

  it('hands out the source bytes in order, each once, one fill per block', () => {
    const source = countingFill();
    const random = pooledRandomBytes(source.fill, 32);
    const draws = [random(10), random(10), random(10), random(10)];
    // 30 bytes from the first block; the fourth draw does not fit in the 2 left, so a new block is drawn
    // (the 2 are never handed out).
    expect([...(draws[0] ?? [])]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...(draws[2] ?? [])]).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    expect([...(draws[3] ?? [])]).toEqual([32, 33, 34, 35, 36, 37, 38, 39, 40, 41]);
    expect(source.calls()).toBe(2);
  });

  it('answers with copies, and fills a request larger than a block directly', () => {
    const source = countingFill();
    const random = pooledRandomBytes(source.fill, 16);
    const first = random(4);
    first.fill(0xee);
    expect([...random(4)]).toEqual([4, 5, 6, 7]);
    expect(random(40)).toHaveLength(40);
    expect(source.calls()).toBe(2);
  });
});
