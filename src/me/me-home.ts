import type { Static } from 'typebox';
import type { CustomerSnapshot, CustomerView } from '../customers/index.ts';
import type { DecisionSummary } from '../decisions/index.ts';
import { availableCredit, productCodeOf, type Facility } from '../lending/facilities/facility.ts';
import type { LineView } from '../lending/credit-lines/credit-line-service.ts';
import { toDecimalString } from '../platform/money/money.ts';
import { divideRate, toExactRateString } from '../platform/money/rate.ts';
import { businessDateOf } from '../platform/time/local-date.ts';
import { productOn } from '../policy/index.ts';
import { DIMENSIONS, type Dimension } from '../scoring/index.ts';
import { customerAppeals, ME_PRODUCTS, overturnOf, type MeProduct } from './me-decisions.ts';
import type { MeDeps } from './me-deps.ts';
import type { HomeSchema, ProductStatusSchema, VerificationSchema } from './me.dto.ts';
import {
  DIMENSION_LABELS,
  failureText,
  HEADLINES,
  LEVEL_NAMES,
  NEXT_STEPS,
  productName,
  RETRY_VERIFICATION,
  type Text,
} from './me-texts.ts';

/**
 * `GET /v1/me`, the home screen: can the person borrow now, how much, at what annual rate, their score and
 * its five dimensions, and their verification level with the next step to the level their products need.
 */

export type ProductStatus = Static<typeof ProductStatusSchema>;
export type ProductStatusCode = ProductStatus['status'];
export type VerificationView = Static<typeof VerificationSchema>;
export type HomeView = Static<typeof HomeSchema>;
export type LevelsNeeded = VerificationView['levelsNeeded'];

const isDimension = (key: string): key is Dimension => (DIMENSIONS as readonly string[]).includes(key);

export function scoreBand(score: number): 'poor' | 'fair' | 'good' | 'excellent' {
  if (score < 550) return 'poor';
  if (score < 650) return 'fair';
  if (score < 750) return 'good';
  return 'excellent';
}

/** The verification part of the home screen (also `GET /v1/me/verification`). */
export function verificationView(
  customer: CustomerView,
  verification: CustomerSnapshot['verification'],
  levelsNeeded: LevelsNeeded,
): VerificationView {
  const level = verification.level;
  const needed = Math.max(0, ...Object.values(levelsNeeded));
  const outage = verification.failures.includes('PROVIDER_UNAVAILABLE');
  return {
    level,
    levelName: LEVEL_NAMES[level] ?? LEVEL_NAMES[0]!,
    levelsNeeded,
    elements: [
      { element: 'id_number', verified: level >= 1 },
      { element: 'phone', verified: level >= 2 },
      { element: 'bank_card', verified: level >= 3 },
    ],
    failures: verification.failures.map((code) => ({ code, text: failureText(code) })),
    nextStep: level >= needed ? null : outage ? RETRY_VERIFICATION : (NEXT_STEPS[level] ?? null),
    cards: customer.cards.map((card) => ({
      cardId: card.cardId,
      cardNumber: card.cardNumber,
      issuer: card.issuer,
      addedAt: card.addedAt.toISOString(),
    })),
    verifiedAt: verification.verifiedAt === null ? null : verification.verifiedAt.toISOString(),
  };
}

/** The verification level each product in force today requires. */
export async function levelsNeeded(deps: MeDeps, now: Date): Promise<LevelsNeeded> {
  const settings = await deps.services.policies.settings();
  const today = businessDateOf(now);
  const out: { -readonly [P in keyof LevelsNeeded]: LevelsNeeded[P] } = {};
  for (const code of ME_PRODUCTS) {
    const entry = productOn(settings.products, code, today);
    if (entry) out[code] = entry.product.requiredVerificationLevel;
  }
  return out;
}

const OPEN = new Set(['filed', 'queued', 'in_review', 'pending_approval']);

function productStatus(
  product: MeProduct,
  facility: Facility | undefined,
  latest: DecisionSummary | undefined,
  standingOutcome: DecisionSummary['outcome'] | undefined,
  appealOpen: boolean,
  line: LineView | undefined,
): ProductStatus {
  const available = facility ? availableCredit(facility) : null;
  let status: ProductStatusCode;
  let headline: Text;
  if (facility && facility.status === 'active' && available !== null && available > 0n) {
    status = 'can_borrow';
    headline = HEADLINES.canBorrow(available);
  } else if (appealOpen) {
    status = 'under_review';
    headline = HEADLINES.appealOpen;
  } else if (standingOutcome === 'referred') {
    status = 'under_review';
    headline = HEADLINES.referred;
  } else if (facility) {
    status = 'not_yet';
    headline =
      facility.status === 'frozen'
        ? HEADLINES.frozen
        : facility.status === 'suspended'
          ? HEADLINES.suspended
          : facility.status === 'closed'
            ? HEADLINES.closed
            : HEADLINES.usedUp;
  } else if (latest) {
    status = 'not_yet';
    headline = HEADLINES.declined;
  } else {
    status = 'not_applied';
    headline = HEADLINES.notApplied;
  }
  return {
    product,
    name: productName(product),
    status,
    headline,
    limitTotal: facility ? toDecimalString(facility.limit) : null,
    limitAvailable: available === null ? null : toDecimalString(available),
    apr: facility ? toExactRateString(facility.apr) : null,
    dailyRate: facility ? toExactRateString(divideRate(facility.apr, 365n)) : null,
    facilityStatus: facility?.status ?? null,
    latestDecisionId: latest?.id ?? null,
    lineId: line?.terms.lineId ?? null,
  };
}

