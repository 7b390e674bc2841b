import { Type } from 'typebox';
import { APPEAL_CATEGORIES, APPEAL_STATUSES, RESOLUTIONS } from '../appeals/index.ts';
import { EvidenceFileDto } from '../appeals/appeals.dto.ts';
import { DECISION_KINDS } from '../decisions/index.ts';
import { FACILITY_STATUSES } from '../lending/facilities/facility.ts';
import { REPAYMENT_INTENTS, REPAYMENT_METHODS } from '../lending/index.ts';
import {
  DateString,
  IdString,
  InstantString,
  MoneyString,
  Nullable,
  RateString,
  StringEnum,
} from '../platform/http/schemas.ts';

/**
 * The response schemas of the customer's API (`/v1/me…`, the demo sign-in and customer sessions), written
 * from docs/customer-app.md ("API"). fastify serialises each answer by its schema, and the app's client
 * types are generated from `/openapi.json`, so a field is here exactly when the contract has it: required
 * unless the contract says optional, `null` only where it says so. test/me/me-isolation.test.ts checks every
 * answer against its schema, and that the handlers send no field the schema would drop.
 */

/** A text the customer reads, in both languages. One schema for every such field. */
export const TextSchema = Type.Object(
  { 'zh-CN': Type.String(), en: Type.String() },
  { additionalProperties: false, title: 'Text', description: 'A text in zh-CN and en.' },
);

const strict = { additionalProperties: false } as const;
const NullableMoney = (description?: string) => Nullable(MoneyString(description));
const NullableRate = (description?: string) => Nullable(RateString(description));

export const ME_OUTCOMES = ['approved', 'declined', 'referred'] as const;
export const ME_PRODUCT_CODES = ['cash_loan', 'credit_line'] as const;
const Outcome = StringEnum(ME_OUTCOMES);
const Product = StringEnum(ME_PRODUCT_CODES);
/** A decision's product code as policies name it: cash_loan or credit_line for every product in force. */
const DecisionProduct = Type.String({ description: 'The product code: cash_loan or credit_line.' });

// Sessions and the demo sign-in.

export const SessionSchema = Type.Object(
  {
    token: Type.String({
      pattern: '^cs_[0-9A-Za-z]+$',
      description: 'The bearer token (cs_…), shown once: send it as Authorization: Bearer.',
    }),
    sessionId: Type.String({ description: 'ses_…' }),
    customerId: IdString('customer'),
    expiresAt: InstantString(),
  },
  { ...strict, title: 'Session' },
);

export const SessionInfoSchema = Type.Object(
  {
    sessionId: Type.String(),
    customerId: IdString('customer'),
    expiresAt: InstantString(),
    demo: Type.Boolean({ description: 'Issued by the demo sign-in.' }),
  },
  { ...strict, title: 'SessionInfo' },
);

export const RevokedSchema = Type.Object(
  { customerId: IdString('customer'), revoked: Type.Integer({ minimum: 0 }) },
  { ...strict, title: 'RevokedSessions' },
);

export const DEMO_CASE_KEYS = [
  'clean_approval',
  'low_score',
  'unverified_phone',
  'thin_file',
  'multi_head',
  'abnormal_limit_checks',
  'tightened_policy',
  'new_user_first_limit',
  'outage',
] as const;

export const DemoCustomersSchema = Type.Object(
  {
    customers: Type.Array(
      Type.Object(
        {
          customerId: IdString('customer'),
          case: StringEnum(DEMO_CASE_KEYS),
          displayName: Type.String({ description: 'Masked: surname and asterisks.' }),
          product: Product,
          shows: TextSchema,
          story: TextSchema,
        },
        { ...strict, title: 'DemoCustomer' },
      ),
    ),
  },
  strict,
);

// Home and verification.

export const VerificationSchema = Type.Object(
  {
    level: Type.Integer({ minimum: 0, maximum: 3 }),
    levelName: TextSchema,
    levelsNeeded: Type.Object(
      {
        cash_loan: Type.Optional(Type.Integer({ minimum: 0, maximum: 3 })),
        credit_line: Type.Optional(Type.Integer({ minimum: 0, maximum: 3 })),
      },
      { ...strict, description: 'The level each product in force today requires.' },
    ),
    elements: Type.Array(
      Type.Object(
        { element: StringEnum(['id_number', 'phone', 'bank_card'] as const), verified: Type.Boolean() },
        strict,
      ),
    ),
    failures: Type.Array(Type.Object({ code: Type.String(), text: TextSchema }, strict)),
    nextStep: Nullable(TextSchema),
    cards: Type.Array(
      Type.Object(
        {
          cardId: Type.String(),
          cardNumber: Type.String({ description: 'Masked: "6225 **** **** 4321".' }),
          issuer: Nullable(Type.String()),
          addedAt: InstantString(),
        },
        { ...strict, title: 'Card' },
      ),
    ),
    verifiedAt: Nullable(InstantString()),
  },
  { ...strict, title: 'Verification' },
);

