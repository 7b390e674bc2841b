import {
  type RiskHold,
  createFeatureComputer,
  createFeatureVector,
  labelBad,
  planAsOf,
  toFeatureRecord,
  type AsOfPlan,
  type FeatureRecord,
  FEATURES,
  FeatureTableBuilder,
  labelEndOf,
  parseLabelWindow,
  type FeatureTable,
  type LabelWindow,
  decayExpiries,
} from '../../customers/index.ts';
import type { Population, SyntheticCustomer } from './population.ts';

/**
 * What a snapshot would say about each customer of a synthetic population at an instant — features, holds
 * in force, the decay instants of time-decaying counts — with the customer's label over the window after
 * it. The same feature pass and decay rule as `CustomerService.getSnapshot`, in memory: for decisions'
 * benchmarks and calibration, which need realistic applicants without a database.
 */
export interface PopulationSnapshot {
  readonly customer: SyntheticCustomer;
  readonly features: FeatureRecord;
  readonly holds: readonly RiskHold[];
  /** Expiry instants (epoch ms, ascending) per decaying feature with a value above zero. */
  readonly decay: Readonly<Record<string, readonly number[]>>;
  /** 1 when the customer went 30+ days past due within the label window (default 6 months). */
  readonly bad: 0 | 1;
}

/** Snapshots of every customer whose account was open at `asOf`, in population order. */
export function populationSnapshots(
  population: Population,
  options: { readonly asOf: Date; readonly labelWindow?: LabelWindow },
): PopulationSnapshot[] {
  const plan = planAsOf(options.asOf);
  const labelEnd = labelEndOf(options.asOf, options.labelWindow ?? parseLabelWindow('6m'));
  const computer = createFeatureComputer();
  const vector = createFeatureVector();
  const decaying = FEATURES.filter((feature) => feature.recourse.decay).map((feature) => feature.name);
  const out: PopulationSnapshot[] = [];
  for (const customer of population.customers) {
    if (customer.openedAt.getTime() > plan.asOfMs) continue;
    const subject = { openedAtMs: customer.openedAt.getTime(), birthDate: customer.birthDate };
    computer.compute(population.columns, customer.start, customer.end, subject, plan, vector);
    const decay: Record<string, number[]> = {};
    for (const name of decaying) {
      const expiries = decayExpiries(population.columns, customer.start, customer.end, plan.asOfMs, name);
      if (expiries.length > 0) decay[name] = expiries;
    }
    out.push({
      customer,
      features: toFeatureRecord(vector),
      holds: vector.holds,
      decay,
      bad: labelBad(population.columns, customer.start, customer.end, plan, labelEnd),
    });
  }
  return out;
}

export interface PopulationTableOptions {
  readonly asOf: Date;
  /** Default `6m`. */
  readonly labelWindow?: LabelWindow;
}

/**
 * The training table of a synthetic population at `asOf`, with labels from the window after it. Customers
 * whose account opened after `asOf` are left out (they did not exist yet). In memory, no database.
 */
export function populationFeatureTable(
  population: Population,
  options: PopulationTableOptions,
): FeatureTable {
  const plan: AsOfPlan = planAsOf(options.asOf);
  const labelEnd = labelEndOf(options.asOf, options.labelWindow ?? parseLabelWindow('6m'));
  const computer = createFeatureComputer();
  const vector = createFeatureVector();
  const builder = new FeatureTableBuilder(options.asOf, labelEnd);
  for (const customer of population.customers) {
    if (customer.openedAt.getTime() > plan.asOfMs) continue;
    const subject = { openedAtMs: customer.openedAt.getTime(), birthDate: customer.birthDate };
    computer.compute(population.columns, customer.start, customer.end, subject, plan, vector);
    builder.add(
      customer.customerId,
      vector,
      labelBad(population.columns, customer.start, customer.end, plan, labelEnd),
    );
  }
  return builder.build();
}
