import { createHash } from 'node:crypto';
import { AppError } from '../platform/errors/app-error.ts';

/**
 * Columnar data for training and evaluation. Numeric columns are `Float64Array` with `NaN` for missing;
 * categorical columns are integer codes into a list of levels with `-1` for missing. The target is 1 for
 * a bad (the event the score predicts) and 0 for a good.
 */
export type ColumnKind = 'numeric' | 'categorical';

export interface NumericColumn {
  readonly kind: 'numeric';
  readonly name: string;
  readonly values: Float64Array;
}

export interface CategoricalColumn {
  readonly kind: 'categorical';
  readonly name: string;
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

export type Column = NumericColumn | CategoricalColumn;

export interface Dataset {
  readonly rows: number;
  readonly columns: readonly Column[];
  /** 1 = bad, 0 = good. */
  readonly target: Uint8Array;
  /** Row identifiers from the `--id` column, when there is one. */
  readonly ids?: readonly string[];
  /** The source line of each row (1-based, header is line 1), for error messages. */
  readonly lines?: Int32Array;
}

/** How the bad label was chosen: given by the caller, or picked from the defaults. */
export interface TargetInfo {
  readonly column: string;
  readonly bad: string;
  readonly good: readonly string[];
  readonly chosen: 'given' | 'default';
}

/** Labels taken to mean "bad" when `--bad` is not given, in order of preference (case-insensitive). */
export const DEFAULT_BAD_LABELS = ['bad', '1', 'yes', 'default', 'true'] as const;

/** Text that means "no value": empty, `NA`, `NaN` (any case), `null`. */
export function isMissingText(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return true;
  const lower = trimmed.toLowerCase();
  return lower === 'na' || lower === 'nan' || lower === 'null' || lower === 'n/a';
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a number strictly: decimal notation with an optional exponent, nothing else (no hex, no
 * `Infinity`, no thousands separators), so a stray text value is reported rather than silently coerced.
 * Returns `NaN` for missing text and `undefined` for text that is not a number.
 */
export function parseNumberText(text: string): number | undefined {
  if (isMissingText(text)) return Number.NaN;
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A numeric column's value read strictly (see `parseNumberText`): `NaN` for missing, and an error naming the
 * column and the line for text that is not a number. Training, evaluation and scoring read files through
 * it, so a file is refused by all of them for the same reason and in the same words.
 */
export function parseNumberAt(text: string, column: string, line: number): number {
  const value = parseNumberText(text);
  if (value === undefined) {
    throw AppError.invalid(
      column,
      'number',
      `"${text}" on line ${line} is not a number (column ${column} is numeric)`,
    );
  }
  return value;
}

/**
 * The header of a data file, names trimmed; refused when a column has no name or a name appears twice —
 * with two columns of one name, which one a model reads would be an accident of the file's order.
 * Training, evaluation and scoring check headers through it alike.
 */
export function checkHeader(names: readonly string[]): string[] {
  const header = names.map((name) => name.trim());
  const seen = new Set<string>();
  header.forEach((name, index) => {
    if (name === '') throw AppError.invalid(`header[${index}]`, 'column-name', 'a column has no name');
    if (seen.has(name)) throw AppError.invalid(name, 'unique-column', `column "${name}" appears twice`);
    seen.add(name);
  });
  return header;
}

/**
 * Refuses a record whose number of fields differs from the header's: the CSV reader tolerates ragged rows,
 * so without this check a short row would be read as missing values and a long one would shift nothing
 * visibly, both silently.
 */
export function checkFieldCount(record: readonly string[], headerLength: number, line: number): void {
  if (record.length !== headerLength) {
    throw AppError.invalid(
      `line ${line}`,
      'column-count',
      `line ${line} has ${record.length} fields, the header has ${headerLength}`,
    );
  }
}

export interface DatasetOptions {
  /** The header of the file, in column order. */
  readonly header: readonly string[];
  /** The target column; required for training and evaluation. */
  readonly target: string;
  /** The label of a bad; when omitted, the first of `DEFAULT_BAD_LABELS` present is used. */
  readonly bad?: string;
  /** A column of row identifiers, kept aside (never a feature). */
  readonly id?: string;
  /** Columns to leave out. */
  readonly exclude?: readonly string[];
  /** Declared kinds; other columns are inferred from the first `sampleRows` rows. */
  readonly kinds?: Readonly<Record<string, ColumnKind>>;
  /** Only these columns become features (the columns of a scorecard being evaluated). */
  readonly only?: readonly string[];
  /** How many rows decide a column's kind (default 1,000): numeric if every value there is a number. */
  readonly sampleRows?: number;
}

export interface DatasetBuilder {
  /** Adds one record (the fields in header order) read at `line` of the source. */
  add(record: readonly string[], line: number): void;
  /** The dataset and how its target was read. Rejects a file without rows or with one class only. */
  finish(): { dataset: Dataset; target: TargetInfo };
}

interface PendingColumn {
  readonly name: string;
  readonly index: number;
  kind: ColumnKind | undefined;
  numbers: number[];
  codes: number[];
  levels: Map<string, number>;
}

/**
 * Builds a dataset from records streamed from a file. Kinds are decided after the first `sampleRows`
 * rows (a column is numeric if each of its values there is a number or missing); afterwards, a value
 * that is not a number in a numeric column is an error naming the column and the line, rather than a
 * silent change of kind.
 */
export function createDatasetBuilder(options: DatasetOptions): DatasetBuilder {
  const header = checkHeader(options.header);
  const seen = new Set<string>(header);
  const targetIndex = header.indexOf(options.target);
  if (targetIndex < 0) {
    throw AppError.invalid('target', 'column-exists', `no column "${options.target}" in the header`);
  }
  const idIndex = options.id === undefined ? -1 : header.indexOf(options.id);
  if (options.id !== undefined && idIndex < 0) {
    throw AppError.invalid('id', 'column-exists', `no column "${options.id}" in the header`);
  }
  for (const name of [...(options.exclude ?? []), ...(options.only ?? [])]) {
    if (!seen.has(name)) throw AppError.invalid(name, 'column-exists', `no column "${name}" in the header`);
  }
  const excluded = new Set(options.exclude ?? []);
  const only = options.only === undefined ? undefined : new Set(options.only);
  const columns: PendingColumn[] = [];
  header.forEach((name, index) => {
    if (index === targetIndex || index === idIndex || excluded.has(name)) return;
    if (only !== undefined && !only.has(name)) return;
    columns.push({
      name,
      index,
      kind: options.kinds && Object.hasOwn(options.kinds, name) ? options.kinds[name] : undefined,
      numbers: [],
      codes: [],
      levels: new Map(),
    });
  });
  const sampleRows = options.sampleRows ?? 1000;
  const targetLabels = new Map<string, number>();
  const targetCodes: number[] = [];
  const ids: string[] = [];
  const lines: number[] = [];
  let buffer: Array<{ record: readonly string[]; line: number }> | undefined = [];

  const decideKinds = (rows: ReadonlyArray<{ record: readonly string[] }>): void => {
    for (const column of columns) {
      if (column.kind !== undefined) continue;
      column.kind = rows.every(({ record }) => parseNumberText(record[column.index] ?? '') !== undefined)
        ? 'numeric'
        : 'categorical';
    }
  };

  const store = (record: readonly string[], line: number): void => {
    checkFieldCount(record, header.length, line);
    const label = (record[targetIndex] ?? '').trim();
    if (isMissingText(label)) {
      throw AppError.invalid(options.target, 'target-present', `the target is missing on line ${line}`);
    }
    let code = targetLabels.get(label);
    if (code === undefined) {
      code = targetLabels.size;
      targetLabels.set(label, code);
    }
    targetCodes.push(code);
    if (idIndex >= 0) ids.push(record[idIndex] ?? '');
    lines.push(line);
    for (const column of columns) {
      const text = record[column.index] ?? '';
      if (column.kind === 'numeric') {
        column.numbers.push(parseNumberAt(text, column.name, line));
      } else if (isMissingText(text)) {
        column.codes.push(-1);
      } else {
        const level = text.trim();
        let levelCode = column.levels.get(level);
        if (levelCode === undefined) {
          levelCode = column.levels.size;
          column.levels.set(level, levelCode);
        }
        column.codes.push(levelCode);
      }
    }
  };

  const flush = (): void => {
    if (buffer === undefined) return;
    decideKinds(buffer);
    for (const { record, line } of buffer) store(record, line);
    buffer = undefined;
  };

  return {
    add(record, line) {
      if (buffer !== undefined) {
        buffer.push({ record, line });
        if (buffer.length >= sampleRows) flush();
        return;
      }
      store(record, line);
    },
    finish() {
      flush();
      const rows = targetCodes.length;
      if (rows === 0) throw AppError.invalid('data', 'non-empty', 'the file has no data rows');
      const labels = [...targetLabels.keys()];
      const target = resolveTarget(options.target, labels, options.bad);
      const badCode = targetLabels.get(target.bad) ?? -1;
      const targetArray = new Uint8Array(rows);
      for (let i = 0; i < rows; i += 1) targetArray[i] = targetCodes[i] === badCode ? 1 : 0;
      const built: Column[] = columns.map((column) =>
        column.kind === 'numeric'
          ? { kind: 'numeric', name: column.name, values: Float64Array.from(column.numbers) }
          : {
              kind: 'categorical',
              name: column.name,
              codes: Int32Array.from(column.codes),
              levels: [...column.levels.keys()],
            },
      );
      return {
        dataset: {
          rows,
          columns: built,
          target: targetArray,
          ...(idIndex >= 0 ? { ids } : {}),
          lines: Int32Array.from(lines),
        },
        target,
      };
    },
  };
}

/**
 * Picks the bad label: the given one (which must occur), else the first default present. A target with a
 * single value is refused whatever `--bad` says: no choice of label can give a sample with goods and bads.
 */
export function resolveTarget(
  column: string,
  labels: readonly string[],
  bad: string | undefined,
): TargetInfo {
  if (bad !== undefined && !labels.includes(bad)) {
    throw AppError.invalid(
      'bad',
      'label-present',
      `"${bad}" does not occur in ${column}; its values are ${labels.map((l) => `"${l}"`).join(', ')}`,
    );
  }
  if (labels.length === 1) {
    throw AppError.invalid(
      column,
      'two-classes',
      `${column} has one value only ("${labels[0] ?? ''}"); a scorecard needs both goods and bads`,
    );
  }
  if (bad !== undefined) {
    return { column, bad, good: labels.filter((label) => label !== bad), chosen: 'given' };
  }
  if (labels.length !== 2) {
    throw AppError.invalid(
      'bad',
      'binary-target',
      `${column} has ${labels.length} distinct values (${labels.slice(0, 5).join(', ')}); say which is bad with --bad`,
    );
  }
  for (const candidate of DEFAULT_BAD_LABELS) {
    const found = labels.find((label) => label.toLowerCase() === candidate);
    if (found !== undefined) {
      return { column, bad: found, good: labels.filter((label) => label !== found), chosen: 'default' };
    }
  }
  throw AppError.invalid(
    'bad',
    'bad-label',
    `none of ${labels.join(', ')} is a default bad label (${DEFAULT_BAD_LABELS.join(', ')}); use --bad`,
  );
}

/** A copy of the dataset restricted to some rows, in the given order. */
export function subsetDataset(dataset: Dataset, rows: ArrayLike<number>): Dataset {
  const n = rows.length;
  const columns: Column[] = dataset.columns.map((column) => {
    if (column.kind === 'numeric') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i += 1) values[i] = column.values[rows[i] ?? 0] ?? Number.NaN;
      return { kind: 'numeric', name: column.name, values };
    }
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i += 1) codes[i] = column.codes[rows[i] ?? 0] ?? -1;
    return { kind: 'categorical', name: column.name, codes, levels: column.levels };
  });
  const target = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) target[i] = dataset.target[rows[i] ?? 0] ?? 0;
  const lines = dataset.lines;
  return {
    rows: n,
    columns,
    target,
    ...(dataset.ids ? { ids: Array.from({ length: n }, (_, i) => dataset.ids?.[rows[i] ?? 0] ?? '') } : {}),
    ...(lines ? { lines: Int32Array.from({ length: n }, (_, i) => lines[rows[i] ?? 0] ?? 0) } : {}),
  };
}

