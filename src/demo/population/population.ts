import {
  DATA_SOURCES,
  type DataSource,
  issuerOf,
  VERIFICATION_FAILURES,
  type VerificationFailure,
  type VerificationLevel,
} from '../../identity/index.ts';
import { createIdGenerator, seededRandomBytes } from '../../platform/ids/ids.ts';
import { fen } from '../../platform/money/money.ts';
import {
  addDays,
  addMonths,
  businessDateOf,
  fromEpochDay,
  startOfBusinessDate,
  type LocalDate,
} from '../../platform/time/local-date.ts';
import {
  CHANNELS,
  EDUCATION_LEVELS,
  INQUIRY_KINDS,
  INTERNAL_SOURCE,
  type CustomerEvent,
  type Education,
  type IncomeBand,
  createEventColumns,
  intern,
  reserve,
  SCOPE_ELSEWHERE,
  SCOPE_HERE,
  TYPE_CODE,
  type EventColumns,
} from '../../customers/index.ts';
import { syntheticCardNumber, syntheticIdNumber, syntheticName, syntheticPhone } from './identities.ts';
import {
  chance,
  createRandom,
  normal,
  pick,
  poisson,
  randomInt,
  sigmoid,
  weighted,
  type Random,
} from './random.ts';

/**
 * The synthetic population: customers and their event histories, generated in memory from a documented
 * latent model (docs/customers.md, "Synthetic population"). Pure: no clock, no I/O, same seed → same data.
 *
 * The latent model, per customer:
 * - a **segment**: `regular`, `thin_file` (little credit history, sparse spending), `multi_head` (borrows
 *   from many lenders at once) or `fraud_like` (takes over or fakes an identity: device hopping, password
 *   guessing, frantic limit checks, early default);
 * - **creditworthiness** z ~ N(0, 1), which drives income, lateness on instalments, revolving
 *   utilisation and how often the person applies for credit;
 * - **distress**: a month-by-month hazard σ(−4.9 − 0.9·z + segment) after opening; during an episode,
 *   instalments (here and elsewhere) go unpaid; 80% of episodes end after 30–100 days with everything
 *   caught up, the rest never do. Life shocks (0.8% a month, whoever you are) cause 40–100-day episodes. In the 120 days before, applications and limit checks rise and
 *   balances climb — the signal a scorecard can learn, with noise enough that it cannot be perfect (a
 *   logistic scorecard reaches an AUC around 0.8);
 * - **seasonality**: spending peaks around Double 11 (November), 618 (June) and the Spring Festival.
 *
 * Every customer borrows here from the opening of the account (successive one-year loans, an instalment
 * every 30 days), so the training label "30+ days past due within the window" is defined for everyone.
 */
