import {
  CONSENT_PURPOSES,
  DATA_SOURCES,
  LEGACY_PURPOSE,
  purposeNeedsSource,
  type ConsentPurpose,
  type DataSource,
  type PurposeConsentChange,
} from '../identity/index.ts';
import type { CustomerEvent } from './events/customer-event.ts';

/** The consent of one purpose (and source) in force now, and the event it rests on. */
export interface PurposeConsentState {
  readonly purpose: ConsentPurpose;
  readonly dataSource: DataSource | null;
  readonly granted: boolean;
  readonly since: Date | null;
  readonly eventRef: string | null;
  readonly noticeVersion: number | null;
  readonly noticeHash: string | null;
}

/** Every consent change of a customer with its purpose, from their events (legacy ones read as credit assessment). */
export function purposeConsentsOf(events: readonly CustomerEvent[]): PurposeConsentChange[] {
  const changes: PurposeConsentChange[] = [];
  for (const event of events) {
    if (event.type !== 'consent') continue;
    const purpose = event.purpose ?? LEGACY_PURPOSE;
    const noticeVersion = event.granted ? (event.noticeVersion ?? null) : null;
    changes.push({
      eventRef: `${event.source}/${event.eventId}`,
      purpose,
      dataSource: purposeNeedsSource(purpose) ? (event.dataSource ?? null) : null,
      granted: event.granted,
      at: event.occurredAt,
      noticeVersion,
      noticeHash: noticeVersion === null ? null : (event.noticeHash ?? null),
    });
  }
  return changes;
}

/** The state of every purpose (credit assessment once per source) at `asOf`. */
export function purposeStatesAt(changes: readonly PurposeConsentChange[], asOf: Date): PurposeConsentState[] {
  const keys: Array<[ConsentPurpose, DataSource | null]> = CONSENT_PURPOSES.flatMap((purpose) =>
    purposeNeedsSource(purpose)
      ? DATA_SOURCES.map((source): [ConsentPurpose, DataSource | null] => [purpose, source])
      : [[purpose, null] as [ConsentPurpose, DataSource | null]],
  );
  const asOfMs = asOf.getTime();
  return keys.map(([purpose, dataSource]) => {
    let latest: PurposeConsentChange | undefined;
    for (const change of changes) {
      if (change.purpose !== purpose || change.dataSource !== dataSource) continue;
      if (change.at.getTime() > asOfMs) continue;
      if (!latest || latest.at.getTime() <= change.at.getTime()) latest = change;
    }
    return {
      purpose,
      dataSource,
      granted: latest?.granted ?? false,
      since: latest?.at ?? null,
      eventRef: latest?.eventRef ?? null,
      noticeVersion: latest?.granted ? latest.noticeVersion : null,
      noticeHash: latest?.granted ? latest.noticeHash : null,
    };
  });
}
