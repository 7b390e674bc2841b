import type { Bucket } from '../lending/index.ts';
import type { Money } from '../platform/money/money.ts';
import type { LocalDate } from '../platform/time/local-date.ts';

/**
 * A collection case: one run of delinquency of one account, from the day the day-end first finds it past
 * due to the day it is cured, paid off, settled, written off or closed. Pure types and the day step's rule;
 * storage in `collections.pg.ts`.
 */

/** The products collections works, spelt as the API spells them. */
export const COLLECTION_PRODUCTS = ['cash_loan', 'credit_line'] as const;
export type CollectionProduct = (typeof COLLECTION_PRODUCTS)[number];

/** The buckets a case can be in: every bucket but current (the lending context's `bucketOf`). */
export const CASE_BUCKETS = ['M1', 'M2', 'M3+'] as const;
export type CaseBucket = (typeof CASE_BUCKETS)[number];

export function isCaseBucket(bucket: Bucket): bucket is CaseBucket {
  return bucket !== 'M0';
}

/** M1 → 1, M2 → 2, M3+ → 3: the base of a case's priority and the order of the buckets. */
export function bucketRank(bucket: CaseBucket): number {
  return CASE_BUCKETS.indexOf(bucket) + 1;
}

export type CaseStatus = 'open' | 'closed';

/** Why a case closed. `settled`: paid off for less than owed (hardship settlement, when lending has it). */
export const CLOSE_REASONS = ['cured', 'paid-off', 'settled', 'written-off', 'closed'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * Where an account stands at the end of a business date, as its product's day-end left it:
 * `delinquent` (something past due), `current` (active, nothing past due), or ended.
 */
export type AccountStanding = 'delinquent' | 'current' | 'paid-off' | 'settled' | 'written-off' | 'closed';

/** One account's facts on a business date (computed by the lending context from the account's state). */
export interface AccountFacts {
  readonly customerId: string;
  readonly accountId: string;
  readonly product: CollectionProduct;
  readonly standing: AccountStanding;
  /** Days past due on the date: from the oldest due date with something unpaid (0 when none). */
  readonly daysPastDue: number;
  /** `bucketOf(daysPastDue, the contract's bounds)`. */
  readonly bucket: Bucket;
  /** The oldest due date missed (null when nothing is past due). */
  readonly oldestDueDate: LocalDate | null;
  /** Billed and unpaid on what fell due before the date (loans: penalty so far included). */
  readonly amountPastDue: Money;
  /** Payments received for the account with their value dates (the promises' windows), oldest first. */
  readonly payments: readonly { readonly effectiveDate: LocalDate; readonly amount: Money }[];
}

/** A staff member acting on a case (a collector's key or console user). */
export interface CollectorRef {
  readonly id: string;
  readonly name: string;
}

export interface CollectionCase {
  readonly customerId: string;
  readonly id: string;
  readonly accountId: string;
  readonly product: CollectionProduct;
  readonly openedOn: LocalDate;
  readonly status: CaseStatus;
  /** The bucket while open; the last one when closed. */
  readonly bucket: CaseBucket;
  readonly daysPastDue: number;
  readonly amountPastDue: Money;
  readonly oldestDueDate: LocalDate | null;
  readonly priority: number;
  readonly brokenPromises: number;
  /** The last business date the day-end looked at the case. */
  readonly observedThrough: LocalDate;
  readonly closedOn: LocalDate | null;
  readonly closeReason: CloseReason | null;
  readonly claimedBy: CollectorRef | null;
  readonly claimedAt: Date | null;
  readonly claimExpiresAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export const CASE_EVENT_KINDS = [
  'opened',
  'bucket-changed',
  'closed',
  'promise-made',
  'promise-kept',
  'promise-broken',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** One line of a case's history (append-only). */
export interface CaseEvent {
  readonly kind: CaseEventKind;
  /** The business date, or the promise's id: one event of a kind per occasion. */
  readonly occasion: string;
  readonly businessDate: LocalDate;
  readonly fromBucket: CaseBucket | null;
  readonly toBucket: CaseBucket | null;
  readonly daysPastDue: number;
  readonly amountPastDue: Money;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** How many broken promises raise a case's priority at most (one step each). */
export const MAX_PRIORITY_BUMPS = 3;

/**
 * A case's priority, 1 (lowest) to 6: its bucket's rank (M1 1, M2 2, M3+ 3) plus one for each promise
 * broken on it, up to three. The queue orders by priority, then amount past due, then days past due, then
 * the oldest case.
 */
export function priorityOf(bucket: CaseBucket, brokenPromises: number): number {
  return bucketRank(bucket) + Math.min(brokenPromises, MAX_PRIORITY_BUMPS);
}

/** What the day step does to an account's case on a date. */
export type CaseStep =
  | { readonly kind: 'none' }
  | { readonly kind: 'open'; readonly bucket: CaseBucket; readonly event: CaseEvent }
  | {
      readonly kind: 'update';
      readonly bucket: CaseBucket;
      /** A bucket change, when there is one. */
      readonly event: CaseEvent | null;
    }
  | { readonly kind: 'close'; readonly reason: CloseReason; readonly event: CaseEvent };

function reasonOf(standing: AccountStanding): CloseReason {
  switch (standing) {
    case 'current':
    case 'delinquent':
      return 'cured';
    case 'paid-off':
      return 'paid-off';
    case 'settled':
      return 'settled';
    case 'written-off':
      return 'written-off';
    case 'closed':
      return 'closed';
  }
}

/**
 * The day step's rule for one account on business date `date`, given its open case (if any) and its facts:
 * - no open case and the account delinquent → open one in the account's bucket;
 * - an open case and the account still delinquent → follow it: a bucket change is an event of the
 *   history; the figures (days, amount) are refreshed;
 * - an open case and the account no longer delinquent → close it, with why (cured when the account is
 *   current again; paid off, settled, written off or closed when it ended);
 * - otherwise nothing.
 * Pure: the same case and facts give the same step.
 */
export function stepCase(open: CollectionCase | undefined, facts: AccountFacts, date: LocalDate): CaseStep {
  const delinquent = facts.standing === 'delinquent' && isCaseBucket(facts.bucket);
  const figures = {
    businessDate: date,
    occasion: date,
    daysPastDue: facts.daysPastDue,
    amountPastDue: facts.amountPastDue,
    detail: {},
  };
  if (!open) {
    if (!delinquent || !isCaseBucket(facts.bucket)) return { kind: 'none' };
    return {
      kind: 'open',
      bucket: facts.bucket,
      event: {
        ...figures,
        kind: 'opened',
        fromBucket: null,
        toBucket: facts.bucket,
        detail: facts.oldestDueDate ? { oldestDueDate: facts.oldestDueDate } : {},
      },
    };
  }
  if (delinquent && isCaseBucket(facts.bucket)) {
    const moved = facts.bucket !== open.bucket;
    return {
      kind: 'update',
      bucket: facts.bucket,
      event: moved
        ? { ...figures, kind: 'bucket-changed', fromBucket: open.bucket, toBucket: facts.bucket }
        : null,
    };
  }
  const reason = reasonOf(facts.standing);
  return {
    kind: 'close',
    reason,
    event: { ...figures, kind: 'closed', fromBucket: open.bucket, toBucket: null, detail: { reason } },
  };
}
