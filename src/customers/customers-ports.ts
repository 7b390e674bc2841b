import type {
  ConsentNoticeReader,
  PiiVault,
  PurposeConsentChange,
  VerificationProvider,
} from '../identity/index.ts';
import type { CustomerKeyring } from '../privacy/index.ts';
import type { AlongsideRead, Database, Queryable } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { PurposeConsentState } from './consent-states.ts';
import type {
  BlocklistEntry,
  CardView,
  ConsentInput,
  ConsentOutcome,
  CustomerSnapshot,
  CustomerView,
  IdentityRecord,
  IngestReport,
  NewCustomer,
  TrainingRowSink,
  VerificationRecord,
} from './customer.ts';
import type { LabelWindow } from './features/feature-table.ts';
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

export interface CustomerServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly vault: PiiVault;
  readonly keyring: CustomerKeyring;
  readonly verifier: VerificationProvider;
  /**
   * Customers whose decoded event history the snapshot keeps in memory (default 10,000; 0 keeps none). An
   * entry is used only while the customer's events version in the database is the one it was read at.
   */
  readonly snapshotCacheSize?: number;
  /** Published consent notices (default: none published — only legacy credit-assessment consents). */
  readonly notices?: ConsentNoticeReader;
}

/**
 * The customers context's use cases bound to one set of dependencies: customers with verified identity,
 * consent, the event store, the point-in-time snapshot decisions are made on, and training tables built by
 * the same feature pass. Each method is a use case of its own file (`create-customer.ts`, …), callable
 * directly with `CustomersDeps`.
 */
export interface CustomerService {
  /** Creates a customer (or returns the existing one for a replay of the same external id and ID number) and verifies it. */
  createCustomer(
    input: NewCustomer,
  ): Promise<{ customer: CustomerView; verification: VerificationRecord; created: boolean }>;
  getCustomer(customerId: string): Promise<CustomerView>;
  /**
   * The identity with every card ever bound, decrypted (`clear`: only for the person's own copy of their
   * data, or an admin's) or masked as everywhere else; NOT_FOUND for an unknown id.
   */
  revealIdentity(customerId: string, mode: 'clear' | 'masked'): Promise<IdentityRecord>;
  /** Binds a bank card (validated: 16–19 digits, Luhn). Run `verify` to take it into account. */
  addCard(customerId: string, cardNumber: string): Promise<CardView>;
  /** Runs the four-element verification through the provider and records the result. */
  verify(customerId: string): Promise<VerificationRecord>;
  /** Grants or withdraws consent to a purpose (and data source), now; idempotent. */
  recordConsent(input: ConsentInput): Promise<ConsentOutcome>;
  /** A customer's consent history and what is in force now. */
  listConsents(
    customerId: string,
  ): Promise<{ history: PurposeConsentChange[]; inForce: PurposeConsentState[] }>;
  /**
   * Validates and appends a batch of raw events in one transaction; good rows are kept, bad ones reported.
   * Rows are numbered by their index, or by `positions[i]` (line numbers of a file) when given.
   */
  ingestEvents(
    rows: readonly unknown[],
    options?: { positions?: readonly number[]; within?: Queryable },
  ): Promise<IngestReport>;
  /**
   * Everything decisions need, as of an instant (default: now): verification, age, profile, features,
   * holds, consents. Only events at or before `asOf` are read.
   */
  getSnapshot(customerId: string, asOf?: Date): Promise<CustomerSnapshot>;
  /**
   * The snapshot and another context's read of the same customer carried by the snapshot's first
   * statement (one round trip for both; see `getSnapshotWith`).
   */
  getSnapshotWith<T>(
    customerId: string,
    asOf: Date,
    alongside: AlongsideRead<T>,
  ): Promise<{ readonly snapshot: CustomerSnapshot; readonly alongside: T }>;
  /**
   * Computes the training table from the database: for every customer opened by `asOf`, the feature vector
   * as of `asOf` and the label over `window`; rows go to `sink` in customer id order.
   */
  trainingRows(
    asOf: Date,
    window: LabelWindow,
    sink: TrainingRowSink,
    options?: { pageSize?: number; onProgress?: (done: number, total: number) => void },
  ): Promise<number>;
  /** Moves every PII value still under a lender key to its customer's data key; returns how many rows were rewritten. */
  reencryptPii(options?: { batchSize?: number; onProgress?: (done: number) => void }): Promise<number>;
  /**
   * Lists an identifier (validated as an ID number, phone or card number) on the blocklist with a reason.
   * `created` is false when it was listed already (the entry in force is returned unchanged).
   */
  addToBlocklist(input: {
    readonly kind: string;
    readonly value: string;
    readonly reason: string;
    readonly by: string;
  }): Promise<{ entry: BlocklistEntry; created: boolean }>;
  /** Removes an entry in force, with a reason; NOT_FOUND for an unknown id, CONFLICT when already removed. */
  removeFromBlocklist(
    id: string,
    removal: { readonly reason: string; readonly by: string },
  ): Promise<BlocklistEntry>;
  /** Entries, newest first (those in force, or every one with `all`). */
  listBlocklist(options?: { readonly all?: boolean; readonly limit?: number }): Promise<BlocklistEntry[]>;
}
