import { AppError } from '../platform/errors/app-error.ts';
import {
  addDays,
  businessDateOf,
  SHANGHAI_OFFSET_MS,
  startOfBusinessDate,
  type LocalDate,
} from '../platform/time/local-date.ts';
import type { CollectorRef } from './collection-case.ts';
import { minutesOfDay, type CollectionStrategy } from './collection-strategy.ts';

/** The contact log: what a collector did to reach the customer, append-only. */

export const CONTACT_CHANNELS = ['call', 'sms', 'visit-note'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_OUTCOMES = ['reached', 'no-answer', 'wrong-number', 'refused', 'promise'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export interface CollectionContact {
  readonly customerId: string;
  readonly id: string;
  readonly caseId: string;
  readonly channel: ContactChannel;
  readonly outcome: ContactOutcome;
  /** Always the customer: collections contact nobody else. */
  readonly party: 'customer';
  readonly note: string | null;
  /** The promise made in this contact (outcome `promise`). */
  readonly promiseId: string | null;
  readonly contactedAt: Date;
  readonly by: CollectorRef;
  readonly recordedAt: Date;
  /** The caller's key: the same request again finds this contact and logs nothing. */
  readonly idempotencyKey: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Minutes after local midnight in Asia/Shanghai (UTC+8 all year). */
export function shanghaiMinuteOfDay(at: Date): number {
  const local = at.getTime() + SHANGHAI_OFFSET_MS;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

/** Whether `at` is within the strategy's permitted contact hours (from inclusive, to exclusive). */
export function withinContactHours(strategy: CollectionStrategy, at: Date): boolean {
  const minute = shanghaiMinuteOfDay(at);
  return (
    minute >= minutesOfDay(strategy.contactHours.from) && minute < minutesOfDay(strategy.contactHours.to)
  );
}

/**
 * The windows the frequency caps count in for a contact at `at`: its local day, and the seven local days
 * ending on it.
 */
export function capWindows(at: Date): { day: { from: Date; to: Date }; week: { from: Date; to: Date } } {
  const date = businessDateOf(at);
  const to = startOfBusinessDate(addDays(date, 1));
  return {
    day: { from: startOfBusinessDate(date), to },
    week: { from: startOfBusinessDate(addDays(date, -6)), to },
  };
}

/**
 * The rules of a contact, checked before it is recorded (nothing is written when one fails):
 * - with the customer only (`party` / `customer-only`);
 * - inside the permitted hours (`contactedAt` / `contact-hours`);
 * - not in the future, and within the last 24 hours (`contactedAt` / `not-in-future`, `recent`);
 * - under the caps, counting the contacts already logged with this customer on the contact's local day and
 *   over the seven local days ending on it (`contactedAt` / `daily-cap`, `weekly-cap`).
 */
export function checkContact(
  strategy: CollectionStrategy,
  input: { readonly party: string; readonly contactedAt: Date },
  context: { readonly now: Date; readonly sameDay: number; readonly sameWeek: number },
): void {
  if (input.party !== 'customer')
    throw AppError.invalid(
      'party',
      'customer-only',
      'collections contact the customer only, never anyone else',
    );
  if (input.contactedAt.getTime() > context.now.getTime())
    throw AppError.invalid('contactedAt', 'not-in-future', 'a contact is logged when it has happened');
  if (context.now.getTime() - input.contactedAt.getTime() > DAY_MS)
    throw AppError.invalid('contactedAt', 'recent', 'a contact is logged within 24 hours of it');
  if (!withinContactHours(strategy, input.contactedAt)) {
    const { from, to } = strategy.contactHours;
    throw AppError.invalid(
      'contactedAt',
      'contact-hours',
      `customers may be contacted only between ${from} and ${to} Asia/Shanghai (${strategy.source})`,
    );
  }
  if (context.sameDay >= strategy.caps.perDay)
    throw AppError.invalid(
      'contactedAt',
      'daily-cap',
      `this customer has had ${context.sameDay} contacts that day; the cap is ${strategy.caps.perDay} a day`,
    );
  if (context.sameWeek >= strategy.caps.perWeek)
    throw AppError.invalid(
      'contactedAt',
      'weekly-cap',
      `this customer has had ${context.sameWeek} contacts in the seven days to then; the cap is ${strategy.caps.perWeek}`,
    );
}

/** The local business date of a contact. */
export const contactDate = (at: Date): LocalDate => businessDateOf(at);
