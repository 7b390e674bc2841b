/**
 * The policy context's public surface, for the decisions context and others. See docs/policy.md.
 */
export {
  compilePolicy,
  compileExpression,
  type CompiledPolicy,
  type PolicyEvaluation,
  type TraceEntry,
} from './policy-compiler.ts';
export { issueLocation, type PolicyIssue } from './jdm.ts';
export {
  decideWithPolicy,
  productBoundsOfDocument,
  readPolicyOutcome,
  readPolicyResult,
  toPolicyDocument,
  type PolicyInput,
  type PolicyReasonHit,
  type ProductBounds,
  type PolicyResult,
} from './policy-inputs.ts';
export {
  policyReasonParams,
  renderPolicyReason,
  renderPolicyReasons,
  type PolicyReasonParams,
  type ReasonContext,
} from './policy-reasons.ts';
export {
  REASON_CODES,
  REASON_STAGE,
  renderReason,
  type ReasonCode,
  type ReasonParams,
  type RenderedReason,
} from './reasons.ts';
export {
  appetiteOn,
  clampToLegalCap,
  dailyRateOf,
  describeLegalCapRate,
  describeLegalRateCap,
  legalCapOn,
  legalRateCapToJson,
  NEUTRAL_APPETITE,
  PRODUCT_TYPES,
  productTypeOfStored,
  STORED_PRODUCT_SPELLINGS,
  storedSpellingOf,
  type CappedRate,
  type LegalCapInForce,
  type LegalRateCap,
  type LoanTerm,
  type Product,
  type ProductType,
  type StoredProductSpelling,
  type RiskAppetite,
  type VerificationLevel,
} from './products.ts';
export {
  parseLendingSettings,
  productOn,
  type DatedProduct,
  type LendingSettings,
} from './lending-settings.ts';
export { assignArm, assignmentOn, bucketOf, type Arm, type PolicyAssignment } from './champion-challenger.ts';
export {
  describeShadow,
  parseShadowSetting,
  shadowFor,
  type ShadowPlan,
  type ShadowSetting,
} from './shadow-assignment.ts';
export { diffGraphs, type GraphDiff } from './policy-diff.ts';
export type { DecisionPolicy, PolicyService } from './policy-ports.ts';
export type { ChangeService } from './change-ports.ts';
export type { PolicyVersion, PolicyVersionSummary } from './policy-version.ts';
export type { ZenObject, ZenValue } from './zen-runtime.ts';
export { canonicalJson, policyChecksum } from './policy-checksum.ts';
export * from './products.ts';
export * from './policy-inputs.ts';
