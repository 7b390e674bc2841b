import { Type, type TArray, type TImmutable, type TSchema } from 'typebox';
import {
  FenString,
  IdString,
  InstantString,
  MoneyString,
  Nullable,
  StringEnum,
  Text,
} from '../platform/http/schemas.ts';

/**
 * The HTTP schemas of a decision (`decisionView`, `decisionSummaryView`, a replay), written from the domain
 * types in `decision.ts`, `evaluate-decision.ts` and `principal-reasons.ts`: every field the view sends is
 * declared with its type, so the OpenAPI document (and the web client generated from it) types the
 * reasons, the recourse and the evidence. test/decisions/decision-dto.test.ts checks the demo cases'
 * answers against these schemas, closed: a field a view sends that is not declared here fails there.
 */

const OUTCOMES = ['approved', 'declined', 'referred'] as const;

/**
 * A parameter value as reasons and recourse actions carry them: money as integer-fen strings, rates as exact
 * decimals, dates, counts — or a text in both languages (a score factor's label and bin).
 */
const ParamValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null(), Text]);

/** An array the domain holds read-only (`readonly T[]`): the same JSON schema, a `readonly` static type. */
const List = <T extends TSchema>(
  item: T,
  options?: Parameters<typeof Type.Array>[1],
): TImmutable<TArray<T>> => Type.Immutable(Type.Array(item, options)) as TImmutable<TArray<T>>;

/**
 * Parameters as the domain types them (`Readonly<Record<string, unknown>>`: each reason and action names its
 * own), documented with the values they take on the wire; test/decisions/decision-dto.test.ts checks them.
 */
const Params = (description: string) =>
  Type.Unsafe<Readonly<Record<string, unknown>>>(Type.Record(Type.String(), ParamValue, { description }));

/**
 * Any JSON value. Only for what a policy graph itself defines (its input document, output and node values):
 * the fields there are named by the policy an analyst wrote, not by the API.
 */
const PolicyValue = Type.Unknown({
  description: 'A JSON value as the policy graph has it (null, boolean, number, string, array or object).',
});

/** A map of policy fields to their values (`ZenObject`). */
const PolicyObject = (description: string) => Type.Record(Type.String(), PolicyValue, { description });

/** The typed parameters a reason's text was rendered from (`PrincipalReason.params`). */
export const ReasonParamsDto = Params(
  'The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field.',
);

/** One principal reason (`PrincipalReason`). */
export const ReasonDto = Type.Object(
  {
    code: Type.String({
      description: 'A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D).',
    }),
    kind: StringEnum(['knockout', 'limit', 'referral', 'system', 'score', 'review'] as const, {
      description: 'knockout, limit, referral, system, score, or review (a person decided).',
    }),
    text: Text,
    params: ReasonParamsDto,
  },
  { additionalProperties: false },
);

/** One dated step of a recourse plan (`RecourseStep`). */
export const RecourseActionDto = Type.Object(
  {
    code: Type.String({ description: 'The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, …' }),
    feature: Type.String({ description: 'The policy input the action changes (onTimeCycles).' }),
    from: Type.Union([Type.Number(), Type.Boolean()], { description: 'Its value today.' }),
    to: Type.Union([Type.Number(), Type.Boolean()], { description: 'Its value once the action is done.' }),
    byDate: Nullable(Type.String({ description: 'The business date it can be done by, YYYY-MM-DD.' })),
    cost: Type.Number({ description: 'How hard the step is, relative to the others.' }),
    params: Params('The typed parameters the text was rendered from (dates, counts, fen strings).'),
    text: Text,
  },
  { additionalProperties: false },
);

/** What the person can do about a decision (`DecisionRecourse`). */
export const RecourseDto = Type.Object(
  {
    status: StringEnum(['plan', 'none', 'not-needed'] as const, {
      description:
        'plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.',
    }),
    goal: Type.Union([
      Type.Object({ kind: Type.Literal('approval') }, { additionalProperties: false }),
      Type.Object(
        { kind: Type.Literal('amount'), amount: FenString('The amount asked for, in integer fen.') },
        { additionalProperties: false },
      ),
    ]),
    reason: Nullable(StringEnum(['fixed', 'too-many-actions', 'search-limit'] as const)),
    actions: List(RecourseActionDto),
    totalCost: Nullable(Type.Number()),
    verified: Nullable(
      Type.Object(
        {
          outcome: StringEnum(OUTCOMES),
          limit: FenString('The limit on the plan’s values, in integer fen.'),
        },
        {
          additionalProperties: false,
          description: 'The decision re-run on the plan’s values: it meets the goal.',
        },
      ),
    ),
    text: Nullable(Text),
  },
  {
    additionalProperties: false,
    description: 'What the person can do: a verified plan with dated actions, or "no plan" in words.',
  },
);

