import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, type ParsedRecord } from './csv-parser.ts';

/**
 * Differential: csv-parse (the parser this replaced, with the options it was used with) is the reference.
 * Same records, same line numbers, same inputs refused — whatever the chunking.
 */
type Outcome = { records: ParsedRecord[] } | { error: true };

function reference(text: string): Outcome {
  try {
    const rows = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return { records: rows.map((row) => ({ record: row.record, line: row.info.lines })) };
  } catch {
    return { error: true };
  }
}

async function ours(chunks: string[]): Promise<Outcome> {
  const records: ParsedRecord[] = [];
  try {
    for await (const item of parseCsv(chunks)) records.push(item);
    return { records };
  } catch {
    return { error: true };
  }
}

/** `text` cut at the given points. */
function chunked(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(text.slice(from, point));
    from = point;
  }
  chunks.push(text.slice(from));
  return chunks;
}

/** Without line numbers: csv-parse counts a CRLF inside quotes as two lines (we count one). */
function recordsOnly(outcome: Outcome): Outcome {
  return 'error' in outcome ? outcome : { records: outcome.records.map((r) => ({ ...r, line: 0 })) };
}

function field(eol: string) {
  return fc.oneof(
    fc.constantFrom('', '0', '1', '-1', '3.14', 'NA', 'tier3', '中文', '😀', ' a b '),
    fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', eol, ' ', '中') }),
  );
}

/** A well-formed file with one kind of line end: fields quoted when they must be (sometimes anyway). */
function wellFormed(eol: string) {
  return fc
    .record({
      rows: fc.array(fc.array(fc.tuple(field(eol), fc.boolean()), { minLength: 1, maxLength: 5 }), {
        maxLength: 8,
      }),
      trailing: fc.boolean(),
      bom: fc.boolean(),
      blankAfter: fc.array(fc.nat(8), { maxLength: 3 }),
    })
    .map(({ rows, trailing, bom, blankAfter }) => {
      const lines = rows.map((row) =>
        row
          .map(([value, quoteAnyway]) =>
            quoteAnyway || /[",\r\n]/.test(value) || value === ''
              ? `"${value.replaceAll('"', '""')}"`
              : value,
          )
          .join(','),
      );
      for (const at of blankAfter) lines.splice(Math.min(at, lines.length), 0, '');
      return `${bom ? '\uFEFF' : ''}${lines.join(eol)}${trailing ? eol : ''}`;
    });
}

/** Anything made of the characters that matter, malformed or not, with one kind of line end. */
function anyText(eol: string) {
  return fc.string({ unit: fc.constantFrom('a', ',', '"', eol, ' '), maxLength: 40 });
}

const cuts = fc.array(fc.nat(), { maxLength: 6 });

describe('parseCsv', () => {
  it('reads a well-formed LF file as csv-parse does (records and lines), whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(wellFormed('\n'), cuts, async (text, at) => {
        const expected = reference(text);
        expect(expected).not.toHaveProperty('error');
        expect(await ours(chunked(text, at))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('reads a well-formed CRLF file as csv-parse does (records), whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(wellFormed('\r\n'), cuts, async (text, at) => {
        const expected = reference(text);
        expect(expected).not.toHaveProperty('error');
        expect(recordsOnly(await ours(chunked(text, at)))).toEqual(recordsOnly(expected));
      }),
      { numRuns: 400 },
    );
  });

  it('reads or refuses any text as csv-parse does, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(anyText('\n'), cuts, async (text, at) => {
        expect(await ours(chunked(text, at))).toEqual(reference(text));
      }),
      { numRuns: 1500 },
    );
    await fc.assert(
      fc.asyncProperty(anyText('\r\n'), cuts, async (text, at) => {
        expect(recordsOnly(await ours(chunked(text, at)))).toEqual(recordsOnly(reference(text)));
      }),
      { numRuns: 1500 },
    );
  });

  it('names the line a record ends on, counting newlines inside quotes once (LF or CRLF)', async () => {
    const expected = {
      records: [
        { record: ['id', 'note'], line: 1 },
        { record: ['1', 'two\nlines'], line: 3 },
        { record: ['2', 'x'], line: 5 },
      ],
    };
    expect(await ours(['id,note\n1,"two\nlines"\n\n2,x\n'])).toEqual(expected);
    const crlf = await ours(['id,note\r\n1,"two\r\nlines"\r\n\r\n2,x\r\n']);
    expect(crlf).toEqual({
      records: expected.records.map((r) => ({ ...r, record: r.record.map((f) => f.replace('\n', '\r\n')) })),
    });
  });
});
