import type { AuditActor } from '../platform/audit/audit-log.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { rewrapDataKeys } from './data-key-rewrap.ts';
import type { DataSubjectRequest, RequestKind, RequestStatus } from './data-subject-request.ts';
import { requestErasure, type ErasureRequestInput } from './erasure-request.ts';
import { runErasures, type ErasureRunReport } from './erasure-run.ts';
import type { LegalHold } from './erasure.pg.ts';
import { legalHolds } from './legal-hold-list.ts';
import { placeLegalHold, type PlaceLegalHoldInput } from './legal-hold-place.ts';
import { releaseHold } from './legal-hold-release.ts';
import type { PrivacyDeps } from './privacy-ports.ts';
import { myErasureRequests, privacyRequests } from './privacy-requests-list.ts';

/**
 * The privacy context's use cases bound to one set of dependencies (no logic of its own): each method is a
 * use case of its own file, callable directly with `PrivacyDeps`.
 */
export interface PrivacyService {
  /** Re-wraps every customer data key still wrapped by an older lender key; returns how many. */
  rewrapDataKeys(options?: { batchSize?: number; onProgress?: (done: number) => void }): Promise<number>;
  /** Erase now if nothing holds, else record the blocked request with its holds (`erasure-request.ts`). */
  requestErasure(input: ErasureRequestInput): Promise<{ request: DataSubjectRequest; created: boolean }>;
  /** The day step: carry out blocked erasures whose holds have lapsed (`erasure-run.ts`). */
  runErasures(options?: {
    businessDate?: LocalDate;
    onProgress?: (done: number) => void;
  }): Promise<ErasureRunReport>;
  /** Requests for staff, oldest first. */
  requests(filter?: {
    kind?: RequestKind;
    statuses?: readonly RequestStatus[];
    customerId?: string;
    limit?: number;
  }): Promise<DataSubjectRequest[]>;
  /** The customer's own erasure requests, newest first. */
  myErasureRequests(customerId: string): Promise<DataSubjectRequest[]>;
  placeLegalHold(input: PlaceLegalHoldInput): Promise<LegalHold>;
  releaseLegalHold(input: { holdId: string; reason: string; by: AuditActor }): Promise<LegalHold>;
  legalHolds(filter?: { customerId?: string; inForce?: boolean; limit?: number }): Promise<LegalHold[]>;
}

export function createPrivacyService(deps: PrivacyDeps): PrivacyService {
  return {
    rewrapDataKeys: (options) => rewrapDataKeys(deps, options),
    requestErasure: (input) => requestErasure(deps, input),
    runErasures: (options) => runErasures(deps, options),
    requests: (filter) => privacyRequests(deps, filter),
    myErasureRequests: (customerId) => myErasureRequests(deps, customerId),
    placeLegalHold: (input) => placeLegalHold(deps, input),
    releaseLegalHold: (input) => releaseHold(deps, input),
    legalHolds: (filter) => legalHolds(deps, filter),
  };
}
