import type { ConsentNoticeReader, PiiVault, VerificationProvider } from '../identity/index.ts';
import type { CustomerKeyring } from '../privacy/index.ts';
import type { Database } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { SnapshotCache } from './snapshot-history.ts';

/**
 * What the customers context's use cases need, wired once by the composition root (through
 * `createCustomerService`). Each use case takes only the part it uses (`Pick<CustomersDeps, …>`), so it can be
 * called and tested on its own.
 */
export interface CustomersDeps {
  /** The database customers, cards, events and the blocklist are stored in (`customers.pg.ts`). */
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The lender's vault: blind indexes of identifiers (look-ups and duplicate checks without decrypting). */
  readonly vault: PiiVault;
  /** Each customer's own data key: seals and opens their identifiers (crypto-shredding on erasure). */
  readonly keyring: CustomerKeyring;
  /** The identity provider the four-element verification asks. */
  readonly verifier: VerificationProvider;
  /** Decoded event histories kept between snapshots (see `createSnapshotCache`). */
  readonly snapshotCache: SnapshotCache;
  /** The consent notices published (a grant must accept the version in force). */
  readonly notices: ConsentNoticeReader;
}
