/**
 * Money, rates and dates as the customer reads them: one helper per locale, the same formats the server's
 * reason texts use (src/platform/i18n/localized.ts), so a page never shows ¥2,000.00 beside 12,000 元.
 * Money arrives as strings (decimal yuan, or integer fen where the field name ends in `Fen`) and is
 * handled as bigint fen here too — never a float.
 */
export type Locale = 'zh-CN' | 'en';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1234.56" (yuan) → 123456n fen. Throws on anything that is not a decimal amount. */
export function yuanToFen(yuan: string): bigint {
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!match) throw new Error(`not an amount: ${yuan}`);
  const fen = BigInt(match[2] ?? '0') * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

/** 123456n fen → "1234.56", the API's yuan string. */
export function fenToYuan(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  return `${negative ? '-' : ''}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fen as the customer reads it: ¥12,000.00 (zh-CN) or CNY 12,000.00 (en). */
export function formatFen(fen: bigint, locale: Locale): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const body = `${group((abs / 100n).toString())}.${(abs % 100n).toString().padStart(2, '0')}`;
  const sign = negative ? '-' : '';
  return locale === 'zh-CN' ? `${sign}¥${body}` : `${sign}CNY ${body}`;
}

/** A yuan string ("1234.56") formatted; a `…Fen` field goes through `formatFen(BigInt(x))`. */
export function formatYuan(yuan: string, locale: Locale): string {
  return formatFen(yuanToFen(yuan), locale);
}

/**
 * A decimal rate string ("0.0730") as a percentage with `places` decimals ("7.30%"), rounded half up in
 * exact decimal arithmetic.
 */
export function formatRate(rate: string, places = 2): string {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(rate.trim());
  if (!match) throw new Error(`not a rate: ${rate}`);
  const decimals = match[3] ?? '';
  const scaled = BigInt(`${match[2] ?? '0'}${decimals}`) * 100n; // rate × 100, scaled by 10^decimals
  const scale = 10n ** BigInt(decimals.length);
  const target = 10n ** BigInt(places);
  const numerator = scaled * target;
  const rounded = (numerator + scale / 2n) / scale;
  const whole = (rounded / target).toString();
  const fraction = places > 0 ? `.${(rounded % target).toString().padStart(places, '0')}` : '';
  return `${match[1] ? '-' : ''}${whole}${fraction}%`;
}

/** A business date ("2026-12-06") or an instant (ISO-8601, read in Asia/Shanghai) in the reader's locale. */
export function formatDate(value: string, locale: Locale): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : shanghaiDate(value);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return locale === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** An instant's date and time in Asia/Shanghai ("2026年12月6日 14:05" / "6 Dec 2026, 14:05"). */
export function formatDateTime(instant: string, locale: Locale): string {
  const shifted = new Date(Date.parse(instant) + 8 * 3_600_000);
  const time = `${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
  const day = formatDate(instant, locale);
  return locale === 'zh-CN' ? `${day} ${time}` : `${day}, ${time}`;
}

function shanghaiDate(instant: string): string {
  // China has no daylight saving: Asia/Shanghai is UTC+8 all year.
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both business dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The helpers bound to one locale, for a screen. */
export function formatterFor(locale: Locale) {
  return {
    locale,
    fen: (fen: string | bigint) => formatFen(typeof fen === 'bigint' ? fen : BigInt(fen), locale),
    yuan: (yuan: string) => formatYuan(yuan, locale),
    rate: (rate: string, places = 2) => formatRate(rate, places),
    date: (value: string) => formatDate(value, locale),
    dateTime: (instant: string) => formatDateTime(instant, locale),
  };
}

export type Formatter = ReturnType<typeof formatterFor>;
