/**
 * The lending context's public surface, kept small: what other contexts need of it. Only types and pure
 * functions: nothing reachable from here opens a database.
 *
 * - `BUCKETS`, `bucketOf`, `Bucket`: the delinquency buckets (M0 current, M1, M2, M3+ by days past due and a
 *   product's bounds) — the one definition the day-end, monitoring's roll rates and collections share.
 */
export { BUCKETS, bucketOf, type Bucket } from './loans/servicing.ts';
