import { fen, toDecimalString } from '../platform/money/money.ts';
import { camelCase, type TableSection } from './export-sections.ts';

/** One exported record: plain JSON, camelCase, money as the API gives it. */
export type ExportRecord = Readonly<Record<string, unknown>>;

/**
 * A stored row as the copy gives it. `customer_id` is dropped (the document names the person once), the
 * section's omitted columns and any bytes are dropped, money columns (`bigint` fen) become yuan strings with
 * a `…Fen` twin (`limitAmount: "8000.00"`, `limitAmountFen: "800000"`, as `test/decisions/api-money-units`
 * pins for the API), other integers stay numbers (or strings beyond 2^53), instants become ISO strings.
 */
export function exportRow(section: TableSection, row: Readonly<Record<string, unknown>>): ExportRecord {
  const out: Record<string, unknown> = {};
  const money = new Set(section.money ?? []);
  for (const [column, value] of Object.entries(row)) {
    if (column === 'customer_id' || (section.omit && column in section.omit)) continue;
    if (value instanceof Uint8Array) continue;
    const name = camelCase(column);
    if (money.has(column)) {
      if (value === null || value === undefined) {
        out[name] = null;
        out[`${name}Fen`] = null;
      } else {
        const amount = typeof value === 'bigint' ? value : BigInt(String(value));
        out[name] = toDecimalString(fen(amount, column));
        out[`${name}Fen`] = amount.toString();
      }
      continue;
    }
    out[name] = plain(value);
  }
  return out;
}

function plain(value: unknown): unknown {
  if (typeof value === 'bigint')
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = plain(inner);
    return out;
  }
  return value;
}
