import { Type } from 'typebox';
import { DateString, IdString, InstantString, Nullable, StringEnum } from '../platform/http/schemas.ts';
import { REQUEST_KINDS, REQUEST_STATUSES } from './data-subject-request.ts';

/** The API's shapes of the privacy context (TypeBox; the OpenAPI document and the web client follow). */

const Bilingual = Type.Object(
  { zh: Type.String(), en: Type.String() },
  { additionalProperties: false, description: 'The same text in zh-CN and en.' },
);

export const HoldSchema = Type.Object(
  {
    kind: StringEnum(['open_credit', 'retention', 'open_appeal', 'legal_hold'] as const),
    ruleId: Nullable(
      Type.String({ description: 'The retention rule applied (retention_rules.id); null for a legal hold.' }),
    ),
    subject: Type.Object(
      {
        type: StringEnum(['loan', 'line', 'appeal', 'correction', 'legal_hold'] as const),
        id: Type.String(),
      },
      { additionalProperties: false },
    ),
    heldThrough: Nullable(
      DateString(
        'The last day the data is kept for this hold; null while it lasts until an event (a loan closing).',
      ),
    ),
    closedOn: Nullable(DateString('For a retention period: the close date it runs from.')),
    text: Bilingual,
  },
  { additionalProperties: false },
);

export const RequestSchema = Type.Object(
  {
    id: IdString('dataSubjectRequest'),
    customerId: IdString('customer'),
    kind: StringEnum(REQUEST_KINDS),
    status: StringEnum(REQUEST_STATUSES),
    requestedBy: Type.Object(
      { kind: StringEnum(['customer', 'staff', 'system'] as const), id: Type.String() },
      { additionalProperties: false },
    ),
    reason: Nullable(Type.String({ description: 'Why staff acted for the person (staff views only).' })),
    requestedAt: InstantString(),
    holds: Type.Array(HoldSchema),
    erasableFrom: Nullable(
      DateString('The first date it can be carried out; null when now, done, or undated.'),
    ),
    summary: Bilingual,
    completedAt: Nullable(InstantString()),
    outcome: Nullable(
      Type.Object({}, { additionalProperties: true, description: 'What was done (no personal data).' }),
    ),
  },
  { additionalProperties: false },
);

/** What carrying out an erasure did (`ErasureOutcome`; no personal data). */
export const ErasureOutcomeSchema = Type.Object(
  {
    dataKeyDestroyed: Type.Boolean(),
    resealed: Type.Object(
      { identifiers: Type.Integer(), cards: Type.Integer(), evidence: Type.Integer() },
      {
        additionalProperties: false,
        description: 'Values sealed under the data key first, then destroyed with it.',
      },
    ),
    cardsUnindexed: Type.Integer(),
    sessionsRevoked: Type.Integer(),
    copiesPurged: Type.Integer(),
    ownWordsRedacted: Type.Integer(),
    removed: Type.Array(Type.String(), {
      description: 'Columns emptied (look-up indexes, derived identifiers).',
    }),
  },
  { additionalProperties: false },
);

/** A customer's own erasure request: the request, with the outcome of an erasure declared field by field. */
export const MyErasureRequestSchema = Type.Object(
  { ...RequestSchema.properties, outcome: Nullable(ErasureOutcomeSchema) },
  { additionalProperties: false },
);

export const LegalHoldSchema = Type.Object(
  {
    id: IdString('legalHold'),
    customerId: IdString('customer'),
    reason: Type.String(),
    authority: Nullable(Type.String()),
    heldUntil: DateString('The last day held.'),
    placedBy: Type.String(),
    placedAt: InstantString(),
    releasedAt: Nullable(InstantString()),
    releasedBy: Nullable(Type.String()),
    releaseReason: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

export const RunReportSchema = Type.Object(
  {
    businessDate: DateString(),
    checked: Type.Integer({ minimum: 0 }),
    erased: Type.Array(IdString('dataSubjectRequest')),
    stillBlocked: Type.Array(IdString('dataSubjectRequest')),
  },
  { additionalProperties: false },
);
