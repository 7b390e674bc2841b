import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoHistoryOption } from '../../src/demo/seeding/demo-seeding.ts';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import { runCliProcess } from '../support/cli.ts';

/** `CREDENCE_DEMO_HISTORY` (docs/demo.md): unset the default history, `off`/`0` none, a number its size. */
const dir = mkdtempSync(join(tmpdir(), 'credence-demo-history-option-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CREDENCE_DEMO_HISTORY', () => {
  it('reads unset as the default, off or 0 as none, a whole number as that many applicants', () => {
    expect(demoHistoryOption(undefined)).toEqual({});
    expect(demoHistoryOption('  ')).toEqual({});
    expect(demoHistoryOption('off')).toBe(false);
    expect(demoHistoryOption('OFF')).toBe(false);
    expect(demoHistoryOption('0')).toBe(false);
    expect(demoHistoryOption(' 120 ')).toEqual({ applicants: 120 });
    let refusal: unknown;
    try {
      demoHistoryOption('lots');
    } catch (error) {
      refusal = error;
    }
    expect(isAppError(refusal) && refusal.issues).toEqual([
      {
        field: 'CREDENCE_DEMO_HISTORY',
        rule: 'whole-number-or-off',
        message: 'CREDENCE_DEMO_HISTORY must be a number of applicants or "off", not "lots"',
      },
    ]);
  });

  it('Given a value that is neither, When `npm start` runs (serve --demo), Then it stops before opening the database, naming the variable, with exit 3', async () => {
    const dataDir = join(dir, 'bad-value');
    const result = await runCliProcess(['serve', '--demo', '--port', '0'], {
      env: { CREDENCE_DATA_DIR: dataDir, CREDENCE_DEMO_HISTORY: 'lots', CREDENCE_LOG_FILE: undefined },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      'CREDENCE_DEMO_HISTORY must be a number of applicants or "off", not "lots"',
    );
    // Read first: no database was created (opening and migrating it took seconds before the refusal).
    expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
    expect(result.stdout).toBe('');
  });
});
