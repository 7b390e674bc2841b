/**
 * The demo's public surface: what exists for the demo, for seeding and for simulation, and nothing the
 * product needs. Only the CLI, the composition of the demo (`credence serve --demo`), benchmarks and tests
 * import it; no context does (production code does not depend on demo code).
 *
 * - Population (`population/`): `generatePopulation` — a seeded synthetic population of customers with
 *   18 months of events in the customers context's column store — its events (`populationEvents`), its
 *   feature table and snapshots computed in memory by the customers context's own feature pass
 *   (`populationFeatureTable`, `populationSnapshots`), and the seeded `Random` it is drawn with.
 * - Personas (`personas/`): `CustomerHistory`, a builder of one customer's event history, and the
 *   `DEMO_PERSONAS` built with it.
 *
 * What writes to a database (storing a population, seeding the personas, the demo and its history) is
 * imported from its own file by the command or test that runs it, so importing this surface opens nothing.
 */
export {
  DEFAULT_SEGMENT_MIX,
  generatePopulation,
  populationEndDate,
  populationEvents,
  SEGMENTS,
  type Population,
  type PopulationOptions,
  type Segment,
  type SyntheticCustomer,
} from './population/population.ts';
export {
  populationFeatureTable,
  populationSnapshots,
  type PopulationSnapshot,
  type PopulationTableOptions,
} from './population/population-features.ts';
export { chance, createRandom, pick, randomInt, type Random } from './population/random.ts';
export { CustomerHistory, DEMO_PERSONAS, type DemoPersona } from './personas/customer-history.ts';
