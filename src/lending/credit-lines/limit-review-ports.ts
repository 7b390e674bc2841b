import type { Database } from '../../platform/database/database.ts';
import type { IdempotencyStore } from '../../ledger/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { MessageOutbox } from '../../platform/notifications/index.ts';
import type { Clock, MonotonicClock } from '../../platform/time/clock.ts';
import type { ReviewDecision } from './limit-review.ts';

/** What a review needs from the decisions and customers contexts (wired in the composition root). */
export interface LimitReviewPorts {
  /** A new decision of kind `limit_review` for the customer's credit line, linked to the review. */
  decide(request: { customerId: string; linkedTo: string }): Promise<ReviewDecision>;
  /** The decision already made for a review (a crash between deciding and applying), if any. */
  decisionLinkedTo(customerId: string, linkedTo: string): Promise<ReviewDecision | undefined>;
  /** Takes customer events in (idempotent by source and event id). */
  report(rows: readonly Record<string, unknown>[]): Promise<void>;
}

export interface LimitReviewDeps {
  readonly db: Database;
  readonly clock: Clock;
  /** Times a request's wait for another's claim on a review (durations only). */
  readonly monotonic: MonotonicClock;
  readonly ids: IdGenerator;
  readonly ports: LimitReviewPorts;
  /** Where applying a review claims its decision id as the facility change's idempotency key. */
  readonly idempotency: IdempotencyStore;
  /** Where "limit changed" is written, in the transaction that applies the review. */
  readonly outbox?: MessageOutbox;
  /**
   * How long a request's claim on a review lasts (database time; 30 s by default — a review takes
   * milliseconds, so only a crashed request holds one that long) and how often a waiting request looks
   * again (50 ms by default).
   */
  readonly claim?: { readonly leaseMs?: number; readonly pollMs?: number };
}

export interface MonthlyReviewReport {
  readonly reviewed: number;
  readonly failed: number;
  /** The first failures (line id and error code), for the operator. */
  readonly failures: readonly { readonly lineId: string; readonly code: string }[];
}

/** The ports from the decisions and customers services (the composition root's wiring). */
export function limitReviewPortsOf(services: {
  readonly decisions: {
    decide(request: {
      customerId: string;
      productCode: string;
      kind: 'limit_review';
      linkedTo: string;
      applyToFacility: boolean;
    }): Promise<ReviewDecision>;
    list(
      customerId: string,
      options?: { limit?: number },
    ): Promise<readonly { id: string; linkedTo: string | null }[]>;
    get(decisionId: string): Promise<ReviewDecision>;
  };
  readonly customers: {
    ingestEvents(
      rows: readonly unknown[],
    ): Promise<{ readonly rejected: readonly { field: string; reason: string }[] }>;
  };
}): LimitReviewPorts {
  return {
    decide: ({ customerId, linkedTo }) =>
      services.decisions.decide({
        customerId,
        productCode: 'credit_line',
        kind: 'limit_review',
        linkedTo,
        applyToFacility: false,
      }),
    async decisionLinkedTo(customerId, linkedTo) {
      const recent = await services.decisions.list(customerId, { limit: 50 });
      const found = recent.find((decision) => decision.linkedTo === linkedTo);
      return found ? services.decisions.get(found.id) : undefined;
    },
    async report(rows) {
      const result = await services.customers.ingestEvents(rows);
      const unknown = result.rejected.find((rejection) => rejection.field === 'customerId');
      if (unknown) {
        const customerId = rows.map((row) => row.customerId).find((id) => typeof id === 'string');
        throw AppError.notFound('customer', String(customerId ?? ''));
      }
      if (result.rejected.length > 0) {
        const first = result.rejected[0];
        throw new AppError(
          'INTERNAL',
          `the customers context refused the line's report: ${first?.field} ${first?.reason}`,
        );
      }
    },
  };
}