/** What the home screen shows of a scored decision: its score and five dimensions. */
export interface ScoreOfDecision {
  readonly score: number;
  readonly subScores: Readonly<Record<string, number>>;
  readonly decidedAt: Date;
}

/**
 * Scores of decisions already read. Decision records are append-only, so what one says never changes: the
 * home screen reads the whole record (facts, trace, policy document) only the first time. Bounded; the
 * oldest entry goes first.
 */
export function createScoreCache(maxEntries = 10_000) {
  const entries = new Map<string, ScoreOfDecision>();
  return {
    get: (decisionId: string) => entries.get(decisionId),
    set(decisionId: string, value: ScoreOfDecision) {
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(decisionId, value);
    },
  };
}
export type ScoreCache = ReturnType<typeof createScoreCache>;

async function scoreOf(deps: MeDeps, cache: ScoreCache | undefined, decisionId: string) {
  const known = cache?.get(decisionId);
  if (known) return known;
  const record = await deps.services.decisions.get(decisionId);
  if (record.score === null) return undefined;
  const value = { score: record.score, subScores: record.subScores ?? {}, decidedAt: record.decidedAt };
  cache?.set(decisionId, value);
  return value;
}

/** `GET /v1/me`. */
export async function home(deps: MeDeps, customerId: string, scores?: ScoreCache): Promise<HomeView> {
  const { services } = deps;
  const now = deps.clock.now();
  const [customer, snapshot, summaries, facilities, appeals, needed, lines] = await Promise.all([
    services.customers.getCustomer(customerId),
    services.customers.getSnapshot(customerId, now),
    services.decisions.list(customerId, { limit: 50 }),
    services.facilities.listFacilities(customerId),
    customerAppeals(deps, customerId),
    levelsNeeded(deps, now),
    services.creditLines.listLines(customerId),
  ]);
  const scored = summaries.find((summary) => summary.score !== null);
  const scoredRecord = scored ? await scoreOf(deps, scores, scored.id) : undefined;
  const byId = new Map(summaries.map((summary) => [summary.id, summary]));

  const products = ME_PRODUCTS.map((product) => {
    const facility = facilities.find((f) => productCodeOf(f.product) === product);
    const latest = summaries.find((summary) => summary.productCode === product);
    const overturn = latest ? overturnOf(appeals, latest.id) : null;
    const standing = overturn ? (byId.get(overturn.decisionId) ?? latest) : latest;
    const appealOpen = appeals.some((appeal) => appeal.productCode === product && OPEN.has(appeal.status));
    const line = product === 'credit_line' ? lines.find((l) => l.facility.status !== 'closed') : undefined;
    return productStatus(product, facility, latest, standing?.outcome, appealOpen, line);
  });

  return {
    customer: { id: customer.customerId, maskedName: customer.name, maskedPhone: customer.phone },
    asOf: now.toISOString(),
    verification: verificationView(customer, snapshot.verification, needed),
    score:
      scored && scoredRecord
        ? {
            value: scoredRecord.score,
            band: scoreBand(scoredRecord.score),
            asOf: scoredRecord.decidedAt.toISOString(),
            decisionId: scored.id,
            // The five dimensions, in the scorecard's order (a sub-score outside them has no label to show).
            dimensions: Object.entries(scoredRecord.subScores)
              .filter((entry): entry is [Dimension, number] => isDimension(entry[0]))
              .map(([key, score]) => ({
                key,
                score,
                label: DIMENSION_LABELS[key] ?? { 'zh-CN': key, en: key },
              })),
          }
        : null,
    products,
  };
}

/** `GET /v1/me/verification`. */
export async function myVerification(deps: MeDeps, customerId: string): Promise<VerificationView> {
  const now = deps.clock.now();
  const [customer, snapshot, needed] = await Promise.all([
    deps.services.customers.getCustomer(customerId),
    deps.services.customers.getSnapshot(customerId, now),
    levelsNeeded(deps, now),
  ]);
  return verificationView(customer, snapshot.verification, needed);
}