export const ProductStatusSchema = Type.Object(
  {
    product: Product,
    name: TextSchema,
    status: StringEnum(['can_borrow', 'not_yet', 'under_review', 'not_applied'] as const),
    headline: TextSchema,
    limitTotal: NullableMoney("The facility's limit; null without a facility."),
    limitAvailable: NullableMoney(),
    apr: NullableRate('The annualised rate.'),
    dailyRate: NullableRate('apr / 365; show it less prominently than apr.'),
    facilityStatus: Nullable(StringEnum(FACILITY_STATUSES)),
    latestDecisionId: Nullable(IdString('decision')),
    lineId: Nullable(IdString('line', 'credit_line only: the open line, if any.')),
  },
  { ...strict, title: 'ProductStatus' },
);

export const HomeSchema = Type.Object(
  {
    customer: Type.Object(
      { id: IdString('customer'), maskedName: Type.String(), maskedPhone: Type.String() },
      strict,
    ),
    asOf: InstantString(),
    verification: VerificationSchema,
    score: Nullable(
      Type.Object(
        {
          value: Type.Integer({ minimum: 350, maximum: 950 }),
          band: StringEnum(['poor', 'fair', 'good', 'excellent'] as const),
          asOf: InstantString(),
          decisionId: IdString('decision'),
          dimensions: Type.Array(
            Type.Object(
              {
                key: StringEnum(['identity', 'capacity', 'history', 'relationships', 'behaviour'] as const),
                score: Type.Integer(),
                label: TextSchema,
              },
              strict,
            ),
          ),
        },
        strict,
      ),
    ),
    products: Type.Array(ProductStatusSchema),
  },
  { ...strict, title: 'Home' },
);

// Decisions.

export const DecisionSummarySchema = Type.Object(
  {
    decisionId: IdString('decision'),
    product: DecisionProduct,
    kind: StringEnum(DECISION_KINDS),
    outcome: Outcome,
    effectiveOutcome: Outcome,
    overturnedBy: Nullable(IdString('decision')),
    limit: MoneyString('The limit of the outcome that stands, in yuan.'),
    apr: NullableRate(),
    decidedAt: InstantString(),
    decisionDate: DateString(),
    headline: TextSchema,
  },
  { ...strict, title: 'DecisionSummary' },
);

export const MeDecisionSchema = Type.Object(
  {
    decisionId: IdString('decision'),
    product: DecisionProduct,
    kind: StringEnum(DECISION_KINDS),
    decidedAt: InstantString(),
    decisionDate: DateString(),
    outcome: StringEnum(ME_OUTCOMES, {
      description: 'What this decision is now for the customer: after an overturn, the new outcome.',
    }),
    overturned: Nullable(
      Type.Object(
        {
          byDecisionId: IdString('decision'),
          on: DateString(),
          originalOutcome: Outcome,
        },
        strict,
      ),
    ),
    headline: TextSchema,
    limit: MoneyString('In yuan; "0.00" when declined.'),
    requestedAmount: NullableMoney(),
    apr: NullableRate(),
    dailyRate: NullableRate(),
    reasons: Type.Array(Type.Object({ code: Type.String(), text: TextSchema }, strict), {
      maxItems: 4,
      description: 'Most important first; empty for an approval at the full amount.',
    }),
    plan: Nullable(
      Type.Object(
        {
          steps: Type.Array(
            Type.Object(
              {
                code: Type.String(),
                text: TextSchema,
                dueDate: Nullable(DateString()),
                done: Type.Boolean(),
                progress: Nullable(
                  Type.Object(
                    { done: Type.Integer({ minimum: 0 }), total: Type.Integer({ minimum: 0 }) },
                    strict,
                  ),
                ),
              },
              { ...strict, title: 'PlanStep' },
            ),
          ),
          reapplyOn: Nullable(DateString('The earliest date all steps can be done (null: now).')),
          verifiedOutcome: Nullable(StringEnum(['approved', 'declined', 'referred'] as const)),
        },
        strict,
      ),
    ),
    noPlan: Nullable(TextSchema),
    referral: Nullable(
      Type.Object(
        {
          kind: StringEnum(['fault', 'review'] as const),
          whatNext: TextSchema,
          byWhen: InstantString(),
          byWhenDate: DateString(),
          action: StringEnum(['reapply', 'appeal'] as const),
        },
        strict,
      ),
    ),
    appeal: Type.Object(
      {
        canAppeal: Type.Boolean(),
        deadline: Nullable(DateString()),
        appealId: Nullable(IdString('appeal')),
      },
      strict,
    ),
  },
  { ...strict, title: 'MeDecision' },
);

