/**
 * The recourse engine's public surface. See docs/recourse.md.
 */
export {
  findRecourse,
  meetsGoal,
  type ActionableFeature,
  type DecisionFunction,
  type DecisionOutcome,
  type FeatureRecord,
  type FeatureValue,
  type RecourseAction,
  type RecourseGoal,
  type RecoursePlan,
  type RecourseProblem,
} from './recourse.ts';
export {
  creditPolicyActions,
  dateApplicationsAtMost,
  dateCountAtMost,
  policyFeatures,
  policyDocumentWith,
  withPolicyFeatures,
  type CreditRecourseContext,
} from './credit-recourse.ts';
export {
  RECOURSE_MESSAGES,
  renderRecourseAction,
  renderRecoursePlan,
  type RenderedAction,
} from './recourse-actions.ts';
export { factorText, type FactorTextInput } from './factor-texts.ts';
