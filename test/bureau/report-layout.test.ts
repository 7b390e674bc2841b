import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeReportFile,
  encodeReportFile,
  HISTORY_MONTHS,
  LAYOUT_VERSION,
  type ReportFile,
  type ReportRecord,
} from '../../src/bureau/index.ts';
import { historyCode } from '../../src/bureau/report-layout.ts';
import type { Money } from '../../src/platform/money/money.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';

/**
 * The monthly file layout CRM1 (docs/bureau.md): any month's records encode to a file that reads back to
 * the same records (round trip), and the reader finds every kind of fault a bureau would refuse.
 */
const fen = (n: bigint) => n as Money;
const day = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2026-11-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10) as LocalDate);

const record: fc.Arbitrary<ReportRecord> = fc
  .record({
    accountId: fc.stringMatching(/^(ln|cl)_[0-9A-HJKMNP-TV-Z]{26}$/),
    accountType: fc.constantFrom('LOAN' as const, 'LINE' as const),
    subjectId: fc.stringMatching(/^cus_[0-9A-HJKMNP-TV-Z]{26}$/),
    openedOn: day,
    amount: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    balance: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    overdue: fc.bigInt({ min: 0n, max: 10n ** 10n }),
    dpd: fc.integer({ min: 0, max: 400 }),
    state: fc.constantFrom('N', 'O', 'C', 'W'),
    before: fc.stringMatching(new RegExp(`^[N1-7CW/]{${HISTORY_MONTHS - 1}}$`)),
    closedOn: day,
  })
  .map((r) => {
    // The record is consistent the way the run makes them: an overdue amount or days past due mean O (or W).
    const status =
      r.state === 'N' && (r.overdue > 0n || r.dpd > 0)
        ? 'O'
        : r.state === 'O' && r.overdue === 0n && r.dpd === 0
          ? 'N'
          : r.state;
    const overdue = status === 'C' ? 0n : r.overdue;
    const dpd = status === 'C' ? 0 : r.dpd;
    const finalStatus = status === 'N' && (overdue > 0n || dpd > 0) ? 'O' : status;
    return {
      month: '2026-11',
      accountId: r.accountId,
      accountType: r.accountType,
      subjectId: r.subjectId,
      openedOn: r.openedOn,
      amount: fen(r.amount),
      balance: fen(r.balance),
      overdueAmount: fen(overdue),
      daysPastDue: dpd,
      status: finalStatus as ReportRecord['status'],
      history: r.before + historyCode(finalStatus as ReportRecord['status'], dpd),
      closedOn: finalStatus === 'C' ? r.closedOn : null,
    };
  });

const fileOf = (records: readonly ReportRecord[]): ReportFile => ({
  header: {
    layout: LAYOUT_VERSION,
    lenderCode: 'CREDENCE',
    month: '2026-11',
    createdAt: '2026-12-01T02:00:00.000Z',
    records: records.length,
  },
  records,
});

const sorted = (records: readonly ReportRecord[]) =>
  [...records].sort((a, b) => (a.accountId < b.accountId ? -1 : 1));

describe('monthly file layout CRM1', () => {
  it('property: encoding then reading back gives the same header and records', () => {
    fc.assert(
      fc.property(fc.uniqueArray(record, { selector: (r) => r.accountId, maxLength: 30 }), (records) => {
        const text = encodeReportFile(fileOf(records));
        const read = decodeReportFile(text);
        if (!read.ok) throw new Error(JSON.stringify(read.errors));
        expect(read.file.records).toEqual(sorted(records));
        expect(read.file.header).toEqual(fileOf(records).header);
      }),
      { numRuns: 200 },
    );
  });

  it('writes the documented lines, figures in whole fen', () => {
    const text = encodeReportFile(
      fileOf([
        {
          month: '2026-11',
          accountId: 'ln_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
          accountType: 'LOAN',
          subjectId: 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
          openedOn: '2026-01-15' as LocalDate,
          amount: fen(1_000_000n),
          balance: fen(858_812n),
          overdueAmount: fen(183_360n),
          daysPastDue: 44,
          status: 'O',
          history: `${'/'.repeat(21)}NN2`,
          closedOn: null,
        },
      ]),
    );
    expect(text).toBe(
      'H|CRM1|CREDENCE|2026-11|2026-12-01T02:00:00.000Z|1\n' +
        `D|2026-11|ln_01JD3ZK6Q8W4M2X9T7B5N1R0AE|LOAN|cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE|20260115|1000000|858812|183360|44|O|${'/'.repeat(21)}NN2|\n` +
        'T|1|858812|183360\n',
    );
  });

  it('finds the faults a bureau refuses: sums, counts, codes, order, line ends', () => {
    const good = encodeReportFile(
      fileOf([
        {
          month: '2026-11',
          accountId: 'ln_A',
          accountType: 'LOAN',
          subjectId: 'cus_A',
          openedOn: '2026-01-15' as LocalDate,
          amount: fen(100n),
          balance: fen(50n),
          overdueAmount: fen(0n),
          daysPastDue: 0,
          status: 'N',
          history: `${'/'.repeat(23)}N`,
          closedOn: null,
        },
        {
          month: '2026-11',
          accountId: 'ln_B',
          accountType: 'LOAN',
          subjectId: 'cus_B',
          openedOn: '2026-02-01' as LocalDate,
          amount: fen(100n),
          balance: fen(70n),
          overdueAmount: fen(20n),
          daysPastDue: 3,
          status: 'O',
          history: `${'/'.repeat(23)}1`,
          closedOn: null,
        },
      ]),
    );
    expect(decodeReportFile(good).ok).toBe(true);
    const faults = (text: string) => {
      const read = decodeReportFile(text);
      return read.ok ? [] : read.errors.map((e) => `${e.line}:${e.field}`);
    };
    expect(faults(good.replace('T|2|120|20', 'T|2|121|20'))).toEqual(['4:balances']);
    expect(faults(good.replace('|2\nD|', '|3\nD|'))).toEqual(['1:records']);
    expect(faults(good.replace('|O|', '|X|'))).toContain('3:status');
    expect(
      faults(good.replace('|3|O|', '|3|N|').replace(`${'/'.repeat(23)}1`, `${'/'.repeat(23)}N`)),
    ).toContain('3:status');
    expect(faults(good.replace('|70|', '|7.0|'))).toContain('3:balance');
    expect(faults(good.replaceAll('\n', '\r\n'))).toContain('1:file');
    const swapped = good.split('\n');
    expect(faults([swapped[0], swapped[2], swapped[1], swapped[3], ''].join('\n'))).toContain('3:accountId');
    expect(() =>
      encodeReportFile(
        fileOf([
          { ...(decodeReportFile(good) as { ok: true; file: ReportFile }).file.records[1]!, status: 'N' },
        ]),
      ),
    ).toThrow(/status/);
  });
});
