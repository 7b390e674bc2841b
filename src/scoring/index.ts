/**
 * The scoring context's public surface. Other contexts import from here only.
 *
 * Serving: `parseScorecard(json)` validates an artefact (schema, rules, content hash); `createScorer(card)`
 * compiles it into a function `(row) => ScoreResult` with what-if helpers for recourse. Models live in
 * the registry (`Services.models`): `await services.models.scorer()` is the active model's scorer.
 * Training (`trainScorecard`) and a synthetic population (`syntheticCreditData`) are here too, so other
 * contexts can build a real scorecard for their tests.
 */
export {
  parseScorecard,
  serializeScorecard,
  contentHashOf,
  SCORECARD_SCHEMA,
  SampleMetricsSchema,
} from './scorecard.ts';
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
export { stabilityIndex, DEFAULT_PSI_EPSILON, rankedCounts, aucOf, ksOf, rocCurve } from './metrics.ts';
export type { Stability, StabilityVerdict } from './metrics.ts';
export { pdAtScore, DEFAULT_SCALING } from './scaling.ts';
export { trainScorecard, parseTrainingConfig, DEFAULT_TRAINING } from './train.ts';
export type { TrainingConfig, TrainingInput, TrainingResult, FeatureSettings } from './train.ts';
export type { ScalingOptions } from './scaling.ts';
export type { Dataset, Column, TargetInfo } from './dataset.ts';
export { syntheticCreditData, seededUniform, SYNTHETIC_COLUMNS } from './synthetic-data.ts';
export {
  calibrationEdges,
  scoreBandIndex,
  scoreDataset,
  sampleMetrics,
  stabilityAgainstTraining,
  trainingScoreBandCounts,
} from './evaluation.ts';
export type { DatasetScores, StabilityReport } from './evaluation.ts';
export * from './dimensions.ts';
export * from './svg-charts.ts';
