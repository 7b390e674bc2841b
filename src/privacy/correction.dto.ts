import { Type } from 'typebox';
import { DateString, IdString, InstantString, Nullable, StringEnum, Text } from '../platform/http/schemas.ts';
import {
  correctionOverdue,
  CORRECTION_STATUSES,
  PROFILE_FIELDS,
  type Correction,
} from './correction-rules.ts';

const WireValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);
const WireRecord = (description: string) => Type.Record(Type.String(), WireValue, { description });

export const CorrectionSubjectSchema = Type.Union([
  Type.Object(
    {
      kind: StringEnum(['event', 'repayment'] as const, {
        description: 'A data event, or a repayment record reported by a bureau or lender (an event too).',
      }),
      source: Type.String({ minLength: 1, maxLength: 64, description: 'The event’s source, as in my copy.' }),
      eventId: Type.String({ minLength: 1, maxLength: 128, description: 'The event’s id, as in my copy.' }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: StringEnum(['profile'] as const), field: StringEnum(PROFILE_FIELDS) },
    { additionalProperties: false },
  ),
]);

export const CorrectionBody = Type.Object(
  {
    subject: CorrectionSubjectSchema,
    statement: Type.String({ minLength: 1, maxLength: 2000, description: 'What is wrong, in my words.' }),
    proposed: Type.Optional(
      WireRecord('What is right: for a repayment paidDate and/or amount; for a profile field, that field.'),
    ),
  },
  { additionalProperties: false },
);

export const ResolveBody = Type.Union([
  Type.Object(
    {
      outcome: StringEnum(['corrected'] as const),
      values: Type.Optional(WireRecord('The corrected values (default: what the customer proposed).')),
      message: Text,
    },
    { additionalProperties: false },
  ),
  Type.Object({ outcome: StringEnum(['rejected'] as const), reason: Text }, { additionalProperties: false }),
]);

export const CorrectionSchema = Type.Object(
  {
    correctionId: IdString('dataCorrection'),
    requestId: IdString('dataSubjectRequest'),
    customerId: IdString('customer'),
    subject: Type.Object(
      {
        kind: StringEnum(['event', 'repayment', 'profile'] as const),
        source: Type.Optional(Type.String()),
        eventId: Type.Optional(Type.String()),
        field: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    statement: Type.String(),
    proposed: WireRecord('What the person proposed.'),
    status: StringEnum(CORRECTION_STATUSES),
    slaDays: Type.Integer({ description: 'Calendar days to answer (the setting when filed).' }),
    dueDate: DateString('The answer is due by the end of this day.'),
    overdue: Type.Boolean({ description: 'Still open after its due date.' }),
    filedAt: InstantString(),
    resolvedAt: Nullable(InstantString()),
    resolution: Nullable(Text),
    correctingEvent: Nullable(WireRecord('The event appended to correct the fact (never an update).')),
    affectedDecisions: Type.Array(IdString('decision'), {
      description: 'Decisions made on or after the disputed fact, listed for a re-check.',
    }),
  },
  { additionalProperties: false },
);

export const CorrectionListSchema = Type.Object(
  { items: Type.Array(CorrectionSchema) },
  { additionalProperties: false },
);

export function correctionView(correction: Correction, now: Date) {
  return {
    correctionId: correction.id,
    requestId: correction.requestId,
    customerId: correction.customerId,
    subject: { ...correction.subject },
    statement: correction.statement,
    proposed: { ...correction.proposed } as Record<string, string | number | boolean | null>,
    status: correction.status,
    slaDays: correction.slaDays,
    dueDate: correction.dueDate,
    overdue: correctionOverdue(correction, now),
    filedAt: correction.filedAt.toISOString(),
    resolvedAt: correction.resolvedAt ? correction.resolvedAt.toISOString() : null,
    resolution: correction.resolution,
    correctingEvent: correction.correctingEvent
      ? ({ ...correction.correctingEvent } as Record<string, string | number | boolean | null>)
      : null,
    affectedDecisions: [...correction.affectedDecisions],
  };
}
