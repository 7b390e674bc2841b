import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/services.ts';
import { containsRawPii } from '../../src/platform/pii/mask.ts';
import { cliApp, runCli, type CliRun } from '../support/cli.ts';

/** The commands run in process on one application (test/support/cli.ts). */
const dir = mkdtempSync(join(tmpdir(), 'credence-customers-cli-'));
let app: App;

beforeAll(async () => {
  app = await cliApp();
});

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], stdin?: string): Promise<CliRun & { status: number }> {
  const ran = await runCli(args, { app, ...(stdin === undefined ? {} : { stdin }) });
  return { ...ran, status: ran.code };
}

describe('customers and kyc commands', () => {
  it('kyc validate --json prints one JSON line per value, masked, with exit 3 when one is invalid', async () => {
    const result = await run([
      'kyc',
      'validate',
      '--id-number',
      '110105491231002',
      '--card',
      '4111111111111112',
      '--json',
    ]);
    expect(result.status).toBe(3);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        kind: 'id',
        valid: true,
        reason: null,
        normalized: '110105********002X',
        birthDate: '1949-12-31',
        sex: 'female',
      },
      {
        kind: 'card',
        valid: false,
        reason: 'CARD_CHECKSUM_INVALID',
        normalized: null,
        birthDate: null,
        sex: null,
      },
    ]);
    const stdin = await run(
      ['kyc', 'validate', '--stdin', '--kind', 'phone', '--json'],
      '+86 139-1234-5678\n',
    );
    expect(stdin.status).toBe(0);
    expect(JSON.parse(stdin.stdout)).toMatchObject({ valid: true, normalized: '139****5678' });
  });

  it('demo-data stores a population; features writes the training table; import events reports bad lines and is idempotent', async () => {
    const stored = await run(['demo-data', '--customers', '40', '--months', '12', '--seed', '4', '--json']);
    expect(stored.status).toBe(0);
    expect(JSON.parse(stored.stdout).customers).toBe(40);

    const out = join(dir, 'F.csv');
    const features = await run([
      'features',
      '--as-of',
      '2026-08-01',
      '--label-window',
      '3m',
      '--out',
      out,
      '--json',
    ]);
    expect(features.status).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^customer_id,inquiries_7d,.*,bad$/);
    expect(lines.length - 1).toBe(JSON.parse(features.stdout).rows);

    const events = join(dir, 'events.ndjson');
    const written = await run([
      'demo-data',
      '--customers',
      '40',
      '--months',
      '12',
      '--seed',
      '4',
      '--out',
      events,
      '--json',
    ]);
    expect(written.status).toBe(0);
    // The training table names customers by id only: none of their identifiers appear in it.
    const table = readFileSync(out, 'utf8');
    const people = readFileSync(`${events}.customers.ndjson`, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { idNumber: string; phone: string });
    expect(people).toHaveLength(40);
    expect(people.every((p) => containsRawPii(`${p.idNumber} ${p.phone}`))).toBe(true);
    expect(people.filter((p) => table.includes(p.idNumber) || table.includes(p.phone))).toEqual([]);
    const good = readFileSync(events, 'utf8').trim().split('\n');
    const customerId = (JSON.parse(good[0] ?? '{}') as { customerId: string }).customerId;
    const extra = [
      '{"eventId":"new-1","customerId":"' +
        customerId +
        '","source":"app","type":"limit_view","occurredAt":"2026-10-01T10:00:00+08:00"}',
      'not json',
      '{"eventId":"new-2","customerId":"' +
        customerId +
        '","source":"app","type":"payment","occurredAt":"2026-10-01T10:00:00+08:00","amount":5,"merchantCategory":"x","channel":"online"}',
    ];
    writeFileSync(events, `${[...good.slice(0, 100), ...extra].join('\n')}\n`);
    const imported = await run(['import', 'events', '--file', events, '--json']);
    expect(imported.status).toBe(3);
    expect(JSON.parse(imported.stdout)).toEqual({
      accepted: 101,
      duplicates: 100,
      rejected: [
        { line: 102, field: '', reason: 'is not valid JSON' },
        {
          line: 103,
          field: 'amount',
          reason: 'amounts must be decimal strings such as "12.34", never JSON numbers',
        },
      ],
    });
  });
});
