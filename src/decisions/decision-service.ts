import type { CustomerSnapshot } from '../customers/index.ts';
import { openOrAdjustFacility } from '../lending/facilities/facility-service.ts';
import type { FacilityProduct } from '../lending/facilities/facility.ts';
import { sqlStateOf, type Database, type Queryable } from '../platform/database/database.ts';
import { AppError, isAppError } from '../platform/errors/app-error.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import { fen, type Money } from '../platform/money/money.ts';
import { compareRate, parseRate, toExactRateString } from '../platform/money/rate.ts';
import type { Clock } from '../platform/time/clock.ts';
import { businessDateOf, type LocalDate } from '../platform/time/local-date.ts';
import {
  dailyRateOf,
  type CompiledPolicy,
  type DecisionPolicy,
  type PolicyVersionSummary,
  type ProductType,
} from '../policy/index.ts';
import type { Scorer } from '../scoring/index.ts';
import type {
  DecisionFault,
  DecisionKind,
  DecisionOverride,
  DecisionRecord,
  DecisionSummary,
  FaultStage,
} from './decision.ts';
import { factsFromSnapshot, termsJson, type DecisionFacts, type FacilityFact } from './decision-facts.ts';
import * as repository from './decisions.pg.ts';
import {
  createRecourseMemo,
  evaluateDecision,
  NO_LIMIT,
  type EvaluatedDecision,
} from './evaluate-decision.ts';
import { systemUnavailableReason, type PrincipalReason } from './principal-reasons.ts';
import { replayRecord, type ReplayReport } from './replay.ts';

/**
 * The decisions context's use cases: decide (gather, score, apply the policy, price, explain, find
 * recourse, record, and on approval open or adjust the facility in the same transaction), read, list,
 * replay, and record a person's override. Faults of a dependency — the snapshot, the facility lookup, the
 * scorer, the policy, an identity provider — make the decision `referred` with `SYSTEM_UNAVAILABLE`, never a
 * silent decline, and it is still recorded; if the database cannot record it, the request fails with
 * UNAVAILABLE (HTTP 503) and nothing is written.
 */

/** The ports a decision needs; the composition root wires them to the other contexts. */
export interface DecisionPorts {
  /** The customer snapshot as of an instant (customers context). NOT_FOUND for an unknown customer. */
  snapshot(customerId: string, asOf: Date): Promise<CustomerSnapshot>;
  /** The customer's facility for a product before the decision, if any (lending context). */
  facility(customerId: string, product: FacilityProduct): Promise<FacilityFact | null>;
  /** The active scorer, or one by model version (scoring context). */
  scorer(version?: string): Promise<Scorer>;
  /** Product, arm, policy version, appetite and legal caps for one decision (policy context). */
  resolvePolicy(request: {
    productCode: string;
    customerId: string;
    date: LocalDate;
  }): Promise<DecisionPolicy>;
  /** A stored policy version, compiled (replay). */
  compiledPolicy(versionId: string): Promise<CompiledPolicy>;
  /** A stored policy version's summary (its checksum), for replay. */
  policyVersion(versionId: string): Promise<PolicyVersionSummary>;
}

export interface DecisionServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly ports: DecisionPorts;
  /** How long each dependency may take before the decision is referred as a fault (default 2,000 ms). */
  readonly dependencyTimeoutMs?: number;
  /** Decisions recourse may re-run per decision (default 1,500). */
  readonly maxRecourseEvaluations?: number;
  /** Recourse plans remembered for identical inputs (default 2,000; 0 remembers none). */
  readonly recourseMemoSize?: number;
  /** Opens the review case of a referred decision in the decision's own transaction (referrals context). */
  readonly referralCases?: ReferralCaseOpener;
}

/**
 * The port through which a referred decision opens its review case: `opensCase` says which referred
 * decisions get one (the referrals context decides), `open` writes it inside the decision's transaction,
 * so a referral is never recorded without its case. Opening is idempotent (one case per decision).
 */
export interface ReferralCaseOpener {
  opensCase(record: DecisionRecord): boolean;
  open(tx: Queryable, record: DecisionRecord): Promise<void>;
}

export interface DecisionRequest {
  readonly customerId: string;
  readonly productCode: string;
  /** The amount asked for; null or omitted for "the most I can get". */
  readonly requestedAmount?: Money | null;
  /** Default `application`. */
  readonly kind?: DecisionKind;
  /** The appeal, review or decision this one belongs to. */
  readonly linkedTo?: string | null;
  /**
   * Whether an approval opens or adjusts the facility in the same transaction (default true). A limit
   * review that only wants to see the answer first passes false.
   */
  readonly applyToFacility?: boolean;
}

