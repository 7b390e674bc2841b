import { sqlStateOf, type Database, type Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { Clock } from '../platform/time/clock.ts';
import {
  MODEL_STATUSES,
  type ModelRecord,
  type ModelRegistry,
  type ModelStatus,
  type ModelSummary,
} from './model-registry.ts';
import { parseScorecard, serializeScorecard, type Scorecard } from './scorecard.ts';
import { createScorer, type Scorer } from './scorer.ts';

/** A row of `scoring_models` (snake_case, as stored). */
interface ModelRow {
  version: string;
  content_hash: string;
  status: string;
  feature_count: number;
  holdout_auc: number | null;
  trained_at: Date;
  created_at: Date;
  created_by: string | null;
  activated_at: Date | null;
  retired_at: Date | null;
}

interface ModelRowWithArtefact extends ModelRow {
  artefact: string;
}

const SUMMARY_COLUMNS =
  'version, content_hash, status, feature_count, holdout_auc, trained_at, created_at, created_by, activated_at, retired_at';

function statusOf(value: string): ModelStatus {
  if (!(MODEL_STATUSES as readonly string[]).includes(value)) {
    throw new AppError('INTERNAL', `scoring_models holds an unknown status "${value}"`);
  }
  return value as ModelStatus;
}

function toSummary(row: ModelRow): ModelSummary {
  return {
    version: row.version,
    contentHash: row.content_hash,
    status: statusOf(row.status),
    featureCount: Number(row.feature_count),
    holdoutAuc: row.holdout_auc === null ? null : Number(row.holdout_auc),
    trainedAt: row.trained_at,
    createdAt: row.created_at,
    createdBy: row.created_by,
    activatedAt: row.activated_at,
    retiredAt: row.retired_at,
  };
}

function toRecord(row: ModelRowWithArtefact): ModelRecord {
  // The stored text is re-validated: a row edited by hand fails its content hash here, not at scoring.
  return { ...toSummary(row), card: parseScorecard(JSON.parse(row.artefact) as unknown) };
}

/** All models, newest first. */
export async function listModels(db: Queryable): Promise<ModelSummary[]> {
  const result = await db.query<ModelRow>(
    `select ${SUMMARY_COLUMNS} from scoring_models order by created_at desc, version desc`,
  );
  return result.rows.map(toSummary);
}

/** One model with its artefact, or undefined. */
export async function findModel(db: Queryable, version: string): Promise<ModelRecord | undefined> {
  const result = await db.query<ModelRowWithArtefact>(
    `select ${SUMMARY_COLUMNS}, artefact from scoring_models where version = $1`,
    [version],
  );
  const [row] = result.rows;
  return row ? toRecord(row) : undefined;
}

/** The active model with its artefact, or undefined. */
export async function findActiveModel(db: Queryable): Promise<ModelRecord | undefined> {
  const result = await db.query<ModelRowWithArtefact>(
    `select ${SUMMARY_COLUMNS}, artefact from scoring_models where status = 'active'`,
  );
  const [row] = result.rows;
  return row ? toRecord(row) : undefined;
}

/** The version and content hash of a model (the active one when `version` is undefined). */
export async function findModelHead(
  db: Queryable,
  version: string | undefined,
): Promise<{ version: string; contentHash: string } | undefined> {
  const result = await db.query<{ version: string; content_hash: string }>(
    version === undefined
      ? `select version, content_hash from scoring_models where status = 'active'`
      : 'select version, content_hash from scoring_models where version = $1',
    version === undefined ? [] : [version],
  );
  const [row] = result.rows;
  return row ? { version: row.version, contentHash: row.content_hash } : undefined;
}

/** Inserts a candidate; CONFLICT when the version or the content is already registered. */
export async function insertModel(
  db: Queryable,
  card: Scorecard,
  createdAt: Date,
  createdBy: string | null,
): Promise<ModelSummary> {
  try {
    const result = await db.query<ModelRow>(
      `insert into scoring_models
         (version, content_hash, status, artefact, feature_count, holdout_auc, trained_at, created_at, created_by)
       values ($1, $2, 'candidate', $3, $4, $5, $6, $7, $8)
       returning ${SUMMARY_COLUMNS}`,
      [
        card.version,
        card.contentHash,
        serializeScorecard(card),
        card.features.length,
        card.metrics.holdout?.auc ?? null,
        new Date(card.trainedAt),
        createdAt,
        createdBy,
      ],
    );
    const [row] = result.rows;
    if (!row) throw new AppError('INTERNAL', 'model insert returned no row');
    return toSummary(row);
  } catch (error) {
    if (sqlStateOf(error) === '23505') {
      throw new AppError(
        'CONFLICT',
        `a model with version ${card.version} or the same content is already registered`,
        { details: { version: card.version, contentHash: card.contentHash } },
      );
    }
    throw error;
  }
}

/** Retires the active model (if another) and activates `version`, locking the rows it changes. */
export async function activateModel(tx: Queryable, version: string, at: Date): Promise<ModelSummary> {
  const target = await tx.query<ModelRow>(
    `select ${SUMMARY_COLUMNS} from scoring_models where version = $1 for update`,
    [version],
  );
  const [row] = target.rows;
  if (!row) throw AppError.notFound('model', version);
  if (row.status === 'active') return toSummary(row);
  await tx.query(`update scoring_models set status = 'retired', retired_at = $1 where status = 'active'`, [
    at,
  ]);
  const updated = await tx.query<ModelRow>(
    `update scoring_models set status = 'active', activated_at = $2, retired_at = null
      where version = $1 returning ${SUMMARY_COLUMNS}`,
    [version, at],
  );
  const [activated] = updated.rows;
  if (!activated) throw new AppError('INTERNAL', 'model activation updated no row');
  return toSummary(activated);
}

/**
 * The registry over the database. Compiled scorers are cached by content hash (a handful at most: the
 * active model and whatever versions were asked for by name), so asking for the active scorer costs one
 * small query for its hash; the artefact is read, checked and compiled only when it changed.
 */
export function createPgModelRegistry(
  db: Database,
  clock: Clock,
  options: {
    /**
     * How long the active model's scorer is reused without asking the database which model is active, in
     * milliseconds (default 1,000; 0 asks every time). An activation through this registry takes effect at
     * once; one made by another process within this time.
     */
    readonly activeCacheMs?: number;
  } = {},
): ModelRegistry {
  const cache = new Map<string, Scorer>();
  const activeCacheMs = options.activeCacheMs ?? 1_000;
  let active: { readonly scorer: Scorer; readonly at: number } | undefined;
  const compiled = (record: ModelRecord): Scorer => {
    let scorer = cache.get(record.contentHash);
    if (scorer === undefined) {
      scorer = createScorer(record.card);
      if (cache.size >= 8) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(record.contentHash, scorer);
    }
    return scorer;
  };
  return {
    list: () => listModels(db),
    async get(version) {
      const record = await findModel(db, version);
      if (!record) throw AppError.notFound('model', version);
      return record;
    },
    register: (card, createdBy) => insertModel(db, card, clock.now(), createdBy ?? null),
    async activate(version) {
      active = undefined;
      try {
        return await db.transaction((tx) => activateModel(tx, version, clock.now()), {
          isolation: 'serializable',
          retries: 3,
        });
      } finally {
        active = undefined;
      }
    },
    forgetActive() {
      active = undefined;
    },
    active: () => findActiveModel(db),
    async scorer(version) {
      const now = clock.now().getTime();
      if (version === undefined && active && activeCacheMs > 0 && now - active.at < activeCacheMs)
        return active.scorer;
      const head = await findModelHead(db, version);
      let scorer = head ? cache.get(head.contentHash) : undefined;
      if (!scorer) {
        const record = head ? await findModel(db, head.version) : undefined;
        if (!record) {
          throw version === undefined
            ? new AppError('NOT_FOUND', 'no scoring model is active', { details: { resource: 'model' } })
            : AppError.notFound('model', version);
        }
        scorer = compiled(record);
      }
      if (version === undefined) active = { scorer, at: now };
      return scorer;
    },
  };
}
