import { consentsAt, isDataSource, type ConsentState } from '../identity/consent.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { CustomersDeps } from './customers-ports.ts';
import { appendEvents, loadEvents } from './customers.pg.ts';
import { internalEvent } from './customers-rules.ts';
import { mustFindCustomer } from './get-customer.ts';

/** Grants or withdraws consent to a data source, now; returns the consents in force after it. */
export async function recordConsent(
  deps: Pick<CustomersDeps, 'db' | 'clock' | 'ids'>,
  input: { readonly customerId: string; readonly dataSource: string; readonly granted: boolean },
): Promise<ConsentState[]> {
  const { db, clock, ids } = deps;
  const { customerId, dataSource, granted } = input;
  if (!isDataSource(dataSource))
    throw AppError.invalid('dataSource', 'data-source', `"${dataSource}" is not a data source`);
  const now = clock.now();
  await db.transaction(async (tx) => {
    await mustFindCustomer(tx, customerId);
    await appendEvents(
      tx,
      [internalEvent(ids, customerId, now, { type: 'consent', dataSource, granted })],
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
}
