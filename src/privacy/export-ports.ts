import type { AuditActor, AuditLog } from '../platform/audit/audit-log.ts';
import type { Queryable } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { ExportRecord } from './export-rows.ts';
import type { TableSection } from './export-sections.ts';
import type { PrivacySettings } from './privacy-settings.ts';

/**
 * The copy of one's data (PIPL Art. 45): its types and the ports it needs. Pure; the adapters are
 * `export-store.pg.ts` (the job table and the request record), `export-sources.pg.ts` (the customer's
 * rows, a page at a time), `export-archive.node.ts` (gzip and SHA-256) and, wired by the root, the
 * customers context (identity, point-in-time features) and the PII vault (sealing the files at rest).
 */

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** Where a request came from: the customer's app, or staff acting for the customer (with a reason). */
export type RequestChannel = 'app' | 'staff';

/** How the identity is shown in a copy: in clear (the person's own copy, an admin's) or masked. */
export type IdentityMode = 'clear' | 'masked';

export interface ExportJob {
  readonly id: string;
  readonly customerId: string;
  /** The `data_subject_requests` row (kind `copy`). */
  readonly requestId: string;
  readonly status: ExportStatus;
  readonly asOf: LocalDate;
  readonly identity: IdentityMode;
  readonly channel: RequestChannel;
  readonly requestedBy: AuditActor;
  readonly reason: string | null;
  /** Steps done of `total` (identity, features, one per table section, writing the files). */
  readonly done: number;
  readonly total: number;
  /** Runs started (a restart resumes an unfinished job; after `maxAttempts` it fails). */
  readonly attempts: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly finishedAt: Date | null;
  readonly expiresAt: Date | null;
  readonly purgedAt: Date | null;
  /** SHA-256 (hex) of the JSON document as downloaded; its size in bytes. */
  readonly documentSha256: string | null;
  readonly documentBytes: number | null;
  /** Records per section, once done. */
  readonly counts: Readonly<Record<string, number>> | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** Bytes sealed under a key of the PII vault (the format of `PiiVault.encryptBytes`). */
export interface SealedBytes {
  readonly keyId: string;
  readonly ciphertext: Uint8Array;
}

/** The finished files, sealed, as the store keeps them. */
export interface ExportFiles {
  readonly document: SealedBytes;
  readonly summary: SealedBytes;
  readonly documentSha256: string;
  readonly documentBytes: number;
  readonly counts: Readonly<Record<string, number>>;
}

/** The `data_exports` and `data_subject_requests` tables (`export-store.pg.ts`). */
export interface ExportStore {
  /** Records the request (kind `copy`, status open) and queues the job, in the caller's transaction. */
  insert(q: Queryable, job: ExportJob): Promise<void>;
  /** An unfinished copy of this customer for the same requester, identity mode and date, if any. */
  findOpen(
    q: Queryable,
    customerId: string,
    requester: AuditActor,
    asOf: LocalDate,
    identity: IdentityMode,
  ): Promise<ExportJob | undefined>;
  find(q: Queryable, customerId: string, id: string): Promise<ExportJob | undefined>;
  /** By id alone (the CLI and the staff routes name a copy by its id). */
  findById(q: Queryable, id: string): Promise<ExportJob | undefined>;
  /** This customer's copies, newest first. */
  list(q: Queryable, customerId: string, limit: number): Promise<ExportJob[]>;
  /**
   * Marks the job running and counts the attempt, when it is queued, or running but silent since
   * `staleBefore` (its process stopped); false otherwise (finished, or another process is on it).
   */
  begin(q: Queryable, customerId: string, id: string, at: Date, staleBefore: Date): Promise<boolean>;
  progress(q: Queryable, customerId: string, id: string, done: number, at: Date): Promise<void>;
  /** Stores the files, marks the job done and closes the request, in the caller's transaction. */
  finish(
    q: Queryable,
    customerId: string,
    id: string,
    files: ExportFiles,
    at: Date,
    expiresAt: Date,
  ): Promise<void>;
  fail(q: Queryable, customerId: string, id: string, error: ExportJob['error'], at: Date): Promise<void>;
  /** Jobs still queued or running (a restart resumes them). */
  unfinished(q: Queryable): Promise<ExportJob[]>;
  /** The sealed files of a done, unpurged copy. */
  files(
    q: Queryable,
    customerId: string,
    id: string,
  ): Promise<{ document: SealedBytes; summary: SealedBytes } | undefined>;
  /** Drops the files of copies expired at `now` (the rows stay); returns the copies purged. */
  purgeExpired(q: Queryable, now: Date, limit: number): Promise<Array<{ customerId: string; id: string }>>;
}

/** The customer's rows of one section, a page at a time, in key order (`export-sources.pg.ts`). */
export interface ExportSources {
  /** Calls `onPage` with each page of raw rows; resolves with the number of rows read. */
  read(
    section: TableSection,
    customerId: string,
    onPage: (rows: ReadonlyArray<Readonly<Record<string, unknown>>>) => Promise<void> | void,
  ): Promise<number>;
}

/** The person's identity as the copy gives it (customers context; decrypted or masked). */
export interface ExportIdentity {
  readonly customerId: string;
  readonly externalId: string;
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly birthDate: string;
  readonly sex: string;
  readonly regionCode: string;
  readonly createdAt: string;
  readonly cards: ReadonlyArray<{
    readonly cardId: string;
    readonly cardNumber: string;
    readonly issuer: string | null;
    readonly addedAt: string;
    readonly removedAt: string | null;
  }>;
}

/** Features and profile as of an instant (the customers context's point-in-time snapshot), plain JSON. */
export type ExportFeatures = ExportRecord;

/** A gzip writer that also hashes what it is given (`export-archive.node.ts`). */
export interface ArchiveWriter {
  write(text: string): Promise<void>;
  /** The gzip bytes, and the SHA-256 (hex) and size of what was written before compression. */
  finish(): Promise<{ gzip: Uint8Array; sha256: string; bytes: number }>;
}

export interface ExportDeps {
  readonly db: {
    transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  } & Queryable;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly audit: AuditLog;
  readonly store: ExportStore;
  readonly sources: ExportSources;
  readonly settings: PrivacySettings;
  /** The identity, decrypted (`clear`) or masked; NOT_FOUND for an unknown customer. */
  identity(customerId: string, mode: IdentityMode): Promise<ExportIdentity>;
  /** Features, profile, holds and consents in force at `asOf`. */
  features(customerId: string, asOf: Date): Promise<ExportFeatures>;
  archive(): ArchiveWriter;
  gunzip(bytes: Uint8Array): Promise<Uint8Array>;
  seal(bytes: Uint8Array, owner: string): SealedBytes;
  open(sealed: SealedBytes, owner: string): Uint8Array;
}
