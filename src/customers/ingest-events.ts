import type { Queryable } from '../platform/database/database.ts';
import type { IngestReport } from './customer.ts';
import type { CustomersDeps } from './customers-ports.ts';
import { appendEvents, eventFingerprint, existingCustomerIds, findStoredEvents } from './customers.pg.ts';
import { parseEvent, typeFields, type CustomerEvent } from './events/customer-event.ts';

type Rejection = { index: number; field: string; reason: string };
type Candidate = { index: number; event: CustomerEvent };

/** Fingerprints (canonical JSON) are only computed when an id repeats: most batches never need one. */
const fingerprint = (event: CustomerEvent): string =>
  eventFingerprint(event.type, event.occurredAt, typeFields(event));

/** Events are identified by their source and the source's event id. */
const keyOf = (source: string, eventId: string): string => `${source}\u0000${eventId}`;

/**
 * Validates and appends a batch of raw events in one transaction; good rows are kept, bad ones reported.
 * Rows are numbered by their index, or by `positions[i]` (line numbers of a file) when given. A row that
 * repeats an event already stored (or earlier in the batch) with the same content is a duplicate, accepted;
 * with other content it is rejected. With `within`, the rows are appended in the caller's transaction.
 */
export async function ingestEvents(
  deps: Pick<CustomersDeps, 'db' | 'clock'>,
  rows: readonly unknown[],
  options: { positions?: readonly number[]; within?: Queryable } = {},
): Promise<IngestReport> {
  const now = deps.clock.now();
  const rejected: Rejection[] = [];
  const parsed = parseBatch(rows, options.positions, now, rejected);
  // `within`: the caller's open transaction (a bureau query logs its use and ingests the report atomically).
  const stored = options.within
    ? await appendFresh(options.within, parsed.candidates, now, rejected)
    : await deps.db.transaction((tx) => appendFresh(tx, parsed.candidates, now, rejected));
  const duplicates = parsed.duplicates + stored.duplicates;
  rejected.sort((a, b) => a.index - b.index);
  return { accepted: stored.inserted + duplicates, duplicates, rejected };
}

/** Parses every row; rows that fail or repeat an earlier row's key are rejected or counted as duplicates. */
function parseBatch(
  rows: readonly unknown[],
  positions: readonly number[] | undefined,
  now: Date,
  rejected: Rejection[],
): { candidates: Candidate[]; duplicates: number } {
  const candidates: Candidate[] = [];
  const inBatch = new Map<string, Candidate>();
  let duplicates = 0;
  for (const [offset, raw] of rows.entries()) {
    const index = positions?.[offset] ?? offset;
    const parsed = parseEvent(raw, { now });
    if (!parsed.ok) {
      rejected.push({ index, ...parsed.rejection });
      continue;
    }
    const event = parsed.event;
    const key = keyOf(event.source, event.eventId);
    const earlier = inBatch.get(key);
    if (earlier) {
      if (earlier.event.customerId === event.customerId && fingerprint(earlier.event) === fingerprint(event))
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
  return { candidates, duplicates };
}

/**
 * Appends the candidates of known customers whose key is not stored yet; a key stored already is a
 * duplicate (same customer and content) or rejected.
 */
async function appendFresh(
  tx: Queryable,
  candidates: readonly Candidate[],
  now: Date,
  rejected: Rejection[],
): Promise<{ inserted: number; duplicates: number }> {
  const known = await existingCustomerIds(
    tx,
    candidates.map((c) => c.event.customerId),
  );
  const present = await findStoredEvents(
    tx,
    candidates.map((c) => ({ source: c.event.source, eventId: c.event.eventId })),
  );
  const storedByKey = new Map(present.map((p) => [keyOf(p.source, p.eventId), p]));
  const fresh: Candidate[] = [];
  let duplicates = 0;
  for (const candidate of candidates) {
    const { event } = candidate;
    if (!known.has(event.customerId)) {
      rejected.push({ index: candidate.index, field: 'customerId', reason: 'is not a known customer' });
      continue;
    }
    const already = storedByKey.get(keyOf(event.source, event.eventId));
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
  return { inserted: inserted.size, duplicates };
}
