/**
 * The customers context's public surface. Other contexts import from here only.
 *
 * - Decisions: `CustomerService.getSnapshot(customerId, asOf)` → `CustomerSnapshot`.
 * - Explanations: `FEATURES` (definitions with recourse metadata), `featureDefinition(name)`,
 *   `dateValueDropsTo(snapshot.decay[name], target)`, `HOLD_MESSAGES` for hold reasons.
 * - Scoring: `generatePopulation` + `populationFeatureTable` (in memory), `FeatureTable`, `FEATURE_NAMES`.
 */
export { createCustomerService, type CustomerService, type CustomerServiceDeps } from './customer-service.ts';
export type {
  CustomerSnapshot,
  CustomerView,
  CardView,
  IngestReport,
  NewCustomer,
  VerificationRecord,
} from './customer.ts';
export {
  FEATURES,
  FEATURE_NAMES,
  FEATURE_INDEX,
  featureDefinition,
  type FeatureDefinition,
  type FeatureSource,
  type FeatureUnit,
  type Recourse,
} from './features/definitions.ts';
export {
  HOLD_MESSAGES,
  HOLD_REASONS,
  HOLD_RULES,
  type HoldReason,
  type RiskHold,
} from './features/abnormal-behaviour.ts';
export { dateValueDropsTo, decayExpiries } from './features/recourse.ts';
export { populationSnapshots, type PopulationSnapshot } from './features/population-snapshots.ts';
export { type FeatureRecord, INCOME_BAND_MIDPOINT_FEN } from './features/compute.ts';
export {
  featureCsvHeader,
  featureCsvLine,
  labelEndOf,
  parseLabelWindow,
  populationFeatureTable,
  type FeatureTable,
  type LabelWindow,
} from './features/feature-table.ts';
export {
  DEFAULT_SEGMENT_MIX,
  generatePopulation,
  populationEvents,
  SEGMENTS,
  type Population,
  type PopulationOptions,
  type Segment,
  type SyntheticCustomer,
} from './synthetic/population.ts';
export {
  EVENT_TYPES,
  EXTERNAL_EVENT_TYPES,
  parseEvent,
  eventToWire,
  type CustomerEvent,
} from './events/customer-event.ts';
export {
  CustomerHistory,
  DEMO_PERSONAS,
  seedDemoPersonas,
  type DemoPersona,
  type SeededPersona,
} from './synthetic/customer-history.ts';
