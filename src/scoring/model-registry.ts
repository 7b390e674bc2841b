import type { Scorecard } from './scorecard.ts';
import type { Scorer } from './scorer.ts';

/**
 * The model registry: scorecard artefacts by version. A model is uploaded as a `candidate`, becomes
 * `active` when activated (the previously active one is `retired` in the same transaction), and only
 * the active model scores applicants unless a caller asks for a version by name.
 */
export const MODEL_STATUSES = ['candidate', 'active', 'retired'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** What a listing shows of a model (not the artefact itself). */
export interface ModelSummary {
  readonly version: string;
  readonly contentHash: string;
  readonly status: ModelStatus;
  readonly featureCount: number;
  /** AUC on the holdout sample recorded in the artefact, when there was one. */
  readonly holdoutAuc: number | null;
  readonly trainedAt: Date;
  readonly createdAt: Date;
  /** The name of the API key (or CLI user) that uploaded it. */
  readonly createdBy: string | null;
  readonly activatedAt: Date | null;
  readonly retiredAt: Date | null;
}

export interface ModelRecord extends ModelSummary {
  readonly card: Scorecard;
}

/** The registry port, built by the composition root over the database. */
export interface ModelRegistry {
  /** Every model, newest first. */
  list(): Promise<ModelSummary[]>;
  /** One model with its artefact; NOT_FOUND if unknown. */
  get(version: string): Promise<ModelRecord>;
  /** Stores a validated artefact as a candidate; CONFLICT if the version or content exists. */
  register(card: Scorecard, createdBy?: string): Promise<ModelSummary>;
  /** Makes a model the active one and retires the previous; activating the active model is a no-op. */
  activate(version: string): Promise<ModelSummary>;
  /**
   * Forgets the cached active scorer, after an activation committed outside `activate` (a four-eyes
   * approval activates inside its own transaction).
   */
  forgetActive?(): void;
  /** The active model, if any. */
  active(): Promise<ModelRecord | undefined>;
  /**
   * A compiled scorer for a version, or for the active model when no version is given; compiled once per
   * artefact and cached. NOT_FOUND when there is no such model (or no active one).
   */
  scorer(version?: string): Promise<Scorer>;
}
