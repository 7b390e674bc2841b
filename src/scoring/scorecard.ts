import { createHash } from 'node:crypto';
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { AppError, type FieldIssue } from '../platform/errors/app-error.ts';
import { DIMENSIONS } from './dimensions.ts';
import { DROP_REASONS, type DropReason } from './feature-selection.ts';

/**
 * The scorecard artefact: one JSON document that holds everything needed to score and explain (bins,
 * WoE, points, scaling, dimension tags) and everything needed to audit it (coefficients, statistics,
 * metrics, the training data's fingerprint, the options used). Its schema is versioned by `schema`;
 * `contentHash` is the SHA-256 of the canonical JSON of the rest, so any edit is detected on load.
 */
export const SCORECARD_SCHEMA = 'credence.scorecard/1';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Finite = (options: Record<string, unknown> = {}) => Type.Number(options);
const Closed = <P extends Parameters<typeof Type.Object>[0]>(properties: P, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });

const DimensionSchema = Type.Unsafe<(typeof DIMENSIONS)[number]>({ type: 'string', enum: [...DIMENSIONS] });
const LocalizedSchema = Closed({ zh: Type.String(), en: Type.String() });

const BinStatsProperties = {
  text: Type.String({ description: 'The bin as text: "[130, 250)", "missing", "{owner, parents}".' }),
  count: Type.Integer({ minimum: 0 }),
  goods: Type.Integer({ minimum: 0 }),
  bads: Type.Integer({ minimum: 0 }),
  eventRate: Finite({ minimum: 0, maximum: 1 }),
  woe: Finite(),
  iv: Finite(),
  points: Type.Integer({
    description: 'Integer points of the bin; a score is the base plus the points of its bins.',
  }),
};

export const ScorecardBinSchema = Type.Union([
  Closed({
    kind: Type.Literal('interval'),
    lower: Nullable(Finite()),
    upper: Nullable(Finite()),
    ...BinStatsProperties,
  }),
  Closed({ kind: Type.Literal('special'), value: Finite(), ...BinStatsProperties }),
  Closed({ kind: Type.Literal('missing'), ...BinStatsProperties }),
  Closed({
    kind: Type.Literal('categories'),
    categories: Type.Array(Type.String()),
    rare: Type.Array(Type.String(), { description: 'Rare categories pooled into this bin.' }),
    ...BinStatsProperties,
  }),
  Closed({ kind: Type.Literal('unknown'), ...BinStatsProperties }),
]);

export const ScorecardFeatureSchema = Closed({
  name: Type.String({ minLength: 1 }),
  kind: Type.Union([Type.Literal('numeric'), Type.Literal('categorical')]),
  dimension: DimensionSchema,
  label: LocalizedSchema,
  /**
   * How the customer reads the feature's values in reason texts: `percent` (a fraction shown ×100 with %),
   * `yuan` (money). Absent: plain numbers.
   */
  valueFormat: Type.Optional(Type.Union([Type.Literal('percent'), Type.Literal('yuan')])),
  trend: Type.Union([
    Type.Literal('ascending'),
    Type.Literal('descending'),
    Type.Literal('peak'),
    Type.Literal('valley'),
    Type.Literal('none'),
    Type.Literal('manual'),
  ]),
  iv: Finite(),
  coefficient: Finite(),
  standardError: Nullable(Finite()),
  pValue: Nullable(Finite()),
  bins: Type.Array(ScorecardBinSchema, { minItems: 1 }),
});

const CalibrationSchema = Closed({
  from: Finite(),
  to: Finite(),
  count: Type.Integer({ minimum: 0 }),
  bads: Type.Integer({ minimum: 0 }),
  observed: Finite(),
  predicted: Finite(),
});

export const SampleMetricsSchema = Closed({
  n: Type.Integer({ minimum: 0 }),
  bads: Type.Integer({ minimum: 0 }),
  badRate: Finite(),
  auc: Nullable(Finite()),
  ks: Nullable(Finite()),
  gini: Nullable(Finite()),
  brier: Nullable(Finite()),
  logLoss: Nullable(Finite()),
  calibration: Type.Array(CalibrationSchema),
  scoreHistogram: Closed(
    {
      from: Type.Integer(),
      width: Type.Integer({ minimum: 1 }),
      goods: Type.Array(Type.Integer({ minimum: 0 })),
      bads: Type.Array(Type.Integer({ minimum: 0 })),
    },
    'Goods and bads per score band [from + k·width, from + (k+1)·width); the last band includes the maximum.',
  ),
});

const DroppedSchema = Closed({
  feature: Type.String(),
  reason: Type.Unsafe<DropReason>({ type: 'string', enum: [...DROP_REASONS] }),
  detail: Type.String(),
});

