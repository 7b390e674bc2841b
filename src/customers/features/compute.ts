import { DATA_SOURCES } from '../../identity/index.ts';
import {
  addMonths,
  businessDateOf,
  startOfBusinessDate,
  type LocalDate,
} from '../../platform/time/local-date.ts';
import type { CustomerEvent, IncomeBand } from '../events/customer-event.ts';
import { evaluateHolds, HOLD_LOOKBACK_MS, type RiskHold } from './abnormal-behaviour.ts';
import {
  CHANNEL_ONLINE,
  INQUIRY_CARD_APPLICATION,
  INQUIRY_LOAN_APPLICATION,
  SCOPE_ELSEWHERE,
  encodeEvents,
  TYPE_CODE,
  type EventColumns,
} from './event-columns.ts';
import { FEATURE_INDEX, FEATURES } from './definitions.ts';

/**
 * The feature computation: one pass over a customer's time-sorted events, with every window boundary
 * computed once per as-of instant (`planAsOf`). Serving and training both call `computeFeatures`, so the
 * two can never disagree.
 *
 * Point in time: the pass stops at the first event after the as-of instant, so a later event never counts;
 * consent is the consent in force at the as-of instant; a source without it yields null.
 */

const HOUR = 3_600_000;
const DAY = 86_400_000;
const SHANGHAI = 8 * HOUR;

/** Window boundaries for one as-of instant; shared by every customer of a training run. */
export interface AsOfPlan {
  readonly asOf: Date;
  readonly asOfMs: number;
  readonly asOfDate: LocalDate;
  /** The as-of business date as days since 1970-01-01. */
  readonly asOfDay: number;
  readonly since24h: number;
  readonly since7d: number;
  readonly since30d: number;
  readonly since90d: number;
  readonly since180d: number;
  /** `monthBounds[k]`: the instant k calendar months before the as-of instant (k = 0…12). */
  readonly monthBounds: Float64Array;
  /** Instalments count for 12-month features when due after this day (the as-of date less 12 months). */
  readonly due12mAfterDay: number;
  readonly holdsSince: number;
}

/** Shifts an instant by calendar months in Asia/Shanghai, keeping the time of day. */
function monthsBefore(asOf: Date, asOfDate: LocalDate, months: number): number {
  const timeOfDay = asOf.getTime() - startOfBusinessDate(asOfDate).getTime();
  return startOfBusinessDate(addMonths(asOfDate, -months)).getTime() + timeOfDay;
}

export function planAsOf(asOf: Date): AsOfPlan {
  const asOfMs = asOf.getTime();
  const asOfDate = businessDateOf(asOf);
  const monthBounds = new Float64Array(13);
  for (let k = 0; k <= 12; k += 1) monthBounds[k] = monthsBefore(asOf, asOfDate, k);
  const asOfDay = Math.floor((asOfMs + SHANGHAI) / DAY);
  return {
    asOf,
    asOfMs,
    asOfDate,
    asOfDay,
    since24h: asOfMs - 24 * HOUR,
    since7d: asOfMs - 7 * DAY,
    since30d: asOfMs - 30 * DAY,
    since90d: asOfMs - 90 * DAY,
    since180d: asOfMs - 180 * DAY,
    monthBounds,
    due12mAfterDay: Math.floor((startOfBusinessDate(addMonths(asOfDate, -12)).getTime() + SHANGHAI) / DAY),
    holdsSince: asOfMs - HOLD_LOOKBACK_MS,
  };
}

/** Who the events belong to: what the feature pass needs beyond the events. */
export interface FeatureSubject {
  /** When the customer's account here was opened (epoch ms). */
  readonly openedAtMs: number;
  /** From the verified ID number; null when unknown. */
  readonly birthDate: LocalDate | null;
}

/**
 * The output of one computation. `values[i]` is feature i of `FEATURES` (NaN = null); categorical
 * features are in `categories[i]` instead. Reused between customers by `createFeatureComputer`.
 */
export interface FeatureVector {
  readonly values: Float64Array;
  readonly categories: Array<string | null>;
  holds: RiskHold[];
}

export function createFeatureVector(): FeatureVector {
  return { values: new Float64Array(FEATURES.length), categories: FEATURES.map(() => null), holds: [] };
}

