import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.ts';
import { DEFAULT_RATE_LIMITS, rateLimitsFromEnv } from './limits.ts';

describe('request limits from the environment', () => {
  it('Given nothing set, When read, Then the defaults (6,000 a minute per credential, 30 sign-in attempts)', () => {
    expect(rateLimitsFromEnv({})).toEqual({ requestsPerMinute: 6_000, authFailuresPerMinute: 30 });
    expect(rateLimitsFromEnv({})).toEqual(DEFAULT_RATE_LIMITS);
  });

  it('Given both variables, When read, Then they win; 0 turns one off; CREDENCE_RATE_LIMIT=off turns both off', () => {
    expect(
      rateLimitsFromEnv({ CREDENCE_RATE_LIMIT_PER_MINUTE: '120', CREDENCE_AUTH_FAILURES_PER_MINUTE: '0' }),
    ).toEqual({ requestsPerMinute: 120, authFailuresPerMinute: 0 });
    expect(rateLimitsFromEnv({ CREDENCE_RATE_LIMIT: 'off', CREDENCE_RATE_LIMIT_PER_MINUTE: '120' })).toEqual({
      requestsPerMinute: 0,
      authFailuresPerMinute: 0,
    });
    expect(rateLimitsFromEnv({ CREDENCE_RATE_LIMIT: 'on' })).toEqual(DEFAULT_RATE_LIMITS);
  });

  it.each([
    [{ CREDENCE_RATE_LIMIT_PER_MINUTE: '1.5' }, 'CREDENCE_RATE_LIMIT_PER_MINUTE', 'whole-number'],
    [{ CREDENCE_AUTH_FAILURES_PER_MINUTE: '-1' }, 'CREDENCE_AUTH_FAILURES_PER_MINUTE', 'whole-number'],
    [{ CREDENCE_RATE_LIMIT: 'sometimes' }, 'CREDENCE_RATE_LIMIT', 'on-off'],
  ])('Given %o, When read, Then refused naming %s and the rule %s', (env, field, rule) => {
    let caught: unknown;
    try {
      rateLimitsFromEnv(env);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.issues[0]).toMatchObject({ field, rule });
  });
});
