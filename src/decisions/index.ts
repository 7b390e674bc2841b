/**
 * The decisions context's public surface (see docs/decisions.md): types and pure functions only — nothing
 * reachable from here opens a database. The service factory (`decision-service.ts`), the storage and read
 * models (`decisions.pg.ts`, `decision-read-model.pg.ts`, `shadow-decisions.pg.ts`) and the routes are
 * wired by the composition root; the HTTP schemas (`decision.dto.ts`) belong to the delivery layer.
 *
 * - `services.decisions` (`DecisionService`): decide, read, list, replay, record a person's override or
 *   manual review; the requests (`DecisionRequest`, `OverrideRequest`, `ManualReviewRequest`) and the ports
 *   a caller implements (`DecisionPorts`, `FacilityWriter`, `ReferralCaseOpener`).
 * - The record (`DecisionRecord`, `DecisionSummary`, kinds) and its views (`decisionView`,
 *   `decisionSummaryView`, `customerText`).
 * - The pure evaluation (`evaluateDecision` over `DecisionFacts`), its principal reasons and recourse.
 */
export {
  DECISION_KINDS,
  PERSON_DECISION_KINDS,
  isPersonsDecision,
  type DecisionFault,
  type DecisionKind,
  type DecisionOverride,
  type DecisionRecord,
  type DecisionSummary,
  type FaultStage,
} from './decision.ts';
export type { DecisionRequest, ManualReviewRequest, OverrideRequest } from './decision-requests.ts';
export type {
  DecisionPorts,
  DecisionService,
  FacilityGrant,
  FacilityProduct,
  FacilityWriter,
  ReferralCaseOpener,
  StandingTerms,
} from './decisions-ports.ts';
export {
  customerText,
  customerTextInputOfView,
  decisionSummaryView,
  decisionView,
  type CustomerTextInput,
  type DecisionView,
} from './decision-view.ts';
export {
  evaluateDecision,
  NO_LIMIT,
  type DecisionRecourse,
  type EvaluatedDecision,
  type EvaluateOptions,
  type Outcome,
  type PolicyContext,
  type RecourseStep,
} from './evaluate-decision.ts';
export {
  parseTerms,
  scorecardRow,
  termsJson,
  YUAN_FEATURES,
  type DecisionFacts,
  type FacilityFact,
  type ReliedConsent,
  type TermsJson,
} from './decision-facts.ts';
export { recourseUnitsOf, SCORECARD_ACTION_MESSAGES } from './decision-recourse.ts';
export {
  MAX_PRINCIPAL_REASONS,
  paramJson,
  systemUnavailableReason,
  type PrincipalReason,
  type ReasonKind,
  type ReasonParamsJson,
} from './principal-reasons.ts';
export type { ReplayDifference, ReplayReport } from './replay.ts';
