import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GLOBAL_TABLES } from '../../src/platform/database/distribution.ts';

/**
 * Row locks name their customer (issue 16). Citus locks rows only in single-shard (router) statements, and a
 * customer table is sharded by `customer_id`: `select … from appeals where id = $1 for update` is refused
 * there ("could not run distributed query with FOR UPDATE/SHARE commands"), on PostgreSQL and PGlite it runs.
 * So every SQL text in src/ that locks rows (`for update`, `for no key update`, `for share`, `for key share`)
 * of a customer table must pin the customer: `customer_id = $n`, or `customer_id = any (…)` for a batch whose
 * customers the caller keeps on one shard group (`groupByShard`). A lock of global (reference) tables only is
 * fine. This scan reads the source, so a new unpinned lock fails here before it fails on a Citus cluster.
 */
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The string literals of a TypeScript source: single- and double-quoted strings and template literals
 * (a template's `${…}` parts are kept in its text, nested templates included, so a lock added by an
 * interpolation — `${forUpdate ? ' for update' : ''}` — stays with the statement it belongs to).
 */
export function stringLiterals(source: string): string[] {
  const found: string[] = [];
  let i = 0;
  const readTemplate = (start: number): number => {
    // start is just after the opening backtick; returns the index after the closing one.
    let j = start;
    while (j < source.length) {
      const char = source[j];
      if (char === '\\') j += 2;
      else if (char === '`') return j + 1;
      else if (char === '$' && source[j + 1] === '{') {
        let depth = 1;
        j += 2;
        while (j < source.length && depth > 0) {
          const inner = source[j];
          if (inner === '{') depth += 1;
          else if (inner === '}') depth -= 1;
          else if (inner === '`') {
            j = readTemplate(j + 1);
            continue;
          } else if (inner === "'" || inner === '"') {
            j = readQuoted(j);
            continue;
          }
          j += 1;
        }
      } else j += 1;
    }
    return j;
  };
  const readQuoted = (start: number): number => {
    const quote = source[start];
    let j = start + 1;
    while (j < source.length && source[j] !== quote && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
    return j + 1;
  };
  while (i < source.length) {
    const char = source[i];
    const next = source[i + 1];
    if (char === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (char === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (char === '`') {
      const end = readTemplate(i + 1);
      found.push(source.slice(i + 1, end - 1));
      i = end;
    } else if (char === "'" || char === '"') {
      const end = readQuoted(i);
      found.push(source.slice(i + 1, end - 1));
      i = end;
    } else i += 1;
  }
  return found;
}

const LOCK = /\bfor\s+(update|no\s+key\s+update|share|key\s+share)\b/i;
const TABLE = /\b(?:from|join|update)\s+([a-z_][a-z0-9_]*)\b/gi;
const PINNED = /\bcustomer_id\s*=\s*(\$\d+|any\s*\()/i;

/** The statements of `source` that lock rows of a customer table without naming the customer. */
export function unpinnedLocks(source: string): string[] {
  return stringLiterals(source).filter((text) => {
    if (!LOCK.test(text)) return false;
    const tables = [...text.matchAll(TABLE)].map((match) => (match[1] ?? '').toLowerCase());
    const customerTables = tables.filter(
      (table) => !(table in GLOBAL_TABLES) && table !== 'unnest' && table !== 'set',
    );
    return customerTables.length > 0 && !PINNED.test(text);
  });
}

describe('row locks name their customer (Citus locks rows only in single-shard statements)', () => {
  it('finds an unpinned lock, and accepts a pinned one and a lock of global tables', () => {
    expect(unpinnedLocks("q.query('select * from appeals where id = $1 for update', [id])")).toHaveLength(1);
    expect(
      unpinnedLocks(
        'q.query(`select ${COLUMNS} from data_corrections where id = $1${lock ? " for update" : ""}`)',
      ),
    ).toHaveLength(1);
    expect(
      unpinnedLocks(
        'q.query(`select 1 from customer_messages where status = $1 order by id limit 5 for update skip locked`)',
      ),
    ).toHaveLength(1);
    expect(
      unpinnedLocks(
        "q.query('select * from appeals where customer_id = $1 and id = $2 for update', [c, id])",
      ),
    ).toEqual([]);
    expect(
      unpinnedLocks(
        'q.query(`select 1 from credit_facilities where customer_id = any ($1::text[]) for update`)',
      ),
    ).toEqual([]);
    expect(unpinnedLocks("q.query('select * from change_requests where id = $1 for update', [id])")).toEqual(
      [],
    );
    expect(unpinnedLocks("logger.info('waiting for update')")).toEqual([]);
  });

  it('every lock in src/ on a customer table pins customer_id', () => {
    const offenders = sourceFiles(SRC).flatMap((file) =>
      unpinnedLocks(readFileSync(file, 'utf8')).map(
        (text) => `${relative(SRC, file)}: ${text.replace(/\s+/g, ' ').trim().slice(0, 160)}`,
      ),
    );
    expect(offenders).toEqual([]);
  });
});