export interface OverrideRequest {
  /** The decision a person overrides. */
  readonly decisionId: string;
  /** The appeal the override belongs to. */
  readonly appealId: string;
  readonly reviewer: string;
  readonly note: string;
  readonly outcome: 'approved' | 'declined' | 'referred';
  readonly limit: Money;
  /** Exact APR for an approval; null otherwise. */
  readonly apr: string | null;
  readonly applyToFacility?: boolean;
}

/** A person's decision on a referred decision (a referral case), recorded as a `manual_review`. */
export interface ManualReviewRequest {
  /** The referred decision the person decides on. */
  readonly decisionId: string;
  /** The referral case (`ref_…`): the new decision's `linkedTo`. */
  readonly referralId: string;
  /** Who decided (maker, and checker when a second person approved). */
  readonly reviewer: string;
  readonly note: string;
  readonly outcome: 'approved' | 'declined';
  readonly limit: Money;
  /** Exact APR for an approval; null for a decline. */
  readonly apr: string | null;
  /** What the customer reads: the decline's catalogue reasons, or the approval's. */
  readonly reasons: readonly PrincipalReason[];
  /** The product's type (a decision referred before its policy was known has none recorded). */
  readonly productType: ProductType;
}

export interface DecisionService {
  /** Decides for one customer and product, records it, and applies an approval to the facility. */
  decide(request: DecisionRequest): Promise<DecisionRecord>;
  /** NOT_FOUND when there is no such decision. */
  get(decisionId: string): Promise<DecisionRecord>;
  /** A customer's decisions, newest first. */
  list(customerId: string, options?: { limit?: number; before?: string }): Promise<DecisionSummary[]>;
  /** Recomputes a decision from its stored facts, model and policy version, and compares. */
  replay(decisionId: string): Promise<ReplayReport>;
  /**
   * Records a person's decision on an appeal as a new decision that overrides an earlier one. With
   * `options.tx` it is written inside the caller's transaction (the appeals context writes the override and
   * the appeal's resolution together); otherwise in its own.
   */
  recordOverride(request: OverrideRequest, options?: { readonly tx?: Queryable }): Promise<DecisionRecord>;
  /**
   * Records a person's decision on a referred decision as a new decision (kind `manual_review`, linked to
   * the referral case) that overrides it — replayable like an override — and applies an approval to the
   * facility, inside the caller's transaction.
   */
  recordManualReview(
    request: ManualReviewRequest,
    options: { readonly tx: Queryable },
  ): Promise<DecisionRecord>;
}

const FACILITY_PRODUCT: Readonly<Record<ProductType, FacilityProduct>> = {
  cash_loan: 'cash-loan',
  credit_line: 'credit-line',
};

class Timeout extends Error {
  constructor(readonly stage: FaultStage) {
    super(`${stage} did not answer in time`);
  }
}

/** Resolves with the work, or rejects with `Timeout` after `ms`; the timer never keeps the process up. */
function withTimeout<T>(work: Promise<T>, ms: number, stage: FaultStage): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(stage)), ms);
    (timer as { unref?: () => void }).unref?.();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** What a failed dependency said, reduced to a stage and a code (messages never carry personal data). */
function faultOf(stage: FaultStage, error: unknown): DecisionFault {
  if (error instanceof Timeout) return { stage, code: 'timeout', message: error.message };
  if (isAppError(error)) return { stage, code: error.code, message: `${stage}: ${error.code}` };
  return { stage, code: 'error', message: `${stage} failed` };
}