/** Declared income band → midpoint in fen, for the fallback income estimate. */
export const INCOME_BAND_MIDPOINT_FEN: Readonly<Record<IncomeBand, number>> = {
  lt3k: 200_000,
  '3k_5k': 400_000,
  '5k_10k': 750_000,
  '10k_20k': 1_500_000,
  '20k_50k': 3_500_000,
  gt50k: 6_000_000,
};

const F = FEATURE_INDEX as Readonly<Record<string, number>>;
function at(name: string): number {
  const index = F[name];
  if (index === undefined) throw new Error(`feature ${name} is not in the catalogue`);
  return index;
}
const I = {
  inquiries7: at('inquiries_7d'),
  inquiries30: at('inquiries_30d'),
  inquiries90: at('inquiries_90d'),
  inquiries180: at('inquiries_180d'),
  lenders7: at('distinct_lenders_7d'),
  lenders30: at('distinct_lenders_30d'),
  lenders90: at('distinct_lenders_90d'),
  lenders180: at('distinct_lenders_180d'),
  count3: at('consumption_count_3m'),
  count6: at('consumption_count_6m'),
  count12: at('consumption_count_12m'),
  amount3: at('consumption_amount_3m'),
  amount6: at('consumption_amount_6m'),
  amount12: at('consumption_amount_12m'),
  active3: at('active_months_3m'),
  active6: at('active_months_6m'),
  active12: at('active_months_12m'),
  online12: at('online_share_12m'),
  repayments12: at('repayments_12m'),
  ontime12: at('ontime_rate_12m'),
  maxDpd12: at('max_dpd_12m'),
  ontimeHere12: at('ontime_cycles_here_12m'),
  debtService: at('debt_service_monthly'),
  overdueHere: at('overdue_amount_here'),
  overdueElsewhere: at('overdue_amount_elsewhere'),
  openLoansElsewhere: at('open_loans_elsewhere'),
  utilisation: at('utilisation'),
  historyMonths: at('credit_history_months'),
  accountAge: at('account_age_days'),
  age: at('age_years'),
  verification: at('verification_level'),
  cards: at('bound_cards'),
  views24: at('limit_views_24h'),
  failed24: at('failed_logins_24h'),
  devices30: at('device_changes_30d'),
  income: at('income_monthly_estimate'),
  incomeSource: at('income_source'),
  occupation: at('occupation'),
  education: at('education'),
  city: at('residence_city'),
  incomeBand: at('income_band'),
  socialInsurance: at('social_insurance'),
  housingFund: at('housing_fund'),
  holds: at('risk_holds_active'),
} as const;

const BUREAU = DATA_SOURCES.indexOf('credit_bureau');
const BANK = DATA_SOURCES.indexOf('bank_transactions');
const SOCIAL = DATA_SOURCES.indexOf('social_insurance');

const T = TYPE_CODE;

/**
 * Year, month and day of an epoch day by integer arithmetic (H. Hinnant's civil_from_days), so the
 * per-customer date maths builds no Date objects or strings.
 */
