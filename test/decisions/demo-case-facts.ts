import { computeFeaturesOf } from '../../src/customers/features/compute.ts';
import type { CustomerEvent } from '../../src/customers/index.ts';
import type { DecisionFacts } from '../../src/decisions/decision-facts.ts';
import type { DemoCase } from '../../src/demo/cases/demo-cases.ts';
import { businessDateOf, parseLocalDate } from '../../src/platform/time/local-date.ts';

/**
 * A demo case's decision facts computed in memory, as the seeding and a decision at `asOf` would have
 * them — the account opened at `asOf`, the profile, the cards and the verification written then, the
 * case's scripted history — without a database, so a test can decide a case on every day of a year.
 * Cross-checked against seeded decisions in `decision-demo-cases-intent.test.ts`.
 */
export function demoCaseFacts(
  demo: DemoCase,
  asOf: Date,
  options: { level: number; productCode: string },
): DecisionFacts {
  const customerId = `cus_demo${demo.key
    .replace(/[^a-z]/g, '')
    .slice(0, 22)
    .padEnd(22, '0')}`;
  const base = { customerId, source: 'internal', occurredAt: asOf };
  const setup: CustomerEvent[] = [
    { ...base, eventId: 'setup-profile', type: 'profile', ...demo.profile } as CustomerEvent,
    ...demo.cards.map(
      (card, index) =>
        ({
          ...base,
          eventId: `setup-card-${index}`,
          type: 'card_bound',
          cardId: `card-${index}`,
          issuer: null,
          last4: card.slice(-4),
        }) as CustomerEvent,
    ),
    {
      ...base,
      eventId: 'setup-verification',
      type: 'verification',
      level: options.level,
      failures: [],
      provider: 'sandbox',
      checks: [],
    } as CustomerEvent,
  ];
  const birth = demo.idNumber.slice(6, 14);
  const birthDate = parseLocalDate(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`);
  const { features, holds } = computeFeaturesOf(
    [...setup, ...demo.history(customerId, asOf)],
    { openedAtMs: asOf.getTime(), birthDate },
    asOf,
  );
  return {
    customerId,
    productCode: options.productCode,
    asOf: asOf.toISOString(),
    asOfDate: businessDateOf(asOf),
    requestedAmount: null,
    features,
    verification: { level: options.level, failures: [], provider: 'sandbox' },
    age: Number(features.age_years ?? 0),
    blocklisted: false,
    holds: holds.map((hold) => ({ reasonCode: hold.reasonCode, expiresAt: hold.expiresAt.toISOString() })),
    decay: {},
    facility: null,
    terms: null,
  };
}
