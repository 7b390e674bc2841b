import { createHash } from 'node:crypto';
import { fen, type Money } from '../platform/money/money.ts';
import type { LocalDate } from '../platform/time/local-date.ts';

/**
 * The monthly file to the credit bureau, layout `CRM1` (version 1; specified in docs/bureau.md "Monthly
 * file"). UTF-8 without BOM, one record per line ending in LF, fields separated by `|` (no field may hold
 * `|`, CR or LF). Line 1 is the header, then one `D` record per account per month, in account-id order,
 * then one trailer:
 *
 *     H|CRM1|<lender code>|<YYYY-MM>|<created at, RFC 3339 UTC>|<record count>
 *     D|<YYYY-MM>|<account id>|<LOAN or LINE>|<subject id>|<opened YYYYMMDD>|<amount fen>|<balance fen>|
 *       <overdue fen>|<days past due>|<status N/O/C/W>|<24-month status history>|<closed YYYYMMDD or empty>
 *     T|<record count>|<sum of balances fen>|<sum of overdue fen>
 *
 * Amounts are whole fen in decimal digits (no sign, no separators). The status history has 24 characters,
 * oldest month first and this month last: `N` current, `1`–`7` months past due (1 = 1–30 days, …,
 * 7 = 181 days or more), `C` closed, `W` written off, `/` not open or not reported that month.
 */
export const LAYOUT_VERSION = 'CRM1';
export const HISTORY_MONTHS = 24;

export const ACCOUNT_TYPES = ['LOAN', 'LINE'] as const;
export type AccountTypeCode = (typeof ACCOUNT_TYPES)[number];
export const ACCOUNT_STATUSES = ['N', 'O', 'C', 'W'] as const;
/** `N` normal, `O` overdue, `C` closed, `W` written off. */
export type AccountStatusCode = (typeof ACCOUNT_STATUSES)[number];

/** One account in one month, as reported. */
export interface ReportRecord {
  readonly month: string;
  readonly accountId: string;
  readonly accountType: AccountTypeCode;
  /** The bureau's subject: the customer id (a production adapter maps it to name and ID number). */
  readonly subjectId: string;
  readonly openedOn: LocalDate;
  /** The loan's principal or the line's limit. */
  readonly amount: Money;
  readonly balance: Money;
  readonly overdueAmount: Money;
  readonly daysPastDue: number;
  readonly status: AccountStatusCode;
  readonly history: string;
  readonly closedOn: LocalDate | null;
}

export interface ReportHeader {
  readonly layout: string;
  readonly lenderCode: string;
  readonly month: string;
  readonly createdAt: string;
  readonly records: number;
}

export interface ReportFile {
  readonly header: ReportHeader;
  readonly records: readonly ReportRecord[];
}

