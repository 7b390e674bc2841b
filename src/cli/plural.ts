/**
 * "1 row", "2 rows", "0 facilities": a count with its noun in the right number, for CLI text (English;
 * the customer-facing zh/en texts have their own formatters). `plural` defaults to the noun with an "s".
 */
export function counted(n: number | bigint, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 || n === 1n ? singular : plural}`;
}
