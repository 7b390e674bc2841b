import { checkCardNumber } from '../identity/bank-card.ts';
import { consentsAt, isDataSource, type ConsentState, type DataSource } from '../identity/consent.ts';
import { checkIdNumber } from '../identity/id-number.ts';
import { checkName, maskName } from '../identity/person-name.ts';
import { checkPhone } from '../identity/phone.ts';
import type { PiiVault } from '../identity/pii-vault.ts';
import {
  verifySubject,
  type VerificationFailure,
  type VerificationLevel,
  type VerificationProvider,
} from '../identity/verification.ts';
import type { Database, Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import { maskCard, maskIdNumber, maskPhone } from '../platform/pii/mask.ts';
import type { Clock } from '../platform/time/clock.ts';
import { businessDateOf, type LocalDate } from '../platform/time/local-date.ts';
import {
  appendEvents,
  countCustomers,
  eventFingerprint,
  existingCustomerIds,
  findCustomer,
  findCustomersByExternalId,
  findCustomersByIdNumberIndex,
  findStoredEvents,
  insertCards,
  cardBoundToAnotherCustomer,
  insertCustomers,
  listCards,
  listCustomers,
  loadEventRows,
  loadEvents,
  lockKey,
  customersNotUnderKey,
  updateCustomerPii,
  cardsNotUnderKey,
  updateCardPii,
  findBlocklistEntry,
  findListedEntry,
  insertBlocklistEntry,
  listBlocklist,
  loadSnapshotHistory,
  probeCustomer,
  removeBlocklistEntry,
  type BlocklistRecord,
  type CardRecord,
  type CustomerRecord,
  type SnapshotSubject,
  type StoredEventRow,
} from './customers.pg.ts';
import {
  INTERNAL_SOURCE,
  parseEvent,
  typeFields,
  type ConsentEvent,
  type CustomerEvent,
  type VerificationEvent,
} from './events/customer-event.ts';
import type { RiskHold } from './features/abnormal-behaviour.ts';
import {
  createFeatureComputer,
  createFeatureVector,
  labelBad,
  planAsOf,
  toFeatureRecord,
  type FeatureRecord,
  type FeatureVector,
} from './features/compute.ts';
import { FEATURES } from './features/definitions.ts';
import { createEventColumns, pushStored, type EventColumns } from './features/event-columns.ts';
import { labelEndOf, type LabelWindow } from './features/feature-table.ts';
import { decayExpiries } from './features/recourse.ts';

/** What decisions need to know about a customer at an instant (see `CustomerService.getSnapshot`). */
export interface CustomerSnapshot {
  readonly customerId: string;
  readonly asOf: Date;
  /** The business date of `asOf` (Asia/Shanghai). */
  readonly asOfDate: LocalDate;
  /** When the account here was opened. */
  readonly openedAt: Date;
  /** The latest verification at or before `asOf` (level 0 and no provider when none). */
  readonly verification: {
    readonly level: VerificationLevel;
    readonly failures: readonly VerificationFailure[];
    readonly provider: string | null;
    readonly verifiedAt: Date | null;
  };
  /** Whole years on the as-of business date. */
  readonly age: number;
  readonly profile: {
    readonly occupation: string | null;
    readonly residenceCity: string | null;
    readonly incomeBand: string | null;
    readonly education: string | null;
  };
  /** Every feature of the catalogue by name (see `FEATURES` for units and recourse). */
  readonly features: FeatureRecord;
  /** On the lender's blocklist at `asOf` (by ID number, phone or a card bound then). */
  readonly blocklisted: boolean;
  /** Risk holds in force at `asOf`, with reason code and expiry. */
  readonly holds: readonly RiskHold[];
  /** Consent per data source in force at `asOf`. */
  readonly consents: readonly ConsentState[];
  /**
   * For each time-decaying feature with a value above zero: the instants its counted units stop counting
   * (ascending). `dateValueDropsTo(decay[name], target)` gives the date it will be at most `target`.
   */
  readonly decay: Readonly<Record<string, readonly Date[]>>;
}

export interface NewCustomer {
  readonly externalId: string;
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  /** Profile fields (`occupation`, `residenceCity`, `incomeBand`, `education`, `socialInsurance`, `housingFund`). */
  readonly profile?: Readonly<Record<string, unknown>>;
  /** Data sources the customer authorised at sign-up. */
  readonly consents?: readonly string[];
}

/** A customer for display: identifiers masked, never in clear. */
export interface CustomerView {
  readonly customerId: string;
  readonly externalId: string;
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly birthDate: LocalDate;
  readonly sex: 'male' | 'female';
  readonly regionCode: string;
  readonly createdAt: Date;
  readonly cards: readonly CardView[];
}

export interface CardView {
  readonly cardId: string;
  readonly cardNumber: string;
  readonly issuer: string | null;
  readonly addedAt: Date;
}

export interface VerificationRecord {
  readonly verificationId: string;
  readonly level: VerificationLevel;
  readonly failures: readonly VerificationFailure[];
  readonly provider: string;
  readonly verifiedAt: Date;
}

/** The outcome of a batch of events: good rows are kept, each bad row is reported by its position. */
export interface IngestReport {
  /** Rows now stored: new, or replays identical to what was stored. */
  readonly accepted: number;
  /** Of the accepted rows, those that were already stored (idempotent replays). */
  readonly duplicates: number;
  readonly rejected: ReadonlyArray<{
    readonly index: number;
    readonly field: string;
    readonly reason: string;
  }>;
}

export interface TrainingRowSink {
  (customerId: string, vector: FeatureVector, bad: 0 | 1): void | Promise<void>;
}

export interface CustomerServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly vault: PiiVault;
  readonly verifier: VerificationProvider;
  /**
   * Customers whose decoded event history the snapshot keeps in memory (default 10,000; 0 keeps none). An
   * entry is used only while the customer's events version in the database is the one it was read at.
   */
  readonly snapshotCacheSize?: number;
}

