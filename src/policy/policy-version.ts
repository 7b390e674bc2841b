import type { LocalDate } from '../platform/time/local-date.ts';
import type { PolicyIssue } from './jdm.ts';
import type { GraphDiff } from './policy-diff.ts';

/**
 * A policy version as the policy context keeps it (stored by `policy.pg.ts`; submitted and approved through the four-eyes inbox).
 */

/** A stored policy version without its graph (for lists). */
export interface PolicyVersionSummary {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly effectiveFrom: LocalDate;
  readonly description: string;
  readonly checksum: string;
  readonly warnings: readonly PolicyIssue[];
  readonly loadedAt: Date;
  /**
   * Where its four-eyes change stands: a version is in force (from its date) only once `approved`. Versions
   * loaded before four-eyes (migration 0380) have no change request and count as approved.
   */
  readonly status: PolicyVersionStatus;
  /** The change request that submitted it (null for versions loaded before four-eyes). */
  readonly changeId: string | null;
}

export const POLICY_VERSION_STATUSES = ['pending_approval', 'approved', 'rejected', 'superseded'] as const;
export type PolicyVersionStatus = (typeof POLICY_VERSION_STATUSES)[number];

/** A stored policy version with its JDM graph. */
export interface PolicyVersion extends PolicyVersionSummary {
  readonly content: unknown;
}

export interface PolicyDiff {
  readonly from: PolicyVersionSummary;
  readonly to: PolicyVersionSummary;
  readonly diff: GraphDiff;
}