export const ScorecardSchema = Closed(
  {
    schema: Type.Literal(SCORECARD_SCHEMA),
    version: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' }),
    trainedAt: Type.String({ description: 'When the model was trained (RFC 3339).' }),
    target: Closed({ column: Type.String(), bad: Type.String(), good: Type.Array(Type.String()) }),
    scaling: Closed({
      baseScore: Finite(),
      baseOdds: Finite({ exclusiveMinimum: 0 }),
      pdo: Finite({ exclusiveMinimum: 0 }),
      minScore: Type.Integer(),
      maxScore: Type.Integer(),
      factor: Finite(),
      offset: Finite(),
    }),
    smoothing: Closed({ alpha: Finite({ exclusiveMinimum: 0 }) }),
    intercept: Finite(),
    basePoints: Type.Integer(),
    features: Type.Array(ScorecardFeatureSchema),
    dropped: Type.Array(DroppedSchema),
    dimensions: Closed({
      rules: Type.Array(Closed({ pattern: Type.String(), dimension: DimensionSchema })),
      fallback: DimensionSchema,
      overrides: Type.Record(Type.String(), DimensionSchema),
    }),
    training: Closed({
      rows: Type.Integer({ minimum: 0 }),
      goods: Type.Integer({ minimum: 0 }),
      bads: Type.Integer({ minimum: 0 }),
      fingerprint: Type.String(),
      columns: Type.Array(Type.String()),
      options: Type.Record(Type.String(), Type.Unknown(), {
        description: 'The training options as given (binning, selection, regression, specials, manual bins).',
      }),
      regression: Closed({
        l2: Finite({ minimum: 0 }),
        iterations: Type.Integer({ minimum: 0 }),
        converged: Type.Boolean(),
        logLikelihood: Finite(),
        gradientNorm: Finite(),
        refits: Type.Integer({ minimum: 0 }),
      }),
    }),
    rounding: Closed({
      worstCase: Finite({
        description: 'Largest |integer total − unrounded score| over all bin combinations.',
      }),
      trainingMax: Finite({
        description: 'Largest |integer total − unrounded score| over the training rows.',
      }),
    }),
    metrics: Closed({ train: SampleMetricsSchema, holdout: Nullable(SampleMetricsSchema) }),
    contentHash: Type.String({ pattern: '^sha256:[0-9a-f]{64}$' }),
  },
  'A Credence scorecard artefact (schema credence.scorecard/1).',
);

export type Scorecard = Static<typeof ScorecardSchema>;
export type ScorecardFeature = Static<typeof ScorecardFeatureSchema>;
export type ScorecardBin = Static<typeof ScorecardBinSchema>;
export type SampleMetrics = Static<typeof SampleMetricsSchema>;

/** JSON with object keys sorted at every level: the form the content hash is taken of. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw AppError.invalid('scorecard', 'finite-numbers', 'the artefact holds a non-finite number');
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** The content hash of an artefact: SHA-256 of the canonical JSON of everything but `contentHash`. */
export function contentHashOf(card: Omit<Scorecard, 'contentHash'> & { contentHash?: string }): string {
  const { contentHash: _ignored, ...rest } = card;
  return `sha256:${createHash('sha256').update(canonicalJson(rest)).digest('hex')}`;
}

/** Seals an artefact: sets its content hash. */
export function sealScorecard(card: Omit<Scorecard, 'contentHash'>): Scorecard {
  return { ...card, contentHash: contentHashOf(card) };
}

/** The artefact as pretty JSON text (what `train --out` writes). */
export function serializeScorecard(card: Scorecard): string {
  return `${JSON.stringify(card, null, 2)}\n`;
}

/**
 * Field issues from JSON-schema errors: one per field (a union reports every branch; the first is the
 * useful one), an unknown property reported as `unknown-field` at its own path.
 */
export function schemaIssues(
  errors: ReadonlyArray<{ instancePath: string; keyword: string; message: string }>,
  root: string,
  prefix = '',
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'additionalProperties') continue; // reported at the property itself
    const path = pointer(error.instancePath, root);
    const field = prefix && path !== root ? `${prefix}.${path}` : path;
    if (seen.has(field) || issues.length >= 20) continue;
    seen.add(field);
    issues.push(
      error.keyword === 'boolean'
        ? { field, rule: 'unknown-field', message: 'is not a known field' }
        : { field, rule: error.keyword, message: error.message },
    );
  }
  return issues;
}

function pointer(path: string, root: string): string {
  const parts = path.split('/').filter((part) => part.length > 0);
  return parts.length === 0
    ? root
    : parts
        .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
        .join('')
        .replace(/^\./, '');
}

/**
 * Validates an artefact and returns it typed: the JSON schema first (every field named on failure), then
 * the rules a schema cannot say (bins cover the number line without gaps or overlaps, one missing bin per
 * feature, categories in one group only, scaling consistent), then the content hash.
 */
