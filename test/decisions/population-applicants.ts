import { generatePopulation, populationSnapshots, type PopulationSnapshot } from '../../src/demo/index.ts';
import type { DecisionFacts } from '../../src/decisions/decision-facts.ts';
import { addMonths, businessDateOf, startOfBusinessDate } from '../../src/platform/time/local-date.ts';

/**
 * Applicants drawn from the synthetic population, as the snapshot would show them: each customer's real
 * features, holds and decay instants at the decision instant, the verification level the population gave
 * them, and the facility they would have here (every synthetic customer borrows here from the day the
 * account opened, so the facility is as old as the account: established after a year, new before). No
 * random vectors: the mix of approvals, declines and plans is the population's own. The label (30+ days
 * past due in the six months after) is kept for calibration.
 */
export interface PopulationApplicant {
  readonly facts: DecisionFacts;
  readonly bad: 0 | 1;
  readonly segment: string;
}

export interface PopulationApplicantOptions {
  readonly customers?: number;
  /** The population's seed (the demo scorecard trains on seed 1; applicants should come from another). */
  readonly seed?: number;
  /** Months before the end of the history the decisions are made (default 6, so labels exist). */
  readonly monthsBeforeEnd?: number;
  /** Amounts asked for, in fen, drawn in turn (null: "the most I can get"); default all null. */
  readonly requests?: readonly (number | null)[];
  readonly products?: ReadonlyArray<'cash_loan' | 'credit_line'>;
}

function factsOf(
  snapshot: PopulationSnapshot,
  asOf: Date,
  productCode: string,
  requested: number | null,
): DecisionFacts {
  const features = snapshot.features;
  const level = typeof features.verification_level === 'number' ? features.verification_level : 0;
  return {
    customerId: snapshot.customer.customerId,
    productCode,
    asOf: asOf.toISOString(),
    asOfDate: businessDateOf(asOf),
    requestedAmount: requested === null ? null : String(requested),
    features,
    verification: { level, failures: [], provider: 'sandbox' },
    age: typeof features.age_years === 'number' ? features.age_years : 30,
    holds: snapshot.holds.map((hold) => ({
      reasonCode: hold.reasonCode,
      expiresAt: hold.expiresAt.toISOString(),
    })),
    decay: snapshot.decay,
    blocklisted: false,
    facility: { openedAt: snapshot.customer.openedAt.toISOString(), status: 'active' },
    terms: null,
  };
}

/** The population's customers as applicants, products and requests taken in turn. */
export function populationApplicants(options: PopulationApplicantOptions = {}): PopulationApplicant[] {
  const population = generatePopulation({
    customers: options.customers ?? 2_000,
    months: 24,
    seed: options.seed ?? 7,
  });
  const asOf = startOfBusinessDate(
    addMonths(businessDateOf(population.end), -(options.monthsBeforeEnd ?? 6)),
  );
  const products = options.products ?? ['cash_loan', 'credit_line'];
  const requests = options.requests ?? [null];
  return populationSnapshots(population, { asOf }).map((snapshot, index) => ({
    facts: factsOf(
      snapshot,
      asOf,
      products[index % products.length] as string,
      requests[index % requests.length] ?? null,
    ),
    bad: snapshot.bad,
    segment: snapshot.customer.segment,
  }));
}
