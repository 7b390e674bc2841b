import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_APPEAL_SETTINGS } from './appeals/appeal-settings.ts';
import { AppError } from './platform/errors/app-error.ts';
import { loadConfig } from './config.ts';

const dir = mkdtempSync(join(tmpdir(), 'credence-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Keys in the environment, so loading writes nothing to a data directory. */
const BASE = {
  CREDENCE_DATA_DIR: dir,
  CREDENCE_PII_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  CREDENCE_BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
};

function settingsFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The one issue a refused configuration names. */
function refusal(env: Record<string, string>): { field: string; rule: string; message: string } {
  let refused: unknown;
  try {
    loadConfig({ ...BASE, ...env });
  } catch (error) {
    refused = error;
  }
  expect(refused).toBeInstanceOf(AppError);
  expect((refused as AppError).code).toBe('VALIDATION_FAILED');
  const [issue] = (refused as AppError).issues;
  expect(issue).toBeDefined();
  return issue as { field: string; rule: string; message: string };
}

describe('appeal settings from the environment', () => {
  it('leaves them unset when no variable is given (createApp then uses the defaults)', () => {
    expect(loadConfig(BASE).appeals).toBeUndefined();
  });

  it('reads the single variables, each replacing its default', () => {
    const { appeals } = loadConfig({
      ...BASE,
      CREDENCE_APPEAL_WINDOW_DAYS: '45',
      CREDENCE_APPEAL_SLA_BUSINESS_DAYS: ' 5 ',
      CREDENCE_APPEAL_HOLIDAYS: '2027-02-06, 2027-02-07,2027-02-08',
      CREDENCE_APPEAL_MAKE_UP_WORKDAYS: '2027-02-14',
      CREDENCE_APPEAL_SECOND_REVIEWER_ABOVE: '80000.00',
    });
    expect(appeals).toEqual({
      ...DEFAULT_APPEAL_SETTINGS,
      windowDays: 45,
      slaBusinessDays: 5,
      holidays: ['2027-02-06', '2027-02-07', '2027-02-08'],
      makeUpWorkdays: ['2027-02-14'],
      secondReviewerAbove: 8_000_000n,
    });
  });

  it('reads CREDENCE_APPEALS_FILE, and a single variable wins over the file', () => {
    const path = settingsFile(
      'appeals.json',
      JSON.stringify({ windowDays: 20, secondReviewerAbove: '10000.00', maxEvidencePerAppeal: 3 }),
    );
    const { appeals } = loadConfig({
      ...BASE,
      CREDENCE_APPEALS_FILE: path,
      CREDENCE_APPEAL_WINDOW_DAYS: '60',
    });
    expect(appeals).toEqual({
      ...DEFAULT_APPEAL_SETTINGS,
      windowDays: 60,
      secondReviewerAbove: 1_000_000n,
      maxEvidencePerAppeal: 3,
    });
  });

  it('refuses a bad variable naming it and the rule', () => {
    expect(refusal({ CREDENCE_APPEAL_WINDOW_DAYS: '30d' })).toMatchObject({
      field: 'CREDENCE_APPEAL_WINDOW_DAYS',
      rule: 'whole-number',
    });
    expect(refusal({ CREDENCE_APPEAL_WINDOW_DAYS: '0' })).toEqual({
      field: 'CREDENCE_APPEAL_WINDOW_DAYS',
      rule: 'integer-range',
      message: 'CREDENCE_APPEAL_WINDOW_DAYS must be a whole number from 1 to 3650',
    });
    expect(refusal({ CREDENCE_APPEAL_SLA_BUSINESS_DAYS: '61' })).toMatchObject({
      field: 'CREDENCE_APPEAL_SLA_BUSINESS_DAYS',
      rule: 'integer-range',
    });
    expect(refusal({ CREDENCE_APPEAL_HOLIDAYS: '2027-01-01,2027-02-30' })).toMatchObject({
      field: 'CREDENCE_APPEAL_HOLIDAYS[1]',
    });
    expect(refusal({ CREDENCE_APPEAL_HOLIDAYS: '2027-01-01,,2027-01-02' })).toMatchObject({
      field: 'CREDENCE_APPEAL_HOLIDAYS[1]',
      rule: 'iso-date',
    });
    expect(refusal({ CREDENCE_APPEAL_SECOND_REVIEWER_ABOVE: '50,000' })).toMatchObject({
      field: 'CREDENCE_APPEAL_SECOND_REVIEWER_ABOVE',
    });
    expect(refusal({ CREDENCE_APPEAL_SECOND_REVIEWER_ABOVE: '-1.00' })).toMatchObject({
      field: 'CREDENCE_APPEAL_SECOND_REVIEWER_ABOVE',
      rule: 'non-negative',
    });
    // A day cannot be both off and a make-up working day.
    expect(
      refusal({ CREDENCE_APPEAL_HOLIDAYS: '2027-02-14', CREDENCE_APPEAL_MAKE_UP_WORKDAYS: '2027-02-14' }),
    ).toMatchObject({ field: 'CREDENCE_APPEAL_MAKE_UP_WORKDAYS[0]', rule: 'not-a-holiday' });
  });

  it('refuses a bad file naming the variable, the field inside it and the rule', () => {
    expect(refusal({ CREDENCE_APPEALS_FILE: join(dir, 'missing.json') })).toMatchObject({
      field: 'CREDENCE_APPEALS_FILE',
      rule: 'readable-file',
    });
    expect(
      refusal({ CREDENCE_APPEALS_FILE: settingsFile('broken.json', '{"windowDays": 30,') }),
    ).toMatchObject({
      field: 'CREDENCE_APPEALS_FILE',
      rule: 'json',
    });
    expect(refusal({ CREDENCE_APPEALS_FILE: settingsFile('list.json', '[]') })).toMatchObject({
      field: 'CREDENCE_APPEALS_FILE',
      rule: 'object',
    });
    expect(refusal({ CREDENCE_APPEALS_FILE: settingsFile('typo.json', '{"windowDay": 30}') })).toMatchObject({
      field: 'CREDENCE_APPEALS_FILE.windowDay',
      rule: 'unknown-field',
    });
    expect(refusal({ CREDENCE_APPEALS_FILE: settingsFile('text.json', '{"windowDays": "30"}') })).toEqual({
      field: 'CREDENCE_APPEALS_FILE.windowDays',
      rule: 'integer-range',
      message: 'CREDENCE_APPEALS_FILE.windowDays must be a whole number from 1 to 3650',
    });
    expect(
      refusal({ CREDENCE_APPEALS_FILE: settingsFile('float.json', '{"secondReviewerAbove": 50000}') }),
    ).toMatchObject({ field: 'CREDENCE_APPEALS_FILE.secondReviewerAbove', rule: 'no-floats' });
    expect(
      refusal({
        CREDENCE_APPEALS_FILE: settingsFile('dates.json', '{"holidays": ["2027-01-01", "tomorrow"]}'),
      }),
    ).toMatchObject({ field: 'CREDENCE_APPEALS_FILE.holidays[1]', rule: 'iso-date' });
  });
});
