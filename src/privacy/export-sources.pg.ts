import { quoteIdent, type Queryable } from '../platform/database/database.ts';
import type { ExportSources } from './export-ports.ts';
import type { TableSection } from './export-sections.ts';

/**
 * A customer's rows of each section, read a page at a time by keyset (`(keys) > (last page's keys)`, in key
 * order, `limit pageSize`), so memory holds one page whatever the length of the history, and every read is
 * an index range scan under `customer_id` (every key of a customer table starts with it). Read-only.
 */
export function createPgExportSources(db: Queryable, pageSize: number): ExportSources {
  return {
    async read(section: TableSection, customerId, onPage) {
      const keys = section.keys.map(quoteIdent);
      const tuple = `(${keys.join(', ')})`;
      const after = `(${section.keys.map((_, index) => `$${index + 3}`).join(', ')})`;
      const filter = section.where ? ` and (${section.where})` : '';
      const table = quoteIdent(section.table);
      let last: unknown[] | null = null;
      let total = 0;
      for (;;) {
        const params: unknown[] = [customerId, pageSize, ...(last ?? [])];
        const result: { rows: Array<Record<string, unknown>> } = await db.query<Record<string, unknown>>(
          `select * from ${table} where customer_id = $1${filter}${last ? ` and ${tuple} > ${after}` : ''}
            order by ${keys.join(', ')} limit $2`,
          params,
        );
        if (result.rows.length === 0) return total;
        total += result.rows.length;
        await onPage(result.rows);
        if (result.rows.length < pageSize) return total;
        const tail = result.rows[result.rows.length - 1] as Record<string, unknown>;
        last = section.keys.map((key) => tail[key]);
      }
    },
  };
}
