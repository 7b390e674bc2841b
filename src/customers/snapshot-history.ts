import {
  consentsAt,
  purposeOfPayload,
  type ConsentChange,
  type PurposeConsentChange,
} from '../identity/index.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { CustomerSnapshot, SnapshotSubject, StoredEventRow } from './customer.ts';
import {
  INTERNAL_SOURCE,
  parseEvent,
  type ConsentEvent,
  type VerificationEvent,
} from './events/customer-event.ts';
import { createFeatureComputer, createFeatureVector, planAsOf, toFeatureRecord } from './features/compute.ts';
import { FEATURES } from './features/definitions.ts';
import { createEventColumns, pushStored, type EventColumns } from './features/event-columns.ts';
import { decayExpiries } from './features/recourse.ts';

/**
 * A customer's event history as the snapshot needs it, decoded once: every stored event in columns (in
 * time order, whatever their instants), verifications and consent changes parsed, and the events version
 * it was read at. Features are a pure function of it and the as-of instant, so a snapshot at any instant
 * is computed from it exactly as from the rows themselves.
 */
export interface DecodedHistory {
  readonly subject: SnapshotSubject;
  readonly eventsVersion: bigint;
  readonly columns: EventColumns;
  readonly verifications: readonly VerificationEvent[];
  /** Credit-assessment consents per source (what features are gated by). */
  readonly consents: readonly ConsentChange[];
  /** Every consent with its purpose, notice and event (for decisions' evidence and purpose checks). */
  readonly purposeConsents: readonly PurposeConsentChange[];
}

/** Decodes stored rows into columns, remembering where each customer's events start and end. */
export function columnsOf(
  rows: readonly StoredEventRow[],
  columns: EventColumns,
): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  for (const row of rows) {
    const range = ranges.get(row.customerId);
    if (range) range[1] = columns.length + 1;
    else ranges.set(row.customerId, [columns.length, columns.length + 1]);
    pushStored(columns, row.type, row.occurredAtMs, row.payload);
  }
  return ranges;
}

/** Decodes a customer's stored rows for the snapshot (see `DecodedHistory`). */
export function decodeHistory(
  subject: SnapshotSubject,
  eventsVersion: bigint,
  rows: readonly StoredEventRow[],
): DecodedHistory {
  const columns = createEventColumns(rows.length + 1);
  columnsOf(rows, columns);
  const verifications: VerificationEvent[] = [];
  const consents: ConsentChange[] = [];
  const purposeConsents: PurposeConsentChange[] = [];
  for (const row of rows) {
    if (row.type !== 'verification' && row.type !== 'consent') continue;
    const at = new Date(row.occurredAtMs);
    const parsed = parseEvent(
      {
        ...row.payload,
        eventId: 'stored',
        customerId: subject.customerId,
        source: INTERNAL_SOURCE,
        type: row.type,
        occurredAt: at,
      },
      { now: at, trusted: true },
    );
    if (!parsed.ok)
      throw new AppError(
        'INTERNAL',
        `a stored ${row.type} event no longer parses: ${parsed.rejection.reason}`,
      );
    const event = parsed.event;
    if (event.type === 'verification') verifications.push(event);
    else if (event.type === 'consent') {
      const consent = event as ConsentEvent;
      const { purpose, dataSource } = purposeOfPayload(row.payload);
      const eventRef = row.eventRef ?? `${INTERNAL_SOURCE}/unknown`;
      const noticeVersion = consent.granted ? (consent.noticeVersion ?? null) : null;
      purposeConsents.push({
        eventRef,
        purpose,
        dataSource,
        granted: consent.granted,
        at,
        noticeVersion,
        noticeHash: noticeVersion === null ? null : (consent.noticeHash ?? null),
      });
      if (purpose === 'credit_assessment' && dataSource !== null)
        consents.push({ dataSource, granted: consent.granted, at, eventRef, noticeVersion });
    }
  }
  return { subject, eventsVersion, columns, verifications, consents, purposeConsents };
}

/** The snapshot at `asOf` from a decoded history: only events at or before `asOf` count. */
export function snapshotAt(history: DecodedHistory, asOf: Date, blocklisted: boolean): CustomerSnapshot {
  const { columns, subject } = history;
  const asOfMs = asOf.getTime();
  const plan = planAsOf(asOf);
  const vector = createFeatureVector();
  createFeatureComputer().compute(
    columns,
    0,
    columns.length,
    { openedAtMs: subject.createdAt.getTime(), birthDate: subject.birthDate },
    plan,
    vector,
  );
  const features = toFeatureRecord(vector);
  let latest: VerificationEvent | undefined;
  for (const event of history.verifications) if (event.occurredAt.getTime() <= asOfMs) latest = event;
  const decay: Record<string, Date[]> = {};
  for (const feature of FEATURES) {
    if (!feature.recourse.decay) continue;
    const expiries = decayExpiries(columns, 0, columns.length, asOfMs, feature.name);
    if (expiries.length > 0) decay[feature.name] = expiries.map((ms) => new Date(ms));
  }
  const text = (name: string): string | null => {
    const value = features[name];
    return typeof value === 'string' ? value : null;
  };
  return {
    customerId: subject.customerId,
    asOf,
    asOfDate: plan.asOfDate,
    openedAt: subject.createdAt,
    verification: latest
      ? {
          level: latest.level,
          failures: latest.failures,
          provider: latest.provider,
          verifiedAt: latest.occurredAt,
        }
      : { level: 0, failures: [], provider: null, verifiedAt: null },
    age: Number(features.age_years ?? 0),
    profile: {
      occupation: text('occupation'),
      residenceCity: text('residence_city'),
      incomeBand: text('income_band'),
      education: text('education'),
    },
    features,
    blocklisted,
    holds: vector.holds,
    consents: consentsAt(
      history.consents.filter((change) => change.at.getTime() <= asOfMs),
      asOf,
    ),
    decay,
  };
}

/**
 * Decoded histories by customer, least recently used first, at most `size` of them (0 keeps none). An
 * entry is used only while the customer's events version in the database is the one it was read at.
 */
export interface SnapshotCache {
  /** The customer's decoded history if it was read at `eventsVersion` (and marks it recently used). */
  get(customerId: string, eventsVersion: bigint): DecodedHistory | undefined;
  /** Remembers a decoded history, forgetting the least recently used one when full. */
  put(customerId: string, history: DecodedHistory): void;
}

/** An in-memory `SnapshotCache` of at most `size` customers (a Map keeps insertion order: oldest first). */
export function createSnapshotCache(size: number): SnapshotCache {
  const histories = new Map<string, DecodedHistory>();
  return {
    get(customerId, eventsVersion) {
      const cached = histories.get(customerId);
      if (!cached || cached.eventsVersion !== eventsVersion) return undefined;
      histories.delete(customerId);
      histories.set(customerId, cached);
      return cached;
    },
    put(customerId, history) {
      if (size <= 0) return;
      histories.delete(customerId);
      if (histories.size >= size) {
        const oldest = histories.keys().next().value;
        if (oldest !== undefined) histories.delete(oldest);
      }
      histories.set(customerId, history);
    },
  };
}