const PolicyTermsEntry = PolicyObject('One entry of a lending-settings document (policies/settings.json).');

/** The facts a decision was made on (`DecisionFacts`). */
export const DecisionFactsDto = Type.Object(
  {
    customerId: IdString('customer'),
    productCode: Type.String(),
    asOf: InstantString('The decision instant.'),
    asOfDate: Type.String({ description: 'Its business date, YYYY-MM-DD (Asia/Shanghai).' }),
    requestedAmount: Nullable(FenString('The amount asked for; null for "the most I can get".')),
    features: Type.Record(Type.String(), Nullable(Type.Union([Type.Number(), Type.String()])), {
      description: 'Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown).',
    }),
    verification: Type.Object(
      { level: Type.Integer(), failures: List(Type.String()), provider: Nullable(Type.String()) },
      { additionalProperties: false },
    ),
    age: Type.Integer({ description: 'Whole years on the decision date.' }),
    blocklisted: Type.Optional(
      Type.Boolean({ description: 'On the blocklist at the instant (absent in records made before it).' }),
    ),
    holds: List(
      Type.Object({ reasonCode: Type.String(), expiresAt: Type.String() }, { additionalProperties: false }),
      { description: 'Risk holds in force at the instant.' },
    ),
    decay: Type.Record(Type.String(), List(Type.Number()), {
      description: 'For time-decaying features: the instants (epoch ms) their counted units stop counting.',
    }),
    facility: Nullable(
      Type.Object({ openedAt: Type.String(), status: Type.String() }, { additionalProperties: false }),
    ),
    terms: Nullable(
      Type.Object(
        {
          products: List(PolicyTermsEntry),
          legalRateCaps: List(PolicyTermsEntry),
          riskAppetite: List(PolicyTermsEntry),
        },
        { additionalProperties: false, description: 'The lender’s terms in force, as a settings document.' },
      ),
    ),
    consents: Type.Optional(
      List(
        Type.Object(
          {
            purpose: Type.String({ description: 'credit_assessment, bureau_query, …' }),
            dataSource: Nullable(Type.String({ description: 'The data source, for credit assessment.' })),
            eventRef: Type.String({ description: 'The consent event relied on: `source/eventId`.' }),
            noticeVersion: Nullable(Type.Integer({ description: 'The notice version accepted.' })),
            since: Type.String({ description: 'When the consent was given (RFC 3339).' }),
          },
          { additionalProperties: false },
        ),
        { description: 'The consents the decision relied on (absent in records made before issue 17).' },
      ),
    ),
  },
  { additionalProperties: false },
);

/** One node of the policy's rule trace (`TraceEntry`). */
export const TraceEntryDto = Type.Object(
  {
    nodeId: Type.String(),
    nodeName: Type.String(),
    kind: StringEnum(['input', 'output', 'decisionTable', 'expression', 'switch'] as const),
    inputs: PolicyObject('Field path → value, for every field the node reads.'),
    matched: List(Type.String(), { description: 'Matched row ids or selected statement ids.' }),
    output: PolicyValue,
  },
  { additionalProperties: false },
);

/** What a decision was computed from and how (`decisionView(…, {evidence: true})`). */
export const DecisionEvidenceDto = Type.Object(
  {
    modelHash: Nullable(Type.String()),
    policyChecksum: Nullable(Type.String()),
    facts: Nullable(DecisionFactsDto),
    scorecardRow: Nullable(
      Type.Record(Type.String(), Nullable(Type.Union([Type.Number(), Type.String()])), {
        description: 'The scorecard row: every feature as the model read it (money in yuan).',
      }),
    ),
    policyDocument: Nullable(PolicyObject('The policy’s input document.')),
    policyOutput: Nullable(PolicyObject('The policy’s output document.')),
    trace: Nullable(List(TraceEntryDto, { description: 'The rule trace, nodes in evaluation order.' })),
  },
  {
    additionalProperties: false,
    description: 'Facts, scorecard row, policy document and output, rule trace.',
  },
);

/** A person's decision that overrides an earlier one (`DecisionOverride`). */
export const DecisionOverrideDto = Type.Object(
  {
    overrides: IdString('decision', 'The decision it overrides.'),
    reviewer: Type.String(),
    note: Type.String(),
    outcome: StringEnum(OUTCOMES),
    limit: FenString('The limit the person set, in integer fen.'),
    apr: Nullable(Type.String({ description: 'Exact decimal APR, or null when declined.' })),
    reasons: Type.Optional(List(ReasonDto, { description: 'A manual review’s reasons for the customer.' })),
  },
  { additionalProperties: false, description: 'A person’s decision on an appeal or a referral.' },
);