export const SEGMENTS = ['regular', 'thin_file', 'multi_head', 'fraud_like'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const DEFAULT_SEGMENT_MIX: Readonly<Record<Segment, number>> = {
  regular: 0.66,
  thin_file: 0.2,
  multi_head: 0.11,
  fraud_like: 0.03,
};

export interface PopulationOptions {
  readonly customers: number;
  /** Months of history up to `end`. */
  readonly months: number;
  readonly seed: number;
  /** The business date the history ends on (00:00 Asia/Shanghai); default 2026-11-01. */
  readonly end?: LocalDate;
  readonly mix?: Partial<Record<Segment, number>>;
}

export interface SyntheticCustomer {
  readonly index: number;
  readonly customerId: string;
  readonly externalId: string;
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly cards: ReadonlyArray<{ readonly cardId: string; readonly cardNumber: string }>;
  readonly birthDate: LocalDate;
  readonly sex: 'male' | 'female';
  readonly openedAt: Date;
  readonly segment: Segment;
  readonly verificationLevel: VerificationLevel;
  /** The latent truth, for tests and model diagnostics; never a feature. */
  readonly latent: {
    readonly creditworthiness: number;
    readonly distressAt: Date | null;
    readonly incomeYuan: number;
  };
  /** This customer's events are `columns[start, end)`, ascending in time. */
  readonly start: number;
  readonly end: number;
}

export interface Population {
  readonly seed: number;
  readonly months: number;
  /** The instant the history ends. */
  readonly end: Date;
  readonly customers: readonly SyntheticCustomer[];
  readonly columns: EventColumns;
}

const DAY_S = 86_400;
const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

/** Monthly probability of a life shock that stops payments for a while, independent of everything else. */
const SHOCK_HAZARD = 0.008;
const LENDERS = Array.from({ length: 40 }, (_, i) => `lender-${String(i + 1).padStart(2, '0')}`);
const HERE = 'credence';
const CATEGORIES = [
  'groceries',
  'dining',
  'transport',
  'apparel',
  'electronics',
  'travel',
  'utilities',
  'entertainment',
];
const CITIES = [
  '北京',
  '上海',
  '广州',
  '深圳',
  '杭州',
  '成都',
  '武汉',
  '西安',
  '南京',
  '郑州',
  '长沙',
  '合肥',
  '昆明',
  '哈尔滨',
];
const OCCUPATIONS = [
  'office_worker',
  'civil_servant',
  'teacher',
  'engineer',
  'self_employed',
  'factory_worker',
  'driver',
  'sales',
  'student',
  'unemployed',
];
/** Seasonal spending multiplier by month of year (1 = January). */
const SEASON = [0, 1.3, 1.4, 1.0, 1.0, 1.0, 1.25, 1.0, 1.0, 1.0, 1.05, 1.6, 1.2];

function incomeBandOf(yuan: number): IncomeBand {
  if (yuan < 3000) return 'lt3k';
  if (yuan < 5000) return '3k_5k';
  if (yuan < 10000) return '5k_10k';
  if (yuan < 20000) return '10k_20k';
  if (yuan < 50000) return '20k_50k';
  return 'gt50k';
}

/** One customer's events before sorting: parallel arrays, reused between customers. */
class Draft {
  count = 0;
  time = new Float64Array(4096);
  type = new Uint8Array(4096);
  sub = new Uint8Array(4096);
  amount = new Float64Array(4096);
  amount2 = new Float64Array(4096);
  key = new Int32Array(4096);
  key2 = new Int32Array(4096);
  day1 = new Int32Array(4096);
  day2 = new Int32Array(4096);
  order = new Float64Array(4096);

  add(
    timeS: number,
    type: number,
    sub = 0,
    amount = 0,
    amount2 = 0,
    key = 0,
    key2 = 0,
    day1 = 0,
    day2 = -1,
  ): void {
    if (this.count === this.time.length) this.grow();
    const i = this.count;
    this.time[i] = Math.floor(timeS);
    this.type[i] = type;
    this.sub[i] = sub;
    this.amount[i] = amount;
    this.amount2[i] = amount2;
    this.key[i] = key;
    this.key2[i] = key2;
    this.day1[i] = day1;
    this.day2[i] = day2;
    this.count = i + 1;
  }

  private grow(): void {
    const size = this.time.length * 2;
    const copy = <T extends Float64Array | Uint8Array | Int32Array>(a: T): T => {
      const next = new (a.constructor as new (n: number) => T)(size);
      next.set(a);
      return next;
    };
    this.time = copy(this.time);
    this.type = copy(this.type);
    this.sub = copy(this.sub);
    this.amount = copy(this.amount);
    this.amount2 = copy(this.amount2);
    this.key = copy(this.key);
    this.key2 = copy(this.key2);
    this.day1 = copy(this.day1);
    this.day2 = copy(this.day2);
    this.order = new Float64Array(size);
  }

  /**
   * Moves the events into the columns in time order, keeping `≤ endS` only. Sorting a packed
   * `time × 2^20 + index` key (exact in float64 for second timestamps) is a native numeric sort.
   */
  flushTo(columns: EventColumns, endS: number): void {
    let kept = 0;
    for (let i = 0; i < this.count; i += 1) {
      const t = this.time[i] ?? 0;
      if (t <= endS) this.order[kept++] = t * 1_048_576 + i;
    }
    const order = this.order.subarray(0, kept).sort();
    reserve(columns, kept);
    const base = columns.length;
    for (let k = 0; k < kept; k += 1) {
      const i = (order[k] ?? 0) % 1_048_576;
      const j = base + k;
      columns.time[j] = (this.time[i] ?? 0) * 1000;
      columns.type[j] = this.type[i] ?? 0;
      columns.sub[j] = this.sub[i] ?? 0;
      columns.amount[j] = this.amount[i] ?? 0;
      columns.amount2[j] = this.amount2[i] ?? 0;
      columns.key[j] = this.key[i] ?? 0;
      columns.key2[j] = this.key2[i] ?? 0;
      columns.day1[j] = this.day1[i] ?? 0;
      columns.day2[j] = this.day2[i] ?? -1;
    }
    columns.length = base + kept;
    this.count = 0;
  }
}

interface Context {
  readonly random: Random;
  readonly columns: EventColumns;
  readonly draft: Draft;
  readonly endS: number;
  readonly startS: number;
  readonly months: number;
  /** Start (seconds) and month of year of each month of the history, plus one past the end. */
  readonly monthStartS: Float64Array;
  readonly monthOfYear: Uint8Array;
  readonly lenderIds: readonly number[];
  readonly categoryIds: readonly number[];
  readonly hereId: number;
}

const dayOf = (timeS: number): number => Math.floor((timeS * 1000 + SHANGHAI_MS) / DAY_MS);
const startOfDayS = (day: number): number => (day * DAY_MS - SHANGHAI_MS) / 1000;

/** A time of day people are awake: 08:00–23:00 local, uniformly. */
function daytime(random: Random, day: number): number {
  return startOfDayS(day) + 8 * 3600 + Math.floor(random.next() * 15 * 3600);
}

/**
 * Emits one loan's opening, instalments (every 30 days) and reports, with lateness driven by the latent
 * model, and its closing when fully repaid. Returns nothing; all goes into the draft.
 */
function emitLoan(
  ctx: Context,
  scope: number,
  lenderId: number,
  loanKey: number,
  startS: number,
  principalFen: number,
  instalments: number,
  lateProbability: number,
  distressS: number,
  cureS: number,
): void {
  const { random, draft } = ctx;
  draft.add(startS, TYPE_CODE.loan_opened, scope, principalFen, 0, lenderId, loanKey);
  const base = Math.floor(principalFen / instalments);
  const startDay = dayOf(startS);
  let allPaid = true;
  let lastPaidDay = startDay;
  for (let j = 1; j <= instalments; j += 1) {
    const dueDay = startDay + 30 * j;
    const dueS = startOfDayS(dueDay);
    if (dueS > ctx.endS) return;
    // The last instalment takes the remainder, so the instalments sum to the principal exactly.
    const amount = j === instalments ? principalFen - base * (instalments - 1) : base;
    if (dueS < ctx.startS - 400 * DAY_S) continue; // long before the history: never reported
    let paidDay = dueDay - randomInt(random, 0, 3);
    if (dueS >= distressS && dueS < cureS) {
      // In distress: unpaid until the episode ends (then everything is caught up), or never.
      paidDay = Number.isFinite(cureS) ? Math.max(dueDay + 1, dayOf(cureS)) : -1;
    } else if (chance(random, lateProbability)) {
      paidDay = chance(random, 0.05)
        ? dueDay + randomInt(random, 31, 60)
        : dueDay + 1 + Math.min(24, Math.floor(-Math.log(1 - random.next()) * 5));
    }
    if (paidDay < 0 || paidDay > dueDay + 1) {
      draft.add(
        daytime(random, dueDay + 1),
        TYPE_CODE.repayment,
        scope,
        amount,
        0,
        lenderId,
        loanKey,
        dueDay,
        -1,
      );
    }
    if (paidDay >= 0) {
      draft.add(
        daytime(random, Math.max(paidDay, dueDay - 3)),
        TYPE_CODE.repayment,
        scope,
        amount,
        0,
        lenderId,
        loanKey,
        dueDay,
        paidDay,
      );
      lastPaidDay = Math.max(lastPaidDay, paidDay);
    } else allPaid = false;
  }
  if (allPaid)
    draft.add(daytime(random, lastPaidDay) + 60, TYPE_CODE.loan_closed, scope, 0, 0, lenderId, loanKey);
}

function generateCustomer(
  ctx: Context,
  index: number,
  mix: readonly number[],
  seed: number,
): SyntheticCustomer {
  const { random, draft, columns } = ctx;
  const segment = SEGMENTS[weighted(random, mix)] ?? 'regular';
  const thin = segment === 'thin_file';
  const multi = segment === 'multi_head';
  const fraud = segment === 'fraud_like';
  const z = normal(random) - (fraud ? 0.8 : 0) - (multi ? 0.4 : 0);

  // Identity and profile.
  const sex = chance(random, 0.5) ? 'male' : 'female';
  const ageYears = Math.min(62, Math.max(18, Math.round(normal(random, thin ? 26 : 34, 9))));
  const openedS = ctx.startS + Math.floor(random.next() * (ctx.endS - ctx.startS));
  const openedDay = dayOf(openedS);
  const birthDate = addDays(fromEpochDay(openedDay), -Math.floor(ageYears * 365.25 + random.next() * 365));
  const incomeYuan = Math.round(
    Math.exp(normal(random, Math.log(6500) + 0.3 * z + (thin ? -0.25 : 0), 0.45)),
  );
  const levelRoll = random.next();
  const verificationLevel: VerificationLevel = fraud
    ? levelRoll < 0.4
      ? 1
      : levelRoll < 0.6
        ? 2
        : 3
    : levelRoll < 0.02
      ? 0
      : levelRoll < 0.08
        ? 1
        : levelRoll < 0.2
          ? 2
          : 3;
  const mismatchedCard = verificationLevel === 2 && chance(random, 0.3);
  const idNumber = syntheticIdNumber(random, birthDate, sex, verificationLevel === 0);
  const phone = syntheticPhone(random, verificationLevel === 1);
  const ids = createIdGenerator(
    { now: () => new Date(openedS * 1000), today: () => fromEpochDay(openedDay) },
    seededRandomBytes((seed * 7919 + index * 104_729) >>> 0),
  );
  const customerId = ids.next('customer');
  const cards: Array<{ cardId: string; cardNumber: string }> = [];
  if (verificationLevel === 3) {
    const count = chance(random, 0.25) ? 2 : 1;
    for (let c = 0; c < count; c += 1)
      cards.push({ cardId: ids.next('card'), cardNumber: syntheticCardNumber(random) });
  } else if (mismatchedCard) {
    cards.push({ cardId: ids.next('card'), cardNumber: syntheticCardNumber(random, true) });
  }

  // Distress: a monthly hazard after the first month; fraud-like customers mostly default at once. An
  // episode either ends after 30–100 days with every missed instalment caught up, or never (20%).
  const monthlyHazard = sigmoid(-4.9 - 0.9 * z + (multi ? 0.6 : 0) + (thin ? 0.25 : 0));
  let distressS: number;
  let cureS = Infinity;
  if (fraud && chance(random, 0.75)) distressS = openedS + randomInt(random, 20, 60) * DAY_S;
  else {
    const monthsToDistress = Math.ceil(Math.log(1 - random.next()) / Math.log(1 - monthlyHazard));
    distressS = openedS + (30 * monthsToDistress + randomInt(random, 0, 29)) * DAY_S;
    if (chance(random, 0.8)) cureS = distressS + randomInt(random, 30, 100) * DAY_S;
    // Life shocks (illness, job loss) strike regardless of creditworthiness: the part no scorecard sees coming.
    const monthsToShock = Math.ceil(Math.log(1 - random.next()) / Math.log(1 - SHOCK_HAZARD));
    const shockS = openedS + (30 * monthsToShock + randomInt(random, 0, 29)) * DAY_S;
    if (shockS < distressS) {
      distressS = shockS;
      cureS = shockS + randomInt(random, 40, 100) * DAY_S;
    }
  }

  // Consent at opening (some grant bank data later, a few withdraw it).
  const consentAt = openedS + 30;
  const grants: Record<DataSource, number> = {
    credit_bureau: fraud ? 0.98 : 0.93,
    bank_transactions: fraud ? 0.3 : 0.72,
    social_insurance: thin ? 0.45 : 0.6,
  };
  for (const source of DATA_SOURCES) {
    if (!chance(random, grants[source])) continue;
    const code = DATA_SOURCES.indexOf(source) * 2;
    draft.add(consentAt, TYPE_CODE.consent, code + 1);
    if (source === 'bank_transactions' && chance(random, 0.03)) {
      draft.add(openedS + randomInt(random, 30, 400) * DAY_S, TYPE_CODE.consent, code);
    }
  }

  // Profile.
  const occupationIndex =
    z > 1 && chance(random, 0.5)
      ? randomInt(random, 0, 3)
      : weighted(random, [20, 6, 5, 8, 10, 10, 6, 10, thin ? 14 : 3, fraud ? 8 : 2]);
  const occupation = OCCUPATIONS[occupationIndex] ?? 'office_worker';
  const educationIndex = Math.max(0, Math.min(4, Math.round(2 + 0.8 * z + normal(random, 0, 0.8))));
  const education: Education = EDUCATION_LEVELS[educationIndex] ?? 'college';
  const declaredIncome = chance(random, 0.2) ? incomeYuan * 1.8 : incomeYuan;
  columns.profiles.push({
    occupation,
    residenceCity: pick(random, CITIES),
    incomeBand: incomeBandOf(declaredIncome),
    education,
    socialInsurance:
      occupation !== 'student' && occupation !== 'unemployed' && chance(random, sigmoid(0.6 + 0.8 * z)),
    housingFund:
      occupation !== 'student' && occupation !== 'unemployed' && chance(random, sigmoid(-0.2 + 0.9 * z)),
  });
  draft.add(openedS + 20, TYPE_CODE.profile, 0, 0, 0, columns.profiles.length - 1);
  if (chance(random, 0.1)) {
    columns.profiles.push({ residenceCity: pick(random, CITIES) });
    draft.add(
      openedS + randomInt(random, 30, 600) * DAY_S,
      TYPE_CODE.profile,
      0,
      0,
      0,
      columns.profiles.length - 1,
    );
  }

  // Verification and cards, as Credence records them at opening.
  const failure: VerificationFailure | undefined =
    verificationLevel === 0
      ? 'ID_NAME_MISMATCH'
      : verificationLevel === 1
        ? 'PHONE_NOT_OWNED_BY_ID_HOLDER'
        : verificationLevel === 2
          ? mismatchedCard
            ? 'CARD_NAME_MISMATCH'
            : 'CARD_NOT_BOUND'
          : undefined;
  for (const card of cards)
    draft.add(openedS + 60, TYPE_CODE.card_bound, 0, 0, 0, intern(columns, card.cardId));
  draft.add(
    openedS + 90,
    TYPE_CODE.verification,
    failure === undefined ? 255 : VERIFICATION_FAILURES.indexOf(failure),
    0,
    0,
    0,
    0,
    verificationLevel,
  );

  // Borrowing here: successive one-year loans from the opening.
  const lateProbability = sigmoid(
    -3.2 - 0.7 * z + normal(random, 0, 0.5) + (multi ? 0.5 : 0) + (thin ? 0.2 : 0),
  );
  for (let loan = 0, startS = openedS + 120; startS <= ctx.endS; loan += 1, startS += 365 * DAY_S) {
    const principal =
      Math.max(1000, Math.round((incomeYuan * (0.6 + random.next() * 1.4)) / 100) * 100) * 100;
    emitLoan(
      ctx,
      SCOPE_HERE,
      ctx.hereId,
      intern(columns, `${HERE}\u0000L${loan}`),
      startS,
      principal,
      12,
      lateProbability,
      distressS,
      cureS,
    );
  }

  // Borrowing elsewhere.
  const loansElsewhere = poisson(random, thin ? 0.15 : multi ? 4.5 : 1.3);
  for (let n = 0; n < loansElsewhere; n += 1) {
    const lenderIndex = randomInt(random, 0, LENDERS.length - 1);
    const lender = LENDERS[lenderIndex] ?? 'lender-01';
    const startS =
      ctx.startS - 365 * DAY_S + Math.floor(random.next() * (ctx.endS - ctx.startS + 365 * DAY_S));
    const term = pick(random, [6, 12, 12, 24]);
    const principal = Math.max(500, Math.round((incomeYuan * (0.5 + random.next() * 2.5)) / 100) * 100) * 100;
    emitLoan(
      ctx,
      SCOPE_ELSEWHERE,
      ctx.lenderIds[lenderIndex] ?? 0,
      intern(columns, `${lender}\u0000L${n}`),
      startS,
      principal,
      term,
      lateProbability,
      distressS,
      cureS,
    );
    const reviews = randomInt(random, 0, 2);
    for (let r = 0; r < reviews; r += 1) {
      draft.add(
        startS + randomInt(random, 30, 300) * DAY_S,
        TYPE_CODE.inquiry,
        INQUIRY_KINDS.indexOf('post_loan'),
        0,
        0,
        ctx.lenderIds[lenderIndex] ?? 0,
      );
    }
  }

  // Revolving lines elsewhere, reported quarterly; balances climb ahead of distress.
  const lineCount = poisson(random, thin ? 0.3 : multi ? 2 : 1.1);
  const utilisationBase = -0.8 - 0.8 * z + normal(random, 0, 0.6);
  for (let n = 0; n < lineCount; n += 1) {
    const lenderIndex = randomInt(random, 0, LENDERS.length - 1);
    const lender = LENDERS[lenderIndex] ?? 'lender-01';
    const lineKey = intern(columns, `${lender}\u0000C${n}`);
    const limit = Math.max(1000, Math.round((incomeYuan * (1 + random.next() * 2)) / 100) * 100) * 100;
    const openS =
      ctx.startS - 365 * DAY_S + Math.floor(random.next() * (ctx.endS - ctx.startS + 365 * DAY_S));
    for (
      let reportS = Math.max(openS, ctx.startS) + randomInt(random, 0, 89) * DAY_S;
      reportS <= ctx.endS;
      reportS += 90 * DAY_S
    ) {
      const stress = reportS > distressS - 120 * DAY_S && reportS < cureS ? 1.0 : 0;
      const utilisation = Math.min(
        1.1,
        Math.max(0, sigmoid(utilisationBase + stress + normal(random, 0, 0.3))),
      );
      draft.add(
        reportS,
        TYPE_CODE.credit_line,
        SCOPE_ELSEWHERE,
        limit,
        Math.round(limit * utilisation),
        ctx.lenderIds[lenderIndex] ?? 0,
        lineKey,
      );
    }
  }

  // Applications (hard inquiries): multi-head borrowers spread them over many lenders.
  const favourite = Array.from({ length: 4 }, () => randomInt(random, 0, LENDERS.length - 1));
  const horizonDays = (ctx.endS - ctx.startS) / DAY_S;
  const applicationRate = 0.15 * Math.exp(-0.4 * z) * (multi ? 6 : 1) * (thin ? 0.5 : 1);
  const applications = poisson(random, (applicationRate * horizonDays) / 30);
  const applyAt = (timeS: number) => {
    const lenderIndex =
      multi || chance(random, 0.3) ? randomInt(random, 0, LENDERS.length - 1) : pick(random, favourite);
    const kind = chance(random, 0.75) ? 'loan_application' : 'card_application';
    draft.add(timeS, TYPE_CODE.inquiry, INQUIRY_KINDS.indexOf(kind), 0, 0, ctx.lenderIds[lenderIndex] ?? 0);
  };
  for (let n = 0; n < applications; n += 1)
    applyAt(ctx.startS + Math.floor(random.next() * (ctx.endS - ctx.startS)));
  if (Number.isFinite(distressS)) {
    const rush = poisson(random, multi ? 4 : 2);
    for (let n = 0; n < rush; n += 1) applyAt(distressS - Math.floor(random.next() * 120 * DAY_S));
  }
  const selfChecks = poisson(random, 0.6);
  for (let n = 0; n < selfChecks; n += 1) {
    draft.add(
      ctx.startS + Math.floor(random.next() * (ctx.endS - ctx.startS)),
      TYPE_CODE.inquiry,
      INQUIRY_KINDS.indexOf('self'),
      0,
      0,
      ctx.hereId,
    );
  }

  // Spending and transfers, month by month (the bank's data covers the whole history).
  const paymentsPerMonth = Math.exp(normal(random, 1.5 + 0.15 * z, 0.5)) * (thin ? 0.6 : 1);
  const spendShare = 0.3 + random.next() * 0.4;
  const onlineShare = 0.3 + random.next() * 0.6;
  const activeProbability = sigmoid(1.6 + 0.5 * z - (thin ? 0.8 : 0));
  const salaried = occupation !== 'student' && occupation !== 'unemployed' && occupation !== 'self_employed';
  for (let m = 0; m < ctx.months; m += 1) {
    const monthS = ctx.monthStartS[m] ?? 0;
    const monthLength = (ctx.monthStartS[m + 1] ?? monthS) - monthS;
    if (chance(random, activeProbability)) {
      const count = poisson(random, paymentsPerMonth * (SEASON[ctx.monthOfYear[m] ?? 1] ?? 1));
      const typical = (incomeYuan * 100 * spendShare) / Math.max(1, paymentsPerMonth);
      for (let n = 0; n < count; n += 1) {
        const amount = Math.max(100, Math.round(typical * Math.exp(normal(random, -0.3, 0.8))));
        const timeS = daytime(random, dayOf(monthS + Math.floor(random.next() * monthLength)));
        draft.add(
          timeS,
          TYPE_CODE.payment,
          chance(random, onlineShare) ? CHANNELS.indexOf('online') : CHANNELS.indexOf('offline'),
          amount,
          0,
          pick(random, ctx.categoryIds),
        );
      }
    }
    if (salaried) {
      const amount = Math.round(incomeYuan * 100 * normal(random, 1, 0.05));
      draft.add(
        daytime(random, dayOf(monthS) + randomInt(random, 7, 12)),
        TYPE_CODE.transfer,
        1,
        Math.max(100, amount),
      );
    }
    const other = poisson(random, 0.3);
    for (let n = 0; n < other; n += 1) {
      draft.add(
        monthS + Math.floor(random.next() * monthLength),
        TYPE_CODE.transfer,
        1,
        Math.round(incomeYuan * 100 * random.next() * 0.5) + 100,
      );
    }
    const outgoing = poisson(random, 0.4);
    for (let n = 0; n < outgoing; n += 1) {
      draft.add(
        monthS + Math.floor(random.next() * monthLength),
        TYPE_CODE.transfer,
        0,
        Math.round(incomeYuan * 100 * random.next() * 0.6) + 100,
      );
    }
  }

  // Behaviour in the app, after opening.
  const monthsOpen = (ctx.endS - openedS) / (30 * DAY_S);
  const logins = poisson(random, 1.5 * monthsOpen);
  for (let n = 0; n < logins; n += 1)
    draft.add(openedS + Math.floor(random.next() * (ctx.endS - openedS)), TYPE_CODE.login, 1);
  const failures = poisson(random, 0.08 * monthsOpen);
  for (let n = 0; n < failures; n += 1)
    draft.add(openedS + Math.floor(random.next() * (ctx.endS - openedS)), TYPE_CODE.login, 0);
  const views = poisson(random, 1.2 * monthsOpen);
  for (let n = 0; n < views; n += 1)
    draft.add(openedS + Math.floor(random.next() * (ctx.endS - openedS)), TYPE_CODE.limit_view);
  if (Number.isFinite(distressS)) {
    const anxious = poisson(random, 4);
    for (let n = 0; n < anxious; n += 1)
      draft.add(distressS - Math.floor(random.next() * 60 * DAY_S), TYPE_CODE.limit_view);
  }
  const deviceKeys = [0, 1, 2, 3].map((d) => intern(columns, `device-${d}`));
  const deviceChanges = poisson(random, 0.03 * monthsOpen);
  for (let n = 0; n < deviceChanges; n += 1) {
    draft.add(
      openedS + Math.floor(random.next() * (ctx.endS - openedS)),
      TYPE_CODE.device_change,
      0,
      0,
      0,
      pick(random, deviceKeys),
    );
  }
  const burst = (startS: number, type: number, count: number, spanS: number, sub = 0) => {
    for (let n = 0; n < count; n += 1)
      draft.add(
        startS + Math.floor((n * spanS) / count),
        type,
        sub,
        0,
        0,
        type === TYPE_CODE.device_change ? (deviceKeys[n % 4] ?? 0) : 0,
      );
  };
  if (fraud) {
    const at = openedS + randomInt(random, 0, 5) * DAY_S;
    burst(at, TYPE_CODE.device_change, 3, 3 * DAY_S);
    burst(at + 3600, TYPE_CODE.login, 6, 1800, 0);
    burst(at + 7200, TYPE_CODE.limit_view, 12, 2400);
  } else {
    if (chance(random, 0.015))
      burst(openedS + Math.floor(random.next() * (ctx.endS - openedS)), TYPE_CODE.limit_view, 12, 3000);
    if (chance(random, 0.01))
      burst(openedS + Math.floor(random.next() * (ctx.endS - openedS)), TYPE_CODE.login, 5, 1800, 0);
  }

  const start = columns.length;
  draft.flushTo(columns, ctx.endS);
  return {
    index,
    customerId,
    externalId: `syn-${seed}-${index}`,
    name: syntheticName(random),
    idNumber,
    phone,
    cards,
    birthDate,
    sex,
    openedAt: new Date(openedS * 1000),
    segment,
    verificationLevel,
    latent: {
      creditworthiness: z,
      distressAt: Number.isFinite(distressS) ? new Date(distressS * 1000) : null,
      incomeYuan,
    },
    start,
    end: columns.length,
  };
}

/**
 * Generates `customers` customers with `months` of history ending at `end`. Deterministic in `seed`.
 * Tens of thousands of customers take a few seconds; events live in columns (about 45 bytes each).
 */
export function generatePopulation(options: PopulationOptions): Population {
  if (!Number.isInteger(options.customers) || options.customers < 0)
    throw new RangeError('customers must be a whole number ≥ 0');
  if (!Number.isInteger(options.months) || options.months < 1 || options.months > 120)
    throw new RangeError('months must be 1–120');
  const endDate = options.end ?? ('2026-11-01' as LocalDate);
  const endMs = startOfBusinessDate(endDate).getTime();
  const startDate = addMonths(endDate, -options.months);
  const monthStartS = new Float64Array(options.months + 1);
  const monthOfYear = new Uint8Array(options.months + 1);
  for (let m = 0; m <= options.months; m += 1) {
    const date = addMonths(startDate, m);
    monthStartS[m] = startOfBusinessDate(date).getTime() / 1000;
    monthOfYear[m] = Number(date.slice(5, 7));
  }
  const columns = createEventColumns(Math.max(1024, options.customers * 200));
  const context: Context = {
    random: createRandom(options.seed),
    columns,
    draft: new Draft(),
    endS: endMs / 1000,
    startS: startOfBusinessDate(startDate).getTime() / 1000,
    months: options.months,
    monthStartS,
    monthOfYear,
    lenderIds: LENDERS.map((lender) => intern(columns, lender)),
    categoryIds: CATEGORIES.map((category) => intern(columns, category)),
    hereId: intern(columns, HERE),
  };
  const mixRecord = { ...DEFAULT_SEGMENT_MIX, ...options.mix };
  const mix = SEGMENTS.map((segment) => mixRecord[segment]);
  const customers: SyntheticCustomer[] = [];
  for (let index = 0; index < options.customers; index += 1)
    customers.push(generateCustomer(context, index, mix, options.seed));
  return { seed: options.seed, months: options.months, end: new Date(endMs), customers, columns };
}

/**
 * One synthetic customer's events as domain events (for the database, NDJSON and the API), decoded from
 * the columns. Event ids are `<externalId>-<n>`, stable for a seed; sources: `app`, `bank-sim`,
 * `bureau-sim` (elsewhere), `ledger-sim` (here) and `credence` for verification and cards.
 */
export function populationEvents(population: Population, customer: SyntheticCustomer): CustomerEvent[] {
  const c = population.columns;
  const names = stringTable(c);
  const text = (id: number): string => names[id] ?? '';
  const events: CustomerEvent[] = [];
  const cardsById = new Map(customer.cards.map((card) => [card.cardId, card.cardNumber]));
  for (let i = customer.start; i < customer.end; i += 1) {
    const type = c.type[i] ?? 0;
    const sub = c.sub[i] ?? 0;
    const occurredAt = new Date(c.time[i] ?? 0);
    const scope = sub === SCOPE_ELSEWHERE ? 'elsewhere' : 'here';
    const creditSource = scope === 'elsewhere' ? 'bureau-sim' : 'ledger-sim';
    const base = {
      eventId: `${customer.externalId}-${i - customer.start}`,
      customerId: customer.customerId,
      occurredAt,
    };
    const money = (value: number) => fen(BigInt(Math.round(value)));
    const [lender, ref] = text(c.key2[i] ?? 0).split('\u0000');
    switch (type) {
      case TYPE_CODE.profile:
        events.push({ ...base, source: 'app', type: 'profile', ...(c.profiles[c.key[i] ?? 0] ?? {}) });
        break;
      case TYPE_CODE.consent:
        events.push({
          ...base,
          source: 'app',
          type: 'consent',
          dataSource: DATA_SOURCES[sub >> 1] ?? 'credit_bureau',
          granted: (sub & 1) === 1,
        });
        break;
      case TYPE_CODE.payment:
        events.push({
          ...base,
          source: 'bank-sim',
          type: 'payment',
          amount: money(c.amount[i] ?? 0),
          merchantCategory: text(c.key[i] ?? 0),
          channel: CHANNELS[sub] ?? 'offline',
        });
        break;
      case TYPE_CODE.transfer:
        events.push({
          ...base,
          source: 'bank-sim',
          type: 'transfer',
          amount: money(c.amount[i] ?? 0),
          direction: sub === 1 ? 'in' : 'out',
        });
        break;
      case TYPE_CODE.repayment: {
        const paid = c.day2[i] ?? -1;
        events.push({
          ...base,
          source: creditSource,
          type: 'repayment',
          scope,
          lender: lender ?? '',
          loanRef: ref ?? '',
          dueDate: fromEpochDay(c.day1[i] ?? 0),
          paidDate: paid < 0 ? null : fromEpochDay(paid),
          amount: money(c.amount[i] ?? 0),
        });
        break;
      }
      case TYPE_CODE.inquiry:
        events.push({
          ...base,
          source: 'bureau-sim',
          type: 'inquiry',
          lender: text(c.key[i] ?? 0),
          kind: INQUIRY_KINDS[sub] ?? 'self',
        });
        break;
      case TYPE_CODE.loan_opened:
        events.push({
          ...base,
          source: creditSource,
          type: 'loan_opened',
          scope,
          lender: lender ?? '',
          loanRef: ref ?? '',
          principal: money(c.amount[i] ?? 0),
        });
        break;
      case TYPE_CODE.loan_closed:
        events.push({
          ...base,
          source: creditSource,
          type: 'loan_closed',
          scope,
          lender: lender ?? '',
          loanRef: ref ?? '',
        });
        break;
      case TYPE_CODE.credit_line:
        events.push({
          ...base,
          source: creditSource,
          type: 'credit_line',
          scope,
          lender: lender ?? '',
          lineRef: ref ?? '',
          limit: money(c.amount[i] ?? 0),
          balance: money(c.amount2[i] ?? 0),
        });
        break;
      case TYPE_CODE.login:
        events.push({ ...base, source: 'app', type: 'login', success: sub === 1 });
        break;
      case TYPE_CODE.limit_view:
        events.push({ ...base, source: 'app', type: 'limit_view' });
        break;
      case TYPE_CODE.device_change:
        events.push({ ...base, source: 'app', type: 'device_change', deviceRef: text(c.key[i] ?? 0) });
        break;
      case TYPE_CODE.card_bound: {
        const cardId = text(c.key[i] ?? 0);
        const number = cardsById.get(cardId) ?? '';
        events.push({
          ...base,
          source: INTERNAL_SOURCE,
          type: 'card_bound',
          cardId,
          issuer: issuerOf(number)?.code ?? null,
          last4: number.slice(-4),
        });
        break;
      }
      case TYPE_CODE.card_removed:
        events.push({ ...base, source: INTERNAL_SOURCE, type: 'card_removed', cardId: text(c.key[i] ?? 0) });
        break;
      case TYPE_CODE.verification: {
        const failure = VERIFICATION_FAILURES[sub];
        events.push({
          ...base,
          source: INTERNAL_SOURCE,
          type: 'verification',
          level: (c.day1[i] ?? 0) as VerificationLevel,
          failures: failure ? [failure] : [],
          provider: 'sandbox',
          checks: [],
        });
        break;
      }
      default:
        break;
    }
  }
  return events;
}

const stringTables = new WeakMap<EventColumns, { size: number; names: string[] }>();

/** The interned strings by number (cached per columns, rebuilt when new strings were added). */
function stringTable(columns: EventColumns): string[] {
  const cached = stringTables.get(columns);
  if (cached && cached.size === columns.strings.size) return cached.names;
  const names: string[] = [];
  for (const [value, id] of columns.strings) names[id] = value;
  stringTables.set(columns, { size: columns.strings.size, names });
  return names;
}

/** The business date a synthetic history ends on. */
export function populationEndDate(population: Population): LocalDate {
  return businessDateOf(population.end);
}
