import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredEventRow } from '../../src/customers/customer.ts';
import { typeFields, type CustomerEvent } from '../../src/customers/events/customer-event.ts';
import { decodeHistory, snapshotAt } from '../../src/customers/snapshot-history.ts';
import { factsFromSnapshot } from '../../src/decisions/decision-facts.ts';
import { fen } from '../../src/platform/money/money.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';

/**
 * A withdrawn consent changes the features of decisions after it and not before (issue 17): on random
 * histories of bureau-reported events, a credit-assessment grant for the credit bureau at G and its
 * withdrawal at W,
 * - at any instant before W the snapshot is what it would be had the withdrawal never happened, and the
 *   decision's facts name the grant it relied on (event and notice version);
 * - at any instant from W on it is what it would be had the person never consented, and the facts name no
 *   bureau consent;
 * - consents for other purposes (marketing, bureau query, bureau reporting) change no feature at any instant.
 */
const CUSTOMER = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE';
const T0 = Date.parse('2026-01-01T00:00:00Z');
const DAY = 86_400_000;
const SPAN = 300 * DAY;
const subject = {
  customerId: CUSTOMER,
  createdAt: new Date(T0 - 400 * DAY),
  birthDate: '1990-06-15' as LocalDate,
};

let counter = 0;
const base = (ms: number, source = 'bureau-a') => ({
  eventId: `e${(counter += 1)}`,
  customerId: CUSTOMER,
  source,
  occurredAt: new Date(T0 + ms),
});
const at = fc.integer({ min: 0, max: SPAN });
const lender = fc.constantFrom('a', 'b', 'c');

const bureauEvent: fc.Arbitrary<CustomerEvent> = fc.oneof(
  fc.record({ t: at, lender }).map(({ t, lender }) => ({
    ...base(t),
    type: 'inquiry' as const,
    lender,
    kind: 'loan_application' as const,
  })),
  fc.record({ t: at, lender, n: fc.integer({ min: 1, max: 3_000_000 }) }).map(({ t, lender, n }) => ({
    ...base(t),
    type: 'loan_opened' as const,
    scope: 'elsewhere' as const,
    lender,
    loanRef: `L-${lender}`,
    principal: fen(BigInt(n)),
  })),
  fc
    .record({
      t: at,
      lender,
      due: fc.integer({ min: 0, max: 280 }),
      late: fc.option(fc.integer({ min: 0, max: 60 })),
    })
    .map(({ t, lender, due, late }) => {
      const dueDate = new Date(T0 + due * DAY).toISOString().slice(0, 10) as LocalDate;
      return {
        ...base(t),
        type: 'repayment' as const,
        scope: 'elsewhere' as const,
        lender,
        loanRef: `L-${lender}`,
        dueDate,
        paidDate:
          late === null ? null : (new Date(T0 + (due + late) * DAY).toISOString().slice(0, 10) as LocalDate),
        amount: fen(50_000n),
      };
    }),
  fc
    .record({ t: at, lender, limit: fc.integer({ min: 100, max: 5_000_000 }) })
    .map(({ t, lender, limit }) => ({
      ...base(t),
      type: 'credit_line' as const,
      scope: 'elsewhere' as const,
      lender,
      lineRef: `C-${lender}`,
      limit: fen(BigInt(limit)),
      balance: fen(BigInt(Math.floor(limit / 2))),
    })),
);

const otherPurpose: fc.Arbitrary<CustomerEvent> = fc
  .record({
    t: at,
    purpose: fc.constantFrom('marketing', 'bureau_query', 'bureau_reporting'),
    granted: fc.boolean(),
  })
  .map(({ t, purpose, granted }) => ({
    ...base(t, 'credence'),
    type: 'consent' as const,
    granted,
    purpose: purpose as 'marketing',
    ...(granted ? { noticeVersion: 1, noticeHash: 'a'.repeat(64) } : {}),
  }));

