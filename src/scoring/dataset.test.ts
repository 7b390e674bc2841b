import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.ts';
import {
  checkHeader,
  createDatasetBuilder,
  fingerprintDataset,
  parseNumberText,
  resolveTarget,
  subsetDataset,
} from './dataset.ts';

function build(lines: string[][], options: Partial<Parameters<typeof createDatasetBuilder>[0]> = {}) {
  const [header, ...rows] = lines;
  const builder = createDatasetBuilder({ header: header ?? [], target: 'status', ...options });
  rows.forEach((row, k) => builder.add(row, k + 2));
  return builder.finish();
}

function caught(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('checkHeader', () => {
  it('trims names and refuses an unnamed column or a name given twice (after trimming), naming it', () => {
    expect(checkHeader([' 收入 ', 'age', 'bad'])).toEqual(['收入', 'age', 'bad']);
    expect(caught(() => checkHeader(['age', 'income', ' age'])).issues).toEqual([
      { field: 'age', rule: 'unique-column', message: 'column "age" appears twice' },
    ]);
    expect(caught(() => checkHeader(['age', ' ', 'bad'])).issues[0]).toMatchObject({
      field: 'header[1]',
      rule: 'column-name',
    });
  });
});

describe('parseNumberText', () => {
  it('reads decimal numbers strictly and treats empty, NA and NaN as missing', () => {
    expect(parseNumberText(' 12.5 ')).toBe(12.5);
    expect(parseNumberText('-1e3')).toBe(-1000);
    expect(parseNumberText('.5')).toBe(0.5);
    for (const missing of ['', ' ', 'NA', 'NaN', 'nan', 'null']) expect(parseNumberText(missing)).toBeNaN();
    for (const bad of ['0x10', 'Infinity', '1,000', '12abc', 'yes'])
      expect(parseNumberText(bad)).toBeUndefined();
  });
});

describe('createDatasetBuilder', () => {
  const lines = [
    ['status', 'income', 'home', 'id'],
    ['good', '100', 'rent', 'a1'],
    ['bad', 'NA', 'owner', 'a2'],
    ['good', '250.5', '', 'a3'],
  ];

  it('infers numbers and categories, reads missing values, and picks "bad" as the bad label by default', () => {
    const { dataset, target } = build(lines, { id: 'id' });
    expect(target).toEqual({ column: 'status', bad: 'bad', good: ['good'], chosen: 'default' });
    expect(Array.from(dataset.target)).toEqual([0, 1, 0]);
    expect(dataset.ids).toEqual(['a1', 'a2', 'a3']);
    const [income, home] = dataset.columns;
    expect(income?.kind).toBe('numeric');
    expect(income?.kind === 'numeric' ? Array.from(income.values) : []).toEqual([100, Number.NaN, 250.5]);
    expect(home).toEqual({
      kind: 'categorical',
      name: 'home',
      codes: Int32Array.from([0, 1, -1]),
      levels: ['rent', 'owner'],
    });
  });

  it('names the column and the line of a value that is not a number', () => {
    const builder = createDatasetBuilder({ header: ['status', 'income'], target: 'status', sampleRows: 2 });
    builder.add(['good', '1'], 2);
    builder.add(['bad', '2'], 3);
    const error = caught(() => builder.add(['good', 'lots'], 4));
    expect(error.issues[0]).toMatchObject({ field: 'income', rule: 'number' });
    expect(error.message).toMatch(/"lots" on line 4/);
  });

  it('refuses a missing target, a row of the wrong length and an unknown --bad, naming them', () => {
    expect(
      caught(() =>
        build([
          ['status', 'x'],
          ['', '1'],
        ]),
      ).issues[0],
    ).toMatchObject({ field: 'status', rule: 'target-present' });
    expect(caught(() => build([['status', 'x'], ['good']])).issues[0]).toMatchObject({
      rule: 'column-count',
    });
    expect(caught(() => build(lines, { bad: 'default' })).issues[0]).toMatchObject({
      field: 'bad',
      rule: 'label-present',
    });
    expect(caught(() => build([['status'], ['a'], ['b']])).issues[0]).toMatchObject({
      field: 'bad',
      rule: 'bad-label',
    });
  });

  it('honours declared kinds and exclusions', () => {
    const { dataset } = build(lines, { kinds: { income: 'categorical' }, exclude: ['id'] });
    expect(dataset.columns.map((c) => `${c.name}:${c.kind}`)).toEqual([
      'income:categorical',
      'home:categorical',
    ]);
  });
});

describe('resolveTarget', () => {
  it('refuses a target with one value, naming the column, whatever --bad says', () => {
    // Given a file whose target column holds only "good"
    // When the bad label is chosen by default, or given as that one value
    // Then the error names the target column and the rule, not a --bad that cannot help
    for (const bad of [undefined, 'good']) {
      const error = caught(() => resolveTarget('Status', ['good'], bad));
      expect(error.issues[0]).toEqual({
        field: 'Status',
        rule: 'two-classes',
        message: 'Status has one value only ("good"); a scorecard needs both goods and bads',
      });
    }
    // A --bad that does not occur is still reported as such.
    expect(caught(() => resolveTarget('Status', ['good'], 'bad')).issues[0]).toMatchObject({
      field: 'bad',
      rule: 'label-present',
    });
  });

  it('takes the first default label present, case-insensitively', () => {
    expect(resolveTarget('y', ['0', '1'], undefined)).toMatchObject({ bad: '1', chosen: 'default' });
    expect(resolveTarget('y', ['No', 'Yes'], undefined)).toMatchObject({ bad: 'Yes', good: ['No'] });
    expect(resolveTarget('y', ['ok', 'late', 'default'], 'late')).toMatchObject({
      bad: 'late',
      good: ['ok', 'default'],
      chosen: 'given',
    });
  });
});

describe('subsets and fingerprints', () => {
  it('keeps the rows asked for, and the fingerprint changes with any value', () => {
    const { dataset } = build([
      ['status', 'income'],
      ['good', '1'],
      ['bad', '2'],
      ['good', '3'],
    ]);
    const subset = subsetDataset(dataset, [2, 0]);
    expect(subset.rows).toBe(2);
    expect(Array.from(subset.columns[0]?.kind === 'numeric' ? subset.columns[0].values : [])).toEqual([3, 1]);
    const again = build([
      ['status', 'income'],
      ['good', '1'],
      ['bad', '2'],
      ['good', '3'],
    ]).dataset;
    const changed = build([
      ['status', 'income'],
      ['good', '1'],
      ['bad', '2'],
      ['good', '4'],
    ]).dataset;
    expect(fingerprintDataset(again)).toBe(fingerprintDataset(dataset));
    expect(fingerprintDataset(changed)).not.toBe(fingerprintDataset(dataset));
    expect(fingerprintDataset(dataset)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