/** A fault in a file, by line (1-based) and field. */
export interface LayoutError {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const LENDER = /^[A-Z0-9]{4,16}$/;
const FEN = /^(0|[1-9]\d{0,17})$/;
const COMPACT_DATE = /^\d{8}$/;
const HISTORY = new RegExp(`^[N1-7CW/]{${HISTORY_MONTHS}}$`);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

const compact = (date: LocalDate): string => date.replaceAll('-', '');
const expand = (text: string): LocalDate =>
  `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` as LocalDate;

/** The history character of a month's state: `N`, `1`–`7` by days past due, `C`, `W`. */
export function historyCode(status: AccountStatusCode, daysPastDue: number): string {
  if (status === 'C' || status === 'W') return status;
  if (daysPastDue <= 0) return 'N';
  return String(Math.min(7, Math.ceil(daysPastDue / 30)));
}

/** The checks every record must pass (the encoder refuses what the decoder would). */
export function recordErrors(record: ReportRecord, month: string): string[] {
  const errors: string[] = [];
  if (record.month !== month) errors.push(`month: ${record.month} is not the file's month ${month}`);
  if (!ID.test(record.accountId)) errors.push('accountId: 1–64 of A–Z a–z 0–9 _ . : -');
  if (!ID.test(record.subjectId)) errors.push('subjectId: 1–64 of A–Z a–z 0–9 _ . : -');
  for (const [field, value] of [
    ['amount', record.amount],
    ['balance', record.balance],
    ['overdueAmount', record.overdueAmount],
  ] as const)
    if (value < 0n) errors.push(`${field}: must not be negative`);
  if (record.overdueAmount > 0n && record.status === 'N')
    errors.push('status: an account with an overdue amount is not N');
  if (record.daysPastDue > 0 && record.status === 'N') errors.push('status: days past due with status N');
  if (!Number.isInteger(record.daysPastDue) || record.daysPastDue < 0) errors.push('daysPastDue: whole days');
  if (!HISTORY.test(record.history)) errors.push(`history: ${HISTORY_MONTHS} of N 1–7 C W /`);
  else if (record.history.slice(-1) !== historyCode(record.status, record.daysPastDue))
    errors.push('history: the last month must be this month’s state');
  if ((record.status === 'C') !== (record.closedOn !== null) && record.status !== 'W')
    errors.push('closedOn: given exactly when the account is closed');
  return errors;
}

/** Encodes a month's file; throws on a record the layout cannot carry (a bug upstream, never silent). */
export function encodeReportFile(file: ReportFile): string {
  const { header, records } = file;
  if (!MONTH.test(header.month)) throw new Error(`month ${header.month} is not YYYY-MM`);
  if (!LENDER.test(header.lenderCode))
    throw new Error(`lender code ${header.lenderCode} is not 4–16 of A–Z 0–9`);
  const sorted = [...records].sort((a, b) =>
    a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0,
  );
  const lines = [
    ['H', LAYOUT_VERSION, header.lenderCode, header.month, header.createdAt, String(sorted.length)].join('|'),
  ];
  let balances = 0n;
  let overdue = 0n;
  for (const record of sorted) {
    const errors = recordErrors(record, header.month);
    if (errors.length > 0) throw new Error(`account ${record.accountId}: ${errors.join('; ')}`);
    balances += record.balance;
    overdue += record.overdueAmount;
    lines.push(
      [
        'D',
        record.month,
        record.accountId,
        record.accountType,
        record.subjectId,
        compact(record.openedOn),
        record.amount.toString(),
        record.balance.toString(),
        record.overdueAmount.toString(),
        String(record.daysPastDue),
        record.status,
        record.history,
        record.closedOn === null ? '' : compact(record.closedOn),
      ].join('|'),
    );
  }
  lines.push(['T', String(sorted.length), balances.toString(), overdue.toString()].join('|'));
  return `${lines.join('\n')}\n`;
}

/** SHA-256 (hex) of a file's bytes. */
export function fileSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads a file back and checks it against the layout: every line, field, type, the record count, the
 * trailer's sums and the account order. Returns the file or every fault found (never throws on bad input).
 */
export function decodeReportFile(
  text: string,
): { ok: true; file: ReportFile } | { ok: false; errors: LayoutError[] } {
  const errors: LayoutError[] = [];
  const fail = (line: number, field: string, message: string) => errors.push({ line, field, message });
  if (text.startsWith('\uFEFF')) fail(1, 'file', 'must not start with a byte-order mark');
  if (text.includes('\r')) fail(1, 'file', 'lines end with LF only');
  if (!text.endsWith('\n')) fail(1, 'file', 'the last line ends with LF');
  const lines = text.replace(/\n$/, '').split('\n');
  const head = (lines[0] ?? '').split('|');
  if (head.length !== 6 || head[0] !== 'H') {
    fail(1, 'H', 'the first line is the header H|layout|lender|month|createdAt|count');
    return { ok: false, errors };
  }
  const [, layout = '', lenderCode = '', month = '', createdAt = '', countText = ''] = head;
  if (layout !== LAYOUT_VERSION) fail(1, 'layout', `must be ${LAYOUT_VERSION}`);
  if (!LENDER.test(lenderCode)) fail(1, 'lenderCode', '4–16 of A–Z 0–9');
  if (!MONTH.test(month)) fail(1, 'month', 'YYYY-MM');
  if (!INSTANT.test(createdAt)) fail(1, 'createdAt', 'an RFC 3339 instant in UTC');
  if (!/^\d+$/.test(countText)) fail(1, 'records', 'a count');
  const records: ReportRecord[] = [];
  let balances = 0n;
  let overdue = 0n;
  let previous = '';
  for (let index = 1; index < lines.length - 1; index += 1) {
    const lineNo = index + 1;
    const f = (lines[index] ?? '').split('|');
    if (f[0] !== 'D' || f.length !== 13) {
      fail(lineNo, 'D', 'a data record has 13 fields and starts with D');
      continue;
    }
    const [
      ,
      m = '',
      accountId = '',
      type = '',
      subjectId = '',
      opened = '',
      amount = '',
      balance = '',
      due = '',
      dpd = '',
      status = '',
      history = '',
      closed = '',
    ] = f;
    const bad = (field: string, ok: boolean, message: string) => {
      if (!ok) fail(lineNo, field, message);
      return !ok;
    };
    const faults = [
      bad('accountType', (ACCOUNT_TYPES as readonly string[]).includes(type), 'LOAN or LINE'),
      bad('openedOn', COMPACT_DATE.test(opened), 'YYYYMMDD'),
      bad('amount', FEN.test(amount), 'whole fen'),
      bad('balance', FEN.test(balance), 'whole fen'),
      bad('overdueAmount', FEN.test(due), 'whole fen'),
      bad('daysPastDue', /^\d{1,5}$/.test(dpd), 'whole days'),
      bad('status', (ACCOUNT_STATUSES as readonly string[]).includes(status), 'N, O, C or W'),
      bad('closedOn', closed === '' || COMPACT_DATE.test(closed), 'YYYYMMDD or empty'),
    ].some(Boolean);
    if (faults) continue;
    if (accountId <= previous)
      fail(lineNo, 'accountId', 'records are in ascending account-id order, once each');
    previous = accountId;
    const record: ReportRecord = {
      month: m,
      accountId,
      accountType: type as AccountTypeCode,
      subjectId,
      openedOn: expand(opened),
      amount: fen(BigInt(amount), 'amount'),
      balance: fen(BigInt(balance), 'balance'),
      overdueAmount: fen(BigInt(due), 'overdueAmount'),
      daysPastDue: Number(dpd),
      status: status as AccountStatusCode,
      history,
      closedOn: closed === '' ? null : expand(closed),
    };
    for (const message of recordErrors(record, month)) fail(lineNo, message.split(':')[0] ?? 'D', message);
    balances += record.balance;
    overdue += record.overdueAmount;
    records.push(record);
  }
  const trailerNo = lines.length;
  const trailer = (lines[lines.length - 1] ?? '').split('|');
  if (lines.length < 2 || trailer[0] !== 'T' || trailer.length !== 4)
    fail(trailerNo, 'T', 'the last line is the trailer T|count|balances|overdue');
  else {
    if (trailer[1] !== String(lines.length - 2))
      fail(trailerNo, 'records', 'the trailer counts the data records');
    if (trailer[2] !== balances.toString()) fail(trailerNo, 'balances', 'the sum of the balances');
    if (trailer[3] !== overdue.toString()) fail(trailerNo, 'overdue', 'the sum of the overdue amounts');
  }
  if (countText !== String(lines.length - 2)) fail(1, 'records', 'the header counts the data records');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    file: { header: { layout, lenderCode, month, createdAt, records: Number(countText) }, records },
  };
}