// Cards.

export const BoundCardSchema = Type.Object(
  {
    card: VerificationSchema.properties.cards.items,
    verification: VerificationSchema,
    verified: Type.Boolean(),
  },
  strict,
);

// Cash loans (the loan shapes themselves are the staff API's, from the lending context).

export const QuoteSchema = Type.Object(
  {
    amount: MoneyString(),
    term: Type.Integer(),
    method: StringEnum(REPAYMENT_METHODS),
    apr: RateString(),
    dailyRate: RateString(),
    aprByIrr: RateString('Annualised rate by IRR over the actual cash flows, fees included.'),
    upfrontFee: MoneyString(),
    paidOut: MoneyString(),
    totalInterest: MoneyString(),
    totalFees: MoneyString(),
    totalRepayment: MoneyString(),
    rows: Type.Array(
      Type.Object(
        {
          period: Type.Integer(),
          dueDate: DateString(),
          principal: MoneyString(),
          interest: MoneyString(),
          payment: MoneyString(),
          balance: MoneyString(),
        },
        strict,
      ),
    ),
  },
  { ...strict, title: 'Quote' },
);

export const LoanRepaymentEventSchema = Type.Object(
  {
    seq: Type.Integer(),
    kind: StringEnum(['repayment'] as const),
    effectiveDate: DateString(),
    amount: MoneyString(),
    intent: StringEnum(REPAYMENT_INTENTS),
    receivedAt: InstantString(),
  },
  strict,
);

// Credit lines.

export const PurchaseSchema = Type.Object(
  {
    lineId: Type.String(),
    purchaseId: Type.String(),
    amount: MoneyString(),
    effectiveDate: DateString(),
    heldUsed: MoneyString('Money held for the customer that paid for it.'),
    availableAfter: MoneyString(),
    journalIds: Type.Array(Type.String()),
  },
  { ...strict, title: 'Purchase' },
);

// Appeals and messages.

/** An evidence file as uploaded: the same schema as the app's upload answers (`appeals.dto.ts`). */
export const EvidenceSchema = EvidenceFileDto;

export const MeAppealSchema = Type.Object(
  {
    appealId: IdString('appeal'),
    decisionId: IdString('decision'),
    category: StringEnum(APPEAL_CATEGORIES),
    categoryText: TextSchema,
    status: StringEnum(APPEAL_STATUSES),
    resolution: Nullable(StringEnum(RESOLUTIONS)),
    statusText: TextSchema,
    slaDueDate: Nullable(DateString()),
    granted: Nullable(
      Type.Object({ decisionId: IdString('decision'), limit: MoneyString(), apr: RateString() }, strict),
    ),
    reasons: Type.Array(Type.Object({ code: Type.String(), text: TextSchema }, strict)),
    message: Nullable(TextSchema),
    evidenceIds: Type.Array(IdString('evidence')),
    filedAt: InstantString(),
    resolvedAt: Nullable(InstantString()),
    withdrawnAt: Nullable(InstantString()),
  },
  { ...strict, title: 'Appeal' },
);

export const MessageSchema = Type.Object(
  {
    id: Type.String(),
    kind: StringEnum(['decision', 'appeal', 'limit_change', 'account'] as const),
    at: InstantString(),
    title: TextSchema,
    text: TextSchema,
    link: Type.Object(
      {
        decisionId: Type.Optional(IdString('decision')),
        appealId: Type.Optional(IdString('appeal')),
        lineId: Type.Optional(IdString('line')),
        loanId: Type.Optional(IdString('loan')),
      },
      strict,
    ),
  },
  { ...strict, title: 'Message' },
);
