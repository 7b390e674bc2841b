import { createReadStream, statSync } from 'node:fs';
import { AppError } from '../platform/errors/app-error.ts';
import { CsvSyntaxError, parseCsv } from './csv-parser.ts';
import { createDatasetBuilder, type Dataset, type DatasetOptions, type TargetInfo } from './dataset.ts';

/**
 * The CSV adapter: files are streamed record by record (never read whole) through `parseCsv`, each
 * record tagged with the line it ends on, so an error can name the line. Parsing faults and unreadable
 * files become AppErrors.
 */
export interface CsvRecord {
  readonly record: string[];
  /** 1-based line of the file on which the record ends (the header is line 1). */
  readonly line: number;
}

/** The records of a CSV file, header first. */
export async function* csvRecords(path: string): AsyncGenerator<CsvRecord> {
  let stream;
  try {
    statSync(path);
    stream = createReadStream(path, { highWaterMark: 1 << 20 });
  } catch (error) {
    throw new AppError('BAD_REQUEST', `cannot read ${path}: ${(error as Error).message}`, {
      issues: [{ field: path, rule: 'readable-file', message: 'the file cannot be read' }],
    });
  }
  // The file in 1 MiB pieces, decoded as UTF-8 (a character split between pieces is kept whole).
  stream.setEncoding('utf8');
  try {
    for await (const item of parseCsv(stream as AsyncIterable<string>)) yield item;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof CsvSyntaxError) {
      throw AppError.invalid(
        `line ${error.line}`,
        'csv-syntax',
        `${path} line ${error.line}: ${error.message}`,
      );
    }
    throw new AppError('BAD_REQUEST', `cannot read ${path}: ${(error as Error).message}`, {
      issues: [{ field: path, rule: 'readable-file', message: 'the file cannot be read' }],
    });
  } finally {
    stream.destroy();
  }
}

/** Size of a file in bytes, for progress bars. */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Streams a CSV file into a columnar dataset. `onRows` is called every few thousand rows with the count
 * so far, for progress.
 */
export async function loadDataset(
  path: string,
  options: Omit<DatasetOptions, 'header'>,
  onRows: (rows: number) => void = () => undefined,
): Promise<{ dataset: Dataset; target: TargetInfo; header: string[] }> {
  const records = csvRecords(path);
  const first = await records.next();
  if (first.done) throw AppError.invalid(path, 'non-empty', 'the file is empty (no header)');
  const header = first.value.record;
  const builder = createDatasetBuilder({ ...options, header });
  let rows = 0;
  for await (const { record, line } of records) {
    builder.add(record, line);
    rows += 1;
    if (rows % 5000 === 0) onRows(rows);
  }
  onRows(rows);
  return { ...builder.finish(), header };
}

/** A split file (`row,split`): the 0-based data rows marked `train` and `test`. */
export async function loadSplit(path: string): Promise<{ train: number[]; test: number[] }> {
  const records = csvRecords(path);
  const first = await records.next();
  if (first.done) throw AppError.invalid(path, 'non-empty', 'the split file is empty');
  const header = first.value.record.map((name) => name.trim());
  const rowColumn = header.indexOf('row');
  const splitColumn = header.indexOf('split');
  if (rowColumn < 0 || splitColumn < 0) {
    throw AppError.invalid('split', 'columns', 'a split file has the columns "row" and "split"');
  }
  const train: number[] = [];
  const test: number[] = [];
  for await (const { record, line } of records) {
    const rowText = (record[rowColumn] ?? '').trim();
    const row = Number(rowText);
    if (!/^\d+$/.test(rowText) || !Number.isSafeInteger(row)) {
      throw AppError.invalid(
        'row',
        'integer',
        `"${rowText}" on line ${line} of the split file is not a row number`,
      );
    }
    const split = (record[splitColumn] ?? '').trim();
    if (split === 'train') train.push(row);
    else if (split === 'test') test.push(row);
    else throw AppError.invalid('split', 'enum', `"${split}" on line ${line} is neither "train" nor "test"`);
  }
  return { train, test };
}