/** A decision on the wire (`decisionView`); the referral queue's case view answers it too. */
export const DecisionDto = Type.Object({
  decisionId: IdString('decision'),
  customerId: IdString('customer'),
  kind: Type.String(),
  linkedTo: Nullable(Type.String()),
  product: Type.String(),
  productType: Nullable(Type.String()),
  outcome: StringEnum(OUTCOMES),
  limit: MoneyString('The limit in yuan ("8000.00"); 0.00 when declined or referred.'),
  limitFen: FenString('The limit in integer fen ("800000" is ¥8,000.00).'),
  requestedAmount: Nullable(MoneyString('The amount asked for, in yuan, as it was sent ("8000.00").')),
  requestedAmountFen: Nullable(FenString('The amount asked for, in integer fen.')),
  apr: Nullable(Type.String({ description: 'Annual rate after the legal cap, exact decimal.' })),
  dailyRate: Nullable(Type.String({ description: 'APR / 365, exact decimal.' })),
  score: Nullable(Type.Integer()),
  subScores: Nullable(
    Type.Record(Type.String(), Type.Number(), {
      description: 'identity, capacity, history, relationships, behaviour (350–950).',
    }),
  ),
  reasons: List(ReasonDto, {
    description:
      '1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`).',
  }),
  recourse: Nullable(RecourseDto),
  policyVersion: Nullable(Type.String()),
  modelVersion: Nullable(Type.String()),
  arm: Nullable(Type.String()),
  legalCap: Nullable(
    Type.Object(
      {
        effectiveFrom: Type.String({ description: 'YYYY-MM-DD' }),
        annualRate: Type.String({ description: 'Exact decimal.' }),
      },
      { additionalProperties: false, description: 'The legal rate cap in force on the decision date.' },
    ),
  ),
  fault: Nullable(
    Type.Object(
      {
        stage: StringEnum(['snapshot', 'facility', 'scoring', 'policy', 'provider'] as const),
        code: Type.String({ description: 'timeout, unavailable, error, PROVIDER_UNAVAILABLE.' }),
        message: Type.String({ description: 'What failed, in words safe to show staff.' }),
      },
      {
        additionalProperties: false,
        description: 'The dependency that failed, when the decision was referred for a fault.',
      },
    ),
  ),
  override: Nullable(DecisionOverrideDto),
  overridden: Type.Optional(
    Nullable(
      Type.Object(
        {
          decisionId: IdString('decision'),
          reasons: List(ReasonDto),
          recourse: Nullable(RecourseDto),
        },
        { description: 'On an override: the decision it replaced, with its reasons and plan (history).' },
      ),
    ),
  ),
  facilityChange: Nullable(Type.String()),
  decidedAt: InstantString(),
  decisionDate: Type.String(),
  evidence: Type.Optional(DecisionEvidenceDto),
});

/** A decision without its evidence, as listings answer it (`decisionSummaryView`). */
export const DecisionSummaryDto = Type.Object({
  decisionId: IdString('decision'),
  customerId: IdString('customer'),
  kind: Type.String(),
  linkedTo: Nullable(Type.String()),
  product: Type.String(),
  outcome: StringEnum(OUTCOMES),
  limit: MoneyString('The limit in yuan; 0.00 when declined or referred.'),
  limitFen: FenString('The limit in integer fen.'),
  requestedAmount: Nullable(MoneyString('The amount asked for, in yuan.')),
  requestedAmountFen: Nullable(FenString('The amount asked for, in integer fen.')),
  apr: Nullable(Type.String({ description: 'Annual rate after the legal cap, exact decimal.' })),
  score: Nullable(Type.Integer()),
  reasonCodes: List(Type.String(), { description: 'The principal reasons, in rank order.' }),
  policyVersion: Nullable(Type.String()),
  modelVersion: Nullable(Type.String()),
  arm: Nullable(Type.String()),
  decidedAt: InstantString(),
});

/** A replay's report (`replay.ts`). */
export const ReplayDto = Type.Object({
  decisionId: IdString('decision'),
  basis: Type.String(),
  matches: Type.Boolean(),
  outcome: Type.Object({ stored: Type.String(), recomputed: Type.String() }),
  differences: List(
    Type.Object(
      {
        field: Type.String({
          description: 'outcome, limit, apr, score, policyOutput, trace, reasons, recourse, …',
        }),
        stored: Type.Unknown({ description: 'The value recorded (any JSON).' }),
        recomputed: Type.Unknown({ description: 'The value recomputed (any JSON).' }),
      },
      { description: 'A field whose recomputed value differs from the stored one.' },
    ),
  ),
  modelVersion: Nullable(Type.String()),
  policyVersion: Nullable(Type.String()),
});