/**
 * A SHA-256 fingerprint of the training data as the model saw it: column names, kinds, every value and
 * the target, in row order. Two trainings on the same file with the same options have the same print.
 */
export function fingerprintDataset(dataset: Dataset): string {
  const hash = createHash('sha256');
  hash.update(`rows=${dataset.rows}\n`);
  for (const column of dataset.columns) {
    hash.update(`${column.kind}:${column.name}\n`);
    if (column.kind === 'numeric') {
      hash.update(new Uint8Array(column.values.buffer, column.values.byteOffset, column.values.byteLength));
    } else {
      hash.update(`${JSON.stringify(column.levels)}\n`);
      hash.update(new Uint8Array(column.codes.buffer, column.codes.byteOffset, column.codes.byteLength));
    }
  }
  hash.update(dataset.target);
  return `sha256:${hash.digest('hex')}`;
}

/** The dataset as row objects (what a scorer reads), e.g. to score a holdout sample. */
export function rowOf(dataset: Dataset, index: number): Record<string, number | string | null> {
  // No prototype: a column named `__proto__` or `constructor` is an ordinary key here.
  const row = Object.create(null) as Record<string, number | string | null>;
  for (const column of dataset.columns) {
    if (column.kind === 'numeric') {
      const value = column.values[index] ?? Number.NaN;
      row[column.name] = Number.isNaN(value) ? null : value;
    } else {
      const code = column.codes[index] ?? -1;
      row[column.name] = code < 0 ? null : (column.levels[code] ?? null);
    }
  }
  return row;
}
