/**
 * The customers context's public surface. Other contexts import from here only.
 *
 * - Decisions: `CustomerService.getSnapshot(customerId, asOf)` → `CustomerSnapshot`.
 * - Explanations: `FEATURES` (definitions with recourse metadata), `featureDefinition(name)`,
 *   `dateValueDropsTo(snapshot.decay[name], target)`, `HOLD_MESSAGES` for hold reasons.
 * - Scoring: `FeatureTable`, `FEATURE_NAMES` (the synthetic population and its in-memory feature table
 *   are the demo's: `src/demo/index.ts`).
 */
export type { CustomerService, CustomerServiceDeps } from './customers-ports.ts';
export type {
  CustomerSnapshot,
  CustomerView,
  CardView,
  IngestReport,
  NewCustomer,
  VerificationRecord,
} from './customer.ts';
export type { ConsentInput, ConsentOutcome, IdentityRecord } from './customer.ts';
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
export { type FeatureRecord, INCOME_BAND_MIDPOINT_FEN } from './features/compute.ts';
export {
  featureCsvHeader,
  featureCsvLine,
  labelEndOf,
  parseLabelWindow,
  type FeatureTable,
  type LabelWindow,
} from './features/feature-table.ts';
export {
  EVENT_TYPES,
  EXTERNAL_EVENT_TYPES,
  parseEvent,
  eventToWire,
  type CustomerEvent,
} from './events/customer-event.ts';
export { purposeConsentsOf, purposeStatesAt, type PurposeConsentState } from './consent-states.ts';
export * from './events/customer-event.ts';
export * from './features/abnormal-behaviour.ts';
export * from './features/compute.ts';
export * from './features/definitions.ts';
export * from './features/feature-table.ts';
export * from './features/recourse.ts';
export * from './customer.ts';
export * from './features/event-columns.ts';
