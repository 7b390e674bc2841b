import { AppError } from '../platform/errors/app-error.ts';
import { fen, type Money } from '../platform/money/money.ts';
import { compareRate, parseRate, toExactRateString, type Rate } from '../platform/money/rate.ts';
import type { CompiledPolicy, PolicyEvaluation } from './policy-compiler.ts';
import type { Product, ProductType, RiskAppetite, VerificationLevel } from './products.ts';
import { REASON_CODES, type ReasonCode } from './reasons.ts';
import type { ZenObject, ZenValue } from './zen-runtime.ts';

/**
 * The flat record a credit policy decides on, and what it answers. This is the contract between the
 * decisions context (which gathers the values from customer data, the score and the product) and the
 * policy files in `policies/` (whose input schema lists the same names). Money is `Money` here and fen
 * numbers inside the graph; rates are `Rate` here and decimal numbers inside the graph.
 */
export interface PolicyInput {
  readonly productType: ProductType;
  /** Credit score, 350–950. */
  readonly score: number;
  /** The five sub-scores of the scorecard (issue 3), each 350–950. */
  readonly subScores: {
    readonly identity: number;
    readonly capacity: number;
    readonly history: number;
    readonly relationships: number;
    readonly behaviour: number;
  };
  readonly verificationLevel: VerificationLevel;
  /** Whole years on the decision date. */
  readonly age: number;
  readonly blocklisted: boolean;
  /** Overdue now on credit with this lender. */
  readonly overdueAmountHere: Money;
  /** Overdue now on credit reported by other lenders. */
  readonly overdueAmountElsewhere: Money;
  /** Credit applications (loan and card inquiries) in the last 30 days: multi-head borrowing. */
  readonly inquiries30d: number;
  /** An active risk hold (abnormal behaviour, fraud suspicion). */
  readonly hasActiveHold: boolean;
  /** Months of repayment and consumption history on file. */
  readonly historyMonths: number;
  /** No limit with this lender yet (or still on the new-user ramp). */
  readonly isNewUser: boolean;
  /** Billing cycles repaid on time here. */
  readonly onTimeCycles: number;
  readonly monthlyIncome: Money;
  /** Monthly repayments the person already owes (here and elsewhere). */
  readonly monthlyDebtPayments: Money;
  /** The amount asked for, or null for "the most I can get". */
  readonly requestedAmount: Money | null;
  readonly product: Product;
  readonly appetite: RiskAppetite;
}

/** The policy graph's answer, in domain types. */
export interface PolicyResult {
  readonly outcome: 'approved' | 'declined' | 'referred';
  /** The limit offered (0 when declined). */
  readonly limit: Money;
  /** The limit the policy computed before the decline rule set it to 0 (for recourse and reasons). */
  readonly computedLimit: Money;
  /** The policy's annual rate, within the product's range; the legal cap is applied after the policy. */
  readonly apr: Rate;
  /** The score cut-off in force (after risk appetite). */
  readonly cutoff: number;
  /** The cut-off before risk appetite. */
  readonly baseCutoff: number;
  /** Reason codes in the order the policy ranks them (knock-outs first, then limit reasons). */
  readonly reasons: readonly PolicyReasonHit[];
}

/** One reason code a policy row produced, with the number the row attached (a threshold), if any. */
export interface PolicyReasonHit {
  readonly code: ReasonCode;
  readonly stage: 'knockout' | 'limit';
  readonly threshold: number | null;
}

function safeFen(amount: Money, field: string): number {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw AppError.invalid(field, 'range', 'amount is too large for a policy input');
  }
  return Number(amount);
}

/** A rate as the decimal number a policy compares (only rates with a finite decimal expansion). */
function rateNumber(rate: Rate, field: string): number {
  const text = toExactRateString(rate);
  const value = Number(text);
  if (text.length > 17 || String(value) !== text.replace(/^(-?)0+(?=\d)/, '$1')) {
    throw AppError.invalid(field, 'decimal', `rate ${text} has no exact short decimal form`);
  }
  return value;
}

// Products and appetite settings are shared by many decisions: their graph form is computed once each.
const productDocuments = new WeakMap<Product, ZenObject>();
const appetiteDocuments = new WeakMap<RiskAppetite, ZenObject>();

