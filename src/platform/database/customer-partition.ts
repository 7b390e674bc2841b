import { AppError } from '../errors/app-error.ts';
import type { Queryable } from './database.ts';

/**
 * One partition of the customers, by a hash of the customer id computed **by the database**, so a query of
 * a day-end partition reads only its own customers' rows (issue 16): partition `part` of `partitions` holds
 * every customer whose
 *
 *     hashtext(customer_id) as an unsigned 32-bit number  mod  partitions  =  part
 *
 * `hashtext` is PostgreSQL's own string hash (the one its hash indexes use), the same function on PGlite
 * (PostgreSQL compiled to WebAssembly, little-endian as x86 and ARM servers are) and on every Citus node (a
 * filter on an immutable function of the row: it runs on each shard and does not change how a query is
 * routed). The signed `int4` it returns is read as unsigned (`::bigint & 4294967295`) so the modulo is never
 * negative. Every customer is in exactly one partition of N; the union of the N is every customer.
 *
 * Code that needs a customer's partition outside a query (tests, planning) asks the database the same
 * expression ({@link customerPartitionsOf}); there is no second implementation to drift from it.
 */
export interface CustomerPartition {
  /** How many partitions the customers are split into (1–1024). */
  readonly partitions: number;
  /** Which one this is (0 … partitions − 1). */
  readonly part: number;
}

/** The SQL of a customer's partition number for `partitions` given as the parameter `$n`. */
export function customerPartitionExpression(column: string, partitionsParam: string): string {
  return `mod(hashtext(${column})::bigint & 4294967295, ${partitionsParam}::bigint)`;
}

function checked(partition: CustomerPartition): CustomerPartition {
  const { partitions, part } = partition;
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 1024)
    throw AppError.invalid('partitions', 'range', 'partitions must be 1–1024');
  if (!Number.isInteger(part) || part < 0 || part >= partitions)
    throw AppError.invalid('part', 'range', `part must be 0–${partitions - 1}`);
  return partition;
}

/**
 * The condition "`column` is a customer of `partition`" for a statement's WHERE, its values appended to
 * `params` (numbered after those already there): `and mod(hashtext(customer_id)…, $4) = $5`. Without a
 * partition (or with one partition) the empty string: every customer.
 */
export function inCustomerPartition(
  partition: CustomerPartition | undefined,
  column: string,
  params: unknown[],
): string {
  if (!partition || checked(partition).partitions === 1) return '';
  params.push(partition.partitions, partition.part);
  const partitions = `$${params.length - 1}`;
  const part = `$${params.length}`;
  return ` and ${customerPartitionExpression(column, partitions)} = ${part}::bigint`;
}

/** Each customer's partition of `partitions`, as the database computes it (the same SQL the steps filter by). */
export async function customerPartitionsOf(
  q: Queryable,
  customerIds: readonly string[],
  partitions: number,
): Promise<Map<string, number>> {
  checked({ partitions, part: 0 });
  const { rows } = await q.query<{ customer_id: string; part: bigint | number | string }>(
    `select c as customer_id, ${customerPartitionExpression('c', '$2')} as part from unnest($1::text[]) as c`,
    [[...customerIds], partitions],
  );
  return new Map(rows.map((row) => [row.customer_id, Number(row.part)]));
}
