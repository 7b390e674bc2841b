import { defineMessages, type LocalizedText } from '../../platform/i18n/localized.ts';

/**
 * Abnormal behaviour: velocity rules and deviation from the person's own baseline raise risk holds. A hold
 * carries a reason code and an expiry; decisions see it in the customer snapshot, the explanation engine
 * tells the customer what it is and when it ends.
 *
 * Holds are derived, not stored: a hold is in force at instant T when its rule fired at some instant
 * t ≤ T (judged only on events up to t) and t + duration > T. The latest firing counts, so a burst that goes
 * on keeps the hold in force until `duration` after it stops. Being a pure function of the events, a hold
 * is the same whether asked now, replayed for an old decision, or computed for a training table.
 */
export const HOLD_RULES = {
  /** Checking the limit again and again within an hour. */
  LIMIT_VIEW_VELOCITY: { threshold: 10, windowMs: 3_600_000, durationMs: 24 * 3_600_000 },
  /** Password guessing. */
  FAILED_LOGIN_VELOCITY: { threshold: 5, windowMs: 3_600_000, durationMs: 24 * 3_600_000 },
  /** The account moving between devices. */
  DEVICE_CHANGE_VELOCITY: { threshold: 3, windowMs: 7 * 86_400_000, durationMs: 7 * 86_400_000 },
  /**
   * Limit checks in 24 hours far above the person's own daily habit over the 30 days before: at least
   * `minimum`, and more than `factor` × the baseline daily mean + `margin`. Someone who checks daily is not
   * flagged for checking a few times; a dormant account that suddenly checks ten times is.
   */
  LIMIT_VIEW_SPIKE: {
    minimum: 6,
    factor: 4,
    margin: 3,
    windowMs: 24 * 3_600_000,
    baselineMs: 30 * 86_400_000,
    durationMs: 72 * 3_600_000,
  },
} as const;

export type HoldReason = keyof typeof HOLD_RULES;
export const HOLD_REASONS = Object.keys(HOLD_RULES) as HoldReason[];

export interface RiskHold {
  readonly reasonCode: HoldReason;
  /** The latest instant the rule fired (at or before the as-of instant). */
  readonly triggeredAt: Date;
  /** When the hold lifts unless the rule fires again. */
  readonly expiresAt: Date;
  /** What was seen in the window that fired, and the threshold it crossed. */
  readonly observed: number;
  readonly threshold: number;
}

interface HoldParams {
  readonly count: number;
  readonly date: LocalizedText;
}

/** Customer-facing text for each reason (rendered with `render`). */
export const HOLD_MESSAGES = defineMessages({
  LIMIT_VIEW_VELOCITY: {
    zh: (p: HoldParams) => `短时间内查看额度${p.count}次，账户暂时受限，${p.date.zh}后自动解除。`,
    en: (p: HoldParams) =>
      `The limit was checked ${p.count} times within an hour; the account is on hold until ${p.date.en}.`,
  },
  FAILED_LOGIN_VELOCITY: {
    zh: (p: HoldParams) => `一小时内登录失败${p.count}次，为保护账户安全暂时受限，${p.date.zh}后自动解除。`,
    en: (p: HoldParams) =>
      `${p.count} failed logins within an hour; to protect the account it is on hold until ${p.date.en}.`,
  },
  DEVICE_CHANGE_VELOCITY: {
    zh: (p: HoldParams) => `7天内更换登录设备${p.count}次，账户暂时受限，${p.date.zh}后自动解除。`,
    en: (p: HoldParams) =>
      `The account moved between devices ${p.count} times in 7 days; it is on hold until ${p.date.en}.`,
  },
  LIMIT_VIEW_SPIKE: {
    zh: (p: HoldParams) =>
      `24小时内查看额度${p.count}次，远超平时习惯，账户暂时受限，${p.date.zh}后自动解除。`,
    en: (p: HoldParams) =>
      `The limit was checked ${p.count} times in 24 hours, far more than usual; the account is on hold until ${p.date.en}.`,
  },
});

/**
 * The latest firing of a "≥ threshold events within windowMs" rule at or before `asOfMs`, considering only
 * firings recent enough to still be in force. `times` ascending, all ≤ asOfMs.
 */
function latestVelocityFiring(
  times: readonly number[],
  threshold: number,
  windowMs: number,
  durationMs: number,
  asOfMs: number,
): { at: number; observed: number } | undefined {
  let found: { at: number; observed: number } | undefined;
  let left = 0;
  for (let right = 0; right < times.length; right += 1) {
    const at = times[right] ?? 0;
    while ((times[left] ?? 0) <= at - windowMs) left += 1;
    const observed = right - left + 1;
    if (observed >= threshold && at + durationMs > asOfMs) found = { at, observed };
  }
  return found;
}

