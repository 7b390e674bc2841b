import type { Queryable } from '../../platform/database/database.ts';

/**
 * The demo's customers by their external ids (`demo-clean-approval`, …): the first customer created under
 * each. A read of the customers table for the demo sign-in only.
 */
export async function findDemoCustomerIds(
  db: Queryable,
  externalIds: readonly string[],
): Promise<Map<string, string>> {
  const result = await db.query<{ external_id: string; customer_id: string }>(
    `select distinct on (external_id) external_id, customer_id
       from customers where external_id = any($1)
      order by external_id, created_at, customer_id`,
    [[...externalIds]],
  );
  return new Map(result.rows.map((row) => [row.external_id, row.customer_id]));
}
