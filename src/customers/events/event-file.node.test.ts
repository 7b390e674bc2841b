import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.ts';
import { readEventFile, type EventFileFormat } from './event-file.node.ts';

const dir = mkdtempSync(join(tmpdir(), 'credence-event-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(name: string, content: string, format: EventFileFormat) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const rows: unknown[] = [];
  const lines: number[] = [];
  const malformed: unknown[] = [];
  for await (const batch of readEventFile(path, format, 100)) {
    rows.push(...batch.rows);
    lines.push(...batch.lines);
    malformed.push(...batch.malformed);
  }
  return { rows, lines, malformed };
}

describe('event files', () => {
  it('reads an NDJSON file that starts with a UTF-8 byte order mark and has CRLF line ends', async () => {
    const file = await read(
      'bom.ndjson',
      '\uFEFF{"eventId":"e1","type":"login"}\r\n\r\n{"eventId":"e2","type":"login"}\r\n',
      'ndjson',
    );
    expect(file).toEqual({
      rows: [
        { eventId: 'e1', type: 'login' },
        { eventId: 'e2', type: 'login' },
      ],
      lines: [1, 3],
      malformed: [],
    });
    // A byte order mark anywhere else is not skipped: that line is not JSON.
    const later = await read('bom-later.ndjson', '{"eventId":"e1"}\n\uFEFF{"eventId":"e2"}\n', 'ndjson');
    expect(later.malformed).toEqual([{ index: 2, field: '', reason: 'is not valid JSON' }]);
  });

  it('refuses a CSV header that names a field twice, before any row is read', async () => {
    let refused: unknown;
    try {
      await read('twice.csv', 'eventId,customerId,type, eventId\ne1,cus_x,login,e9\n', 'csv');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).issues).toEqual([
      { field: 'eventId', rule: 'unique-column', message: 'column "eventId" appears twice in the header' },
    ]);
  });

  it('reads a CSV file with a byte order mark, quoted commas and a trailing unnamed column', async () => {
    const file = await read(
      'ok.csv',
      '\uFEFFeventId,customerId,type,residenceCity,\r\ne1,cus_x,profile,"Shanghai, Pudong",\r\n',
      'csv',
    );
    expect(file.rows).toEqual([
      { eventId: 'e1', customerId: 'cus_x', type: 'profile', residenceCity: 'Shanghai, Pudong', '': '' },
    ]);
    expect(file.lines).toEqual([2]);
  });
});