/** Errors that are the caller's, not a dependency's: unknown customer or product, bad input. */
function isCallersError(error: unknown): boolean {
  return (
    isAppError(error) &&
    (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_FAILED' || error.code === 'BAD_REQUEST')
  );
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(work: () => Promise<T>, ms: number, stage: FaultStage): Promise<Settled<T>> {
  try {
    return { ok: true, value: await withTimeout(work(), ms, stage) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The record of an evaluated decision. */
function recordOf(
  base: Pick<DecisionRecord, 'id' | 'customerId' | 'kind' | 'linkedTo' | 'productCode' | 'decidedAt'>,
  facts: DecisionFacts,
  resolved: Pick<DecisionPolicy, 'product' | 'arm' | 'version'>,
  scorer: Scorer,
  evaluated: EvaluatedDecision,
): DecisionRecord {
  return {
    ...base,
    productType: resolved.product.type,
    outcome: evaluated.outcome,
    limit: evaluated.limit,
    requestedAmount: evaluated.input.requestedAmount,
    apr: evaluated.outcome === 'declined' ? null : evaluated.apr,
    dailyRate: evaluated.outcome === 'declined' ? null : evaluated.dailyRate,
    score: evaluated.score.score,
    pd: evaluated.score.pd,
    subScores: { ...evaluated.score.subScores },
    reasons: evaluated.reasons,
    recourse: evaluated.recourse,
    policyVersionId: resolved.version.id,
    policyChecksum: resolved.version.checksum,
    arm: resolved.arm,
    modelVersion: scorer.card.version,
    modelHash: scorer.card.contentHash,
    legalCap: evaluated.legalCap,
    facts,
    scorecardRow: evaluated.row as Record<string, number | string | null>,
    policyDocument: evaluated.policyDocument,
    policyOutput: evaluated.policyOutput,
    trace: evaluated.trace,
    fault: null,
    override: null,
    facilityChange: null,
    decisionDate: facts.asOfDate,
  };
}

export function createDecisionService(deps: DecisionServiceDeps): DecisionService {
  const { db, clock, ids, ports } = deps;
  const timeoutMs = deps.dependencyTimeoutMs ?? 2_000;
  const recourseMemo =
    (deps.recourseMemoSize ?? 2_000) > 0 ? createRecourseMemo(deps.recourseMemoSize ?? 2_000) : undefined;

  /** Writes the record (and applies an approval) inside `tx`. */
  const write = async (tx: Queryable, record: DecisionRecord, apply: boolean): Promise<DecisionRecord> => {
    let stored = record;
    if (apply && record.outcome === 'approved' && record.productType !== null && record.apr !== null) {
      const outcome = await openOrAdjustFacility(
        tx,
        { clock, ids },
        {
          customerId: record.customerId,
          product: FACILITY_PRODUCT[record.productType],
          limit: record.limit,
          apr: record.apr,
          decisionId: record.id,
          reason: `decision ${record.id}`,
        },
      );
      stored = { ...record, facilityChange: outcome.change };
    }
    await repository.insertDecision(tx, stored);
    return stored;
  };

  /**
   * Writes the record (and applies an approval) in one transaction; a database fault is a 503. A decision
   * that changes no facility is one statement, atomic on its own: no transaction around it (two round
   * trips fewer).
   */
  const store = async (
    record: DecisionRecord,
    apply: boolean,
    facility: FacilityFact | null = null,
  ): Promise<DecisionRecord> => {
    const changesFacility =
      apply && record.outcome === 'approved' && record.productType !== null && record.apr !== null;
    const opener = deps.referralCases;
    try {
      if (record.outcome === 'referred' && opener?.opensCase(record)) {
        // A referral and its review case are written together: one transaction.
        return await db.transaction(async (tx: Queryable) => {
          await repository.insertDecision(tx, record);
          await opener.open(tx, record);
          return record;
        });
      }
      if (!changesFacility) {
        await repository.insertDecision(db, record);
        return record;
      }
      // An approval that leaves the facility as it was read (active, same limit and rate) is one
      // conditional statement; if the facility changed since it was read, nothing is written and the
      // approval is applied in the transaction below.
      if (
        record.productType !== null &&
        record.apr !== null &&
        facility?.status === 'active' &&
        facility.limit === record.limit &&
        facility.apr !== undefined &&
        compareRate(facility.apr, record.apr) === 0
      ) {
        const confirmed: DecisionRecord = { ...record, facilityChange: 'unchanged' };
        const terms = { product: FACILITY_PRODUCT[record.productType], apr: record.apr };
        if (await repository.insertDecisionConfirmingTerms(db, confirmed, terms)) return confirmed;
      }
      try {
        return await db.transaction(async (tx: Queryable) => write(tx, record, apply));
      } catch (error) {
        // Two first approvals of the same customer and product at once: both found no facility and one
        // insert lost on its unique key. Nothing of this decision was written; run it again — it now
        // finds the facility and adjusts it.
        if (sqlStateOf(error) !== '23505') throw error;
        return await db.transaction(async (tx: Queryable) => write(tx, record, apply));
      }
    } catch (error) {
      if (isAppError(error)) throw error;
      // The transaction rolled back: nothing of this decision was written, and trying again is right.
      throw new AppError(
        'UNAVAILABLE',
        'the decision could not be recorded (database unavailable); nothing was written',
        {
          cause: error,
        },
      );
    }
  };

  const referral = (
    base: Pick<DecisionRecord, 'id' | 'customerId' | 'kind' | 'linkedTo' | 'productCode' | 'decidedAt'>,
    fault: DecisionFault,
    known: {
      facts: DecisionFacts | null;
      resolved: DecisionPolicy | null;
      scorer: Scorer | null;
      requestedAmount: Money | null;
    },
  ): DecisionRecord => ({
    ...base,
    productType: known.resolved?.product.type ?? null,
    outcome: 'referred',
    limit: NO_LIMIT,
    requestedAmount: known.requestedAmount,
    apr: null,
    dailyRate: null,
    score: null,
    pd: null,
    subScores: null,
    reasons: [systemUnavailableReason()],
    recourse: null,
    policyVersionId: known.resolved?.version.id ?? null,
    policyChecksum: known.resolved?.version.checksum ?? null,
    arm: known.resolved?.arm ?? null,
    modelVersion: known.scorer?.card.version ?? null,
    modelHash: known.scorer?.card.contentHash ?? null,
    legalCap: null,
    facts: known.facts,
    scorecardRow: null,
    policyDocument: null,
    policyOutput: null,
    trace: null,
    fault,
    override: null,
    facilityChange: null,
    decisionDate: businessDateOf(base.decidedAt),
  });

  const decide = async (request: DecisionRequest): Promise<DecisionRecord> => {
    const requestedAmount = request.requestedAmount ?? null;
    if (requestedAmount !== null && requestedAmount <= 0n) {
      throw AppError.invalid('requestedAmount', 'positive', 'the amount asked for must be more than zero');
    }
    const decidedAt = clock.now();
    const date = businessDateOf(decidedAt);
    const base = {
      id: ids.next('decision'),
      customerId: request.customerId,
      kind: request.kind ?? 'application',
      linkedTo: request.linkedTo ?? null,
      productCode: request.productCode,
      decidedAt,
    } as const;

    // The policy first learns the product (its type picks the facility); the rest runs alongside.
    const policyPromise = settle(
      () => ports.resolvePolicy({ productCode: request.productCode, customerId: request.customerId, date }),
      timeoutMs,
      'policy',
    );
    const snapshotPromise = settle(
      () => ports.snapshot(request.customerId, decidedAt),
      timeoutMs,
      'snapshot',
    );
    const scorerPromise = settle(() => ports.scorer(), timeoutMs, 'scoring');
    const policy = await policyPromise;
    if (!policy.ok && isCallersError(policy.error)) throw policy.error;
    const facilityPromise = policy.ok
      ? settle(
          () => ports.facility(request.customerId, FACILITY_PRODUCT[policy.value.product.type]),
          timeoutMs,
          'facility',
        )
      : Promise.resolve<Settled<FacilityFact | null>>({ ok: true, value: null });
    const [snapshot, scorer, facility] = await Promise.all([snapshotPromise, scorerPromise, facilityPromise]);
    if (!snapshot.ok && isCallersError(snapshot.error)) throw snapshot.error;

    const resolved = policy.ok ? policy.value : null;
    const facts =
      snapshot.ok && facility.ok
        ? factsFromSnapshot(
            snapshot.value,
            { productCode: request.productCode, requestedAmount },
            facility.value,
            resolved ? termsJson(date, resolved.product, resolved.appetite, resolved.legalRateCaps) : null,
          )
        : null;
    const known = {
      facts,
      resolved,
      scorer: scorer.ok ? scorer.value : null,
      requestedAmount,
    };
    const apply = request.applyToFacility !== false;
    const failed: Array<[FaultStage, Settled<unknown>]> = [
      ['policy', policy],
      ['snapshot', snapshot],
      ['facility', facility],
      ['scoring', scorer],
    ];
    for (const [stage, settled] of failed) {
      if (!settled.ok) return store(referral(base, faultOf(stage, settled.error), known), apply);
    }
    if (!facts || !resolved || !scorer.ok) throw new AppError('INTERNAL', 'decision inputs incomplete');

    // An identity provider that was down left the verification short through no fault of the customer.
    if (
      facts.verification.failures.includes('PROVIDER_UNAVAILABLE') &&
      facts.verification.level < resolved.product.requiredVerificationLevel
    ) {
      const fault: DecisionFault = {
        stage: 'provider',
        code: 'PROVIDER_UNAVAILABLE',
        message: 'the identity provider was unavailable when the customer was last verified',
      };
      return store(referral(base, fault, known), apply);
    }

    let evaluated: EvaluatedDecision;
    try {
      evaluated = evaluateDecision(facts, scorer.value, resolved, {
        ...(deps.maxRecourseEvaluations !== undefined
          ? { maxRecourseEvaluations: deps.maxRecourseEvaluations }
          : {}),
        ...(recourseMemo ? { recourseMemo } : {}),
      });
    } catch (error) {
      // A policy that cannot evaluate this input (or a scorecard that cannot read it) is our fault.
      return store(referral(base, faultOf('policy', error), known), apply);
    }
    return store(
      recordOf(base, facts, resolved, scorer.value, evaluated),
      apply,
      facility.ok ? facility.value : null,
    );
  };

  const get = async (decisionId: string): Promise<DecisionRecord> => {
    const record = await repository.findDecision(db, decisionId);
    if (!record) throw AppError.notFound('decision', decisionId);
    return record;
  };

  const replay = async (decisionId: string): Promise<ReplayReport> => {
    const record = await get(decisionId);
    const original = record.override ? await get(record.override.overrides) : null;
    return replayRecord(record, original, {
      scorer: (version) => ports.scorer(version),
      compiledPolicy: (id) => ports.compiledPolicy(id),
      policyVersion: (id) => ports.policyVersion(id),
    });
  };

  /**
   * A person's decision as a record: the decision it overrides (its evidence, which a replay re-derives),
   * with the person's outcome, limit and price, and the instruction that says so (`override`).
   */
  const personDecision = (
    overridden: DecisionRecord,
    request: Pick<OverrideRequest, 'reviewer' | 'note' | 'outcome' | 'limit' | 'apr'>,
    origin: {
      kind: DecisionKind;
      linkedTo: string;
      reasons?: readonly PrincipalReason[];
      productType?: ProductType;
    },
  ): DecisionRecord => {
    if (request.outcome === 'declined' && request.limit !== 0n)
      throw AppError.invalid('limit', 'declined-zero', 'a declined decision has no limit');
    if (request.outcome === 'approved' && request.apr === null)
      throw AppError.invalid('apr', 'required', 'an approval needs a rate');
    if (request.limit < 0n) throw AppError.invalid('limit', 'non-negative', 'a limit cannot be negative');
    const apr = request.apr === null ? null : parseRate(request.apr, 'apr');
    if (request.reviewer.trim() === '')
      throw AppError.invalid('reviewer', 'required', 'the reviewer is required');
    const decidedAt = clock.now();
    const override: DecisionOverride = {
      overrides: overridden.id,
      reviewer: request.reviewer,
      note: request.note,
      outcome: request.outcome,
      limit: request.limit.toString(),
      apr: apr === null ? null : toExactRateString(apr),
      ...(origin.reasons ? { reasons: origin.reasons } : {}),
    };
    return {
      ...overridden,
      id: ids.next('decision'),
      kind: origin.kind,
      productType: origin.productType ?? overridden.productType,
      linkedTo: origin.linkedTo,
      outcome: request.outcome,
      limit: fen(request.limit),
      apr,
      dailyRate: apr === null ? null : dailyRateOf(apr),
      override,
      facilityChange: null,
      decidedAt,
      decisionDate: businessDateOf(decidedAt),
    };
  };

  return {
    decide,
    get,
    async list(customerId, options = {}) {
      const limit = options.limit ?? 50;
      if (!Number.isInteger(limit) || limit < 1 || limit > 500)
        throw AppError.invalid('limit', 'range', 'limit must be from 1 to 500');
      return repository.listDecisions(db, customerId, {
        limit,
        ...(options.before ? { before: options.before } : {}),
      });
    },
    replay,
    async recordOverride(request, options = {}) {
      const { tx } = options;
      const overridden = tx
        ? await repository.findDecision(tx, request.decisionId)
        : await get(request.decisionId);
      if (!overridden) throw AppError.notFound('decision', request.decisionId);
      const record = personDecision(overridden, request, { kind: 'override', linkedTo: request.appealId });
      const apply = request.applyToFacility !== false;
      return tx ? write(tx, record, apply) : store(record, apply);
    },
    async recordManualReview(request, { tx }) {
      const referred = await repository.findDecision(tx, request.decisionId);
      if (!referred) throw AppError.notFound('decision', request.decisionId);
      if (referred.outcome !== 'referred')
        throw AppError.invalid('decisionId', 'referred', 'a manual review decides a referred decision');
      const record = personDecision(referred, request, {
        kind: 'manual_review',
        linkedTo: request.referralId,
        reasons: request.reasons,
        productType: request.productType,
      });
      return write(tx, record, true);
    },
  };
}
