import { describe, expect, it } from 'vitest';
import { seededRandomBytes } from '../ids/ids.ts';
import {
  checkSession,
  generateSessionToken,
  hashSessionToken,
  looksLikeSessionToken,
  parseSessionTtl,
  type CustomerSessionRecord,
} from './customer-sessions.ts';

const record = (over: Partial<CustomerSessionRecord> = {}): CustomerSessionRecord => ({
  sessionId: 'ses_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
  customerId: 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
  issuedBy: 'key_x',
  demo: false,
  createdAt: new Date('2026-11-22T02:00:00Z'),
  expiresAt: new Date('2026-11-22T02:15:00Z'),
  revokedAt: null,
  revokedReason: null,
  ...over,
});

describe('customer sessions (pure)', () => {
  it('Given a live session, When checked before its expiry, Then it names its customer', () => {
    const check = checkSession(record(), new Date('2026-11-22T02:14:59.999Z'));
    expect(check).toEqual({
      ok: true,
      principal: {
        kind: 'customer',
        sessionId: 'ses_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
        customerId: 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
        expiresAt: new Date('2026-11-22T02:15:00Z'),
        demo: false,
      },
    });
  });

  it('refuses at the expiry instant, revoked before expired, and an unknown token as invalid', () => {
    expect(checkSession(record(), new Date('2026-11-22T02:15:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
    const revoked = record({ revokedAt: new Date('2026-11-22T02:01:00Z'), revokedReason: 'sign_out' });
    expect(checkSession(revoked, new Date('2026-11-22T03:00:00Z'))).toEqual({ ok: false, reason: 'revoked' });
    expect(checkSession(undefined, new Date('2026-11-22T02:01:00Z'))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('makes cs_ tokens of 43 base62 characters, distinct, hashed to 64 hex characters', () => {
    const random = seededRandomBytes(7);
    const tokens = new Set(Array.from({ length: 200 }, () => generateSessionToken(random)));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(/^cs_[0-9A-Za-z]{43}$/);
      expect(looksLikeSessionToken(token)).toBe(true);
      expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(looksLikeSessionToken('crd_app_abc')).toBe(false);
  });

  it('takes a lifetime of 60 s to 12 h, 15 min by default, and names the field otherwise', () => {
    expect(parseSessionTtl(undefined)).toBe(900);
    expect(parseSessionTtl(60)).toBe(60);
    expect(parseSessionTtl(43_200)).toBe(43_200);
    for (const bad of [59, 43_201, 1.5])
      expect(() => parseSessionTtl(bad)).toThrow(
        expect.objectContaining({ issues: [expect.objectContaining({ field: 'ttlSeconds' })] }),
      );
  });
});
