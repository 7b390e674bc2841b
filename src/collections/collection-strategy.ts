import type { Queryable } from '../platform/database/database.ts';
import { AppError, type FieldIssue } from '../platform/errors/app-error.ts';
import { isLocalDate, type LocalDate } from '../platform/time/local-date.ts';
import { CASE_BUCKETS, type CaseBucket } from './collection-case.ts';

/**
 * The collections strategy as data: per bucket, which message goes out on which day past due and whether
 * collectors call; the permitted contact hours and the frequency caps; how long a claim and a promise may
 * run. Dated: the strategy in force on a business date is the latest whose `effectiveFrom` is on or before
 * it, so a change applies from its date and what was done before stays explained by what was in force.
 */

/**
 * Messages of the reminder sequence. The three overdue notices are the day-end reminders' own
 * (`overdue_day_1`, `_7`, `_30`, sent by the reminders step on those days): the strategy lists them so the
 * sequence reads whole, and collections never sends them again. `collections_notice` is the collections
 * step's message, on any other day.
 */
export const SEQUENCE_MESSAGES = [
  'overdue_day_1',
  'overdue_day_7',
  'overdue_day_30',
  'collections_notice',
] as const;
export type SequenceMessage = (typeof SEQUENCE_MESSAGES)[number];

/** The day each reminders-step message goes out on (they are not the strategy's to move). */
export const REMINDER_STEP_DAYS: Readonly<Record<Exclude<SequenceMessage, 'collections_notice'>, number>> = {
  overdue_day_1: 1,
  overdue_day_7: 7,
  overdue_day_30: 30,
};

export interface ReminderStep {
  /** Days past due on the day the customer reads it. */
  readonly daysPastDue: number;
  readonly message: SequenceMessage;
}

export interface BucketStrategy {
  readonly reminders: readonly ReminderStep[];
}

export interface ContactHours {
  /** Local time of day the first contact may be made, `HH:MM` (inclusive). */
  readonly from: string;
  /** Local time of day by which contact ends, `HH:MM` (exclusive). */
  readonly to: string;
  /** Only Asia/Shanghai (UTC+8 all year) is supported. */
  readonly timeZone: 'Asia/Shanghai';
}

export interface ContactCaps {
  /** Contacts (calls, messages, visits) with one customer on one local calendar day. */
  readonly perDay: number;
  /** Contacts with one customer over the seven local days ending on the day of the contact. */
  readonly perWeek: number;
}

export interface CollectionStrategy {
  readonly effectiveFrom: LocalDate;
  readonly buckets: Readonly<Record<CaseBucket, BucketStrategy>>;
  /** Cases in this bucket and the ones after it are in the collectors' call queue. */
  readonly callQueueFrom: CaseBucket;
  readonly contactHours: ContactHours;
  readonly caps: ContactCaps;
  /** Where the contact hours and caps come from (shown with the strategy). */
  readonly source: string;
  /** How long a collector's claim on a case lasts before it lapses by itself. */
  readonly claimMinutes: number;
  /** How far ahead a promise to pay may be dated. */
  readonly maxPromiseDays: number;
}

/**
 * The default strategy. Contact hours 08:00–21:00 and no contact with anyone but the customer follow the
 * China Internet Finance Association's 《互联网金融逾期债务催收自律公约（试行）》 (2018), the industry's
 * self-regulation convention on collecting overdue debts (no collection at rest hours, no disclosure to or
 * pressure on third parties). The caps — 3 contacts a day and 10 over seven days — are the lender's
 * defaults within that convention's ban on harassing frequency, not a figure quoted from it: compliance
 * sets them here.
 */
export const DEFAULT_COLLECTION_STRATEGY: CollectionStrategy = {
  effectiveFrom: '2020-01-01' as LocalDate,
  buckets: {
    M1: {
      reminders: [
        { daysPastDue: 1, message: 'overdue_day_1' },
        { daysPastDue: 7, message: 'overdue_day_7' },
        { daysPastDue: 15, message: 'collections_notice' },
        { daysPastDue: 30, message: 'overdue_day_30' },
      ],
    },
    M2: { reminders: [{ daysPastDue: 45, message: 'collections_notice' }] },
    'M3+': {
      reminders: [
        { daysPastDue: 61, message: 'collections_notice' },
        { daysPastDue: 90, message: 'collections_notice' },
      ],
    },
  },
  callQueueFrom: 'M1',
  contactHours: { from: '08:00', to: '21:00', timeZone: 'Asia/Shanghai' },
  caps: { perDay: 3, perWeek: 10 },
  source:
    '中国互联网金融协会《互联网金融逾期债务催收自律公约（试行）》(2018): contact hours and customer-only contact; caps are the lender’s settings',
  claimMinutes: 30,
  maxPromiseDays: 14,
};

