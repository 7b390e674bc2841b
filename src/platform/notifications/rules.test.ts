import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHANGHAI_OFFSET_MS } from '../time/local-date.ts';
import { afterFailure, backOffDelayMs, DEFAULT_RETRY_POLICY, outsideQuietHours } from './rules.ts';

// Instants are written in Shanghai time (+08:00) to read as the rule is stated.
const at = (text: string): Date => new Date(`${text}+08:00`);

describe('quiet hours (21:00–08:00 Asia/Shanghai, SMS and push)', () => {
  it('lets a message through in the day, up to 20:59:59', () => {
    expect(outsideQuietHours('sms', at('2026-12-05T08:00:00'))).toEqual(at('2026-12-05T08:00:00'));
    expect(outsideQuietHours('push', at('2026-12-05T20:59:59'))).toEqual(at('2026-12-05T20:59:59'));
  });
  it('holds one written from 21:00 until 08:00 the next morning', () => {
    expect(outsideQuietHours('sms', at('2026-12-05T21:00:00'))).toEqual(at('2026-12-06T08:00:00'));
    expect(outsideQuietHours('push', at('2026-12-31T23:30:00'))).toEqual(at('2027-01-01T08:00:00'));
  });
  it('holds one written after midnight until 08:00 the same morning (the day-end batch runs then)', () => {
    expect(outsideQuietHours('sms', at('2026-12-06T00:40:00'))).toEqual(at('2026-12-06T08:00:00'));
    expect(outsideQuietHours('sms', at('2026-12-06T07:59:59'))).toEqual(at('2026-12-06T08:00:00'));
  });
  it('for any instant: never earlier, never in 21:00–08:00 Shanghai, at most 11 hours later, unchanged when allowed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }), (ms) => {
        const at = new Date(ms);
        const allowed = outsideQuietHours('sms', at);
        const hour = new Date(allowed.getTime() + SHANGHAI_OFFSET_MS).getUTCHours();
        const hourAt = new Date(ms + SHANGHAI_OFFSET_MS).getUTCHours();
        expect(allowed.getTime()).toBeGreaterThanOrEqual(ms);
        expect(hour >= 8 && hour < 21).toBe(true);
        expect(allowed.getTime() - ms).toBeLessThanOrEqual(11 * 3_600_000);
        if (hourAt >= 8 && hourAt < 21) expect(allowed.getTime()).toBe(ms);
      }),
    );
  });
  it('does not hold e-mail', () => {
    expect(outsideQuietHours('email', at('2026-12-06T02:00:00'))).toEqual(at('2026-12-06T02:00:00'));
  });
});

describe('back-off', () => {
  it('doubles from one minute: 1, 2, 4, 8, 16 min, then gives up after the sixth attempt', () => {
    expect([1, 2, 3, 4, 5].map((n) => backOffDelayMs(DEFAULT_RETRY_POLICY, n) / 60_000)).toEqual([
      1, 2, 4, 8, 16,
    ]);
    expect(afterFailure(DEFAULT_RETRY_POLICY, 'sms', 5, at('2026-12-05T10:00:00'))).toEqual({
      giveUp: false,
      nextAttemptAt: at('2026-12-05T10:16:00'),
    });
    expect(afterFailure(DEFAULT_RETRY_POLICY, 'sms', 6, at('2026-12-05T10:00:00'))).toEqual({ giveUp: true });
  });
  it('is capped, and a retry that would land in quiet hours waits for 08:00', () => {
    expect(backOffDelayMs({ ...DEFAULT_RETRY_POLICY, maxDelayMs: 600_000 }, 10)).toBe(600_000);
    expect(afterFailure(DEFAULT_RETRY_POLICY, 'push', 3, at('2026-12-05T20:58:00'))).toEqual({
      giveUp: false,
      nextAttemptAt: at('2026-12-06T08:00:00'),
    });
  });
});
