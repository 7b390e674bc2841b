import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { AppError } from '../../platform/errors/app-error.ts';

/**
 * Streaming readers for event files: NDJSON (one JSON object per line) and CSV (a header row naming the
 * fields, one event per row; empty cells are absent fields). Files are read in batches so memory stays flat
 * however large the file is; every row keeps its line number for the report.
 */
export type EventFileFormat = 'ndjson' | 'csv';

export interface EventFileBatch {
  /** Parsed rows, ready for validation. */
  readonly rows: unknown[];
  /** The line each row started on (1-based). */
  readonly lines: number[];
  /** Lines that could not even be parsed (bad JSON, wrong number of CSV cells). */
  readonly malformed: Array<{ index: number; field: string; reason: string }>;
  /** Bytes of the file read so far (progress). */
  readonly bytesRead: number;
}

export function formatOf(path: string, explicit?: string): EventFileFormat {
  const format = explicit ?? (path.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson');
  if (format !== 'csv' && format !== 'ndjson')
    throw AppError.invalid('--format', 'one-of', 'format is ndjson or csv');
  return format;
}

export async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    throw new AppError('BAD_REQUEST', `cannot read ${path}`);
  }
}

/**
 * A CSV header's field names, trimmed; a name given twice is refused — two cells for one field would
 * otherwise leave the last one silently in the row. (Unnamed columns, as a trailing comma makes, stay
 * allowed: an empty cell under one is absent, a filled one is refused row by row as an unknown field.)
 */
function checkedHeader(names: string[]): string[] {
  const header = names.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (name !== '' && seen.has(name))
      throw AppError.invalid(name, 'unique-column', `column "${name}" appears twice in the header`);
    seen.add(name);
  }
  return header;
}

/** Yields batches of at most `batchSize` rows from an NDJSON or CSV file. */
export async function* readEventFile(
  path: string,
  format: EventFileFormat,
  batchSize: number,
): AsyncGenerator<EventFileBatch> {
  await fileSize(path);
  const stream = createReadStream(path);
  let rows: unknown[] = [];
  let lines: number[] = [];
  let malformed: EventFileBatch['malformed'] = [];
  const take = (): EventFileBatch => {
    const batch = { rows, lines, malformed, bytesRead: stream.bytesRead };
    rows = [];
    lines = [];
    malformed = [];
    return batch;
  };
  if (format === 'ndjson') {
    let line = 0;
    for await (const read of createInterface({ input: stream, crlfDelay: Infinity })) {
      line += 1;
      // A UTF-8 byte order mark (as editors on Windows write) is not part of the first line's JSON.
      const text = line === 1 && read.startsWith('\uFEFF') ? read.slice(1) : read;
      if (text.trim() === '') continue;
      try {
        rows.push(JSON.parse(text) as unknown);
        lines.push(line);
      } catch {
        malformed.push({ index: line, field: '', reason: 'is not valid JSON' });
      }
      if (rows.length + malformed.length >= batchSize) yield take();
    }
  } else {
    const skipped: Array<{ index: number; field: string; reason: string }> = [];
    const parser = stream.pipe(
      parse({
        columns: checkedHeader,
        info: true,
        bom: true,
        trim: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        on_skip: (error) => {
          skipped.push({
            index: Number(error?.lines ?? 0),
            field: '',
            reason: error?.message ?? 'malformed CSV row',
          });
          return undefined;
        },
      }),
    );
    for await (const entry of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      rows.push(entry.record);
      lines.push(entry.info.lines);
      if (skipped.length > 0) malformed.push(...skipped.splice(0));
      if (rows.length + malformed.length >= batchSize) yield take();
    }
    if (skipped.length > 0) malformed.push(...skipped.splice(0));
  }
  if (rows.length > 0 || malformed.length > 0) yield take();
}