/** A blocklist entry as staff see it: the identifier masked, never its blind index or clear value. */
export type BlocklistEntry = Omit<BlocklistRecord, 'blindIndex'>;

/** What can be listed: an ID number, a phone number or a bank card number. */
export type BlocklistKind = BlocklistRecord['kind'];
export const BLOCKLIST_KINDS: readonly BlocklistKind[] = ['id_number', 'phone', 'card'];

/**
 * The customers context's use cases: customers with verified identity, consent, the event store, the
 * point-in-time snapshot decisions are made on, and training tables built by the same feature pass.
 */
export interface CustomerService {
  /** Creates a customer (or returns the existing one for a replay of the same external id and ID number) and verifies it. */
  createCustomer(
    input: NewCustomer,
  ): Promise<{ customer: CustomerView; verification: VerificationRecord; created: boolean }>;
  getCustomer(customerId: string): Promise<CustomerView>;
  /** Binds a bank card (validated: 16–19 digits, Luhn). Run `verify` to take it into account. */
  addCard(customerId: string, cardNumber: string): Promise<CardView>;
  /** Runs the four-element verification through the provider and records the result. */
  verify(customerId: string): Promise<VerificationRecord>;
  /** Grants or withdraws consent to a data source, now. */
  recordConsent(customerId: string, dataSource: string, granted: boolean): Promise<ConsentState[]>;
  /**
   * Validates and appends a batch of raw events in one transaction; good rows are kept, bad ones reported.
   * Rows are numbered by their index, or by `positions[i]` (line numbers of a file) when given.
   */
  ingestEvents(rows: readonly unknown[], options?: { positions?: readonly number[] }): Promise<IngestReport>;
  /**
   * Everything decisions need, as of an instant (default: now): verification, age, profile, features,
   * holds, consents. Only events at or before `asOf` are read.
   */
  getSnapshot(customerId: string, asOf?: Date): Promise<CustomerSnapshot>;
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
  /** Re-seals every PII value not under the active key; returns how many rows were rewritten. */
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

/**
 * A customer's event history as the snapshot needs it, decoded once: every stored event in columns (in
 * time order, whatever their instants), verifications and consent changes parsed, and the events version
 * it was read at. Features are a pure function of it and the as-of instant, so a snapshot at any instant
 * is computed from it exactly as from the rows themselves.
 */
interface DecodedHistory {
  readonly subject: SnapshotSubject;
  readonly eventsVersion: bigint;
  readonly columns: EventColumns;
  readonly verifications: readonly VerificationEvent[];
  readonly consents: ReadonlyArray<{ dataSource: DataSource; granted: boolean; at: Date }>;
}

function blocklistEntry(record: BlocklistRecord): BlocklistEntry {
  return {
    id: record.id,
    kind: record.kind,
    masked: record.masked,
    reason: record.reason,
    addedBy: record.addedBy,
    addedAt: record.addedAt,
    removedAt: record.removedAt,
    removedBy: record.removedBy,
    removedReason: record.removedReason,
  };
}

function checkedText(field: string, value: unknown, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) throw AppError.invalid(field, 'required', `${field} is required`);
  if (text.length > max)
    throw AppError.invalid(field, 'max-length', `${field} has at most ${max} characters`);
  return text;
}