export function parseScorecard(json: unknown): Scorecard {
  if (typeof json === 'object' && json !== null && 'schema' in json) {
    const schema = (json as { schema: unknown }).schema;
    if (
      typeof schema === 'string' &&
      schema !== SCORECARD_SCHEMA &&
      schema.startsWith('credence.scorecard/')
    ) {
      throw AppError.invalid(
        'schema',
        'supported-schema',
        `schema ${schema} is not supported (this build reads ${SCORECARD_SCHEMA})`,
      );
    }
  }
  if (!Value.Check(ScorecardSchema, json)) {
    const issues = schemaIssues(Value.Errors(ScorecardSchema, json), 'scorecard');
    throw new AppError(
      'VALIDATION_FAILED',
      `not a valid scorecard: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
      {
        issues,
      },
    );
  }
  const card = json;
  checkSemantics(card);
  const expected = contentHashOf(card);
  if (expected !== card.contentHash) {
    throw AppError.invalid(
      'contentHash',
      'content-hash',
      `the content hash does not match the content (expected ${expected}); the artefact was changed after it was sealed`,
    );
  }
  return card;
}

function checkSemantics(card: Scorecard): void {
  const fail = (field: string, rule: string, message: string): never => {
    throw AppError.invalid(field, rule, message);
  };
  const { scaling } = card;
  if (scaling.minScore >= scaling.maxScore)
    fail('scaling.minScore', 'range', 'minScore must be below maxScore');
  const factor = scaling.pdo / Math.LN2;
  const offset = scaling.baseScore - factor * Math.log(scaling.baseOdds);
  if (Math.abs(factor - scaling.factor) > 1e-9 * factor)
    fail('scaling.factor', 'pdo-over-ln2', 'factor must equal pdo / ln 2');
  if (Math.abs(offset - scaling.offset) > 1e-9 * Math.max(1, Math.abs(offset))) {
    fail('scaling.offset', 'consistent-offset', 'offset must equal baseScore − factor · ln(baseOdds)');
  }
  const names = new Set<string>();
  card.features.forEach((feature, f) => {
    const at = `features[${f}]`;
    if (names.has(feature.name)) fail(`${at}.name`, 'unique', `feature ${feature.name} appears twice`);
    names.add(feature.name);
    const kinds = feature.bins.map((bin) => bin.kind);
    if (kinds.filter((kind) => kind === 'missing').length !== 1)
      fail(`${at}.bins`, 'one-missing-bin', 'a feature has exactly one missing bin');
    if (feature.kind === 'numeric') {
      const intervals = feature.bins.filter((bin) => bin.kind === 'interval');
      if (kinds.some((kind) => kind === 'categories' || kind === 'unknown'))
        fail(`${at}.bins`, 'numeric-bins', 'a numeric feature has interval, special and missing bins only');
      if (intervals.length === 0)
        fail(`${at}.bins`, 'intervals', 'a numeric feature has at least one interval');
      if (kinds.slice(0, intervals.length).some((kind) => kind !== 'interval'))
        fail(`${at}.bins`, 'intervals-first', 'the intervals of a feature come first, in ascending order');
      intervals.forEach((bin, k) => {
        const lower = bin.lower;
        const upper = bin.upper;
        if ((k === 0) !== (lower === null))
          fail(`${at}.bins[${k}].lower`, 'contiguous', 'only the first interval is open below');
        if ((k === intervals.length - 1) !== (upper === null))
          fail(`${at}.bins[${k}].upper`, 'contiguous', 'only the last interval is open above');
        if (lower !== null && upper !== null && !(lower < upper))
          fail(`${at}.bins[${k}]`, 'ascending', 'lower must be below upper');
        const next = intervals[k + 1];
        if (next && next.lower !== upper)
          fail(
            `${at}.bins[${k + 1}].lower`,
            'contiguous',
            'each interval starts where the previous one ends',
          );
      });
      const specials = feature.bins.flatMap((bin) => (bin.kind === 'special' ? [bin.value] : []));
      if (new Set(specials).size !== specials.length)
        fail(`${at}.bins`, 'unique-special', 'a special value has one bin');
    } else {
      if (kinds.some((kind) => kind === 'interval' || kind === 'special'))
        fail(
          `${at}.bins`,
          'categorical-bins',
          'a categorical feature has category, missing and unknown bins only',
        );
      if (kinds.filter((kind) => kind === 'unknown').length !== 1)
        fail(`${at}.bins`, 'one-unknown-bin', 'a categorical feature has exactly one unknown bin');
      const seen = new Set<string>();
      feature.bins.forEach((bin, b) => {
        if (bin.kind !== 'categories') return;
        for (const category of [...bin.categories, ...bin.rare]) {
          if (seen.has(category))
            fail(`${at}.bins[${b}].categories`, 'disjoint', `category ${category} is in two bins`);
          seen.add(category);
        }
      });
    }
    feature.bins.forEach((bin, b) => {
      if (bin.goods + bin.bads !== bin.count)
        fail(`${at}.bins[${b}].count`, 'sum', 'count must equal goods + bads');
    });
  });
}
