/**
 * The scoring context's public surface. Other contexts import from here only.
 *
 * Serving: `parseScorecard(json)` validates an artefact (schema, rules, content hash); `createScorer(card)`
 * compiles it into a function `(row) => ScoreResult` with what-if helpers for recourse. Models live in
 * the registry (`Services.models`): `await services.models.scorer()` is the active model's scorer.
 */
export { parseScorecard, serializeScorecard, contentHashOf, SCORECARD_SCHEMA } from './scorecard.ts';
export type { Scorecard, ScorecardFeature, ScorecardBin, SampleMetrics } from './scorecard.ts';
export { createScorer, reasonCodeOf } from './scorer.ts';
export type {
  BinInfo,
  FeatureInfo,
  FeatureValue,
  ReasonCode,
  ScoreResult,
  ScoreRow,
  Scorer,
  WhatIf,
} from './scorer.ts';
export { DIMENSIONS, DEFAULT_DIMENSION_MAPPING, dimensionOf } from './dimensions.ts';
export type { Dimension, DimensionMapping, DimensionRule } from './dimensions.ts';
export type { ReasonTextParams } from './reason-messages.ts';
export { REASON_MESSAGES, binPhrase } from './reason-messages.ts';
export { MODEL_STATUSES } from './model-registry.ts';
export type { ModelRecord, ModelRegistry, ModelStatus, ModelSummary } from './model-registry.ts';
export { stabilityIndex, DEFAULT_PSI_EPSILON } from './metrics.ts';
export type { Stability, StabilityVerdict } from './metrics.ts';
export { pdAtScore, DEFAULT_SCALING } from './scaling.ts';
