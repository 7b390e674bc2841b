/**
 * The referral queue's public surface (see docs/decisions.md, "Referrals"): types and pure functions only —
 * nothing reachable from here opens a database. The service factory and the case opener
 * (`referral-service.ts`), the storage (`referrals.pg.ts`) and the routes are wired by the composition root.
 *
 * - The case (`ReferralCase`, its statuses, events and notifications).
 * - The settings (SLA, claim time) and their parser; the catalogue of decline reasons a reviewer picks from.
 * - `services.referrals` (`ReferralService`) and the types it names, its ports (`ReferralPorts`) and the
 *   dependencies the factory takes (`ReferralDeps`), from the pure `referral-ports.ts`.
 */
export {
  OPEN_REFERRAL_STATUSES,
  REFERRAL_STATUSES,
  isClosed,
  type ClosedBy,
  type ReferralCase,
  type ReferralEvent,
  type ReferralNotification,
  type ReferralProposal,
  type ReferralStatus,
} from './referral.ts';
export {
  DEFAULT_REFERRAL_SETTINGS,
  parseReferralSettings,
  referralSlaDue,
  type ReferralSettings,
} from './referral-settings.ts';
export { DECLINE_CODES, type DeclineReasonInput } from './referral-texts.ts';
export type {
  CaseView,
  ReferralDeps,
  ReferralListFilter,
  ReferralPorts,
  ReferralRecoveryReport,
  ReferralService,
  ReviewerDecision,
} from './referral-ports.ts';