function civil(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonthOf(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whole calendar months from one epoch day to another, as `monthsBetween` counts them (clamped month ends). */
export function wholeMonths(fromDay: number, toDay: number): number {
  const a = civil(fromDay);
  const b = civil(toDay);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (b.day < Math.min(a.day, daysInMonthOf(b.year, b.month))) months -= 1;
  return months;
}

function wholeYears(birth: LocalDate, date: LocalDate): number {
  const by = Number(birth.slice(0, 4));
  const bmd = Number(birth.slice(5, 7)) * 100 + Number(birth.slice(8, 10));
  const dy = Number(date.slice(0, 4));
  const dmd = Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
  return dy - by - (dmd < bmd ? 1 : 0);
}

/** Instalment key: scope, lender+loan and due day packed into one exact integer. */
function instalmentKey(scope: number, loan: number, dueDay: number): number {
  return (loan * 2 + scope) * 65_536 + (dueDay & 0xffff);
}

/** A feature computer with its scratch space (maps and arrays reused from one customer to the next). */
export interface FeatureComputer {
  /**
   * Computes every feature of one customer as of `plan.asOf` from `columns[start, end)` — that customer's
   * events, ascending in time — into `out`.
   */
  compute(
    columns: EventColumns,
    start: number,
    end: number,
    subject: FeatureSubject,
    plan: AsOfPlan,
    out: FeatureVector,
  ): void;
}

export function createFeatureComputer(): FeatureComputer {
  const lenderLast = new Map<number, number>();
  const instalments = new Map<number, number>();
  const lines = new Map<number, number>();
  const openLoans = new Set<number>();
  // Every open loan (here and elsewhere) by lender+loan and scope → principal; and its latest due instalment.
  const loanPrincipal = new Map<number, number>();
  const loanDue = new Map<number, number>();
  const cards = new Set<number>();
  const consent = [false, false, false];
  const incomeByMonth = new Float64Array(6);
  const sortedIncome = new Float64Array(6);
  const viewTimes: number[] = [];
  const failTimes: number[] = [];
  const deviceTimes: number[] = [];

  return {
    compute(columns, start, end, subject, plan, out) {
      const { time, type, sub, amount, amount2, key, key2, day1, day2 } = columns;
      const values = out.values;
      const categories = out.categories;
      lenderLast.clear();
      instalments.clear();
      lines.clear();
      openLoans.clear();
      loanPrincipal.clear();
      loanDue.clear();
      cards.clear();
      consent[0] = consent[1] = consent[2] = false;
      incomeByMonth.fill(0);
      viewTimes.length = 0;
      failTimes.length = 0;
      deviceTimes.length = 0;

      const asOfMs = plan.asOfMs;
      const since24h = plan.since24h;
      const since7d = plan.since7d;
      const since30d = plan.since30d;
      const since90d = plan.since90d;
      const since180d = plan.since180d;
      const bounds = plan.monthBounds;
      const since3m = bounds[3] ?? 0;
      const since6m = bounds[6] ?? 0;
      const since12m = bounds[12] ?? 0;
      const holdsSince = plan.holdsSince;

      let inq7 = 0;
      let inq30 = 0;
      let inq90 = 0;
      let inq180 = 0;
      let count3 = 0;
      let count6 = 0;
      let count12 = 0;
      let amount3 = 0;
      let amount6 = 0;
      let amount12 = 0;
      let online12 = 0;
      let activeMask = 0;
      let bucket = 11;
      let views24 = 0;
      let failed24 = 0;
      let devices30 = 0;
      let level = 0;
      let firstCreditHere = Infinity;
      let firstCreditElsewhere = Infinity;
      let occupation: string | null = null;
      let education: string | null = null;
      let city: string | null = null;
      let incomeBand: IncomeBand | null = null;
      let socialInsurance: boolean | null = null;
      let housingFund: boolean | null = null;

      for (let i = start; i < end; i += 1) {
        const t = time[i] ?? 0;
        if (t > asOfMs) break;
        switch (type[i]) {
          case T.payment: {
            if (t > since12m) {
              const value = amount[i] ?? 0;
              while (bucket > 0 && t > (bounds[bucket] ?? 0)) bucket -= 1;
              activeMask |= 1 << bucket;
              count12 += 1;
              amount12 += value;
              if (sub[i] === CHANNEL_ONLINE) online12 += 1;
              if (t > since6m) {
                count6 += 1;
                amount6 += value;
                if (t > since3m) {
                  count3 += 1;
                  amount3 += value;
                }
              }
            }
            break;
          }
          case T.transfer: {
            if (sub[i] === 1 && t > since6m) {
              let month = 5;
              while (month > 0 && t > (bounds[month] ?? 0)) month -= 1;
              incomeByMonth[month] = (incomeByMonth[month] ?? 0) + (amount[i] ?? 0);
            }
            break;
          }
          case T.inquiry: {
            const kind = sub[i];
            if ((kind === INQUIRY_LOAN_APPLICATION || kind === INQUIRY_CARD_APPLICATION) && t > since180d) {
              inq180 += 1;
              lenderLast.set(key[i] ?? 0, t);
              if (t > since90d) {
                inq90 += 1;
                if (t > since30d) {
                  inq30 += 1;
                  if (t > since7d) inq7 += 1;
                }
              }
            }
            break;
          }
          case T.repayment: {
            const scope = sub[i] ?? 0;
            const dueDay = day1[i] ?? 0;
            instalments.set(instalmentKey(scope, key2[i] ?? 0, dueDay), i);
            if (dueDay <= plan.asOfDay) {
              if (scope === SCOPE_ELSEWHERE) firstCreditElsewhere = Math.min(firstCreditElsewhere, dueDay);
              else firstCreditHere = Math.min(firstCreditHere, dueDay);
            }
            break;
          }
          case T.loan_opened:
          case T.credit_line: {
            const day = Math.floor((t + SHANGHAI) / DAY);
            if (sub[i] === SCOPE_ELSEWHERE) firstCreditElsewhere = Math.min(firstCreditElsewhere, day);
            else firstCreditHere = Math.min(firstCreditHere, day);
            if (type[i] === T.credit_line) lines.set((key2[i] ?? 0) * 2 + (sub[i] ?? 0), i);
            else {
              if (sub[i] === SCOPE_ELSEWHERE) openLoans.add(key2[i] ?? 0);
              loanPrincipal.set((key2[i] ?? 0) * 2 + (sub[i] ?? 0), amount[i] ?? 0);
            }
            break;
          }
          case T.loan_closed:
            if (sub[i] === SCOPE_ELSEWHERE) openLoans.delete(key2[i] ?? 0);
            loanPrincipal.delete((key2[i] ?? 0) * 2 + (sub[i] ?? 0));
            break;
          case T.login:
            if (sub[i] === 0) {
              if (t > since24h) failed24 += 1;
              if (t > holdsSince) failTimes.push(t);
            }
            break;
          case T.limit_view:
            if (t > since24h) views24 += 1;
            if (t > holdsSince) viewTimes.push(t);
            break;
          case T.device_change:
            if (t > since30d) devices30 += 1;
            if (t > holdsSince) deviceTimes.push(t);
            break;
          case T.consent: {
            const code = sub[i] ?? 0;
            consent[code >> 1] = (code & 1) === 1;
            break;
          }
          case T.card_bound:
            cards.add(key[i] ?? 0);
            break;
          case T.card_removed:
            cards.delete(key[i] ?? 0);
            break;
          case T.verification:
            level = day1[i] ?? 0;
            break;
          case T.profile: {
            const profile = columns.profiles[key[i] ?? 0];
            if (profile) {
              if (profile.occupation !== undefined) occupation = profile.occupation;
              if (profile.education !== undefined) education = profile.education;
              if (profile.residenceCity !== undefined) city = profile.residenceCity;
              if (profile.incomeBand !== undefined) incomeBand = profile.incomeBand;
              if (profile.socialInsurance !== undefined) socialInsurance = profile.socialInsurance;
              if (profile.housingFund !== undefined) housingFund = profile.housingFund;
            }
            break;
          }
          default:
            break;
        }
      }

      const bureau = consent[BUREAU] === true;
      const bank = consent[BANK] === true;
      const social = consent[SOCIAL] === true;

      // Multi-head borrowing: a lender counts in a window when its latest application falls inside it.
      let lenders7 = 0;
      let lenders30 = 0;
      let lenders90 = 0;
      for (const last of lenderLast.values()) {
        if (last > since90d) {
          lenders90 += 1;
          if (last > since30d) {
            lenders30 += 1;
            if (last > since7d) lenders7 += 1;
          }
        }
      }
      values[I.inquiries7] = bureau ? inq7 : NaN;
      values[I.inquiries30] = bureau ? inq30 : NaN;
      values[I.inquiries90] = bureau ? inq90 : NaN;
      values[I.inquiries180] = bureau ? inq180 : NaN;
      values[I.lenders7] = bureau ? lenders7 : NaN;
      values[I.lenders30] = bureau ? lenders30 : NaN;
      values[I.lenders90] = bureau ? lenders90 : NaN;
      values[I.lenders180] = bureau ? lenderLast.size : NaN;

      values[I.count3] = bank ? count3 : NaN;
      values[I.count6] = bank ? count6 : NaN;
      values[I.count12] = bank ? count12 : NaN;
      values[I.amount3] = bank ? amount3 : NaN;
      values[I.amount6] = bank ? amount6 : NaN;
      values[I.amount12] = bank ? amount12 : NaN;
      values[I.active3] = bank ? popcount(activeMask & 0b111) : NaN;
      values[I.active6] = bank ? popcount(activeMask & 0b111111) : NaN;
      values[I.active12] = bank ? popcount(activeMask) : NaN;
      values[I.online12] = bank && count12 > 0 ? online12 / count12 : NaN;

      // Instalments: the latest report of each, as known at the as-of instant.
      const today = plan.asOfDay;
      let due12 = 0;
      let onTime12 = 0;
      let maxDpd = 0;
      let overdueHere = 0;
      let overdueElsewhere = 0;
      let onTimeHere12 = 0;
      for (const index of instalments.values()) {
        const scope = sub[index] ?? 0;
        if (scope === SCOPE_ELSEWHERE && !bureau) continue;
        const dueDay = day1[index] ?? 0;
        const paidDay = day2[index] ?? -1;
        if (dueDay <= today) {
          // The loan's latest instalment fallen due (its amount is what the loan costs a month).
          const loan = (key2[index] ?? 0) * 2 + scope;
          const latest = loanDue.get(loan);
          if (latest === undefined || dueDay > (day1[latest] ?? 0)) loanDue.set(loan, index);
        }
        const unpaidPastDue = paidDay < 0 && dueDay < today;
        if (unpaidPastDue) {
          if (scope === SCOPE_ELSEWHERE) overdueElsewhere += amount[index] ?? 0;
          else overdueHere += amount[index] ?? 0;
        }
        if (dueDay > plan.due12mAfterDay && dueDay <= today && (paidDay >= 0 || unpaidPastDue)) {
          due12 += 1;
          const dpd = paidDay >= 0 ? Math.max(0, paidDay - dueDay) : today - dueDay;
          if (dpd === 0) {
            onTime12 += 1;
            if (scope !== SCOPE_ELSEWHERE) onTimeHere12 += 1;
          }
          if (dpd > maxDpd) maxDpd = dpd;
        }
      }
      // Debt service: each open loan's latest instalment fallen due; a loan with none due yet counts a
      // twelfth of its principal (rounded up to the fen), the usual term of a consumer loan.
      let debtService = 0;
      for (const [loan, principal] of loanPrincipal) {
        if ((loan & 1) === SCOPE_ELSEWHERE && !bureau) continue;
        const latest = loanDue.get(loan);
        debtService += latest === undefined ? Math.ceil(principal / 12) : (amount[latest] ?? 0);
      }
      values[I.repayments12] = due12;
      values[I.ontime12] = due12 > 0 ? onTime12 / due12 : NaN;
      values[I.maxDpd12] = due12 > 0 ? maxDpd : NaN;
      values[I.ontimeHere12] = onTimeHere12;
      values[I.debtService] = debtService;
      values[I.overdueHere] = overdueHere;
      values[I.overdueElsewhere] = bureau ? overdueElsewhere : NaN;
      values[I.openLoansElsewhere] = bureau ? openLoans.size : NaN;

      let limitTotal = 0;
      let balanceTotal = 0;
      for (const index of lines.values()) {
        if (sub[index] === SCOPE_ELSEWHERE && !bureau) continue;
        limitTotal += amount[index] ?? 0;
        balanceTotal += amount2[index] ?? 0;
      }
      values[I.utilisation] = limitTotal > 0 ? balanceTotal / limitTotal : NaN;

      const firstCredit = bureau ? Math.min(firstCreditHere, firstCreditElsewhere) : firstCreditHere;
      values[I.historyMonths] = firstCredit === Infinity ? 0 : Math.max(0, wholeMonths(firstCredit, today));

      const openedDay = Math.floor((subject.openedAtMs + SHANGHAI) / DAY);
      values[I.accountAge] = subject.openedAtMs <= asOfMs ? today - openedDay : NaN;
      values[I.age] = subject.birthDate === null ? NaN : wholeYears(subject.birthDate, plan.asOfDate);
      values[I.verification] = level;
      values[I.cards] = cards.size;
      values[I.views24] = views24;
      values[I.failed24] = failed24;
      values[I.devices30] = devices30;

      // Income: median month of inbound transfers (whole fen: the lower of the two middle months rounded
      // down — `floor` of their mean), else the declared band's midpoint.
      let hasInflow = false;
      for (let m = 0; m < 6; m += 1) if ((incomeByMonth[m] ?? 0) > 0) hasInflow = true;
      if (bank && hasInflow) {
        sortedIncome.set(incomeByMonth);
        sortedIncome.sort();
        values[I.income] = Math.floor(((sortedIncome[2] ?? 0) + (sortedIncome[3] ?? 0)) / 2);
        categories[I.incomeSource] = 'transfers';
      } else if (incomeBand !== null) {
        values[I.income] = INCOME_BAND_MIDPOINT_FEN[incomeBand];
        categories[I.incomeSource] = 'declared';
      } else {
        values[I.income] = NaN;
        categories[I.incomeSource] = null;
      }
      values[I.incomeSource] = NaN;
      categories[I.occupation] = occupation;
      categories[I.education] = education;
      categories[I.city] = city;
      categories[I.incomeBand] = incomeBand;
      values[I.occupation] = NaN;
      values[I.education] = NaN;
      values[I.city] = NaN;
      values[I.incomeBand] = NaN;
      values[I.socialInsurance] = social && socialInsurance !== null ? (socialInsurance ? 1 : 0) : NaN;
      values[I.housingFund] = social && housingFund !== null ? (housingFund ? 1 : 0) : NaN;

      out.holds =
        viewTimes.length + failTimes.length + deviceTimes.length === 0
          ? []
          : evaluateHolds(viewTimes, failTimes, deviceTimes, asOfMs);
      values[I.holds] = out.holds.length;
    },
  };
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count += 1;
  return count;
}

export type FeatureRecord = Record<string, number | string | null>;

/** The vector as a record by feature name (nulls for unknowns), as the snapshot and the API show it. */
export function toFeatureRecord(vector: FeatureVector): FeatureRecord {
  const record: FeatureRecord = {};
  for (let i = 0; i < FEATURES.length; i += 1) {
    const definition = FEATURES[i];
    if (!definition) continue;
    if (definition.unit === 'category') record[definition.name] = vector.categories[i] ?? null;
    else {
      const value = vector.values[i] ?? NaN;
      record[definition.name] = Number.isNaN(value) ? null : value;
    }
  }
  return record;
}

/**
 * The training label: `1` when some instalment (here, and elsewhere with bureau consent at the end of the
 * window) is 30 or more days past due on some day after the as-of date and up to `labelEndDay`, as the
 * latest reports up to the end of the window tell; else `0`.
 */
export function labelBad(
  columns: EventColumns,
  start: number,
  end: number,
  plan: AsOfPlan,
  labelEnd: Date,
): 0 | 1 {
  const endMs = labelEnd.getTime();
  const endDay = Math.floor((endMs + SHANGHAI) / DAY);
  const latest = new Map<number, number>();
  let bureau = false;
  for (let i = start; i < end; i += 1) {
    if ((columns.time[i] ?? 0) > endMs) break;
    const type = columns.type[i];
    if (type === T.repayment) {
      latest.set(instalmentKey(columns.sub[i] ?? 0, columns.key2[i] ?? 0, columns.day1[i] ?? 0), i);
    } else if (type === T.consent) {
      const code = columns.sub[i] ?? 0;
      if (code >> 1 === BUREAU) bureau = (code & 1) === 1;
    }
  }
  for (const index of latest.values()) {
    if (columns.sub[index] === SCOPE_ELSEWHERE && !bureau) continue;
    const dueDay = columns.day1[index] ?? 0;
    const paidDay = columns.day2[index] ?? -1;
    const firstBadDay = Math.max(plan.asOfDay + 1, dueDay + 30);
    if (firstBadDay <= endDay && (paidDay < 0 || paidDay > firstBadDay)) return 1;
  }
  return 0;
}

/**
 * Features and holds of one customer's events as of `asOf` — the serving path in one call (the snapshot
 * uses it; so can tests and the demo). Events need not be sorted.
 */
export function computeFeaturesOf(
  events: readonly CustomerEvent[],
  subject: FeatureSubject,
  asOf: Date,
): { features: FeatureRecord; holds: RiskHold[]; vector: FeatureVector } {
  const columns = encodeEvents(events);
  const vector = createFeatureVector();
  createFeatureComputer().compute(columns, 0, columns.length, subject, planAsOf(asOf), vector);
  return { features: toFeatureRecord(vector), holds: vector.holds, vector };
}