/** The bucket bounds the sequence is checked against (the products' default, [30, 60]). */
export const DEFAULT_BUCKET_BOUNDS: readonly [number, number] = [30, 60];

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of an `HH:MM` time. */
export function minutesOfDay(time: string): number {
  const match = TIME.exec(time);
  if (!match) throw AppError.invalid('contactHours', 'time-of-day', `"${time}" is not a time HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function bucketRange(bucket: CaseBucket, bounds: readonly [number, number]): [number, number] {
  switch (bucket) {
    case 'M1':
      return [1, bounds[0]];
    case 'M2':
      return [bounds[0] + 1, bounds[1]];
    case 'M3+':
      return [bounds[1] + 1, 100_000];
  }
}

const isSequenceMessage = (value: unknown): value is SequenceMessage =>
  typeof value === 'string' && (SEQUENCE_MESSAGES as readonly string[]).includes(value);

const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * Checks a strategy's rules and returns every issue (field and rule): days within their bucket and
 * increasing through the sequence; the reminders step's notices on their own days only, and no
 * collections notice on their days (never two messages for one milestone); hours a non-empty window of
 * one day; caps 1–20 a day and at least the daily cap a week; claim 5–480 minutes; promises 1–31 days.
 */
export function strategyIssues(
  strategy: CollectionStrategy,
  bounds: readonly [number, number] = DEFAULT_BUCKET_BOUNDS,
  field = 'strategy',
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issue = (path: string, rule: string, message: string) =>
    issues.push({ field: `${field}.${path}`, rule, message });
  if (!isLocalDate(strategy.effectiveFrom)) issue('effectiveFrom', 'date', 'must be a date YYYY-MM-DD');
  let previous = 0;
  for (const bucket of CASE_BUCKETS) {
    const steps = strategy.buckets[bucket]?.reminders;
    if (!Array.isArray(steps)) {
      issue(`buckets.${bucket}.reminders`, 'required', `the ${bucket} reminder sequence is missing`);
      continue;
    }
    const [low, high] = bucketRange(bucket, bounds);
    steps.forEach((step: { readonly daysPastDue: unknown; readonly message: unknown }, index) => {
      const path = `buckets.${bucket}.reminders[${index}]`;
      const days = step.daysPastDue;
      const message = step.message;
      if (!isWhole(days, low, high)) {
        issue(`${path}.daysPastDue`, 'within-bucket', `${bucket} covers days ${low}–${high} past due`);
        return;
      }
      if (days <= previous)
        issue(`${path}.daysPastDue`, 'increasing', 'the sequence must go forward, one message a day at most');
      previous = days;
      if (!isSequenceMessage(message)) {
        issue(`${path}.message`, 'one-of', `message must be one of ${SEQUENCE_MESSAGES.join(', ')}`);
        return;
      }
      if (message === 'collections_notice') {
        if (Object.values(REMINDER_STEP_DAYS).includes(days))
          issue(
            `${path}.daysPastDue`,
            'not-duplicating-overdue-reminders',
            `day ${days} already has the day-end's overdue notice: no second message that day`,
          );
      } else if (REMINDER_STEP_DAYS[message] !== days) {
        issue(
          `${path}.daysPastDue`,
          'reminder-day',
          `${message} is the reminders step's notice of day ${REMINDER_STEP_DAYS[message]}`,
        );
      }
    });
  }
  if (!(CASE_BUCKETS as readonly string[]).includes(strategy.callQueueFrom))
    issue('callQueueFrom', 'one-of', `must be one of ${CASE_BUCKETS.join(', ')}`);
  const hours = strategy.contactHours;
  if (hours?.timeZone !== 'Asia/Shanghai') issue('contactHours.timeZone', 'one-of', 'only Asia/Shanghai');
  if (!TIME.test(hours?.from ?? '')) issue('contactHours.from', 'time-of-day', 'must be HH:MM');
  else if (!TIME.test(hours?.to ?? '')) issue('contactHours.to', 'time-of-day', 'must be HH:MM');
  else if (minutesOfDay(hours.from) >= minutesOfDay(hours.to))
    issue('contactHours.to', 'after-from', 'the window must end after it starts, within one day');
  if (!isWhole(strategy.caps?.perDay, 1, 20)) issue('caps.perDay', 'range', 'must be a whole number 1–20');
  if (!isWhole(strategy.caps?.perWeek, 1, 140))
    issue('caps.perWeek', 'range', 'must be a whole number 1–140');
  else if (isWhole(strategy.caps?.perDay, 1, 20) && strategy.caps.perWeek < strategy.caps.perDay)
    issue('caps.perWeek', 'at-least-per-day', 'the weekly cap cannot be below the daily one');
  if (
    typeof strategy.source !== 'string' ||
    strategy.source.trim().length === 0 ||
    strategy.source.length > 500
  )
    issue('source', 'required', 'name where the hours and caps come from (1–500 characters)');
  if (!isWhole(strategy.claimMinutes, 5, 480)) issue('claimMinutes', 'range', 'must be 5–480 minutes');
  if (!isWhole(strategy.maxPromiseDays, 1, 31)) issue('maxPromiseDays', 'range', 'must be 1–31 days');
  return issues;
}