function productDocument(product: Product): ZenObject {
  let document = productDocuments.get(product);
  if (!document) {
    document = {
      code: product.code,
      requiredVerificationLevel: product.requiredVerificationLevel,
      minAge: product.minAge,
      maxAge: product.maxAge,
      minLimit: safeFen(product.minLimit, 'product.minLimit'),
      maxLimit: safeFen(product.maxLimit, 'product.maxLimit'),
      firstLimitCap: safeFen(product.firstLimitCap, 'product.firstLimitCap'),
      minApr: rateNumber(product.minApr, 'product.minApr'),
      maxApr: rateNumber(product.maxApr, 'product.maxApr'),
    };
    productDocuments.set(product, document);
  }
  return document;
}

function appetiteDocument(appetite: RiskAppetite): ZenObject {
  let document = appetiteDocuments.get(appetite);
  if (!document) {
    document = {
      cutoffRaise: appetite.cutoffRaise,
      limitScale: rateNumber(appetite.limitScale, 'appetite.limitScale'),
    };
    appetiteDocuments.set(appetite, document);
  }
  return document;
}

/** The exact rate of an APR the graph output, parsed once per distinct value. */
const aprRates = new Map<number, Rate>();

function aprRate(apr: number): Rate {
  let rate = aprRates.get(apr);
  if (!rate) {
    rate = parseRate(String(apr), 'apr');
    if (aprRates.size < 10_000) aprRates.set(apr, rate);
  }
  return rate;
}

/** The record as the JDM graph reads it (field names as in the input schema of `policies/default`). */
export function toPolicyDocument(input: PolicyInput): ZenObject {
  return {
    productType: input.productType,
    score: input.score,
    subScores: { ...input.subScores },
    verificationLevel: input.verificationLevel,
    age: input.age,
    blocklisted: input.blocklisted,
    overdueAmountHere: safeFen(input.overdueAmountHere, 'overdueAmountHere'),
    overdueAmountElsewhere: safeFen(input.overdueAmountElsewhere, 'overdueAmountElsewhere'),
    inquiries30d: input.inquiries30d,
    hasActiveHold: input.hasActiveHold,
    historyMonths: input.historyMonths,
    isNewUser: input.isNewUser,
    onTimeCycles: input.onTimeCycles,
    monthlyIncome: safeFen(input.monthlyIncome, 'monthlyIncome'),
    monthlyDebtPayments: safeFen(input.monthlyDebtPayments, 'monthlyDebtPayments'),
    requestedAmount:
      input.requestedAmount === null ? null : safeFen(input.requestedAmount, 'requestedAmount'),
    product: productDocument(input.product),
    appetite: appetiteDocument(input.appetite),
  };
}

function fault(message: string): AppError {
  return new AppError('UNPROCESSABLE', `the policy's output is not a credit decision: ${message}`, {
    details: { rule: 'policy-output' },
  });
}

function fenOf(value: ZenValue, field: string): Money {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw fault(`${field} must be a whole number of fen`);
  return fen(BigInt(value), field);
}

function reasonList(value: ZenValue, stage: PolicyReasonHit['stage'], field: string): PolicyReasonHit[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw fault(`${field} must be a list`);
  return value.map((item: ZenValue) => {
    const entry = (item ?? {}) as ZenObject;
    const code = entry.code;
    if (typeof code !== 'string' || !(REASON_CODES as readonly string[]).includes(code)) {
      throw fault(`${field} has an unknown reason code ${JSON.stringify(code)}`);
    }
    const threshold = entry.threshold;
    return { code: code as ReasonCode, stage, threshold: typeof threshold === 'number' ? threshold : null };
  });
}

/**
 * The bounds a product puts on any decision that is not a decline: what a policy graph may offer. A graph
 * is data an analyst edits; whatever it computes, an approval or referral outside them is not a decision.
 */
export type ProductBounds = Pick<Product, 'code' | 'minLimit' | 'maxLimit' | 'minApr' | 'maxApr'>;

const documentBounds = new Map<string, ProductBounds>();

/**
 * The product bounds as the graph saw them, read back from a stored policy document (`product.minLimit`
 * … in fen and decimal numbers), for re-running a policy on stored documents (simulation).
 */
