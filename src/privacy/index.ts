/**
 * The privacy context's public surface (issue 17: a person's data rights under PIPL). Other contexts import
 * from here only; nothing here opens a database.
 *
 * - Customers and appeals seal personal data through a `CustomerKeyring` (per-customer data keys), wired by
 *   the composition root (`createDataKeyring`, `data-keyring.ts`).
 * - `erasedCustomer(customerId, erasedAt)` is the one GONE (410) answer for an erased person.
 */
export {
  DATA_KEY_ID,
  erasedCustomer,
  type CustomerKeyring,
  type IssuedDataKey,
  type WrappedDataKey,
} from './data-key.ts';
export type { PrivacyDeps } from './privacy-ports.ts';