/**
 * Parses the dated strategies (from the settings file): at least one, dates strictly increasing, each
 * valid. Refused as one 422 listing every issue.
 */
export function parseCollectionStrategies(
  value: unknown,
  bounds: readonly [number, number] = DEFAULT_BUCKET_BOUNDS,
): readonly CollectionStrategy[] {
  if (!Array.isArray(value) || value.length === 0)
    throw AppError.invalid('strategies', 'non-empty-list', 'give at least one dated strategy');
  const issues: FieldIssue[] = [];
  value.forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) {
      issues.push({ field: `strategies[${index}]`, rule: 'object', message: 'must be an object' });
      return;
    }
    issues.push(...strategyIssues(entry as CollectionStrategy, bounds, `strategies[${index}]`));
    const before = value[index - 1] as { effectiveFrom?: unknown } | undefined;
    if (before && typeof before.effectiveFrom === 'string') {
      const from = (entry as { effectiveFrom?: unknown }).effectiveFrom;
      if (typeof from === 'string' && from <= before.effectiveFrom)
        issues.push({
          field: `strategies[${index}].effectiveFrom`,
          rule: 'increasing',
          message: 'strategies are listed in date order, one a date',
        });
    }
  });
  if (issues.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `collections strategy: ${issues[0]?.field}: ${issues[0]?.message}`,
      {
        issues,
      },
    );
  }
  return value as CollectionStrategy[];
}

/**
 * Where the dated strategies come from, asked each time they are needed, through the connection in use
 * (inside a transaction: that transaction — the embedded PGlite has one connection, so a read beside an
 * open transaction would wait for it): the ones approved through four-eyes changes (stored) after the
 * configured ones (wired by the composition root; a fixed list in tests).
 */
export type StrategySource = (q: Queryable) => Promise<readonly CollectionStrategy[]>;

/** A source that always gives `strategies` (tests, benches, a deployment without stored strategies). */
export const fixedStrategies =
  (strategies: readonly CollectionStrategy[]): StrategySource =>
  () =>
    Promise.resolve(strategies);

/**
 * The configured strategies up to the first stored one's date, then the stored ones: a strategy approved
 * from a date applies from that date, and what was in force before it stays as it was.
 */
export function withStoredStrategies(
  configured: readonly CollectionStrategy[],
  stored: readonly CollectionStrategy[],
): readonly CollectionStrategy[] {
  const first = stored[0];
  if (!first) return configured;
  return [...configured.filter((strategy) => strategy.effectiveFrom < first.effectiveFrom), ...stored];
}

/** The strategy in force on a business date (the first one also before its date: there is always one). */
export function strategyOn(strategies: readonly CollectionStrategy[], date: LocalDate): CollectionStrategy {
  let current = strategies[0];
  if (!current) throw new AppError('INTERNAL', 'no collections strategy configured');
  for (const strategy of strategies) if (strategy.effectiveFrom <= date) current = strategy;
  return current;
}

/** The collections step's own notices, in day order: the steps whose message is `collections_notice`. */
export function noticeDays(strategy: CollectionStrategy): number[] {
  return CASE_BUCKETS.flatMap((bucket) =>
    strategy.buckets[bucket].reminders
      .filter((step) => step.message === 'collections_notice')
      .map((step) => step.daysPastDue),
  );
}

/** Whether cases in `bucket` are in the call queue. */
export function inCallQueue(strategy: CollectionStrategy, bucket: CaseBucket): boolean {
  return CASE_BUCKETS.indexOf(bucket) >= CASE_BUCKETS.indexOf(strategy.callQueueFrom);
}
