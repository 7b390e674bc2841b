import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.ts';
import { backgroundWorkFromEnv, jobSettingsFromEnv } from './config.ts';

function refusal(read: () => unknown): { field: string; rule: string } | undefined {
  try {
    read();
  } catch (error) {
    if (isAppError(error)) return error.issues[0];
    throw error;
  }
  return undefined;
}

describe('CREDENCE_BACKGROUND_WORK', () => {
  it('Given nothing set, Then each API node runs its own passes (node)', () => {
    expect(backgroundWorkFromEnv({})).toBe('node');
    expect(backgroundWorkFromEnv({ CREDENCE_BACKGROUND_WORK: '' })).toBe('node');
  });

  it('Given workers with PostgreSQL, Then workers', () => {
    expect(
      backgroundWorkFromEnv({ CREDENCE_BACKGROUND_WORK: 'workers', DATABASE_URL: 'postgres://db/credence' }),
    ).toBe('workers');
  });

  it('Given workers on the embedded database, Then it is refused, naming the setting and the rule', () => {
    expect(refusal(() => backgroundWorkFromEnv({ CREDENCE_BACKGROUND_WORK: 'workers' }))).toMatchObject({
      field: 'CREDENCE_BACKGROUND_WORK',
      rule: 'workers-need-postgres',
    });
  });

  it('Given another value, Then it is refused as not one of node, workers', () => {
    expect(refusal(() => backgroundWorkFromEnv({ CREDENCE_BACKGROUND_WORK: 'cron' }))).toMatchObject({
      field: 'CREDENCE_BACKGROUND_WORK',
      rule: 'one-of',
    });
  });
});

describe('the workers’ intervals', () => {
  it('Given nothing set, Then the appeals’ pass every minute and the limit reviews every 10 minutes', () => {
    expect(jobSettingsFromEnv({})).toMatchObject({ appealRecoveryMs: 60_000, limitReviewsMs: 600_000 });
  });

  it('Given an interval under a second, Then it is refused, naming the variable', () => {
    expect(refusal(() => jobSettingsFromEnv({ CREDENCE_APPEAL_RECOVERY_MS: '10' }))).toMatchObject({
      field: 'CREDENCE_APPEAL_RECOVERY_MS',
      rule: 'range',
    });
    expect(jobSettingsFromEnv({ CREDENCE_LIMIT_REVIEWS_MS: '5000' }).limitReviewsMs).toBe(5_000);
  });
});
