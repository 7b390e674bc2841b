import type { paths } from '../../api/schema';

/**
 * The shapes the reviewer's pages read. Routes with a typed answer are derived from the generated schema
 * (`npm run gen:api`), so a change on the server fails the web typecheck (the queue's rows among them); the
 * appeals' other staff views are still declared `AnyObject` on the server, so their fields are written out
 * here as the server builds them (src/appeals/appeal-view.ts: appealView, caseFileView, auditEventView,
 * notificationView).
 */
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
export type Ok<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer C }
    ? Json<C>
    : never
  : never;
export type Body<P extends keyof paths> = paths[P]['post'] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The server's text in both languages (appeals answer `zh`, some routes `zh-CN`). */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export const APPEAL_STATUSES = [
  'filed',
  'queued',
  'in_review',
  'pending_approval',
  'resolved',
  'withdrawn',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_CATEGORIES = ['identity', 'data_error', 'repaid_debt', 'system_fault', 'other'] as const;
export type AppealCategory = (typeof APPEAL_CATEGORIES)[number];
export type Verdict = 'better' | 'same' | 'worse' | 'mixed';

export interface Actor {
  readonly kind: 'customer' | 'reviewer' | 'system' | string;
  readonly id: string;
  readonly name: string;
}

export interface Proposal {
  readonly reviewId?: string;
  readonly maker: Actor;
  readonly limit: string;
  readonly limitFen: string;
  readonly apr: string;
  readonly note: string;
  readonly proposedAt: string;
}

/** A row of GET /v1/appeals (queueItemView), typed by the server's schema. */
export type QueueItem = Ok<'/v1/appeals', 'get'>['appeals'][number];

export interface FieldChange {
  readonly field: string;
  readonly from: string | number | boolean | null;
  readonly to: string | number | boolean | null;
}

export interface ReasonRef {
  readonly code: string;
  readonly text: Bilingual;
}

export interface RecheckDiff {
  readonly verdict: Verdict;
  readonly recheckFault: boolean;
  readonly outputs: readonly FieldChange[];
  readonly inputs: readonly FieldChange[];
  readonly features: readonly FieldChange[];
  readonly reasons: {
    readonly added: readonly ReasonRef[];
    readonly removed: readonly ReasonRef[];
    readonly kept: readonly ReasonRef[];
  };
  readonly versions: {
    readonly model: { readonly from: string | null; readonly to: string | null } | null;
    readonly policy: { readonly from: string | null; readonly to: string | null } | null;
  };
}

/** The staff view of an appeal (appealView). */
export interface AppealView {
  readonly appealId: string;
  readonly decisionId: string;
  readonly customerId: string;
  readonly productCode: string;
  readonly category: AppealCategory;
  readonly statement: string;
  readonly evidenceIds: readonly string[];
  readonly status: AppealStatus;
  readonly resolution: string | null;
  readonly version: number;
  readonly amountAtStake: string;
  readonly amountAtStakeFen: string;
  readonly filedAt: string;
  readonly filedBy: Actor;
  readonly recheck: {
    readonly decisionId: string | null;
    readonly attempts: number;
    readonly nextAttemptAt: string | null;
    readonly diff: RecheckDiff | null;
  };
  readonly queuedAt: string | null;
  readonly slaDueDate: string | null;
  readonly slaDueAt: string | null;
  readonly assignee: Actor | null;
  readonly assignedAt: string | null;
  readonly proposal: Proposal | null;
  readonly overrideDecisionId: string | null;
  readonly upholdReasons:
    readonly { code: string; params: Record<string, unknown>; text: Bilingual }[] | null;
  readonly upholdMessage: Bilingual | null;
  readonly resolvedAt: string | null;
  readonly resolvedBy: Actor | null;
  readonly withdrawnAt: string | null;
}

/** A decision as GET /v1/decisions/:id answers it (typed), with the evidence the case file adds. */
export type DecisionView = Ok<'/v1/decisions/{id}', 'get'>;

/** One node of a decision's rule trace, typed by the server's schema. */
export type TraceEntry = NonNullable<DecisionEvidence['trace']>[number];

/** What a decision was computed from (facts, scorecard row, policy document and output, trace), typed. */
export type DecisionEvidence = NonNullable<DecisionView['evidence']>;

/** GET /v1/appeals/:id/case (caseFileView). */
export interface CaseFile {
  readonly appeal: AppealView;
  readonly priority: number;
  readonly slaBreached: boolean;
  readonly original: DecisionView;
  readonly recheck: DecisionView | null;
  readonly diff: RecheckDiff | null;
  readonly override: DecisionView | null;
  readonly evidence: readonly {
    readonly evidenceId: string;
    readonly customerId: string;
    readonly mediaType: string;
    readonly sizeBytes: number;
    readonly sha256: string;
    readonly uploadedAt: string;
  }[];
  readonly customer: Record<string, unknown>;
  readonly history: {
    readonly decisions: readonly {
      decisionId: string;
      kind: string;
      product: string;
      outcome: string;
      limit: string;
      apr: string | null;
      score: number | null;
      reasonCodes: readonly string[];
      decidedAt: string;
    }[];
    readonly appeals: readonly {
      appealId: string;
      decisionId: string;
      category: string;
      status: string;
      resolution: string | null;
      filedAt: string;
    }[];
    readonly loans: readonly {
      loanId: string;
      status: string;
      principal: string;
      daysPastDue: number;
      bucket: string;
      asOf: string;
    }[];
    readonly facilities: readonly {
      facilityId: string;
      product: string;
      status: string;
      limit: string;
      used: string;
      apr: string;
      decisionId: string;
    }[];
  };
}

/** GET /v1/appeals/:id/history. */
export interface AppealHistory {
  readonly appealId: string;
  readonly events: readonly {
    readonly seq: number;
    readonly auditId: string;
    readonly action: string;
    readonly actor: Actor;
    readonly at: string;
    readonly statusBefore: string | null;
    readonly statusAfter: string;
    readonly before: Record<string, unknown>;
    readonly after: Record<string, unknown>;
    readonly note: string | null;
  }[];
  readonly notifications: readonly {
    readonly notificationId: string;
    readonly kind: string;
    readonly text: Bilingual;
    readonly createdAt: string;
    readonly deliveredAt: string | null;
  }[];
}

export type UpholdCatalogue = Ok<'/v1/appeals/uphold-reasons', 'get'>;
export type UpholdPreview = Ok<'/v1/appeals/uphold-reasons/preview', 'post'>;
export type UpholdReasonInput = Body<'/v1/appeals/uphold-reasons/preview'>['reasons'][number];

export type ReferralList = Ok<'/v1/referrals', 'get'>;
export type ReferralCase = ReferralList['items'][number];
export type ReferralCaseFile = Ok<'/v1/referrals/{id}', 'get'>;
export type ReferralDecideBody = Body<'/v1/referrals/{id}/decide'>;
