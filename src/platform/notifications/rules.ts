import { SHANGHAI_OFFSET_MS } from '../time/local-date.ts';

/**
 * The delivery rules of customer messages, pure: which channel a kind goes by, quiet hours, and the
 * back-off between attempts.
 */

export const MESSAGE_CHANNELS = ['sms', 'push', 'email'] as const;
export type MessageChannelName = (typeof MESSAGE_CHANNELS)[number];

/**
 * Quiet hours: no SMS or push between 21:00 and 08:00 Asia/Shanghai (UTC+8 all year). A message whose
 * attempt would fall in them waits until 08:00 (the same morning before 08:00, the next morning from 21:00
 * on); e-mail is not held. Applied when a message is written and when a retry is scheduled.
 */
export const QUIET_HOURS = { startHour: 21, endHour: 8 } as const;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The first instant at or after `at` when `channel` may reach the customer. */
export function outsideQuietHours(channel: MessageChannelName, at: Date): Date {
  if (channel === 'email') return at;
  const local = at.getTime() + SHANGHAI_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  const hourOfDay = (local - dayStart) / HOUR_MS;
  if (hourOfDay >= QUIET_HOURS.endHour && hourOfDay < QUIET_HOURS.startHour) return at;
  const morning = hourOfDay < QUIET_HOURS.endHour ? dayStart : dayStart + DAY_MS;
  return new Date(morning + QUIET_HOURS.endHour * HOUR_MS - SHANGHAI_OFFSET_MS);
}

export interface RetryPolicy {
  /** Attempts in all, the first included; after the last one fails the message is marked failed. */
  readonly maxAttempts: number;
  /** The wait after the first failed attempt; each later one doubles it. */
  readonly baseDelayMs: number;
  /** No wait is longer than this. */
  readonly maxDelayMs: number;
  /** How long a claimed message is held by the pass that claimed it before another pass may try it. */
  readonly leaseMs: number;
}

/** 1 min, 2, 4, 8, 16 min between six attempts (31 minutes in all before giving up, plus quiet hours). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 60_000,
  maxDelayMs: 6 * HOUR_MS,
  leaseMs: 5 * 60_000,
};

/** The wait after the `attempts`-th failed attempt (1-based): base × 2^(attempts − 1), capped. */
export function backOffDelayMs(policy: RetryPolicy, attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
}

/** What happens after a failed attempt: another try at `nextAttemptAt`, or give up. */
export function afterFailure(
  policy: RetryPolicy,
  channel: MessageChannelName,
  attempts: number,
  now: Date,
): { readonly giveUp: true } | { readonly giveUp: false; readonly nextAttemptAt: Date } {
  if (attempts >= policy.maxAttempts) return { giveUp: true };
  const next = new Date(now.getTime() + backOffDelayMs(policy, attempts));
  return { giveUp: false, nextAttemptAt: outsideQuietHours(channel, next) };
}
