import { AppError } from '../platform/errors/app-error.ts';
import { parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';
import { bucketOf, POLICY_NAME, type ShadowSetting } from './champion-challenger.ts';

export type { ShadowSetting } from './champion-challenger.ts';

/**
 * Shadow mode: beside the policy that decides a product (champion, or the challenger arm), a shadow policy
 * version and/or a shadow scorecard model runs on the same point-in-time facts and records what it would
 * have decided — without acting: the customer always gets the deciding arm's decision. The shadow is part
 * of the product's dated assignment (so it goes through the same four-eyes change requests), sees a share
 * of the product's decisions (a stable split by customer id, salted apart from the challenger's), and runs
 * from the assignment's date to `until` (inclusive) or the next assignment (`ShadowSetting`, on
 * `PolicyAssignment.shadow`).
 */

/** What the shadow of one decision runs: resolved by the policy context with the deciding policy. */
export interface ShadowPlan {
  readonly policy: string | null;
  readonly model: string | null;
}

/** Model versions as the registry names them. */
export const MODEL_VERSION = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The shadow a decision of `customerId` on `date` runs under an assignment dated `effectiveFrom`, or null:
 * none configured, a zero share, past its last day, or the customer outside the share.
 */
export function shadowFor(
  setting: ShadowSetting | null | undefined,
  productCode: string,
  effectiveFrom: LocalDate,
  customerId: string,
  date: LocalDate,
): ShadowPlan | null {
  if (!setting || setting.shareBps <= 0) return null;
  if (setting.policy === null && setting.model === null) return null;
  if (setting.until !== null && date > setting.until) return null;
  const salt = `shadow:${productCode}:${effectiveFrom}:${setting.policy ?? ''}:${setting.model ?? ''}`;
  if (setting.shareBps < 10_000 && bucketOf(customerId, salt) >= setting.shareBps) return null;
  return { policy: setting.policy, model: setting.model };
}

/** Validates an assignment's `shadow` entry (absent or null: no shadow). */
export function parseShadowSetting(
  json: unknown,
  field: string,
  effectiveFrom: LocalDate,
): ShadowSetting | null {
  if (json === undefined || json === null) return null;
  if (typeof json !== 'object' || Array.isArray(json))
    throw AppError.invalid(field, 'object', 'the shadow is an object {policy?, model?, shareBps, until?}');
  const record = json as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!['policy', 'model', 'shareBps', 'until'].includes(key))
      throw AppError.invalid(`${field}.${key}`, 'unknown-field', `${key} is not a shadow setting`);
  }
  const policy = record.policy ?? null;
  if (policy !== null && (typeof policy !== 'string' || !POLICY_NAME.test(policy)))
    throw AppError.invalid(`${field}.policy`, 'policy-name', 'a policy name or null');
  const model = record.model ?? null;
  if (model !== null && (typeof model !== 'string' || !MODEL_VERSION.test(model)))
    throw AppError.invalid(`${field}.model`, 'model-version', 'a model version or null');
  const share = record.shareBps;
  if (typeof share !== 'number' || !Number.isInteger(share) || share < 0 || share > 10_000)
    throw AppError.invalid(`${field}.shareBps`, 'range', 'a whole number of basis points from 0 to 10000');
  if (policy === null && model === null && share > 0)
    throw AppError.invalid(`${field}`, 'shadow-named', 'a shadow names a policy, a model or both');
  const until =
    record.until === undefined || record.until === null
      ? null
      : parseLocalDate(String(record.until), `${field}.until`);
  if (until !== null && until < effectiveFrom)
    throw AppError.invalid(`${field}.until`, 'after-from', 'the last day is on or after the assignment date');
  return { policy, model, shareBps: share, until };
}

/** Whether two shadow settings are the same (a reload of a past entry must not change it). */
export function sameShadow(
  a: ShadowSetting | null | undefined,
  b: ShadowSetting | null | undefined,
): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === null || y === null) return x === y;
  return x.policy === y.policy && x.model === y.model && x.shareBps === y.shareBps && x.until === y.until;
}

/** The words of a shadow in a change's summary: `shadow policy tight at 20% (model v2) until 2027-01-31`. */
export function describeShadow(setting: ShadowSetting): string {
  const what = [
    setting.policy ? `policy ${setting.policy}` : null,
    setting.model ? `model ${setting.model}` : null,
  ]
    .filter((part) => part !== null)
    .join(' and ');
  return `shadow ${what} at ${setting.shareBps / 100}%${setting.until ? ` until ${setting.until}` : ''}`;
}