/** Stored rows in time order (arrival order within an instant), as the store reads them back. */
function rows(events: readonly CustomerEvent[]): StoredEventRow[] {
  return [...events]
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.occurredAt.getTime() - b.event.occurredAt.getTime() || a.index - b.index)
    .map(({ event }) => ({
      customerId: CUSTOMER,
      type: event.type,
      occurredAtMs: event.occurredAt.getTime(),
      payload: typeFields(event),
      eventRef: `${event.source}/${event.eventId}`,
    }));
}

const snapshot = (events: readonly CustomerEvent[], asOfMs: number) =>
  snapshotAt(decodeHistory(subject, 1n, rows(events)), new Date(T0 + asOfMs), false);

describe('a withdrawn consent and point-in-time features', () => {
  it('property: changes the features of decisions after the withdrawal and not before', () => {
    fc.assert(
      fc.property(
        fc.array(bureauEvent, { minLength: 1, maxLength: 25 }),
        fc.array(otherPurpose, { maxLength: 4 }),
        fc.integer({ min: 0, max: SPAN / 2 }),
        fc.integer({ min: 1, max: SPAN / 2 }),
        fc.integer({ min: 0, max: SPAN + 30 * DAY }),
        (reported, purposes, grantAt, gap, asOf) => {
          const grant: CustomerEvent = {
            ...base(grantAt, 'credence'),
            type: 'consent',
            dataSource: 'credit_bureau',
            granted: true,
            purpose: 'credit_assessment',
            noticeVersion: 3,
            noticeHash: 'b'.repeat(64),
          };
          const withdrawal: CustomerEvent = {
            ...base(grantAt + gap, 'credence'),
            type: 'consent',
            dataSource: 'credit_bureau',
            granted: false,
            purpose: 'credit_assessment',
          };
          const withdrawn = snapshot([...reported, grant, withdrawal, ...purposes], asOf);
          const kept = snapshot([...reported, grant], asOf);
          const never = snapshot(reported, asOf);
          const facts = factsFromSnapshot(
            withdrawn,
            { productCode: 'cash', requestedAmount: null },
            null,
            null,
          );
          const bureauConsents = (facts.consents ?? []).filter((c) => c.dataSource === 'credit_bureau');
          if (asOf < grantAt + gap) {
            expect(withdrawn.features).toEqual(kept.features);
            expect(bureauConsents).toEqual(
              asOf >= grantAt
                ? [
                    {
                      purpose: 'credit_assessment',
                      dataSource: 'credit_bureau',
                      eventRef: `credence/${grant.eventId}`,
                      noticeVersion: 3,
                      since: grant.occurredAt.toISOString(),
                    },
                  ]
                : [],
            );
          } else {
            expect(withdrawn.features).toEqual(never.features);
            expect(bureauConsents).toEqual([]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('makes a difference: with a reported inquiry, the bureau feature is a number before and null after', () => {
    const inquiry: CustomerEvent = { ...base(DAY), type: 'inquiry', lender: 'a', kind: 'loan_application' };
    const grant: CustomerEvent = {
      ...base(0, 'app'),
      type: 'consent',
      dataSource: 'credit_bureau',
      granted: true,
    };
    const withdrawal: CustomerEvent = {
      ...base(3 * DAY, 'app'),
      type: 'consent',
      dataSource: 'credit_bureau',
      granted: false,
    };
    const events = [inquiry, grant, withdrawal];
    expect(snapshot(events, 2 * DAY).features.inquiries_7d).toBe(1);
    expect(snapshot(events, 3 * DAY).features.inquiries_7d).toBeNull();
    // A legacy consent (no purpose) is credit assessment without a notice version.
    expect(snapshot(events, 2 * DAY).consents.find((c) => c.dataSource === 'credit_bureau')).toEqual({
      dataSource: 'credit_bureau',
      granted: true,
      since: grant.occurredAt,
      eventRef: `app/${grant.eventId}`,
      noticeVersion: null,
    });
  });
});
