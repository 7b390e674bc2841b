import { createHash } from 'node:crypto';

/**
 * The bureau context's core: credit-bureau queries and what is recorded of each (the use log). A query asks
 * a bureau for a person's report for a reason; every reason needs the person's `bureau_query` consent in
 * force at the instant. What comes back — inquiries, loans, repayments and lines at other lenders — is
 * ingested as customer events (source `credit_bureau`), and the query is logged with the consent relied on,
 * who or what asked, and the SHA-256 and size of the report.
 */

/** Why a report is asked for (the bureau's inquiry reasons: 贷款审批, 贷后管理). */
export const QUERY_REASONS = ['loan_application', 'post_loan_review'] as const;
export type QueryReason = (typeof QUERY_REASONS)[number];

export function isQueryReason(value: unknown): value is QueryReason {
  return typeof value === 'string' && (QUERY_REASONS as readonly string[]).includes(value);
}

/** The consent purpose every query needs. */
export const QUERY_CONSENT_PURPOSE = 'bureau_query';

/** The event source bureau reports are ingested under. */
export const BUREAU_EVENT_SOURCE = 'credit_bureau';

/** Who or what asked: a staff user, an API key, a decision request, or the system (a batch). */
export type RequesterKind = 'staff' | 'key' | 'decision' | 'system';

export interface Requester {
  readonly kind: RequesterKind;
  /** The staff user id, the API key id, the decision request's key, or the batch's name. */
  readonly id: string;
  readonly name: string;
}

/** One query as logged (`bureau_queries`). */
export interface BureauQueryRecord {
  readonly id: string;
  readonly customerId: string;
  readonly purpose: QueryReason;
  /** The consent event relied on (`source/eventId`) and the notice version it accepted. */
  readonly consentEventRef: string;
  readonly consentNoticeVersion: number | null;
  readonly requestedBy: Requester;
  /** The caller's idempotency key: the same key returns this record instead of asking again. */
  readonly requestKey: string;
  readonly provider: string;
  readonly reportRef: string;
  /** SHA-256 (hex) of the report's canonical JSON (`reportHash`). */
  readonly reportSha256: string;
  /** Records (events) in the report, and how many of them were new to Credence. */
  readonly eventCount: number;
  readonly eventsIngested: number;
  readonly queriedAt: Date;
  /** The decision it was made for, once recorded. */
  readonly decisionId: string | null;
}

/** A report as the port returns it: the bureau's reference and its records as customer events (wire form). */
export interface BureauReport {
  readonly provider: string;
  readonly reportRef: string;
  readonly events: readonly Readonly<Record<string, unknown>>[];
}

/** JSON with object keys sorted at every level: the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The SHA-256 of a report: its canonical JSON (provider, reference, records in the order given). Kept in
 * the log so the report used can later be proved to be the one received, without keeping its content twice.
 */
export function reportHash(report: BureauReport): string {
  return createHash('sha256')
    .update(
      canonicalJson({ provider: report.provider, reportRef: report.reportRef, events: report.events }),
      'utf8',
    )
    .digest('hex');
}