/** Sources Credence writes its own events under, with the kind of fact as a suffix. */
const INTERNAL = INTERNAL_SOURCE;

export function createCustomerService(deps: CustomerServiceDeps): CustomerService {
  const { db, clock, ids, vault, verifier } = deps;

  const view = (record: CustomerRecord, cards: readonly CardRecord[]): CustomerView => ({
    customerId: record.customerId,
    externalId: record.externalId,
    name: maskName(vault.decrypt('name', record.name, record.customerId)),
    idNumber: maskIdNumber(vault.decrypt('id_number', record.idNumber, record.customerId)),
    phone: maskPhone(vault.decrypt('phone', record.phone, record.customerId)),
    birthDate: record.birthDate,
    sex: record.sex,
    regionCode: record.regionCode,
    createdAt: record.createdAt,
    cards: cards.map(cardView),
  });

  const cardView = (card: CardRecord): CardView => ({
    cardId: card.cardId,
    cardNumber: maskCard(card.last4),
    issuer: card.issuer,
    addedAt: card.addedAt,
  });

  const mustFind = async (q: Queryable, customerId: string): Promise<CustomerRecord> => {
    const record = await findCustomer(q, customerId);
    if (!record) throw AppError.notFound('customer', customerId);
    return record;
  };

  const internalEvent = (
    customerId: string,
    occurredAt: Date,
    fields: Record<string, unknown>,
  ): CustomerEvent => {
    const parsed = parseEvent(
      { eventId: ids.next('event'), customerId, source: INTERNAL, occurredAt, ...fields },
      { now: occurredAt, trusted: true },
    );
    if (!parsed.ok) throw AppError.invalid(parsed.rejection.field, 'event', parsed.rejection.reason);
    return parsed.event;
  };

  async function verify(customerId: string): Promise<VerificationRecord> {
    const record = await mustFind(db, customerId);
    const cards = await listCards(db, customerId);
    const outcome = await verifySubject(verifier, {
      name: vault.decrypt('name', record.name, customerId),
      idNumber: vault.decrypt('id_number', record.idNumber, customerId),
      phone: vault.decrypt('phone', record.phone, customerId),
      cards: [...cards].reverse().map((card) => ({
        cardId: card.cardId,
        cardNumber: vault.decrypt('card_number', card.card, customerId),
      })),
    });
    const verifiedAt = clock.now();
    const event = internalEvent(customerId, verifiedAt, {
      type: 'verification',
      level: outcome.level,
      failures: [...outcome.failures],
      provider: outcome.provider,
      checks: [...outcome.checks],
    });
    await appendEvents(db, [event], verifiedAt);
    return {
      verificationId: event.eventId,
      level: outcome.level,
      failures: outcome.failures,
      provider: outcome.provider,
      verifiedAt,
    };
  }

  /** Decodes stored rows into columns, remembering where each customer's events start and end. */
  function columnsOf(rows: readonly StoredEventRow[], columns: EventColumns): Map<string, [number, number]> {
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
  function decodeHistory(
    subject: SnapshotSubject,
    eventsVersion: bigint,
    rows: readonly StoredEventRow[],
  ): DecodedHistory {
    const columns = createEventColumns(rows.length + 1);
    columnsOf(rows, columns);
    const verifications: VerificationEvent[] = [];
    const consents: Array<{ dataSource: DataSource; granted: boolean; at: Date }> = [];
    for (const row of rows) {
      if (row.type !== 'verification' && row.type !== 'consent') continue;
      const at = new Date(row.occurredAtMs);
      const parsed = parseEvent(
        {
          ...row.payload,
          eventId: 'stored',
          customerId: subject.customerId,
          source: INTERNAL,
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
      else if (event.type === 'consent')
        consents.push({ dataSource: (event as ConsentEvent).dataSource, granted: event.granted, at });
    }
    return { subject, eventsVersion, columns, verifications, consents };
  }

  /** The snapshot at `asOf` from a decoded history: only events at or before `asOf` count. */
  function snapshotAt(history: DecodedHistory, asOf: Date, blocklisted: boolean): CustomerSnapshot {
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

  // The snapshot cache: decoded histories by customer, least recently used first (Map keeps order).
  const cacheSize = deps.snapshotCacheSize ?? 10_000;
  const histories = new Map<string, DecodedHistory>();

  /** The customer's decoded history at `eventsVersion` or later: the cached one, or read and decoded. */
  async function historyOf(customerId: string, eventsVersion: bigint): Promise<DecodedHistory> {
    const cached = histories.get(customerId);
    if (cached && cached.eventsVersion === eventsVersion) {
      histories.delete(customerId);
      histories.set(customerId, cached);
      return cached;
    }
    const loaded = await loadSnapshotHistory(db, customerId);
    if (!loaded) throw AppError.notFound('customer', customerId);
    const history = decodeHistory(loaded.subject, loaded.eventsVersion, loaded.rows);
    if (cacheSize > 0) {
      histories.delete(customerId);
      if (histories.size >= cacheSize) {
        const oldest = histories.keys().next().value;
        if (oldest !== undefined) histories.delete(oldest);
      }
      histories.set(customerId, history);
    }
    return history;
  }

  return {
    async createCustomer(input) {
      const now = clock.now();
      const name = checkName(input.name);
      if (!name.valid) throw AppError.invalid('name', name.reason, name.message);
      const idNumber = checkIdNumber(input.idNumber, businessDateOf(now));
      if (!idNumber.valid) throw AppError.invalid('idNumber', idNumber.reason, idNumber.message);
      const phone = checkPhone(input.phone);
      if (!phone.valid) throw AppError.invalid('phone', phone.reason, phone.message);
      if (typeof input.externalId !== 'string' || !/^[A-Za-z0-9_.:-]{1,128}$/.test(input.externalId)) {
        throw AppError.invalid('externalId', 'format', 'an external id has 1–128 letters, digits or _.:-');
      }
      for (const [index, source] of (input.consents ?? []).entries()) {
        if (!isDataSource(source))
          throw AppError.invalid(
            `consents[${index}]`,
            'data-source',
            `"${String(source)}" is not a data source`,
          );
      }
      const idIndex = vault.blindIndex('id_number', idNumber.normalized);
      const customerId = ids.next('customer');
      const extraEvents: CustomerEvent[] = [];
      if (input.profile && Object.keys(input.profile).length > 0) {
        const parsed = parseEvent(
          {
            ...input.profile,
            eventId: ids.next('event'),
            customerId,
            source: INTERNAL,
            type: 'profile',
            occurredAt: now,
          },
          { now, trusted: true },
        );
        if (!parsed.ok)
          throw AppError.invalid(`profile.${parsed.rejection.field}`, 'profile', parsed.rejection.reason);
        extraEvents.push(parsed.event);
      }
      for (const source of input.consents ?? []) {
        extraEvents.push(
          internalEvent(customerId, now, { type: 'consent', dataSource: source, granted: true }),
        );
      }

      const existing = await db.transaction(async (tx) => {
        await lockKey(tx, `customers:external:${input.externalId}`);
        await lockKey(tx, `customers:id:${idIndex}`);
        const [sameExternal] = await findCustomersByExternalId(tx, input.externalId);
        if (sameExternal) {
          if (sameExternal.idNumberIndex !== idIndex) {
            throw new AppError(
              'CONFLICT',
              `externalId ${input.externalId} already belongs to a customer with another ID number`,
              {
                details: { customerId: sameExternal.customerId },
              },
            );
          }
          return sameExternal;
        }
        const [sameId] = await findCustomersByIdNumberIndex(tx, idIndex);
        if (sameId) {
          // Which customer holds it is not said: an API key could otherwise map ID numbers to customers.
          throw new AppError('CONFLICT', 'this ID number is already registered to another customer', {
            issues: [
              { field: 'idNumber', rule: 'unique', message: 'already registered to another customer' },
            ],
          });
        }
        await insertCustomers(tx, [
          {
            customerId,
            externalId: input.externalId,
            name: vault.encrypt('name', name.normalized, customerId),
            idNumber: vault.encrypt('id_number', idNumber.normalized, customerId),
            idNumberIndex: idIndex,
            phone: vault.encrypt('phone', phone.normalized, customerId),
            phoneIndex: vault.blindIndex('phone', phone.normalized),
            birthDate: idNumber.birthDate,
            sex: idNumber.sex,
            regionCode: idNumber.normalized.slice(0, 6),
            createdAt: now,
          },
        ]);
        await appendEvents(tx, extraEvents, now);
        return undefined;
      });
      const id = existing?.customerId ?? customerId;
      const verification = await verify(id);
      const record = await mustFind(db, id);
      return {
        customer: view(record, await listCards(db, id)),
        verification,
        created: existing === undefined,
      };
    },

    async getCustomer(customerId) {
      const record = await mustFind(db, customerId);
      return view(record, await listCards(db, customerId));
    },

    async addCard(customerId, cardNumber) {
      const check = checkCardNumber(cardNumber);
      if (!check.valid) throw AppError.invalid('cardNumber', check.reason, check.message);
      const index = vault.blindIndex('card_number', check.normalized);
      return db.transaction(async (tx) => {
        await mustFind(tx, customerId);
        // One card, one customer (as for ID numbers): bindings of one card are serialised on its blind index.
        await lockKey(tx, `customers:card:${index}`);
        const bound = await listCards(tx, customerId);
        const same = bound.find((card) => card.cardIndex === index);
        if (same) return cardView(same);
        if (await cardBoundToAnotherCustomer(tx, index, customerId)) {
          // Which customer holds it is not said: an API key could otherwise map card numbers to customers.
          throw new AppError('CONFLICT', 'this bank card is already bound to another customer', {
            issues: [
              {
                field: 'cardNumber',
                rule: 'bound-to-another-customer',
                message: 'already bound to another customer',
              },
            ],
          });
        }
        const now = clock.now();
        const card: CardRecord = {
          customerId,
          cardId: ids.next('card'),
          card: vault.encrypt('card_number', check.normalized, customerId),
          cardIndex: index,
          last4: check.last4,
          issuer: check.issuer?.code ?? null,
          addedAt: now,
          removedAt: null,
        };
        await insertCards(tx, [card]);
        await appendEvents(
          tx,
          [
            internalEvent(customerId, now, {
              type: 'card_bound',
              cardId: card.cardId,
              issuer: card.issuer,
              last4: card.last4,
            }),
          ],
          now,
        );
        return cardView(card);
      });
    },

    verify,

    async recordConsent(customerId, dataSource, granted) {
      if (!isDataSource(dataSource))
        throw AppError.invalid('dataSource', 'data-source', `"${dataSource}" is not a data source`);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await mustFind(tx, customerId);
        await appendEvents(
          tx,
          [
            internalEvent(customerId, now, {
              type: 'consent',
              dataSource: dataSource as DataSource,
              granted,
            }),
          ],
          now,
        );
      });
      const events = await loadEvents(db, customerId, now);
      return consentsAt(
        events.flatMap((event) =>
          event.type === 'consent'
            ? [{ dataSource: event.dataSource, granted: event.granted, at: event.occurredAt }]
            : [],
        ),
        now,
      );
    },

    async ingestEvents(rows, options = {}) {
      const now = clock.now();
      const rejected: Array<{ index: number; field: string; reason: string }> = [];
      // Fingerprints (canonical JSON) are only computed when an id repeats: most batches never need one.
      const fingerprint = (event: CustomerEvent) =>
        eventFingerprint(event.type, event.occurredAt, typeFields(event));
      const candidates: Array<{ index: number; event: CustomerEvent }> = [];
      const inBatch = new Map<string, { index: number; event: CustomerEvent }>();
      let duplicates = 0;
      for (const [offset, raw] of rows.entries()) {
        const index = options.positions?.[offset] ?? offset;
        const parsed = parseEvent(raw, { now });
        if (!parsed.ok) {
          rejected.push({ index, ...parsed.rejection });
          continue;
        }
        const event = parsed.event;
        const key = `${event.source}\u0000${event.eventId}`;
        const earlier = inBatch.get(key);
        if (earlier) {
          if (
            earlier.event.customerId === event.customerId &&
            fingerprint(earlier.event) === fingerprint(event)
          )
            duplicates += 1;
          else
            rejected.push({
              index,
              field: 'eventId',
              reason: `repeats the event id of row ${earlier.index} with different content`,
            });
          continue;
        }
        inBatch.set(key, { index, event });
        candidates.push({ index, event });
      }
      const stored = await db.transaction(async (tx) => {
        const known = await existingCustomerIds(
          tx,
          candidates.map((c) => c.event.customerId),
        );
        const present = await findStoredEvents(
          tx,
          candidates.map((c) => ({ source: c.event.source, eventId: c.event.eventId })),
        );
        const storedByKey = new Map(present.map((p) => [`${p.source}\u0000${p.eventId}`, p]));
        const fresh: typeof candidates = [];
        for (const candidate of candidates) {
          const { event } = candidate;
          if (!known.has(event.customerId)) {
            rejected.push({ index: candidate.index, field: 'customerId', reason: 'is not a known customer' });
            continue;
          }
          const already = storedByKey.get(`${event.source}\u0000${event.eventId}`);
          if (already) {
            if (already.customerId !== event.customerId) {
              rejected.push({
                index: candidate.index,
                field: 'eventId',
                reason: 'this source already used the event id for another customer',
              });
            } else if (already.fingerprint !== fingerprint(event)) {
              rejected.push({
                index: candidate.index,
                field: 'eventId',
                reason: 'an event with this source and id was already recorded with different content',
              });
            } else duplicates += 1;
            continue;
          }
          fresh.push(candidate);
        }
        const inserted = await appendEvents(
          tx,
          fresh.map((c) => c.event),
          now,
        );
        // A concurrent batch may have stored the same key in the meantime: it then counts as a replay.
        duplicates += fresh.length - inserted.size;
        return inserted.size;
      });
      rejected.sort((a, b) => a.index - b.index);
      return { accepted: stored + duplicates, duplicates, rejected };
    },

    async getSnapshot(customerId, asOf = clock.now()) {
      if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime()))
        throw AppError.invalid('asOf', 'instant', 'asOf must be a valid instant');
      // One primary-key read says whether the decoded history in memory is still every event there is
      // (and reads the blocklist at the instant); only when it is not are the events read again.
      const probe = await probeCustomer(db, customerId, asOf);
      if (!probe) throw AppError.notFound('customer', customerId);
      return snapshotAt(await historyOf(customerId, probe.eventsVersion), asOf, probe.blocklisted);
    },

    async trainingRows(asOf, window, sink, options = {}) {
      const pageSize = options.pageSize ?? 500;
      const plan = planAsOf(asOf);
      const labelEnd = labelEndOf(asOf, window);
      const total = await countCustomers(db);
      const computer = createFeatureComputer();
      const vector = createFeatureVector();
      let after = '';
      let done = 0;
      let written = 0;
      for (;;) {
        const page = await listCustomers(db, after, pageSize);
        if (page.length === 0) break;
        after = page[page.length - 1]?.customerId ?? after;
        const opened = page.filter((customer) => customer.createdAt.getTime() <= plan.asOfMs);
        const columns = createEventColumns(4096);
        const ranges = columnsOf(
          await loadEventRows(
            db,
            opened.map((customer) => customer.customerId),
            labelEnd,
          ),
          columns,
        );
        for (const customer of opened) {
          const [start, end] = ranges.get(customer.customerId) ?? [0, 0];
          const subject = { openedAtMs: customer.createdAt.getTime(), birthDate: customer.birthDate };
          computer.compute(columns, start, end, subject, plan, vector);
          await sink(customer.customerId, vector, labelBad(columns, start, end, plan, labelEnd));
          written += 1;
        }
        done += page.length;
        options.onProgress?.(done, total);
      }
      return written;
    },

    async reencryptPii(options = {}) {
      const batchSize = options.batchSize ?? 500;
      let rewritten = 0;
      let after = '';
      for (;;) {
        const batch = await customersNotUnderKey(db, vault.activeKeyId, after, batchSize);
        if (batch.length === 0) break;
        after = batch[batch.length - 1]?.customerId ?? after;
        await db.transaction(async (tx) => {
          for (const customer of batch) {
            await updateCustomerPii(tx, {
              ...customer,
              name: vault.reencrypt('name', customer.name, customer.customerId),
              idNumber: vault.reencrypt('id_number', customer.idNumber, customer.customerId),
              phone: vault.reencrypt('phone', customer.phone, customer.customerId),
            });
          }
        });
        rewritten += batch.length;
        options.onProgress?.(rewritten);
      }
      for (;;) {
        const cards = await cardsNotUnderKey(db, vault.activeKeyId, batchSize);
        if (cards.length === 0) break;
        await db.transaction(async (tx) => {
          for (const card of cards)
            await updateCardPii(tx, {
              ...card,
              card: vault.reencrypt('card_number', card.card, card.customerId),
            });
        });
        rewritten += cards.length;
        options.onProgress?.(rewritten);
      }
      return rewritten;
    },

    async addToBlocklist(input) {
      const kind = input.kind as BlocklistKind;
      if (!BLOCKLIST_KINDS.includes(kind))
        throw AppError.invalid('kind', 'enum', `kind must be one of ${BLOCKLIST_KINDS.join(', ')}`);
      const reason = checkedText('reason', input.reason, 500);
      const by = checkedText('by', input.by, 128);
      const now = clock.now();
      let normalized: string;
      let masked: string;
      if (kind === 'id_number') {
        const check = checkIdNumber(input.value, businessDateOf(now));
        if (!check.valid) throw AppError.invalid('value', check.reason, check.message);
        normalized = check.normalized;
        masked = maskIdNumber(normalized);
      } else if (kind === 'phone') {
        const check = checkPhone(input.value);
        if (!check.valid) throw AppError.invalid('value', check.reason, check.message);
        normalized = check.normalized;
        masked = maskPhone(normalized);
      } else {
        const check = checkCardNumber(input.value);
        if (!check.valid) throw AppError.invalid('value', check.reason, check.message);
        normalized = check.normalized;
        masked = maskCard(normalized);
      }
      const blindIndex = vault.blindIndex(kind === 'card' ? 'card_number' : kind, normalized);
      const inserted = await insertBlocklistEntry(db, {
        id: ids.next('blocklistEntry'),
        kind,
        blindIndex,
        masked,
        reason,
        addedBy: by,
        addedAt: now,
      });
      if (inserted) return { entry: blocklistEntry(inserted), created: true };
      const listed = await findListedEntry(db, kind, blindIndex);
      if (!listed) throw new AppError('CONFLICT', 'the blocklist changed while listing; try again');
      return { entry: blocklistEntry(listed), created: false };
    },

    async removeFromBlocklist(id, removal) {
      const reason = checkedText('reason', removal.reason, 500);
      const by = checkedText('by', removal.by, 128);
      const removed = await removeBlocklistEntry(db, id, { removedAt: clock.now(), removedBy: by, reason });
      if (removed) return blocklistEntry(removed);
      const existing = await findBlocklistEntry(db, id);
      if (!existing) throw AppError.notFound('blocklist entry', id);
      throw new AppError('CONFLICT', `blocklist entry ${id} was removed already`);
    },

    async listBlocklist(options = {}) {
      const limit = options.limit ?? 100;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw AppError.invalid('limit', 'range', 'limit must be from 1 to 1000');
      return (await listBlocklist(db, { all: options.all === true, limit })).map(blocklistEntry);
    },
  };
}
