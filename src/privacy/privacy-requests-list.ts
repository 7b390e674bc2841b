import type { DataSubjectRequest, RequestKind, RequestStatus } from './data-subject-request.ts';
import { listRequests, requestsOf } from './erasure.pg.ts';
import type { PrivacyDeps } from './privacy-ports.ts';

/** Data-subject requests for staff, oldest first (the queue): by kind, status and customer. */
export async function privacyRequests(
  deps: Pick<PrivacyDeps, 'db'>,
  filter: {
    readonly kind?: RequestKind;
    readonly statuses?: readonly RequestStatus[];
    readonly customerId?: string;
    readonly limit?: number;
  } = {},
): Promise<DataSubjectRequest[]> {
  return listRequests(deps.db, { ...filter, limit: Math.min(Math.max(filter.limit ?? 100, 1), 500) });
}

/** The customer's own erasure requests, newest first (what the app shows them). */
export async function myErasureRequests(
  deps: Pick<PrivacyDeps, 'db'>,
  customerId: string,
): Promise<DataSubjectRequest[]> {
  return requestsOf(deps.db, customerId, 'erasure');
}
