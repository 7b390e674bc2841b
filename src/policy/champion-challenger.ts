import { createHash } from 'node:crypto';
import { AppError } from '../platform/errors/app-error.ts';
import { parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';

/**
 * Champion/challenger: for one product, a share of customers is decided by a challenger policy version,
 * the rest by the champion. The split is a pure function of the customer id (and the experiment's own
 * salt), so a customer always lands in the same arm for as long as the assignment stands, and two
 * experiments do not pick the same customers.
 */

export type Arm = 'champion' | 'challenger';

/** Policy names: lower-case words joined by - or _ (`default`, `tight-2026`). */
export const POLICY_NAME = /^[a-z][a-z0-9_-]{0,63}$/;

export interface PolicyAssignment {
  readonly productCode: string;
  readonly effectiveFrom: LocalDate;
  /** Policy names (`default`); each resolves to the version of that name in force on the decision date. */
  readonly championPolicy: string;
  readonly challengerPolicy: string | null;
  /** Share of customers sent to the challenger, in basis points (0–10,000). */
  readonly challengerShareBps: number;
  /** A policy and/or model that runs beside the deciding one without acting (`shadow-assignment.ts`). */
  readonly shadow?: ShadowSetting | null;
}

/**
 * Shadow mode's setting on an assignment: a shadow policy (name) and/or scorecard model (version) that runs
 * on a share of the product's decisions, from the assignment's date to `until` (inclusive; null: as long
 * as the assignment stands). See `shadow-assignment.ts`.
 */
export interface ShadowSetting {
  /** A policy name (its version in force on the decision date runs); null: the deciding policy. */
  readonly policy: string | null;
  /** A scorecard model version of the registry; null: the deciding model. */
  readonly model: string | null;
  /** Share of the product's decisions the shadow sees, in basis points (0–10,000). */
  readonly shareBps: number;
  /** The last business day it runs; null: as long as the assignment stands. */
  readonly until: LocalDate | null;
}

/** A stable bucket in [0, 10000) from the customer id and a salt (the experiment). */
export function bucketOf(customerId: string, salt: string): number {
  const digest = createHash('sha256').update(`${salt}\u0000${customerId}`).digest();
  // 48 bits → uniform enough that the modulo bias is below 1e-10.
  const value = digest.readUIntBE(0, 6);
  return value % 10_000;
}

/** The arm a customer takes under an assignment, and the policy (name) that decides. */
export function assignArm(
  customerId: string,
  assignment: PolicyAssignment,
): { arm: Arm; policyName: string } {
  if (assignment.challengerPolicy !== null && assignment.challengerShareBps > 0) {
    const salt = `${assignment.productCode}:${assignment.effectiveFrom}:${assignment.challengerPolicy}`;
    if (bucketOf(customerId, salt) < assignment.challengerShareBps) {
      return { arm: 'challenger', policyName: assignment.challengerPolicy };
    }
  }
  return { arm: 'champion', policyName: assignment.championPolicy };
}

/** The assignment of a product in force on `date`. */
export function assignmentOn(
  assignments: readonly PolicyAssignment[],
  productCode: string,
  date: LocalDate,
): PolicyAssignment | undefined {
  let found: PolicyAssignment | undefined;
  for (const assignment of assignments) {
    if (assignment.productCode !== productCode || assignment.effectiveFrom > date) continue;
    if (!found || assignment.effectiveFrom > found.effectiveFrom) found = assignment;
  }
  return found;
}

export function parseAssignment(json: unknown, field = 'assignment'): PolicyAssignment {
  const record = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const share = record.challengerShareBps ?? 0;
  if (typeof share !== 'number' || !Number.isInteger(share) || share < 0 || share > 10_000) {
    throw AppError.invalid(
      `${field}.challengerShareBps`,
      'range',
      'a whole number of basis points from 0 to 10000',
    );
  }
  if (typeof record.productCode !== 'string' || record.productCode === '') {
    throw AppError.invalid(`${field}.productCode`, 'required', 'the product code is required');
  }
  if (typeof record.championPolicy !== 'string' || !POLICY_NAME.test(record.championPolicy)) {
    throw AppError.invalid(`${field}.championPolicy`, 'policy-name', 'the champion policy name is required');
  }
  const challenger = record.challengerPolicy;
  if (
    challenger !== undefined &&
    challenger !== null &&
    (typeof challenger !== 'string' || !POLICY_NAME.test(challenger))
  ) {
    throw AppError.invalid(`${field}.challengerPolicy`, 'policy-name', 'a policy name or null');
  }
  if ((challenger === undefined || challenger === null) && share > 0) {
    throw AppError.invalid(
      `${field}.challengerShareBps`,
      'no-challenger',
      'a share without a challenger policy',
    );
  }
  return {
    productCode: record.productCode,
    effectiveFrom: parseLocalDate(String(record.effectiveFrom), `${field}.effectiveFrom`),
    championPolicy: record.championPolicy,
    challengerPolicy: typeof challenger === 'string' ? challenger : null,
    challengerShareBps: share,
  };
}
