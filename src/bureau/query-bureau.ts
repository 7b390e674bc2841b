import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Database } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import {
  QUERY_CONSENT_PURPOSE,
  isQueryReason,
  reportHash,
  type BureauQueryRecord,
  type Requester,
} from './bureau.ts';
import type { BureauQueryLog, ConsentLookup, CreditBureau, EventIngest } from './bureau-ports.ts';

export interface BureauQueryDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly bureau: CreditBureau;
  readonly consents: ConsentLookup;
  readonly ingest: EventIngest;
  readonly log: BureauQueryLog;
  readonly audit: AuditLog;
}

export interface BureauQueryInput {
  readonly customerId: string;
  readonly purpose: string;
  readonly requestedBy: Requester;
  /** The caller's key: asking again with it returns the query recorded, without asking the bureau again. */
  readonly requestKey: string;
  /** The decision the query is made for, when known at once. */
  readonly decisionId?: string;
}

export interface BureauQueryOutcome {
  readonly query: BureauQueryRecord;
  /** False when the key had been used: the recorded query is returned. */
  readonly created: boolean;
  /** Records of the report the event store refused (a bureau sending something malformed), by field. */
  readonly rejected: readonly { readonly field: string; readonly reason: string }[];
}

const auditActor = (by: Requester) =>
  by.kind === 'staff' || by.kind === 'key'
    ? { kind: by.kind, id: by.id, name: by.name }
    : { kind: 'system' as const, id: by.id, name: by.name };

/**
 * Asks the credit bureau for a person's report — only with the person's `bureau_query` consent in force
 * now — then, in one transaction, ingests the report's records as customer events (idempotent by event id)
 * and logs the query: reason, the consent event relied on, who asked, when, the report's SHA-256 and size.
 * Refused without consent (422 `purpose` / `consent-in-force`, audited); a bureau that does not answer is
 * `UNAVAILABLE` and nothing is logged, since nothing was received. Idempotent by the caller's key.
 */
export async function queryBureau(
  deps: BureauQueryDeps,
  input: BureauQueryInput,
): Promise<BureauQueryOutcome> {
  const { customerId, purpose, requestedBy, requestKey } = input;
  if (!isQueryReason(purpose))
    throw AppError.invalid('purpose', 'query-reason', 'must be loan_application or post_loan_review');
  if (requestKey.length === 0 || requestKey.length > 200)
    throw AppError.invalid('requestKey', 'length', 'a request key has 1–200 characters');
  const recorded = await deps.log.findByKey(deps.db, customerId, requestKey);
  if (recorded) {
    if (recorded.purpose !== purpose)
      throw new AppError('CONFLICT', `request key ${requestKey} was used for a ${recorded.purpose} query`);
    return { query: recorded, created: false, rejected: [] };
  }
  const now = deps.clock.now();
  const consent = await deps.consents.inForce(customerId, QUERY_CONSENT_PURPOSE, now);
  if (!consent) {
    await deps.audit.record({
      actor: auditActor(requestedBy),
      action: 'bureau.query',
      subject: { type: 'customer', id: customerId },
      outcome: 'refused',
      details: { purpose, reason: 'no bureau_query consent in force', requestKey },
    });
    throw AppError.invalid(
      'purpose',
      'consent-in-force',
      'the customer has no bureau_query consent in force: the bureau may not be asked',
    );
  }
  const report = await deps.bureau.queryReport({ customerId, reason: purpose, asOf: now });
  const query: BureauQueryRecord = {
    id: deps.ids.next('bureauQuery'),
    customerId,
    purpose,
    consentEventRef: consent.eventRef,
    consentNoticeVersion: consent.noticeVersion,
    requestedBy,
    requestKey,
    provider: report.provider,
    reportRef: report.reportRef,
    reportSha256: reportHash(report),
    eventCount: report.events.length,
    eventsIngested: 0,
    queriedAt: now,
    decisionId: input.decisionId ?? null,
  };
  // The report's records belong to this customer only, whatever the bureau wrote.
  const rows = report.events.map((event) => ({ ...event, customerId }));
  return deps.db.transaction(async (tx) => {
    const again = await deps.log.findByKey(tx, customerId, requestKey);
    if (again) return { query: again, created: false, rejected: [] };
    const ingested = await deps.ingest.ingest(tx, rows);
    const logged = { ...query, eventsIngested: ingested.accepted - ingested.duplicates };
    await deps.log.insert(tx, logged);
    await deps.audit.record(
      {
        actor: auditActor(requestedBy),
        action: 'bureau.query',
        subject: { type: 'customer', id: customerId },
        outcome: 'ok',
        details: {
          queryId: logged.id,
          purpose,
          consentEventRef: logged.consentEventRef,
          reportSha256: logged.reportSha256,
          eventCount: logged.eventCount,
          requestedBy: `${requestedBy.kind}:${requestedBy.id}`,
        },
      },
      tx,
    );
    return { query: logged, created: true, rejected: ingested.rejected };
  });
}