export function productBoundsOfDocument(document: ZenObject): ProductBounds {
  const product = (document.product ?? null) as ZenObject | null;
  const number = (key: string): number => {
    const value = product?.[key];
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw fault(`the document's product.${key} is not a number`);
    return value;
  };
  const key = `${String(product?.code)}|${number('minLimit')}|${number('maxLimit')}|${number('minApr')}|${number('maxApr')}`;
  let bounds = documentBounds.get(key);
  if (!bounds) {
    bounds = {
      code: String(product?.code),
      minLimit: fenOf(number('minLimit'), 'product.minLimit'),
      maxLimit: fenOf(number('maxLimit'), 'product.maxLimit'),
      minApr: parseRate(String(number('minApr')), 'product.minApr'),
      maxApr: parseRate(String(number('maxApr')), 'product.maxApr'),
    };
    if (documentBounds.size < 1_000) documentBounds.set(key, bounds);
  }
  return bounds;
}

function checkLimitWithinProduct(
  outcome: PolicyResult['outcome'],
  limit: Money,
  product: ProductBounds,
): void {
  if (outcome === 'declined') return;
  if (limit < product.minLimit || limit > product.maxLimit) {
    throw fault(
      `an ${outcome} limit of ${limit} fen is outside ${product.code}'s range ${product.minLimit}–${product.maxLimit} fen`,
    );
  }
}

/**
 * Reads the graph's output into a `PolicyResult`, refusing (UNPROCESSABLE, rule `policy-output`) an output
 * that lacks a field or carries an unknown reason code, and an approval or referral whose limit or APR lies
 * outside the product's range (a negative limit, ¥1bn on a ¥200,000 product, 30% on a 21.9% product), so a
 * broken policy never yields a silent decision: the decision is referred as a fault instead.
 */
export function readPolicyResult(evaluation: PolicyEvaluation, product: ProductBounds): PolicyResult {
  const output = evaluation.output;
  const outcome = output.outcome;
  if (outcome !== 'approved' && outcome !== 'declined' && outcome !== 'referred') {
    throw fault('outcome must be approved, declined or referred');
  }
  const computedLimit = fenOf(output.limit ?? null, 'limit');
  const apr = output.apr;
  if (typeof apr !== 'number' || apr < 0) throw fault('apr must be a non-negative number');
  const cutoff = output.cutoff;
  const baseCutoff = output.baseCutoff;
  if (typeof cutoff !== 'number' || typeof baseCutoff !== 'number')
    throw fault('cutoff and baseCutoff must be numbers');
  checkLimitWithinProduct(outcome, computedLimit, product);
  const aprValue = aprRate(apr);
  if (
    outcome !== 'declined' &&
    (compareRate(aprValue, product.minApr) < 0 || compareRate(aprValue, product.maxApr) > 0)
  ) {
    throw fault(
      `an ${outcome} APR of ${toExactRateString(aprValue)} is outside ${product.code}'s range ${toExactRateString(product.minApr)}–${toExactRateString(product.maxApr)}`,
    );
  }
  return {
    outcome,
    limit: outcome === 'declined' ? fen(0n) : computedLimit,
    computedLimit,
    apr: aprValue,
    cutoff,
    baseCutoff,
    reasons: [
      ...reasonList(output.knockouts ?? null, 'knockout', 'knockouts'),
      ...reasonList(output.limitReasons ?? null, 'limit', 'limitReasons'),
    ],
  };
}

/**
 * The outcome and limit of a policy output alone (no reasons, no price), checked as `readPolicyResult`
 * checks them: for what-ifs that run the policy without its trace (`CompiledPolicy.evaluateOutput`).
 */
export function readPolicyOutcome(
  output: ZenObject,
  product: ProductBounds,
): Pick<PolicyResult, 'outcome' | 'limit'> {
  const outcome = output.outcome;
  if (outcome !== 'approved' && outcome !== 'declined' && outcome !== 'referred') {
    throw fault('outcome must be approved, declined or referred');
  }
  const computedLimit = fenOf(output.limit ?? null, 'limit');
  checkLimitWithinProduct(outcome, computedLimit, product);
  return { outcome, limit: outcome === 'declined' ? fen(0n) : computedLimit };
}

/** Evaluates a compiled credit policy on a typed input. */
export function decideWithPolicy(
  policy: CompiledPolicy,
  input: PolicyInput,
): { result: PolicyResult; evaluation: PolicyEvaluation } {
  const evaluation = policy.evaluate(toPolicyDocument(input));
  return { result: readPolicyResult(evaluation, input.product), evaluation };
}