function latestSpikeFiring(
  viewTimes: readonly number[],
  asOfMs: number,
): { at: number; observed: number; threshold: number } | undefined {
  const rule = HOLD_RULES.LIMIT_VIEW_SPIKE;
  let found: { at: number; observed: number; threshold: number } | undefined;
  let windowLeft = 0;
  let baselineLeft = 0;
  for (let right = 0; right < viewTimes.length; right += 1) {
    const at = viewTimes[right] ?? 0;
    const windowStart = at - rule.windowMs;
    const baselineStart = windowStart - rule.baselineMs;
    while ((viewTimes[windowLeft] ?? 0) <= windowStart) windowLeft += 1;
    while ((viewTimes[baselineLeft] ?? 0) <= baselineStart) baselineLeft += 1;
    if (at + rule.durationMs <= asOfMs) continue;
    const observed = right - windowLeft + 1;
    const baselineViews = windowLeft - baselineLeft; // views in (baselineStart, windowStart]
    const dailyMean = baselineViews / (rule.baselineMs / 86_400_000);
    const threshold = Math.max(rule.minimum, Math.floor(rule.factor * dailyMean + rule.margin) + 1);
    if (observed >= threshold) found = { at, observed, threshold };
  }
  return found;
}

function hold(
  reasonCode: HoldReason,
  at: number,
  durationMs: number,
  observed: number,
  threshold: number,
): RiskHold {
  return { reasonCode, triggeredAt: new Date(at), expiresAt: new Date(at + durationMs), observed, threshold };
}

/**
 * The holds in force at `asOfMs` from the behaviour events up to it. Each list ascending; it must include
 * every event of its kind in the span the rules look back over (`HOLD_LOOKBACK_MS` before the as-of time).
 */
export function evaluateHolds(
  limitViewTimes: readonly number[],
  failedLoginTimes: readonly number[],
  deviceChangeTimes: readonly number[],
  asOfMs: number,
): RiskHold[] {
  // Written without closures: this runs for every customer with recent app activity.
  const holds: RiskHold[] = [];
  const views = HOLD_RULES.LIMIT_VIEW_VELOCITY;
  const viewFiring = latestVelocityFiring(
    limitViewTimes,
    views.threshold,
    views.windowMs,
    views.durationMs,
    asOfMs,
  );
  if (viewFiring)
    holds.push(
      hold('LIMIT_VIEW_VELOCITY', viewFiring.at, views.durationMs, viewFiring.observed, views.threshold),
    );

  const spike = latestSpikeFiring(limitViewTimes, asOfMs);
  if (spike)
    holds.push(
      hold(
        'LIMIT_VIEW_SPIKE',
        spike.at,
        HOLD_RULES.LIMIT_VIEW_SPIKE.durationMs,
        spike.observed,
        spike.threshold,
      ),
    );

  const logins = HOLD_RULES.FAILED_LOGIN_VELOCITY;
  const loginFiring = latestVelocityFiring(
    failedLoginTimes,
    logins.threshold,
    logins.windowMs,
    logins.durationMs,
    asOfMs,
  );
  if (loginFiring)
    holds.push(
      hold(
        'FAILED_LOGIN_VELOCITY',
        loginFiring.at,
        logins.durationMs,
        loginFiring.observed,
        logins.threshold,
      ),
    );

  const devices = HOLD_RULES.DEVICE_CHANGE_VELOCITY;
  const deviceFiring = latestVelocityFiring(
    deviceChangeTimes,
    devices.threshold,
    devices.windowMs,
    devices.durationMs,
    asOfMs,
  );
  if (deviceFiring)
    holds.push(
      hold(
        'DEVICE_CHANGE_VELOCITY',
        deviceFiring.at,
        devices.durationMs,
        deviceFiring.observed,
        devices.threshold,
      ),
    );

  return holds;
}

/** How far back the rules look from the as-of instant (longest duration + longest window + baseline). */
export const HOLD_LOOKBACK_MS = Math.max(
  HOLD_RULES.LIMIT_VIEW_SPIKE.durationMs +
    HOLD_RULES.LIMIT_VIEW_SPIKE.windowMs +
    HOLD_RULES.LIMIT_VIEW_SPIKE.baselineMs,
  HOLD_RULES.DEVICE_CHANGE_VELOCITY.durationMs + HOLD_RULES.DEVICE_CHANGE_VELOCITY.windowMs,
  HOLD_RULES.LIMIT_VIEW_VELOCITY.durationMs + HOLD_RULES.LIMIT_VIEW_VELOCITY.windowMs,
  HOLD_RULES.FAILED_LOGIN_VELOCITY.durationMs + HOLD_RULES.FAILED_LOGIN_VELOCITY.windowMs,
);
